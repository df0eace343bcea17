/**
 * One engine worker, spawned by the coordinator worker: sim-core's browser worker entry, which
 * exposes the engine API over comlink (listed under `sideEffects` in sim-core's package.json so
 * the bundler keeps it).
 */
import '@journeycast/sim-core/worker';
