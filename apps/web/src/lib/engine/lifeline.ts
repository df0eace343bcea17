/**
 * Calls to a worker that fail when the worker dies. A dead worker never answers: without this a
 * call would wait forever.
 *
 * Why not `Promise.race([call, death])` with one `death` promise per worker: every race leaves a
 * reaction on `death`, and `death` stays pending for as long as the worker lives, so each call
 * ever made stays reachable from it, with what its callbacks reference. Measured on the workbench
 * (300 re-runs of the live estimate): the page's heap grew 1.6 KB per run, most of it Chromium's
 * records of the key press that started the run (soft-navigation and paint-timing data, kept alive
 * through the reaction's async task attribution). Here a call is forgotten once it settles.
 */
export class Lifeline {
  readonly #pending = new Set<(error: Error) => void>();
  #error: Error | undefined;

  /** `call`'s outcome, or a rejection with the worker's failure if the worker dies first. */
  watch<T>(call: Promise<T>): Promise<T> {
    if (this.#error !== undefined) return Promise.reject(this.#error);
    return new Promise<T>((resolve, reject) => {
      this.#pending.add(reject);
      call.then(
        (value) => {
          this.#pending.delete(reject);
          resolve(value);
        },
        (error: unknown) => {
          this.#pending.delete(reject);
          reject(error);
        },
      );
    });
  }

  /** The worker died: the calls in flight fail with `error`, and so does every later one. */
  fail(error: Error): void {
    if (this.#error !== undefined) return;
    this.#error = error;
    for (const reject of this.#pending) reject(error);
    this.#pending.clear();
  }

  /** Calls in flight (tests check that a settled call is not kept). */
  get watching(): number {
    return this.#pending.size;
  }
}
