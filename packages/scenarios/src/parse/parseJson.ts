/**
 * A strict JSON parser (RFC 8259) that says where a file is wrong the same way in every browser
 * and in Node: `line 12, column 7: expected "," or "}" after the value of "agents", found "\""`.
 * `JSON.parse` messages differ by engine and some give no position at all.
 *
 * It also refuses what `JSON.parse` lets through silently: a key written twice (the last one would
 * win, hiding a typo) and nesting deeper than a limit (a hostile file could exhaust the stack
 * later). Keys are defined as own data properties, so `"__proto__"` never reaches a prototype.
 */

export interface JsonSyntaxError {
  /** 1-based line and column (in UTF-16 units, as editors count). */
  line: number;
  column: number;
  message: string;
}

export type ParseJsonResult = { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError };

export interface ParseJsonOptions {
  /** Objects and arrays nested deeper than this are refused (default 64). */
  maxDepth?: number;
}

class Failure extends Error {
  constructor(
    readonly at: number,
    message: string,
  ) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** A key as a message quotes it: whole when short, else its start and length (keys can be MBs). */
function quoted(key: string): string {
  return key.length <= 64 ? `"${key}"` : `"${key.slice(0, 40)}…" (${key.length} characters)`;
}

/** A character as a message shows it. */
function shown(text: string, at: number): string {
  if (at >= text.length) return 'the end of the file';
  const c = text.codePointAt(at)!;
  if (c === 0x0a) return 'a line break';
  if (c < 0x20) return `the control character U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  return JSON.stringify(String.fromCodePoint(c));
}

export function parseJson(text: string, options: ParseJsonOptions = {}): ParseJsonResult {
  const maxDepth = options.maxDepth ?? 64;
  let i = 0;
  let depth = 0;

  const fail = (message: string, at = i): never => {
    throw new Failure(at, message);
  };
  const space = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else if (c === 0x2f && (text[i + 1] === '/' || text[i + 1] === '*'))
        fail('comments are not allowed in JSON');
      else return;
    }
  };
  const enter = () => {
    if (++depth > maxDepth) fail(`nesting deeper than ${maxDepth} levels`);
  };

  const string = (): string => {
    const start = i;
    i++; // opening quote
    let out = '';
    let run = i;
    for (;;) {
      if (i >= text.length) fail('a string that never ends (missing closing ")', start);
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(run, i);
        i++;
        return out;
      }
      if (c < 0x20) fail(`${shown(text, i)} inside a string (write it as an escape such as \\n)`);
      if (c === 0x5c) {
        out += text.slice(run, i);
        const e = text[i + 1];
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('expected four hex digits after \\u', i);
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else if (e !== undefined && Object.hasOwn(ESCAPES, e)) {
          out += ESCAPES[e];
          i += 2;
        } else {
          fail(`an unknown escape \\${e ?? ''} in a string`);
        }
        run = i;
        continue;
      }
      i++;
    }
  };

  const value = (): unknown => {
    const c = text[i];
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    if (c === "'") fail('strings and keys need double quotes (") in JSON');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    for (const [word, result] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return result;
      }
    }
    const word = /^[A-Za-z_]+/.exec(text.slice(i, i + 20))?.[0];
    if (word !== undefined)
      fail(
        `expected a value, found ${word}${word === 'NaN' || word === 'Infinity' ? ' (not a JSON number)' : ''}`,
      );
    return fail(`expected a value, found ${shown(text, i)}`);
  };

  const number = (): number => {
    NUMBER.lastIndex = i;
    const match = NUMBER.exec(text);
    if (match === null) return fail(`expected a number, found ${shown(text, i)}`);
    const end = i + match[0].length;
    if (/[0-9]/.test(text[end] ?? '') && /^-?0$/.test(match[0]))
      fail('numbers cannot start with 0 (leading zeros are not JSON)', i);
    if (text[end] === '.') fail('expected a digit after the decimal point', end + 1);
    i = end;
    return Number(match[0]);
  };

  const array = (): unknown[] => {
    enter();
    i++;
    const out: unknown[] = [];
    space();
    if (text[i] === ']') {
      i++;
      depth--;
      return out;
    }
    for (;;) {
      space();
      out.push(value());
      space();
      if (text[i] === ',') {
        i++;
        space();
        if (text[i] === ']') fail('a trailing comma before ] (remove it)');
        continue;
      }
      if (text[i] === ']') {
        i++;
        depth--;
        return out;
      }
      fail(`expected "," or "]" after an item of the array, found ${shown(text, i)}`);
    }
  };

  const object = (): Record<string, unknown> => {
    enter();
    i++;
    const out: Record<string, unknown> = {};
    space();
    if (text[i] === '}') {
      i++;
      depth--;
      return out;
    }
    for (;;) {
      space();
      if (text[i] !== '"') {
        fail(
          text[i] === "'"
            ? 'strings and keys need double quotes (") in JSON'
            : `expected a key in double quotes, found ${shown(text, i)}`,
        );
      }
      const keyAt = i;
      const key = string();
      if (Object.hasOwn(out, key))
        fail(`the key ${quoted(key)} appears twice in this object`, keyAt);
      space();
      if (text[i] !== ':')
        fail(`expected ":" after the key ${quoted(key)}, found ${shown(text, i)}`);
      i++;
      space();
      // A data property, never the __proto__ setter.
      Object.defineProperty(out, key, {
        value: value(),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      space();
      if (text[i] === ',') {
        i++;
        space();
        if (text[i] === '}') fail('a trailing comma before } (remove it)');
        continue;
      }
      if (text[i] === '}') {
        i++;
        depth--;
        return out;
      }
      fail(`expected "," or "}" after the value of ${quoted(key)}, found ${shown(text, i)}`);
    }
  };

  try {
    space();
    if (i >= text.length) fail('the file is empty: expected a JSON object');
    const result = value();
    space();
    if (i < text.length) fail(`unexpected ${shown(text, i)} after the end of the JSON value`);
    return { ok: true, value: result };
  } catch (error) {
    if (!(error instanceof Failure)) throw error;
    return { ok: false, error: { ...position(text, error.at), message: error.message } };
  }
}

/** 1-based line and column of an offset. */
function position(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < at && k < text.length; k++) {
    if (text.charCodeAt(k) === 0x0a) {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: at - lineStart + 1 };
}
