/**
 * The two messages by which a browser engine worker and its pool set up the worker's lifeline (see
 * browserPool.ts): the pool names a Web Lock, the worker takes it and says so. They travel beside
 * comlink's messages on the same Worker; comlink ignores them (no `type`, no `id`).
 */

/** Pool → worker: hold the lock of this name for as long as you live. */
export interface LifelineRequest {
  journeycastLifeline: string;
}

/** Worker → pool: the lock is held. */
export interface LifelineHeld {
  journeycastLifelineHeld: string;
}

export function lifelineRequest(name: string): LifelineRequest {
  return { journeycastLifeline: name };
}

export function lifelineHeld(name: string): LifelineHeld {
  return { journeycastLifelineHeld: name };
}

/** The lock name of a lifeline request, or undefined for any other message. */
export function lifelineRequested(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const name = (data as Partial<LifelineRequest>).journeycastLifeline;
  return typeof name === 'string' ? name : undefined;
}

/** The lock name of a "held" answer, or undefined for any other message. */
export function lifelineHeldName(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const name = (data as Partial<LifelineHeld>).journeycastLifelineHeld;
  return typeof name === 'string' ? name : undefined;
}
