import type { Doc } from '../doc.js';
import { irrealisAt, negatedAt, quotedAt } from '../negation.js';
import { hitsIn, matches, re } from '../pattern.js';
import type { Sentence } from '../sentences.js';
import { OTHER_TEAM } from '../lexicon.js';

/**
 * Blaming others (rubric pitfall): pinning a problem on colleagues, another team or the manager.
 * A neutral account ("night shift handed over with obs not done", "CSAT dropped after the price
 * change") is not blame; blame needs a culprit and a charge: a failure made the cause of the
 * problem ("because Gemma's team never updated the sheet"), a counterfactual ("if marketing had
 * sent the assets, I'd have finished"), a repeated failing ("screwed up the order again"), or
 * contempt ("they can't be bothered", "fantasy numbers"). The writer owning a failure ("I dropped
 * the ball") is not blame.
 */

// Someone other than the writer: a pronoun, a team or department, a named colleague's team or work.
const CULPRIT = String.raw`(?:\b(?:they|them|he|she|him|her|you|your|their|his)\b|${OTHER_TEAM}|\b[\w-]+'s (?:team|code|work|numbers|people|side|lot|crew|department)\b|\b(?:the|that|those|our|some of the|a couple of the) (?:[\w-]+ ){0,2}?(?:team|crew|staff|contractors?|hires|starters|vendor|suppliers?|client|agency|department|dept|office|shift|teacher|engineers?|designers?|devs|developers|folks|guys|people|lot|temps|agency staff|managers?|leads?|reps|drivers?|warehouse|receiving|dispatch)\b|\b(?:nobody|no one|no-one|noone)\b)`;
const CULPRIT_RE = re(CULPRIT);

// Charges that carry blame on their own, once a culprit is named in the sentence.
const CONTEMPT = re(
  String.raw`\b(?:dropped the ball|screwed (?:up|it up)|messed (?:up|it up)|botched|cocked up|sat on|can'?t be bothered|couldn'?t be bothered|didn'?t (?:even )?bother|(?:don'?t|doesn'?t|didn'?t) even|fantasy|garbage|rubbish|sloppy|shoddy|useless|incompetent|lazy|careless|clueless|hopeless|(?:a |an )?(?:complete |total |absolute )?(?:mess|disaster|shambles|joke)|as usual|yet again|every single|(?:their|his|her|your|[\w-]+'s) fault|fault of|to blame|not on me|not my fault|threw (?:me|us) under|left (?:me|us) (?:in the dark|hanging|to (?:pick up|clean up|deal|sort))|cleaning up after|clean up after|pick up the pieces|thanks to (?:them|him|her|their|his|[\w-]+'s)|(?:are|is|were|was) the reason|without (?:asking|telling|checking with|consulting) (?:us|me|anyone)|(?:is|'s) (?:on|down to) (?:them|him|her|receiving|dispatch|the [\w-]+ (?:team|shift|crew)|[\w-]+'s team|ops|sales|legal|finance|procurement|marketing|design|qa|support))`,
);
// A failure by the culprit made the cause of the problem: "because support keeps sending...".
const CAUSED_BY = re(
  String.raw`\b(?:because|since|due to|thanks to|that'?s why|which is why|the reason|so of course|so now|all because)\b[^.;!?]{0,60}?${CULPRIT}[^.;!?]{0,40}?\b(?:never|didn'?t|did not|don'?t|doesn'?t|failed|forgot|missed|keeps?|kept|won'?t|wouldn'?t|can'?t|couldn'?t|gave|changed|broke|ignored|refused|delayed|dropped|held|sat|lost|blew|tanked|sent (?:[\w-]+ ){0,3}?(?:wrong|late|with no|without)|late)\b`,
);
// "If marketing had sent the assets...", "if you'd told us earlier...": what the culprit should have done.
const COUNTERFACTUAL = re(String.raw`\bif (?:only )?(?!i\b|i'd\b|we\b|we'd\b)${CULPRIT}(?: [\w-]+)?(?: had|'d) (?:actually |just |only |bothered to |even )?[\w-]+`);
// A repeated failing: "broke the build again", "keep changing the priorities", "never reply".
const REPEATED = re(
  String.raw`${CULPRIT}(?: [\w-]+){0,2}? (?:never (?:[\w-]+ )?(?:told|tell|tells|gave|give|reply|replies|replied|respond\w*|answer\w*|updated|update|send|sent|show|showed|turn\w* up|follow\w* through|deliver\w*|read|check\w*|test\w*|listen\w*|help\w*|bother\w*|fix\w*)|(?:always|constantly|continually|repeatedly|keeps? (?:on )?|kept) (?:late|miss\w*|chang\w*|break\w*|broke|ignor\w*|forget\w*|forgot|cancel\w*|dump\w*|leav\w*|left|blam\w*|interrupt\w*|push\w*|delay\w*|drop\w*|skip\w*|block\w*|overrid\w*|sending|moving|adding|losing|late)|(?:nobody|no one) (?:told|tells|bothered|warned|informed|checked)|(?:broke|missed|lost|forgot|ignored|changed|dumped|left|sent|messed|screwed|delayed|cancelled|canceled)\b[^.;!?]{0,50}?\b(?:again|as usual|every time|yet again|for the (?:third|fourth|nth) time))`,
);
const OWNERSHIP = /\b(?:i|we|i've|we've|i'd|my|our)\s+(?:[\w-]+\s+){0,1}$/;

/** Sentences that pin a problem on a colleague, another team or the manager. */
export function findBlame(doc: Doc): Sentence[] {
  return doc.sentences.filter((s) => {
    const live = (at: number): boolean => !negatedAt(s.text, at, 3) && !irrealisAt(s.text, at) && !quotedAt(s.text, at);
    const contempt = hitsIn(s, CONTEMPT).some(
      (h) => live(h.index) && !OWNERSHIP.test(s.text.slice(Math.max(0, h.index - 20), h.index)) && (matches(s.text, CULPRIT_RE) || /^not (?:on me|my fault)/.test(h.text)),
    );
    if (contempt) return true;
    return [CAUSED_BY, COUNTERFACTUAL, REPEATED].some((p) => hitsIn(s, p).some((h) => live(h.index)));
  });
}
