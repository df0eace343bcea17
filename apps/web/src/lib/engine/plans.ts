/**
 * Run plans the app asks for: the workbench's live estimate, the compare page's variants, the ROI
 * case at the scenario's own settings, and the tornado's lever sweeps. Each is the scenario's plan
 * (planFromScenario: baseline, run settings, precision target) with the app's variants appended,
 * so every variant is paired against the same baseline with the same seed.
 */
import type { PlanVariant, RunPlan } from '@journeycast/sim-core';
import { planFromScenario, setPath, type Scenario } from '@journeycast/scenarios';
import {
  CUSTOM_ID,
  CUSTOM_LABEL,
  comparedModel,
  isSharedLever,
  leverRange,
  leverSets,
  modelValueOf,
  type LeverValues,
} from '../scenario/levers.ts';

export type RunMode = 'live' | 'compare' | 'full' | 'tornado';

export interface RunSettingsUsed {
  agents: number;
  replications: number;
  queueDaysPerMonth: number;
  precision: boolean;
  /** Why these settings differ from the scenario's, when they do. */
  note?: string;
}

/** Live estimates follow fewer customers than the CI setting, to answer within a few frames. */
export const LIVE_MAX_AGENTS = 4000;
export const TORNADO_MAX_AGENTS = 2000;
export const TORNADO_REPLICATIONS = 6;

export function settingsFor(scenario: Scenario, mode: RunMode): RunSettingsUsed {
  const run = scenario.run;
  switch (mode) {
    case 'live':
    case 'compare': {
      const agents = Math.min(run.agents, LIVE_MAX_AGENTS);
      return {
        agents,
        replications: run.replications,
        queueDaysPerMonth: run.queueDaysPerMonth,
        precision: true,
        ...(agents < run.agents
          ? {
              note: `Live estimate: ${agents.toLocaleString('en-GB')} simulated customers (the scenario uses ${run.agents.toLocaleString('en-GB')}); the ROI case runs the full setting.`,
            }
          : {}),
      };
    }
    case 'full':
      return {
        agents: run.agents,
        replications: run.replications,
        queueDaysPerMonth: run.queueDaysPerMonth,
        precision: true,
      };
    case 'tornado':
      return {
        agents: Math.min(run.agents, TORNADO_MAX_AGENTS),
        replications: Math.min(run.replications, TORNADO_REPLICATIONS),
        queueDaysPerMonth: 1,
        precision: false,
        note: 'Sensitivity sweep: fewer customers, replications and queue days than the headline run; paired, so the differences are clean but the levels are rougher.',
      };
  }
}

/** One variant to add to a plan: a scenario variant (or the baseline for Custom) with changes. */
export interface PlanEntry {
  id: string;
  label: string;
  /** The scenario variant it starts from, or CUSTOM_ID for the baseline. */
  from: string;
  sets: { path: string; value: number | string }[];
}

type Sets = { path: string; value: number | string }[];

/**
 * The scenario's plan with `entries` as its variants. `shared` edits (economics levers) apply to
 * the baseline; entries carry them in their own sets.
 */
export function buildPlan(
  scenario: Scenario,
  entries: PlanEntry[],
  mode: RunMode,
  shared: Sets = [],
): RunPlan {
  const settings = settingsFor(scenario, mode);
  const plan = planFromScenario(scenario, {
    variants: [],
    agents: settings.agents,
    replications: settings.replications,
    precision: settings.precision,
    set: shared,
  });
  plan.queueDaysPerMonth = settings.queueDaysPerMonth;
  const variants: PlanVariant[] = entries.map((entry) => {
    const model = comparedModel(scenario, entry.from);
    for (const { path, value } of entry.sets) setPath(model, path, value);
    return { id: entry.id, label: entry.label, model };
  });
  plan.variants = [plan.variants[0]!, ...variants];
  return plan;
}

export function variantLabel(scenario: Scenario, variantId: string): string {
  if (variantId === CUSTOM_ID) return CUSTOM_LABEL;
  return scenario.variants.find((v) => v.id === variantId)?.label ?? variantId;
}

/** The compared variant with the lever changes, as a plan entry (keeps the variant's id). */
export function comparedEntry(
  scenario: Scenario,
  variantId: string,
  levers: LeverValues,
): PlanEntry {
  const sets = leverSets(scenario, levers);
  const label = variantLabel(scenario, variantId);
  return {
    id: variantId,
    label: sets.length > 0 && variantId !== CUSTOM_ID ? `${label} + lever changes` : label,
    from: variantId,
    sets,
  };
}

/** The workbench / ROI plan: baseline against the compared variant with the lever changes. */
export function workbenchPlan(
  scenario: Scenario,
  variantId: string,
  levers: LeverValues,
  mode: 'live' | 'full',
): RunPlan {
  return buildPlan(
    scenario,
    [comparedEntry(scenario, variantId, levers)],
    mode,
    leverSets(scenario, levers, 'shared'),
  );
}

/** Id of a tornado variant: the lever's index and end. */
export function tornadoId(index: number, end: 'min' | 'max'): string {
  return `lever-${index}-${end}`;
}

/**
 * The tornado: the compared variant as it stands, then each lever moved to its minimum and its
 * maximum (all other lever changes kept), each paired against its baseline. Decision levers share
 * one plan (one baseline); a shared (economics) lever moves the baseline too, so each of its ends
 * is a plan of its own. The plans run one after another.
 */
export function tornadoPlans(
  scenario: Scenario,
  variantId: string,
  levers: LeverValues,
): RunPlan[] {
  const current = comparedEntry(scenario, variantId, levers);
  const shared = leverSets(scenario, levers, 'shared');
  const main: PlanEntry[] = [current];
  const separate: RunPlan[] = [];
  scenario.levers.forEach((lever, index) => {
    const { min, max } = leverRange(lever);
    for (const [end, value] of [
      ['min', min],
      ['max', max],
    ] as const) {
      const set = { path: lever.path, value: modelValueOf(lever, value) };
      const entry: PlanEntry = {
        id: tornadoId(index, end),
        label: `${lever.label} at ${end}`,
        from: variantId,
        sets: [...current.sets.filter((s) => s.path !== lever.path), set],
      };
      if (isSharedLever(lever)) {
        const base = [...shared.filter((s) => s.path !== lever.path), set];
        separate.push(buildPlan(scenario, [entry], 'tornado', base));
      } else {
        main.push(entry);
      }
    }
  });
  return [buildPlan(scenario, main, 'tornado', shared), ...separate];
}

/** The compare page's plan: each chosen variant (the workbench's own with its lever changes). */
export function comparePlan(
  scenario: Scenario,
  ids: string[],
  workbench: { variantId: string; levers: LeverValues },
): RunPlan {
  const entries = ids.map((id): PlanEntry => {
    if (id === WORKBENCH_ID) {
      const entry = comparedEntry(scenario, workbench.variantId, workbench.levers);
      return { ...entry, id: WORKBENCH_ID, label: `Workbench: ${entry.label}` };
    }
    // Custom is the baseline with the workbench's lever values: without them it would be the
    // baseline itself, every difference zero.
    if (id === CUSTOM_ID) return comparedEntry(scenario, CUSTOM_ID, workbench.levers);
    return { id, label: variantLabel(scenario, id), from: id, sets: [] };
  });
  // Economics levers are the world every variant lives in: they apply to all of them.
  const shared = leverSets(scenario, workbench.levers, 'shared');
  const withShared = entries.map((e) => ({
    ...e,
    sets: [...shared.filter((s) => !e.sets.some((x) => x.path === s.path)), ...e.sets],
  }));
  return buildPlan(scenario, withShared, 'compare', shared);
}

/** The compare page's stand-in for "what the workbench shows now". */
export const WORKBENCH_ID = 'workbench';
