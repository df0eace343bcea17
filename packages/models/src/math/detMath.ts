/**
 * Deterministic elementary functions: ports of fdlibm that use only IEEE-754 basic operations, so
 * a simulation gives the same bits in Node and in every browser. Use these, never `Math.log`,
 * `Math.exp`, `Math.pow`, `Math.log1p` or `Math.expm1`, wherever a simulated number depends on the
 * result (V8 versions differ in the last bit of those).
 *
 * `Math.sqrt`, `Math.floor`, `Math.abs` and the arithmetic operators are exact or correctly rounded
 * by IEEE-754 and the ECMAScript spec, so they are safe as they are.
 */
export { detExp } from './detExp.ts';
export { detExpm1 } from './detExpm1.ts';
export { detLog } from './detLog.ts';
export { detLog1p } from './detLog1p.ts';
export { detPow } from './detPow.ts';
