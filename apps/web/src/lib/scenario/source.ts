/**
 * Where the app's scenarios come from: the library, validation of files and links, and the
 * scenario hash that stamps results. All of it is @journeycast/scenarios' browser-safe core, so
 * the app checks a file, a link or a draft with exactly the rules and messages of the
 * `journeycast` command line. This module is the app's one door to it.
 */
export {
  DEFAULT_SCENARIO_ID,
  LIBRARY,
  LIBRARY_IDS,
  canonicalJson,
  formatScenarioError,
  libraryScenario,
  parseScenarioBytes,
  parseScenarioText,
  scenarioHash,
  validateScenario,
  type LibraryEntry,
  type ParseScenarioResult as ParseResult,
  type ScenarioError,
} from '@journeycast/scenarios';

/** An error's path for display: the file as a whole has the empty path. */
export function displayPath(path: string): string {
  return path === '' ? '(file)' : path;
}
