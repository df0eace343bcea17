import { describe, expect, it } from 'vitest';
import { RUN_LIMITS } from '@journeycast/scenarios';
import { fileSizeProblem } from './fileLimits.ts';

describe('the file size limit', () => {
  it('is the scenarios package limit, said with what was found', () => {
    expect(fileSizeProblem(RUN_LIMITS.maxFileBytes)).toBeUndefined();
    expect(fileSizeProblem(12_345_678)).toBe(
      'the file is 12.3 MB; a scenario file may be at most 5 MB',
    );
    // Just over: megabytes would read "5 MB; at most 5 MB", so bytes.
    expect(fileSizeProblem(RUN_LIMITS.maxFileBytes + 1)).toBe(
      'the file is 5,000,001 bytes; a scenario file may be at most 5,000,000 bytes',
    );
  });
});
