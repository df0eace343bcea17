/**
 * The app's working state, shared by every page: the scenario open now and where it came from, the
 * compared variant, the lever values, the compare page's choice, and the messages shown under the
 * header. Drafts and share links read and write this.
 */
import { BASELINE_ID, type Scenario } from '@journeycast/scenarios';
import {
  CUSTOM_ID,
  CUSTOM_LABEL,
  effectiveLeverValues,
  type LeverValues,
} from '../scenario/levers.ts';
import type { Origin } from '../scenario/drafts.ts';
import { DEFAULT_SCENARIO_ID, libraryScenario, scenarioHash } from '../scenario/source.ts';
import { WORKBENCH_ID } from '../engine/plans.ts';

export interface Notice {
  id: number;
  kind: 'info' | 'success' | 'error';
  text: string;
  /** Extra lines (e.g. validation errors) shown under the text. */
  details?: { path: string; message: string }[];
  /** A button beside the text (e.g. Undo), which also dismisses the notice. */
  action?: { label: string; run: () => void };
}

let noticeId = 0;

/** The first variant that is not the baseline, or Custom when there is none. */
export function defaultVariant(scenario: Scenario): string {
  return scenario.variants.find((v) => v.id !== BASELINE_ID)?.id ?? CUSTOM_ID;
}

export function defaultCompare(scenario: Scenario): string[] {
  return scenario.variants.slice(0, 3).map((v) => v.id);
}

let defaultScenario: Scenario | undefined;
/**
 * The default scenario, validated on first use rather than when this module is evaluated: the
 * validation costs several milliseconds of main-thread time, the start-up runs it in a task of its
 * own (routes/+layout.ts), and a saved draft replaces the default without ever needing it.
 */
function initialScenario(): Scenario {
  defaultScenario ??= libraryScenario(DEFAULT_SCENARIO_ID);
  return defaultScenario;
}

let defaultCompareIds: string[] | undefined;
function initialCompareIds(): string[] {
  defaultCompareIds ??= defaultCompare(initialScenario());
  return defaultCompareIds;
}

class Session {
  // Scenario, variant and compare choice start undefined and read as the default scenario's until
  // one is set (see initialScenario).
  #scenario: Scenario | undefined = $state.raw(undefined);
  origin: Origin = $state.raw({ kind: 'library', id: DEFAULT_SCENARIO_ID });
  #variantId: string | undefined = $state(undefined);
  /** Lever values the user set, by path (only those that differ from the compared variant). */
  levers: LeverValues = $state.raw({});
  #compareIds: string[] | undefined = $state.raw(undefined);
  /** Increases whenever a different scenario is opened (run keys use it). */
  revision = $state(0);
  notices: Notice[] = $state([]);
  /** Set once the draft or share link has been read. */
  restored = $state(false);
  /** The work the last opened scenario replaced, kept in storage (the Library offers it back). */
  previousDraft: { title: string; savedAt: string; leverChanges: number } | undefined =
    $state.raw(undefined);

  hash: string = $derived(scenarioHash(this.scenario));

  get scenario(): Scenario {
    return this.#scenario ?? initialScenario();
  }
  set scenario(scenario: Scenario) {
    this.#scenario = scenario;
  }

  get variantId(): string {
    return this.#variantId ?? defaultVariant(initialScenario());
  }
  set variantId(id: string) {
    this.#variantId = id;
  }

  get compareIds(): string[] {
    return this.#compareIds ?? initialCompareIds();
  }
  set compareIds(ids: string[]) {
    this.#compareIds = ids;
  }

  /** The variants the workbench can compare against the baseline. */
  get variantOptions(): { id: string; label: string }[] {
    return [
      ...this.scenario.variants.map((v) => ({ id: v.id, label: v.label })),
      { id: CUSTOM_ID, label: CUSTOM_LABEL },
    ];
  }

  /**
   * What a run of the current inputs depends on: the scenario (its revision), the compared
   * variant and the lever values. Pages key their runs with it, so a run starts again exactly when
   * one of these changes (read inside an `$effect`, it tracks all three).
   */
  get inputsKey(): string {
    return `${this.revision}|${this.variantId}|${JSON.stringify(this.levers)}`;
  }

  get libraryId(): string | undefined {
    if (this.origin.kind === 'library') return this.origin.id;
    if (this.origin.kind === 'link') return this.origin.libraryId;
    return undefined;
  }

  open(
    scenario: Scenario,
    origin: Origin,
    options: { variantId?: string; levers?: LeverValues; compareIds?: string[] } = {},
  ): void {
    const valid = new Set([CUSTOM_ID, ...scenario.variants.map((v) => v.id)]);
    const variantId =
      options.variantId !== undefined && valid.has(options.variantId)
        ? options.variantId
        : defaultVariant(scenario);
    this.scenario = scenario;
    this.origin = origin;
    this.variantId = variantId;
    this.levers = effectiveLeverValues(scenario, variantId, options.levers ?? {});
    const compare = (options.compareIds ?? []).filter((id) => valid.has(id) || id === WORKBENCH_ID);
    this.compareIds = compare.length >= 2 ? compare.slice(0, 4) : defaultCompare(scenario);
    this.revision += 1;
  }

  selectVariant(id: string): void {
    this.variantId = id;
    // Keep the lever changes that still differ from the newly compared variant.
    this.levers = effectiveLeverValues(this.scenario, id, this.levers);
  }

  setLever(path: string, value: number): void {
    this.levers = effectiveLeverValues(this.scenario, this.variantId, {
      ...this.levers,
      [path]: value,
    });
  }

  resetLever(path: string): void {
    const { [path]: _dropped, ...rest } = this.levers;
    this.levers = rest;
  }

  resetLevers(): void {
    this.levers = {};
  }

  setCompare(ids: string[]): void {
    this.compareIds = ids.slice(0, 4);
  }

  notify(
    kind: Notice['kind'],
    text: string,
    details?: Notice['details'],
    action?: Notice['action'],
  ): number {
    const id = ++noticeId;
    this.notices = [
      ...this.notices,
      { id, kind, text, ...(details ? { details } : {}), ...(action ? { action } : {}) },
    ];
    // Confirmations fade on their own (one with an Undo stays longer; the Library keeps the
    // previous draft after that); errors stay until dismissed.
    if (kind === 'success' && typeof window !== 'undefined') {
      setTimeout(() => this.dismiss(id), action ? 60_000 : 12_000);
    }
    return id;
  }

  dismiss(id: number): void {
    this.notices = this.notices.filter((n) => n.id !== id);
  }
}

export const session = new Session();
