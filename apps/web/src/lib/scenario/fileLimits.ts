/**
 * The size limit of an imported scenario file, checked on `File.size` before the file is read:
 * the same limit (RUN_LIMITS.maxFileBytes) and words as the `journeycast` command line, which
 * parseScenarioText checks again on the text.
 */
import { RUN_LIMITS } from '@journeycast/scenarios';

const megabytes = (bytes: number) => `${Number((bytes / 1e6).toPrecision(3))} MB`;
const exact = (bytes: number) => `${bytes.toLocaleString('en-GB')} bytes`;

/**
 * Why a file of `bytes` is refused, or undefined when it is small enough.
 *
 * @example
 * fileSizeProblem(12_345_678);
 * // => 'the file is 12.3 MB; a scenario file may be at most 5 MB'
 */
export function fileSizeProblem(bytes: number): string | undefined {
  const limit = RUN_LIMITS.maxFileBytes;
  if (bytes <= limit) return undefined;
  // Just over the limit, megabytes would read "5 MB; at most 5 MB": say the bytes then.
  const [found, most] =
    megabytes(bytes) === megabytes(limit)
      ? [exact(bytes), exact(limit)]
      : [megabytes(bytes), megabytes(limit)];
  return `the file is ${found}; a scenario file may be at most ${most}`;
}
