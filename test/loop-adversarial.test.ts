import { beforeAll, describe, expect, it } from 'vitest';
import { readEntryOffline } from '../src/coach/loop/read-entry.js';
import { repeatTo } from './support/adversarial-drafts.js';

/*
 * An entry is read on the request's thread, like a draft, so an entry built to be slow blocks
 * every other request. The reader's patterns are linear by construction (bounded repeats, no
 * nested unbounded quantifiers) and each promise is read within a bounded reach; this checks it
 * from the outside: entries that repeat the reader's own cues, at the longest a text may be, take
 * at most a small multiple of a realistic note of the same length, timed in the same run. A timing
 * in a test, against the house rule, for the reason test/analyzer-adversarial.test.ts gives.
 */

const LENGTH = 8_000;
const TIMES = 5;
const PLUS_MS = 25;
const AT = Date.parse('2026-11-03T15:00:00Z');

const NOTE =
  "1:1 w Helen\n- she needs the rota signed off by fri, she's worried about the audit\n- me -> redo the shift plan by mon\n" +
  "- she said my status reports are 'much clearer now'\n- asked about the team lead course again. she said we'll see and moved on\n" +
  "- I said I'd send the deck tomorrow and she'll intro me to the VP next week.\n";

// Units that repeat what the reader looks for: promises, quotes, offers, labels, arrows, dates, asks.
const HAZARDS: Record<string, string> = {
  'promises in a quote': "she said 'i'll ",
  offers: 'i offered to ',
  'action items': '- me -> x, y + z, ',
  labels: 'Helen: x\nMe: y\n',
  'needs with an arrow at the end': 'needs ',
  'career asks': 'asked about the role ',
  dates: 'by the 1st w/c 12/2 thurs 26th ',
  'one long word': 'a',
  'requests by date': 'she needs my ',
  'wants me': 'wants me ',
  superlatives: 'the best the best in ',
  'quoted replies': '> ',
  'open quotes': "'",
};

function timeOf(text: string, runs = 2): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    readEntryOffline({ text, kind: 'one-on-one', at: AT, relation: 'manager', name: 'Helen Park' });
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

let bound = 0;
beforeAll(() => {
  const realistic = repeatTo(NOTE, LENGTH);
  timeOf(realistic, 2); // compiled and warm before anything is timed
  bound = TIMES * timeOf(realistic, 3) + PLUS_MS;
});

describe(`the offline entry reader on adversarial entries of ${LENGTH} characters`, () => {
  for (const [name, unit] of Object.entries(HAZARDS)) {
    it(`reads ${name} in linear time`, () => {
      const text = unit === 'needs ' ? `${repeatTo(unit, LENGTH - 6)} -> me` : repeatTo(unit, LENGTH);
      const first = timeOf(text);
      // Measured again before it is called slow: one run can lose its thread for a while.
      expect(first <= bound ? first : timeOf(text, 5)).toBeLessThanOrEqual(bound);
    });
  }
});
