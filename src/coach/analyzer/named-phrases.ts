import { phraseOf, type Doc } from './doc.js';
import { goalPhrase, type GoalMention } from './frames/goals.js';
import { TAKE_VERB } from './lexicon.js';
import { hitsIn, re } from './pattern.js';
import { phraseAfter } from './phrases.js';
import type { Sentence } from './sentences.js';

/*
 * The `goal` and `task` of an analysis: short phrases of the user's text that later advice can
 * quote back ("What would you need to see from me to get to {goal}?"), always verbatim slices.
 */

/** The goal phrase of a mention, as the user wrote it. */
export function goalOf(doc: Doc, mention: GoalMention): string | undefined {
  const span = goalPhrase(mention);
  return phraseOf(doc, mention.sentence, span.start, span.end);
}

/** The task named after a verb of taking work ("take the flaky-test triage this week" -> "the flaky-test triage"). */
export function taskOf(doc: Doc, s: Sentence, from: number): string | undefined {
  // "Happy to take the flaky-test triage, I'll start today": the task may sit before the commitment.
  const span = phraseAfter(s.text, from) ?? phraseAfterTakeVerb(s);
  return span ? phraseOf(doc, s, span.start, span.end) : undefined;
}

const TAKES_WORK = re(TAKE_VERB);

function phraseAfterTakeVerb(s: Sentence): { start: number; end: number } | null {
  for (const h of hitsIn(s, TAKES_WORK)) {
    const span = phraseAfter(s.text, h.end);
    if (span) return span;
  }
  return null;
}
