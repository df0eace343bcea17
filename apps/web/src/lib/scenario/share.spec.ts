import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import { decodeShare, encodeShare, fromBase64Url, shareFromHash, toBase64Url } from './share.ts';
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
});
