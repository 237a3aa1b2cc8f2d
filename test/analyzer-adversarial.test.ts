import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../src/coach/analyzer/index.js';
import { parseConfig } from '../src/config.js';
import { analysisTime, analyzerVocabulary, CORE_WORDS, KNOWN_HAZARDS, NAMES, realisticDraft, repeatTo, SEPARATORS } from './support/adversarial-drafts.js';

/*
 * The analyzer runs on the request's thread, so a text built to be slow blocks every other request
 * (a draft of "no mess " repeated once took seconds). Each of its stages is linear or n log n in the
 * text by construction (see negation.ts, sentences.ts, the frames' patterns); this checks it from the
 * outside: texts that repeat the analyzer's own words and punctuation, at the longest a draft may be,
 * take at most a small multiple of a realistic draft of the same length, timed in the same run so a
 * slow or busy machine moves both. A timing in a test, against the house rule, because a regression
 * here is a denial of service, not a figure.
 */

const LENGTH = parseConfig({ LOOP_COACH_PROVIDER: 'offline' }).draftMaxChars;
const TIMES = 5;
const PLUS_MS = 25;

let realistic = 0;
let bound = 0;

beforeAll(() => {
  const drafts = [0, 1, 2].flatMap((i) => [realisticDraft(LENGTH, 'employee', i), realisticDraft(LENGTH, 'manager', i)]);
  for (const d of drafts) analysisTime(d, 2); // compiled and warm before anything is timed
  realistic = Math.max(...drafts.map((d) => analysisTime(d)));
  bound = TIMES * realistic + PLUS_MS;
});

/** The time of a text, measured again before it is called slow: one run can lose its thread for a while. */
function timed(text: string): number {
  const first = analysisTime(text, 2);
  return first <= bound ? first : analysisTime(text, 5);
}

const vocabulary = analyzerVocabulary();
// A unit: a few of the analyzer's words, names and separators, repeated to a draft's length.
const unit = fc
  .array(
    fc.tuple(
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...CORE_WORDS) },
        { weight: 4, arbitrary: fc.constantFrom(...vocabulary) },
        { weight: 1, arbitrary: fc.constantFrom(...NAMES) },
        { weight: 1, arbitrary: fc.constant('') },
      ),
      fc.constantFrom(...SEPARATORS),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((parts) => parts.map(([word, separator]) => word + separator).join(''))
  .filter((u) => u.length > 0);

describe(`the analyzer on adversarial drafts of ${LENGTH} characters`, () => {
  it('draws its units from the vocabulary of every frame', () => {
    expect(vocabulary.length).toBeGreaterThan(1_000);
    for (const word of ['not', 'never', 'mess', 'useless', 'because', 'they', 'promotion', 'recap', 'lead']) expect(vocabulary).toContain(word);
  });

  it('reads the inputs that were once slow in at most a small multiple of a realistic draft', () => {
    for (const hazard of KNOWN_HAZARDS) {
      const text = hazard(LENGTH);
      expect(text.length).toBe(LENGTH);
      const ms = timed(text);
      expect(ms, `${JSON.stringify(text.slice(0, 40))}...: ${ms.toFixed(1)} ms, realistic ${realistic.toFixed(1)} ms`).toBeLessThanOrEqual(bound);
    }
  });

  it('reads any repetition of its own words and punctuation in at most a small multiple of a realistic draft', () => {
    fc.assert(
      fc.property(unit, (u) => {
        const ms = timed(repeatTo(u, LENGTH));
        expect(ms, `${JSON.stringify(u)} repeated: ${ms.toFixed(1)} ms, realistic ${realistic.toFixed(1)} ms`).toBeLessThanOrEqual(bound);
      }),
      // A timing does not shrink well (each step is timed again): report the first slow unit as found.
      { numRuns: 150, endOnFailure: true },
    );
  }, 60_000);

  it('still finds what it found in them: the same analysis for a text and its repetition, sentence for sentence', () => {
    // Not a timing: the fixes kept the behaviour, so a repeated sentence reads as the sentence does.
    const sentence = "Because they never updated the sheet, I'd like to be promoted to senior. ";
    const once = analyze(sentence, 'employee');
    const many = analyze(repeatTo(sentence, LENGTH - (LENGTH % sentence.length)), 'employee');
    for (const id of Object.keys(once.checks) as (keyof typeof once.checks)[]) {
      if (once.checks[id]?.learned) continue;
      expect(many.checks[id]?.present, id).toBe(once.checks[id]?.present);
    }
  });
});
