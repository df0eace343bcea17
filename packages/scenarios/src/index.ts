// @journeycast/scenarios: the scenario file format, its validation and migrations, the scenario
// library, and (Node only, not exported here) the journeycast command-line tool in src/cli/.
// Everything exported from this entry is browser-safe.

// The format
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
export { ModelOverrides, deepPartial } from './schema/overridesSchema.ts';
export { JSON_SCHEMA_DIALECT, scenarioJsonSchema } from './schema/jsonSchema.ts';

// Reading, validating, migrating, hashing
export {
  MAX_JSON_DEPTH,
  parseScenarioBytes,
  parseScenarioText,
  type ParseScenarioResult,
} from './parseScenarioText.ts';
export { decodeUtf8, type DecodeResult, type Utf8Error } from './parse/decodeUtf8.ts';
export {
  scenarioErrors,
  validateScenario,
  type ValidationResult,
} from './validate/validateScenario.ts';
export {
  MAX_ERRORS,
  capErrors,
  formatScenarioError,
  renderPath,
  type PathPart,
  type ScenarioError,
} from './validate/errors.ts';
export {
  applyBaselineChanges,
  parseChangeValue,
  type BaselineChange,
} from './validate/baselineChanges.ts';
export { lookupPath, type PathLookup } from './validate/modelPaths.ts';
export {
  estimateFirstMonthCalls,
  estimatePopulation,
  resultProblems,
  runLoadProblems,
  type LoadProblem,
  type PopulationEstimate,
} from './validate/runLoad.ts';
export { allMetrics, metricProblem, readMetric, type MetricContext } from './validate/metrics.ts';
export {
  MIGRATIONS,
  OLDEST_SCHEMA_VERSION,
  migrateScenario,
  v1ToV2,
  type MigrationResult,
  type MigrationStep,
} from './migrations.ts';
export { canonicalJson, scenarioHash } from './canonical.ts';
export { parseJson, type JsonSyntaxError, type ParseJsonResult } from './parse/parseJson.ts';

// The library
export {
  DEFAULT_SCENARIO_ID,
  LIBRARY,
  LIBRARY_IDS,
  libraryScenario,
  type LibraryEntry,
} from './library.ts';

// From a scenario to a run plan
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

// Results: reports, tables, replay snapshots and expectations
export {
  runReport,
  type OptionalSummary,
  type PairedReport,
  type RunReport,
  type RunReportOptions,
  type StatSummary,
  type VariantReport,
} from './report/runReport.ts';
export {
  compareTable,
  headlineTable,
  tableRecords,
  toCsv,
  toMarkdown,
  type Column,
  type Format,
  type Table,
} from './report/tables.ts';
export {
  checkExpectations,
  compareSnapshots,
  snapshotOf,
  type ExpectationOutcome,
  type Figure,
  type FigureChange,
  type Snapshot,
  type SnapshotComparison,
} from './replay/snapshot.ts';
