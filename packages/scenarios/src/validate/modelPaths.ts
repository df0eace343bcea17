/**
 * Paths into a model as levers and `--set` name them (`channels.callCentre.agents`,
 * `channels.callCentre.agentsByHour[3]`): whether one exists, and if not, the nearest that does.
 */
import { renderPath, type PathPart } from './errors.ts';
import { isPlainObject } from './checkSchema.ts';
import { nameList, suggest } from './describe.ts';

export type PathLookup = { found: true; value: unknown } | { found: false; problem: string };

/**
 * The value at `parts` inside `root` (own keys and array indices only), or why there is none:
 * `the model has no "channels.callCenter" (did you mean "channels.callCentre"?)`.
 */
export function lookupPath(root: unknown, parts: readonly PathPart[]): PathLookup {
  let node: unknown = root;
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]!;
    const here = renderPath(parts.slice(0, k + 1));
    const parent = renderPath(parts.slice(0, k));
    if (typeof part === 'number') {
      if (!Array.isArray(node) || part >= node.length) {
        const has = Array.isArray(node) ? ` (${parent} has ${node.length} items)` : '';
        return { found: false, problem: `the model has no "${here}"${has}` };
      }
      node = node[part];
      continue;
    }
    if (!isPlainObject(node) || !Object.hasOwn(node, part)) {
      const keys = isPlainObject(node) ? Object.keys(node) : [];
      const guess = suggest(part, keys);
      const hint =
        guess !== undefined
          ? ` (did you mean "${renderPath([...parts.slice(0, k), guess, ...parts.slice(k + 1)])}"?)`
          : keys.length > 0 && keys.length <= 12
            ? ` (${parent === '' ? 'the model' : parent} has ${nameList(keys)})`
            : '';
      return { found: false, problem: `the model has no "${here}"${hint}` };
    }
    node = node[part];
  }
  return { found: true, value: node };
}
