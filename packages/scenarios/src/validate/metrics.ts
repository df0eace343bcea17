/**
 * The metrics an expectation may name: dotted paths into a variant's result (sim-core's
 * `VariantResult`, see packages/sim-core/src/stats/summarize.ts) that end at a number, e.g.
 * `totals.retention12m.mean`, `vsBaseline.pNpvPositive`, `vsBaseline.roi.p50`,
 * `channels.callCentre.abandonRate.p90`.
 *
 * The allow-list is derived from the result types: the compile-time checks below fail when
 * summarize.ts gains a statistic this list does not know, so the two cannot drift apart silently.
 */
import {
  DRIVERS,
  TOTALS,
  type ChannelResult,
  type OptionalStat,
  type PairedResult,
  type Stat,
  type VariantResult,
} from '@journeycast/sim-core';
import { nameList, suggest } from './describe.ts';

export const STAT_FIELDS = ['mean', 'sd', 'se', 'p10', 'p50', 'p90', 'min', 'max'] as const;
export const OPTIONAL_STAT_FIELDS = ['mean', 'p10', 'p50', 'p90', 'missing'] as const;
export const CHANNEL_STATS = [
  'contacts',
  'answered',
  'abandonRate',
  'meanWaitMinutes',
  'serviceLevel',
  'pWait',
  'occupancy',
  'resolutionRate',
  'cost',
] as const;
export const SOURCE_STATS = ['acquired', 'spend', 'lost', 'activeEnd', 'revenue'] as const;
export const PAIRED_STATS = ['npv', 'investmentPresentValue'] as const;
export const PAIRED_OPTIONAL_STATS = [
  'roi',
  'paybackMonth',
  'discountedPaybackMonth',
  'irr',
] as const;
export const DELTAS = [
  'revenue',
  'revenuePct',
  'costToServe',
  'costToServePct',
  'costToServePerCustomerPct',
  'retention12m',
  'activeCustomersEnd',
  'renewalOddsRatio',
  'crossSellRateRatio',
] as const;

// Compile-time agreement with summarize.ts: each list names exactly the statistics of its type.
type KeysOfType<T, V> = { [K in keyof T]-?: T[K] extends V ? K : never }[keyof T];
type Same<A, B> = [Exclude<A, B>, Exclude<B, A>] extends [never, never] ? true : false;
type Assert<T extends true> = T;
/** Fails to compile when a list above and summarize.ts's types disagree. */
export type MetricListsAgree = [
  Assert<Same<(typeof STAT_FIELDS)[number], Exclude<keyof Stat, 'n'>>>,
  Assert<
    Same<
      (typeof OPTIONAL_STAT_FIELDS)[number],
      Exclude<KeysOfType<OptionalStat, number | null>, 'n'>
    >
  >,
  Assert<Same<(typeof CHANNEL_STATS)[number], KeysOfType<ChannelResult, Stat>>>,
  Assert<Same<(typeof PAIRED_STATS)[number], KeysOfType<PairedResult, Stat>>>,
  Assert<Same<(typeof PAIRED_OPTIONAL_STATS)[number], KeysOfType<PairedResult, OptionalStat>>>,
  Assert<Same<(typeof DELTAS)[number], keyof PairedResult['deltas']>>,
  Assert<
    Same<(typeof SOURCE_STATS)[number], Exclude<keyof VariantResult['sources'][string], 'label'>>
  >,
];

/** A node of the metric tree: a leaf (a number), or named children (`*` = any id of `ids`). */
type MetricNode =
  | { leaf: true }
  | { leaf: false; children: Record<string, MetricNode>; ids?: 'channels' | 'sources' };

const LEAF: MetricNode = { leaf: true };
const branch = (names: readonly string[], child: MetricNode): MetricNode => ({
  leaf: false,
  children: Object.fromEntries(names.map((name) => [name, child])),
});
const STAT = branch(STAT_FIELDS, LEAF);
const OPTIONAL = branch(OPTIONAL_STAT_FIELDS, LEAF);

const TREE: MetricNode = {
  leaf: false,
  children: {
    totals: branch(TOTALS, STAT),
    channels: { leaf: false, ids: 'channels', children: { '*': branch(CHANNEL_STATS, STAT) } },
    sources: { leaf: false, ids: 'sources', children: { '*': branch(SOURCE_STATS, STAT) } },
    vsBaseline: {
      leaf: false,
      children: {
        ...Object.fromEntries(PAIRED_STATS.map((name) => [name, STAT])),
        ...Object.fromEntries(PAIRED_OPTIONAL_STATS.map((name) => [name, OPTIONAL])),
        pNpvPositive: LEAF,
        deltas: branch(DELTAS, STAT),
        drivers: branch(DRIVERS, STAT),
      },
    },
  },
};

export interface MetricContext {
  /** Channel ids of the variant's model. */
  channels: readonly string[];
  /** Source ids of the variant's model. */
  sources: readonly string[];
  /** The baseline has no `vsBaseline`. */
  isBaseline: boolean;
}

/** Why `metric` names no number in a variant's result, or undefined when it does. */
export function metricProblem(metric: string, context: MetricContext): string | undefined {
  const parts = metric.split('.');
  let node = TREE;
  const done: string[] = [];
  for (const part of parts) {
    if (node.leaf) return `"${metric}" goes past a number: "${done.join('.')}" is the metric`;
    const ids = node.ids !== undefined ? context[node.ids] : undefined;
    const names = ids ?? Object.keys(node.children);
    const next =
      ids !== undefined
        ? ids.includes(part)
          ? node.children['*']
          : undefined
        : Object.hasOwn(node.children, part)
          ? node.children[part]
          : undefined;
    if (next === undefined) {
      const guess = suggest(part, names);
      const where = done.length === 0 ? 'a metric starts with' : `after "${done.join('.')}" comes`;
      const hint =
        guess !== undefined
          ? ` (did you mean "${[...done, guess, ...parts.slice(done.length + 1)].join('.')}"?)`
          : ` (${where} one of ${nameList(names) || 'nothing: the model has none'})`;
      return `unknown metric "${metric}"${hint}`;
    }
    if (done.length === 0 && part === 'vsBaseline' && context.isBaseline) {
      return `"${metric}" compares a variant with the baseline; the baseline has no vsBaseline`;
    }
    done.push(part);
    node = next;
  }
  if (!node.leaf) {
    const names = Object.keys(node.children).filter((n) => n !== '*');
    const what =
      node.ids !== undefined
        ? `a ${node.ids === 'channels' ? 'channel' : 'source'} id`
        : `one of ${names.map((n) => `.${n}`).join(', ')}`;
    return `"${metric}" is not a number: add ${what}`;
  }
  return undefined;
}

/**
 * Whether a metric has a standard error in a result: the mean of a distribution (a Stat, whose
 * `se` is sd/√n; not the optional statistics roi, paybackMonth, discountedPaybackMonth and irr,
 * whose replications may have no value), or vsBaseline.pNpvPositive (a binomial share).
 */
export function hasStandardError(metric: string): boolean {
  if (metric === 'vsBaseline.pNpvPositive') return true;
  const parts = metric.split('.');
  if (parts[parts.length - 1] !== 'mean') return false;
  return !(
    parts.length === 3 &&
    parts[0] === 'vsBaseline' &&
    (PAIRED_OPTIONAL_STATS as readonly string[]).includes(parts[1]!)
  );
}

/** The value of a metric in a variant's result: a number, or null when it has none (e.g. ROI without investment). */
export function readMetric(result: VariantResult, metric: string): number | null {
  let node: unknown = result;
  for (const part of metric.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return null;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'number' && Number.isFinite(node) ? node : null;
}

/** Every metric an expectation may name for a variant with these channels and sources. */
export function allMetrics(context: MetricContext): string[] {
  const out: string[] = [];
  const visit = (node: MetricNode, prefix: string[]) => {
    if (node.leaf) {
      out.push(prefix.join('.'));
      return;
    }
    const names = node.ids !== undefined ? context[node.ids] : Object.keys(node.children);
    for (const name of names) {
      if (prefix.length === 0 && name === 'vsBaseline' && context.isBaseline) continue;
      visit(node.ids !== undefined ? node.children['*']! : node.children[name]!, [...prefix, name]);
    }
  };
  visit(TREE, []);
  return out;
}
