/**
 * Bytes of a scenario file to text, strictly: UTF-8 only (RFC 3629), and the first byte that is
 * not UTF-8 reported with its line and column. A lenient decoder (`Blob.text()`, `TextDecoder`
 * without `fatal`, `readFileSync(…, 'utf8')`) turns such bytes into U+FFFD silently, so a label
 * saved in Latin-1 would be hashed, run and exported with replacement characters in it.
 *
 * A UTF-8 byte order mark is allowed (and dropped); a UTF-16 or UTF-32 one is refused with what to
 * do about it, since editors on Windows still save "Unicode" as UTF-16.
 */

export interface Utf8Error {
  /** 1-based line and column (in UTF-16 units, as the JSON parser and editors count). */
  line: number;
  column: number;
  /** 0-based offset of the offending byte. */
  byte: number;
  message: string;
}

export type DecodeResult = { ok: true; text: string } | { ok: false; error: Utf8Error };

function hex(b: number): string {
  return `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** The byte order mark of a UTF-16 or UTF-32 file, if the bytes start with one. */
function foreignBom(bytes: Uint8Array): string | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return 'UTF-32 (little-endian)';
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return 'UTF-32 (big-endian)';
  if (a === 0xff && b === 0xfe) return 'UTF-16 (little-endian)';
  if (a === 0xfe && b === 0xff) return 'UTF-16 (big-endian)';
  return undefined;
}

/**
 * Where the first invalid sequence starts (undefined when there is none). Well-formed sequences are those of RFC 3629
 * table 3-7 (no overlong forms, no surrogates, nothing above U+10FFFF).
 */
function firstInvalid(bytes: Uint8Array): { at: number; line: number; column: number } | undefined {
  let line = 1;
  let column = 1;
  let i = 0;
  const n = bytes.length;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => k < n && bytes[k]! >= lo && bytes[k]! <= hi;
  while (i < n) {
    const b = bytes[i]!;
    let length: number;
    if (b < 0x80) length = 1;
    else if (b >= 0xc2 && b <= 0xdf) length = cont(i + 1) ? 2 : 0;
    else if (b === 0xe0) length = cont(i + 1, 0xa0) && cont(i + 2) ? 3 : 0;
    else if (b === 0xed) length = cont(i + 1, 0x80, 0x9f) && cont(i + 2) ? 3 : 0;
    else if (b >= 0xe1 && b <= 0xef) length = cont(i + 1) && cont(i + 2) ? 3 : 0;
    else if (b === 0xf0) length = cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    else if (b >= 0xf1 && b <= 0xf3) length = cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    else if (b === 0xf4) length = cont(i + 1, 0x80, 0x8f) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    else length = 0;
    if (length === 0) return { at: i, line, column };
    if (b === 0x0a) {
      line++;
      column = 1;
    } else {
      column += length === 4 ? 2 : 1;
    }
    i += length;
  }
  return undefined;
}

/**
 * @example
 * decodeUtf8(new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d])); // {"é"} in Latin-1
 * // => { ok: false, error: { line: 1, column: 3, byte: 2, message: 'not UTF-8 text: the byte 0xE9 at line 1, column 3 … ' } }
 */
export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  const bom = foreignBom(bytes);
  if (bom !== undefined) {
    return {
      ok: false,
      error: {
        line: 1,
        column: 1,
        byte: 0,
        message: `not UTF-8 text: the file is ${bom} (it starts with that byte order mark) at line 1, column 1; save it as UTF-8`,
      },
    };
  }
  try {
    // Fast path: a fatal decoder refuses what the scan below would; the scan only says where.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const bad = firstInvalid(bytes);
    const at = bad ?? { at: 0, line: 1, column: 1 };
    const b = bytes[at.at] ?? 0;
    const what =
      b >= 0x80 && b <= 0xbf
        ? 'a continuation byte with no lead byte before it'
        : b === 0xc0 || b === 0xc1 || b >= 0xf5
          ? 'never valid in UTF-8'
          : 'the start of a sequence that is cut short, overlong or out of range';
    return {
      ok: false,
      error: {
        line: at.line,
        column: at.column,
        byte: at.at,
        message: `not UTF-8 text: the byte ${hex(b)} at line ${at.line}, column ${at.column} (byte ${at.at}) is ${what}; save the file as UTF-8 (is it Latin-1 or Windows-1252?)`,
      },
    };
  }
}
