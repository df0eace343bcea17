// The scenario library: one line per file in ../library, exported under its id (= its file name).
// To add a scenario, put library/<id>.json in place and add one line below (alphabetical order):
//   export { default as '<id>' } from '../library/<id>.json' with { type: 'json' };
// Static imports keep the library browser-safe (no fs) and let bundlers inline it. A test fails
// when a file in library/ is missing here.
export { default as 'acquisition-margin' } from '../library/acquisition-margin.json' with { type: 'json' };
export { default as 'card-declined-abroad' } from '../library/card-declined-abroad.json' with { type: 'json' };
export { default as 'community-support' } from '../library/community-support.json' with { type: 'json' };
export { default as 'control-tower' } from '../library/control-tower.json' with { type: 'json' };
export { default as 'default' } from '../library/default.json' with { type: 'json' };
export { default as 'digital-drives-calls' } from '../library/digital-drives-calls.json' with { type: 'json' };
export { default as 'first-contact-resolution' } from '../library/first-contact-resolution.json' with { type: 'json' };
export { default as 'human-or-bot-triage' } from '../library/human-or-bot-triage.json' with { type: 'json' };
export { default as 'journey-excellence' } from '../library/journey-excellence.json' with { type: 'json' };
export { default as 'personal-onboarding' } from '../library/personal-onboarding.json' with { type: 'json' };
export { default as 'surge-staffing' } from '../library/surge-staffing.json' with { type: 'json' };
