import { describe, expect, it, vi } from 'vitest';
import { Inflate, deflateSync, strToU8 } from 'fflate';
import {
  MAX_LINK_CHARS,
  PayloadTooLarge,
  decodeShare,
  encodeShare,
  fromBase64Url,
  inflateLimited,
  shareFromHash,
  toBase64Url,
} from './share.ts';
import { DEFAULT_SCENARIO_ID, libraryScenario } from './source.ts';

describe('share links', () => {
  it('round-trip a library scenario with lever values as a small patch', () => {
    const scenario = libraryScenario(DEFAULT_SCENARIO_ID);
    scenario.title = 'Northbank, what if';
    const encoded = encodeShare({
      scenario,
      libraryId: DEFAULT_SCENARIO_ID,
      variantId: 'moreAgents',
      levers: { 'channels.callCentre.agents': 40 },
    });
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(encoded.length).toBeLessThan(300);
    const decoded = decodeShare(encoded);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.state.scenario).toEqual(scenario);
    expect(decoded.state.libraryId).toBe(DEFAULT_SCENARIO_ID);
    expect(decoded.state.variantId).toBe('moreAgents');
    expect(decoded.state.levers).toEqual({ 'channels.callCentre.agents': 40 });
  });

  it('round-trip an imported scenario whole', () => {
    const scenario = { ...libraryScenario(DEFAULT_SCENARIO_ID), id: 'mine' };
    const decoded = decodeShare(encodeShare({ scenario, variantId: 'custom', levers: {} }));
    expect(decoded.ok && decoded.state.scenario).toEqual(scenario);
    expect(decoded.ok && decoded.state.libraryId).toBeUndefined();
  });

  it('reject garbage with a message, never a throw', () => {
    for (const bad of [
      '',
      '!!!!',
      'AAAA',
      toBase64Url(strToU8('not deflated')),
      'x'.repeat(300_000),
    ]) {
      const decoded = decodeShare(bad);
      expect(decoded.ok).toBe(false);
      if (!decoded.ok) expect(decoded.errors[0]!.message.length).toBeGreaterThan(5);
    }
  });

  it('validate what the link holds like a file', () => {
    const pack = (value: unknown) => toBase64Url(deflateSync(strToU8(JSON.stringify(value))));
    const unknownVariant = decodeShare(
      pack({ v: 1, lib: DEFAULT_SCENARIO_ID, variant: 'nope', levers: {} }),
    );
    expect(unknownVariant.ok || unknownVariant.errors[0]!.path).toBe('variant');
    const outOfRange = decodeShare(
      pack({
        v: 1,
        lib: DEFAULT_SCENARIO_ID,
        variant: 'moreAgents',
        levers: { 'channels.callCentre.agents': 9999 },
      }),
    );
    expect(outOfRange.ok).toBe(false);
    if (!outOfRange.ok) expect(outOfRange.errors[0]!.message).toContain('Call-centre agents');
    const brokenPatch = decodeShare(
      pack({
        v: 1,
        lib: DEFAULT_SCENARIO_ID,
        patch: { run: 5 },
        variant: 'moreAgents',
        levers: {},
      }),
    );
    expect(brokenPatch.ok).toBe(false);
    if (!brokenPatch.ok)
      expect(brokenPatch.errors.some((e) => e.path.startsWith('run'))).toBe(true);
    const pollution = decodeShare(
      pack({
        v: 1,
        lib: DEFAULT_SCENARIO_ID,
        patch: JSON.parse('{"__proto__":{"x":1}}'),
        variant: 'moreAgents',
        levers: {},
      }),
    );
    expect(pollution.ok).toBe(false);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    const unknownLib = decodeShare(pack({ v: 1, lib: 'nowhere', variant: 'x', levers: {} }));
    expect(unknownLib.ok || unknownLib.errors[0]!.path).toBe('lib');
  });

  it('read the fragment and base64url', () => {
    expect(shareFromHash('#s=abc')).toBe('abc');
    expect(shareFromHash('#other=1')).toBeUndefined();
    expect(fromBase64Url(toBase64Url(new Uint8Array([0, 250, 251, 252, 253, 254, 255])))).toEqual(
      new Uint8Array([0, 250, 251, 252, 253, 254, 255]),
    );
    expect(() => fromBase64Url('a+b')).toThrow();
  });

  it('refuse a link above 64 KiB before decoding it, saying what was found', () => {
    expect(MAX_LINK_CHARS).toBe(65_536);
    const decoded = decodeShare('A'.repeat(70_000));
    expect(decoded).toEqual({
      ok: false,
      errors: [
        {
          path: '(link)',
          message:
            'the link is 70,000 characters long; a Journeycast link holds at most 65,536 (share a scenario this large as a file)',
        },
      ],
    });
  });

  it('stop a decompression bomb at the limit, inflating 1 KiB of input at a time', () => {
    // 200 MB of zeros deflate to about 200 KB; inflated whole, they would take 200 MB at once.
    const bomb = deflateSync(new Uint8Array(200_000_000), { level: 9 });
    expect(bomb.length).toBeLessThan(300_000);
    const push = vi.spyOn(Inflate.prototype, 'push');
    try {
      expect(() => inflateLimited(bomb, 5_000_000)).toThrow(PayloadTooLarge);
      const pushed = push.mock.calls.map(([chunk]) => chunk.length);
      expect(Math.max(...pushed)).toBeLessThanOrEqual(1024);
      // Stopped within a step or two of 5 MB: about 5 KB of input read, not 200 KB.
      expect(pushed.reduce((a, b) => a + b, 0)).toBeLessThan(8 * 1024);
    } finally {
      push.mockRestore();
    }
    expect(() => inflateLimited(bomb, 5_000_000)).toThrow(
      'unpacks to more than 5 MB (a scenario is at most 5 MB)',
    );
  });

  it('refuse a bomb that fits in a link with a message, never a crash', () => {
    const bomb = toBase64Url(
      deflateSync(strToU8(`${' '.repeat(40_000_000)}{"v":1}`), { level: 9 }),
    );
    expect(bomb.length).toBeLessThan(MAX_LINK_CHARS);
    const decoded = decodeShare(bomb);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok)
      expect(decoded.errors[0]!.message).toBe(
        'the link unpacks to more than 5 MB (a scenario is at most 5 MB); it is damaged or was made to exhaust memory',
      );
  });

  it('inflate what is within the limit exactly', () => {
    const text = 'journeycast '.repeat(10_000);
    expect(new TextDecoder().decode(inflateLimited(deflateSync(strToU8(text))))).toBe(text);
    expect(inflateLimited(deflateSync(new Uint8Array(0)))).toEqual(new Uint8Array(0));
  });
});
