import { describe, expect, it } from 'vitest';
import { didYouMean, nameList, quoteKey, suggest } from './describe.ts';

describe('names in messages', () => {
  it('lists short names whole, cuts long ones to their start and length, and caps the count', () => {
    expect(nameList(['callCentre', 'chat'])).toBe('callCentre, chat');
    const long = 'x'.repeat(100);
    expect(nameList(['a', long])).toBe(`a, ${'x'.repeat(40)}… (100 characters)`);
    const many = Array.from({ length: 15 }, (_, i) => `v${i}`);
    expect(nameList(many)).toBe('v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11 and 3 more');
    expect(nameList(many, 2)).toBe('v0, v1 and 13 more');
    expect(nameList([])).toBe('');
  });

  it('quotes a long key by its start, like nameList', () => {
    expect(quoteKey('agents')).toBe('"agents"');
    expect(quoteKey('k'.repeat(65))).toBe(`"${'k'.repeat(40)}…" (65 characters)`);
  });

  it('suggests near names, never for a name longer than 64 characters', () => {
    expect(suggest('agnets', ['agents', 'aht'])).toBe('agents');
    const long = 'y'.repeat(1000);
    expect(suggest(long, [long, `${long}z`])).toBeUndefined();
    expect(didYouMean('zzz', ['a'.repeat(70), 'b'])).toBe(
      ` (expected one of ${'a'.repeat(40)}… (70 characters), b)`,
    );
  });
});
