/**
 * The words of validation messages: what a schema expects in plain English ("a whole number
 * between 1 and 120", "an identifier: a letter, then letters, digits, _ or -"), and the nearest
 * known name for a typo ("did you mean "agents"?").
 */

/** A JSON Schema node as TypeBox builds it (only the keywords the validator reads). */
export interface SchemaNode {
  type?: string;
  const?: unknown;
  anyOf?: SchemaNode[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean | SchemaNode;
  patternProperties?: Record<string, SchemaNode>;
  minProperties?: number;
  maxProperties?: number;
  items?: SchemaNode;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  description?: string;
  'x-overrides-of'?: string;
  [keyword: string]: unknown;
}

/**
 * What each pattern in the scenario schema means. The validator never shows a regular expression;
 * a test walks the schema and fails when a pattern is missing here.
 */
export const PATTERN_MEANINGS: Readonly<Record<string, string>> = {
  '^[A-Za-z][A-Za-z0-9_-]{0,63}$':
    'an identifier: a letter, then letters, digits, _ or - (at most 64 characters)',
  '^[A-Z]{3}$': 'a three-letter ISO 4217 currency code in capitals, e.g. EUR',
};

export function patternMeaning(pattern: string): string {
  return PATTERN_MEANINGS[pattern] ?? `text of the form ${pattern}`;
}

/** A bound as people write it: 1e12 rather than 1000000000000, 0.5 rather than 5e-1. */
export function formatBound(value: number): string {
  if (Math.abs(value) >= 1e9 && Number.isInteger(Math.log10(Math.abs(value)))) {
    return `${value < 0 ? '-' : ''}1e${Math.log10(Math.abs(value))}`;
  }
  return String(value).replace('e+', 'e');
}

function numberWord(schema: SchemaNode): string {
  return schema.type === 'integer' ? 'a whole number' : 'a number';
}

/** "a number between 0 and 1", "a whole number ≥ 0", "a number > 0 and ≤ 600". */
export function describeNumber(schema: SchemaNode): string {
  const word = numberWord(schema);
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = schema;
  if (minimum !== undefined && maximum !== undefined) {
    return `${word} between ${formatBound(minimum)} and ${formatBound(maximum)}`;
  }
  const lower =
    minimum !== undefined
      ? `≥ ${formatBound(minimum)}`
      : exclusiveMinimum !== undefined
        ? `> ${formatBound(exclusiveMinimum)}`
        : undefined;
  const upper =
    maximum !== undefined
      ? `≤ ${formatBound(maximum)}`
      : exclusiveMaximum !== undefined
        ? `< ${formatBound(exclusiveMaximum)}`
        : undefined;
  if (lower !== undefined && upper !== undefined) return `${word} ${lower} and ${upper}`;
  if (lower !== undefined) return `${word} ${lower}`;
  if (upper !== undefined) return `${word} ${upper}`;
  return word;
}

function describeString(schema: SchemaNode): string {
  if (schema.pattern !== undefined) return patternMeaning(schema.pattern);
  const { minLength, maxLength } = schema;
  const base = minLength !== undefined && minLength >= 1 ? 'non-empty text' : 'text';
  return maxLength !== undefined ? `${base} of at most ${maxLength} characters` : base;
}

/** The list of allowed literal values, unquoted: `poor, average, good, excellent`. */
export function literalList(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
}

/** What a schema expects, in a few words. */
export function describeSchema(schema: SchemaNode): string {
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.anyOf !== undefined) {
    if (schema.anyOf.every((branch) => branch.const !== undefined)) {
      return `one of ${literalList(schema.anyOf.map((branch) => branch.const))}`;
    }
    return schema.anyOf.map(describeSchema).join(', or ');
  }
  switch (schema.type) {
    case 'number':
    case 'integer':
      return describeNumber(schema);
    case 'string':
      return describeString(schema);
    case 'boolean':
      return 'true or false';
    case 'null':
      return 'null';
    case 'array':
      return 'an array';
    case 'object':
      return 'an object';
    default:
      return 'a value';
  }
}

/**
 * Optimal string alignment distance (Levenshtein with adjacent transpositions counted as one
 * edit): "agnets" is 1 away from "agents".
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        d[(i - 1) * cols + j]! + 1,
        d[i * cols + j - 1]! + 1,
        d[(i - 1) * cols + j - 1]! + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[(i - 2) * cols + j - 2]! + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1]!;
}

/**
 * A key as a message quotes it: whole up to 64 characters (every id fits), else its start and its
 * length, so a file with a megabyte-long key does not get a megabyte-long error.
 */
export function quoteKey(key: string): string {
  return key.length <= 64 ? `"${key}"` : `"${key.slice(0, 40)}…" (${key.length} characters)`;
}

/** A name as a list shows it: whole up to 64 characters, else its start and its length. */
function listedName(name: string): string {
  return name.length <= 64 ? name : `${name.slice(0, 40)}… (${name.length} characters)`;
}

/**
 * Names from a file, listed for a message (`a, b, c`): each cut like quoteKey cuts a key, and at
 * most `upTo` of them (then `and N more`), so no message grows with what a file holds.
 */
export function nameList(names: readonly string[], upTo = 12): string {
  const shown = names.slice(0, upTo).map(listedName).join(', ');
  return names.length > upTo ? `${shown} and ${names.length - upTo} more` : shown;
}

/** The known name closest to a typo, when it is close enough to be what was meant. */
export function suggest(typed: string, known: readonly string[]): string | undefined {
  // Names are short: one longer than 64 characters gets no suggestion (a suggestion would quote a
  // name as long, and comparing two such names is a quadratic wait).
  if (typed.length > 64) return undefined;
  const lower = typed.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const other = candidate.toLowerCase();
    if (other === lower) return candidate;
    // The distance is at least the difference in length, and only distances ≤ 3 are suggested:
    // skip the quadratic computation, which would take minutes for a key megabytes long.
    if (Math.abs(other.length - lower.length) > 3) continue;
    const distance = editDistance(lower, other);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = typed.length <= 3 ? 1 : typed.length <= 5 ? 2 : 3;
  if (bestDistance <= allowed) return best;
  // A name cut short ("horizon" for "horizonMonths"): the one known name it begins.
  const extended = typed.length >= 4 ? known.filter((k) => k.toLowerCase().startsWith(lower)) : [];
  return extended.length === 1 ? extended[0] : undefined;
}

/** ` (did you mean "agents"?)`, or the list of known names when short, or nothing. */
export function didYouMean(typed: string, known: readonly string[], listUpTo = 12): string {
  const guess = suggest(typed, known);
  if (guess !== undefined) return ` (did you mean "${guess}"?)`;
  if (known.length > 0 && known.length <= listUpTo)
    return ` (expected one of ${nameList(known, listUpTo)})`;
  return '';
}
