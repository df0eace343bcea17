// @journeycast/scenarios: the scenario file format, its validation and migrations, the scenario
// library, and (Node only, not exported here) the journeycast command-line tool in src/cli/.
// Everything exported from this entry is browser-safe.

export {
  Expectation,
  LEVER_GROUPS,
  Lever,
  Overrides,
  RUN_LIMITS,
  RunSettings,
  SCHEMA_VERSION,
  Scenario,
  Variant,
} from './schema/scenarioSchema.ts';
export {
  BASELINE_ID,
  FORBIDDEN_KEYS,
  cloneJson,
  customersPerAgent,
  getPath,
  mergeOverrides,
  parsePath,
  planFromScenario,
  setPath,
  variantModel,
  type PlanOptions,
} from './plan.ts';
