/**
 * Share links: the current scenario's changes relative to its library original (or the whole
 * scenario when it was imported), with the selected variant and lever values, as JSON deflated
 * with fflate and written base64url into the URL fragment (`#s=…`). The fragment never reaches a
 * server. A link is validated on load like a file: any problem gives a message, never a broken app.
 */
import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import { RUN_LIMITS, type Scenario } from '@journeycast/scenarios';
import { applyMergePatch, containsNull, createMergePatch } from './diff.ts';
import { CUSTOM_ID, checkLeverNumber, type LeverValues } from './levers.ts';
import { LIBRARY_IDS, libraryScenario, validateScenario, type ScenarioError } from './source.ts';

export const SHARE_PARAM = 's';
/**
 * Longest fragment accepted, in characters (64 KiB), checked before anything is decoded. A library
 * scenario's changes take a few hundred characters and a whole imported scenario a few thousand;
 * browsers and mail clients mangle much longer links anyway. Larger scenarios travel as files.
 */
export const MAX_LINK_CHARS = 65_536;
/** Largest inflated payload (bytes): what a scenario file may hold, no more. */
export const MAX_PAYLOAD_BYTES = RUN_LIMITS.maxFileBytes;
/**
 * Compressed bytes fed to the inflater at a time. DEFLATE expands at most about 1032:1, so one
 * step yields at most about 1 MB, and a decompression bomb (a small link that unpacks to hundreds
 * of megabytes) is stopped within one step of the limit instead of being unpacked whole first
 * (fflate's `push` inflates everything it is given before calling back).
 */
const INFLATE_STEP_BYTES = 1024;

const grouped = (n: number) => n.toLocaleString('en-GB');
const megabytes = (bytes: number) => `${Number((bytes / 1e6).toPrecision(3))} MB`;

/** Why a fragment of this length is refused, or undefined when it is short enough. */
export function linkLengthProblem(chars: number): string | undefined {
  return chars > MAX_LINK_CHARS
    ? `the link is ${grouped(chars)} characters long; a Journeycast link holds at most ${grouped(MAX_LINK_CHARS)} (share a scenario this large as a file)`
    : undefined;
}

export interface SharePayload {
  v: 1;
  /** Library scenario the patch applies to. */
  lib?: string;
  /** JSON merge patch from the library scenario to the shared one. */
  patch?: unknown;
  /** The whole scenario (imported scenarios, or when a patch cannot express the change). */
  scenario?: unknown;
  variant: string;
  levers: LeverValues;
}

export interface ShareState {
  scenario: Scenario;
  /** Library id the scenario came from, if any. */
  libraryId?: string;
  variantId: string;
  levers: LeverValues;
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text))
    throw new Error('the link holds characters base64url does not use');
  const padded =
    text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(padded);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** The payload for the current state. */
export function sharePayload(state: ShareState): SharePayload {
  const base = { v: 1 as const, variant: state.variantId, levers: state.levers };
  if (
    state.libraryId !== undefined &&
    LIBRARY_IDS.includes(state.libraryId) &&
    !containsNull(state.scenario)
  ) {
    const patch = createMergePatch(libraryScenario(state.libraryId), state.scenario);
    return { ...base, lib: state.libraryId, ...(patch !== undefined ? { patch } : {}) };
  }
  return { ...base, scenario: state.scenario };
}

/** The fragment value (without `#s=`). */
export function encodeShare(state: ShareState): string {
  const json = JSON.stringify(sharePayload(state));
  return toBase64Url(deflateSync(strToU8(json), { level: 9 }));
}

/** Thrown by inflateLimited when the output would pass its limit. */
export class PayloadTooLarge extends Error {}

/** Inflates raw DEFLATE data, refusing (with a message) output above `limit` bytes. */
export function inflateLimited(data: Uint8Array, limit = MAX_PAYLOAD_BYTES): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) {
      throw new PayloadTooLarge(
        `unpacks to more than ${megabytes(limit)} (a scenario is at most ${megabytes(limit)}); it is damaged or was made to exhaust memory`,
      );
    }
    chunks.push(chunk);
  });
  if (data.length === 0) inflater.push(data, true);
  for (let start = 0; start < data.length; start += INFLATE_STEP_BYTES) {
    const end = Math.min(data.length, start + INFLATE_STEP_BYTES);
    inflater.push(data.subarray(start, end), end === data.length);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

export type DecodedShare = { ok: true; state: ShareState } | { ok: false; errors: ScenarioError[] };

const fail = (message: string, path = '(link)'): DecodedShare => ({
  ok: false,
  errors: [{ path, message }],
});

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a fragment value back into a validated state. */
export function decodeShare(encoded: string): DecodedShare {
  if (encoded.length === 0) return fail('the link holds no scenario');
  const tooLong = linkLengthProblem(encoded.length);
  if (tooLong !== undefined) return fail(tooLong);
  let payload: unknown;
  try {
    payload = JSON.parse(strFromU8(inflateLimited(fromBase64Url(encoded))));
  } catch (error) {
    if (error instanceof PayloadTooLarge) return fail(`the link ${error.message}`);
    const reason = error instanceof Error ? error.message : String(error);
    return fail(`the link is damaged or incomplete (${reason}); ask for it again`);
  }
  if (!isObject(payload) || payload.v !== 1)
    return fail('the link was not made by this version of Journeycast');
  let input: unknown;
  let libraryId: string | undefined;
  if (typeof payload.lib === 'string') {
    if (!LIBRARY_IDS.includes(payload.lib)) {
      return fail(
        `the link refers to the library scenario "${payload.lib}", which this build does not have`,
        'lib',
      );
    }
    libraryId = payload.lib;
    try {
      input =
        payload.patch === undefined
          ? libraryScenario(payload.lib)
          : applyMergePatch(libraryScenario(payload.lib), payload.patch);
    } catch (error) {
      return fail(error instanceof Error ? error.message : String(error), 'patch');
    }
  } else if (payload.scenario !== undefined) {
    input = payload.scenario;
  } else {
    return fail('the link holds no scenario');
  }
  const checked = validateScenario(input);
  if (!checked.ok) return checked;
  const scenario = checked.scenario;
  const variant = payload.variant;
  if (
    typeof variant !== 'string' ||
    (variant !== CUSTOM_ID && !scenario.variants.some((v) => v.id === variant))
  ) {
    return fail(`expected a variant of the scenario, got ${JSON.stringify(variant)}`, 'variant');
  }
  const levers: LeverValues = {};
  if (payload.levers !== undefined) {
    if (!isObject(payload.levers))
      return fail('expected lever values, got something else', 'levers');
    for (const [path, value] of Object.entries(payload.levers)) {
      const lever = scenario.levers.find((l) => l.path === path);
      if (lever === undefined) return fail(`the scenario has no lever "${path}"`, `levers.${path}`);
      const check = checkLeverNumber(lever, value);
      if (!check.ok) {
        return fail(check.message, `levers.${path}`);
      }
      levers[path] = check.value;
    }
  }
  return {
    ok: true,
    state: {
      scenario,
      ...(libraryId !== undefined ? { libraryId } : {}),
      variantId: variant,
      levers,
    },
  };
}

/** The fragment value of `#s=…` in a URL hash, if any. */
export function shareFromHash(hash: string): string | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.get(SHARE_PARAM) ?? undefined;
}
