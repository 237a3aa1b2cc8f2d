import type { Doc } from '../doc.js';
import { irrealisAt, negatedAt, quotedAt } from '../negation.js';
import { anyHit, anyOf, matches, oneOf, re, union, type Hit } from '../pattern.js';
import type { Sentence } from '../sentences.js';
import { OTHER_TEAM } from '../lexicon.js';
import { MASKED_NAME, withNamesMasked } from '../names.js';

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
const CULPRIT = oneOf([
  String.raw`\b(?:they|them|he|she|him|her|you|your|their|his)\b`,
  String.raw`\b(?:agency|temp|temporary|night|day|weekend|new|other|some) (?:staff|team|crew|shift|starters|hires|people|folks|colleagues)\b`,
  String.raw`\b(?:staff|people|colleagues|folks) who\b`,
  String.raw`${MASKED_NAME}(?:'s)?`,
  OTHER_TEAM,
  String.raw`\b(?:level|tier) \d\b`,
  String.raw`\b(?:first|second|third|1st|2nd|3rd)[- ]line\b`,
  String.raw`\bthe (?:[\w-]+ ){0,2}?` +
    String.raw`(?!(?:servers|printers|containers|computers|routers|filters|orders|numbers|figures|letters|papers|others|answers|details)\b)` +
    String.raw`[\w-]+(?:ers|ors|ists|ants|ents|ians)\b`,
  // A possessive starts where its word does: tried from every boundary inside a long hyphenated
  // word ("a-b-c-..."), the run would be read again from each one.
  String.raw`\b(?<![\w-])[\w-]+'s (?:team|code|work|numbers|people|side|lot|crew|department)\b`,
  String.raw`\b(?:the|that|those|our|some of the|a couple of the) (?:[\w-]+ ){0,2}?` +
    oneOf([
      String.raw`team|crew|staff|contractors?|subcontractors?`,
      String.raw`subbies|sparkies|chippies|brickies|trades(?:men|people)?`,
      String.raw`hires|starters|trainees?|juniors?|apprentices?|interns?|grads|locums?|vendor`,
      String.raw`suppliers?|client|agency|department|dept|office|shift|teacher|engineers?`,
      String.raw`designers?|devs|developers|folks|guys|people|lot|temps|agency staff|managers?`,
      String.raw`leads?|reps|drivers?|warehouse|receiving|dispatch|ward|kitchen|front of house`,
      String.raw`back of house|floor|branch|site office`,
    ]) +
    String.raw`\b`,
  String.raw`\bfront of house\b`,
  String.raw`\b(?:nobody|no one|no-one|noone)\b`,
  // Groups of people by trade or team ("the night vets", "the analysts' figures", "pharmacy", "stores").
  String.raw`\b` +
    oneOf([
      String.raw`nurses|vets|analysts|chefs|cooks|lads|paralegals|medics|techs|admins|locums|porters|cleaners`,
      String.raw`pharmacy|stores|treasury|payroll|estates|facilities|procurement|accounts|purchasing|eng|l1|l2`,
    ]) +
    String.raw`\b`,
]);
const CULPRIT_RE = re(CULPRIT);
// A culprit named by a noun, not a pronoun: "the night crew", "the Ripon manager", "Jordan".
const NAMED_CULPRIT = CULPRIT.replace(String.raw`\b(?:they|them|he|she|him|her|you|your|their|his)\b|`, '');

// Charges that carry blame on their own, once a culprit is named in the sentence.
const CONTEMPT = re(
  String.raw`\b` +
    oneOf([
      String.raw`dropped the ball`,
      String.raw`screwed (?:up|it up)`,
      String.raw`messed (?:up|it up)`,
      String.raw`botched`,
      String.raw`cocked up`,
      String.raw`sat on`,
      String.raw`(?:can'?t|cannot|can not) be bothered`,
      String.raw`(?:couldn'?t|could not) be bothered`,
      String.raw`(?:didn'?t|did not) (?:even )?bother`,
      String.raw`(?:don'?t|doesn'?t|didn'?t|do not|does not|did not) even`,
      String.raw`fantasy`,
      String.raw`garbage`,
      String.raw`rubbish`,
      String.raw`sloppy`,
      String.raw`shoddy`,
      String.raw`useless`,
      String.raw`incompetent`,
      String.raw`lazy`,
      String.raw`careless`,
      String.raw`clueless`,
      String.raw`hopeless`,
      String.raw`(?:a |an )?(?:complete |total |absolute )?(?:mess|disaster|shambles|joke)`,
      String.raw`in (?:a (?:bit of a |right |real )?)?state`,
      String.raw`all over the place`,
      String.raw`as usual`,
      String.raw`yet again`,
      String.raw`every single`,
      String.raw`fault of`,
      String.raw`to blame`,
      String.raw`threw (?:me|us) under`,
      String.raw`left (?:me|us) (?:in the dark|hanging|to (?:pick up|clean up|deal|sort))`,
      String.raw`pick up the pieces`,
      String.raw`(?:are|is|were|was) the reason`,
      String.raw`without (?:asking|telling|checking with|consulting) (?:us|me|anyone)`,
      String.raw`(?:can'?t|couldn'?t) (?:handle|cope with|manage|be trusted)`,
      String.raw`(?:done|sick of|tired of|fed up(?: with| of)?) ` +
        String.raw`(?:covering|cleaning up|clearing up|tidying up|picking up|mopping up) (?:for|after) (?:them|him|her)`,
      String.raw`i'?m (?:always )?the one (?:who (?:has|ends up|gets) (?:to )?)?(?:cleaning|fixing|picking|mopping|sorting|covering|working|staying|redoing)`,
      String.raw`must be nice`,
      String.raw`funny how`,
      String.raw`(?:third|fourth|fifth|sixth|nth|\d+(?:st|nd|rd|th)) time (?:this|in a|that|in the last) (?:week|month|quarter|year|fortnight)`,
    ]) +
    // Whole words: "mess" is not "message", "joke" not "joked".
    String.raw`\b`,
);
// Charges that name their own culprit: "is on receiving", "Gemma's fault", "cleaning up after them".
const PINNED = re(
  String.raw`\b` +
    oneOf([
      String.raw`(?:is|'s|are|'re) (?:all )?(?:on|down to) (?:how |what )?` +
        oneOf([
          String.raw`you|them|they|him|her|he|she|receiving|dispatch|goods in|night shift|day shift`,
          String.raw`the [\w-]+ (?:team|shift|crew)`,
          String.raw`[\w-]+'s team|ops|sales|legal|finance|procurement|marketing|design|qa|support`,
        ]),
      String.raw`(?!(?:nobody|no one|noone|anyone|anybody|everyone|everybody)'s)(?:their|his|her|your|(?<![\w-])[\w-]+'s) fault`,
      String.raw`thanks to (?:them|him|her|their|his|[\w-]+'s)|no thanks to`,
      String.raw`(?:cleaning|clean|clearing|clear|tidying|mopping) up after (?:them|him|her|[\w-]+)`,
      String.raw`(?:taking|take|takes|took|getting|get|gets|got) the ` +
        String.raw`(?:heat|blame|flak|rap|fall|grief) for (?:their|his|her|your|them|him|[\w-]+'s)`,
      String.raw`(?:covering|cover|cleaning up|clean up|fixing|fix|mopping up|paying for|carrying) (?:for |after )?` +
        String.raw`(?:their|his|her|your|[\w-]+'s) (?:mistakes|mess|messes|errors|screw-?ups|cock-?ups|slack|blunders)`,
      String.raw`not on me|not my fault`,
    ]) +
    String.raw`\b`,
);
// A failure by the culprit made the cause of the problem: "because support keeps sending...".
const CAUSED_BY = re(
  String.raw`\b(?:because|since|due to|thanks to|that'?s why|which is why|the reason|so of course|so now|all because)` +
    String.raw`\b[^.;!?]{0,60}?${CULPRIT}[^.;!?]{0,40}?\b` +
    oneOf([
      String.raw`never|didn'?t|did not|don'?t|doesn'?t|failed|forgot|missed|keeps?|kept|won'?t`,
      String.raw`wouldn'?t|can'?t|couldn'?t|gave|changed|broke|ignored|refused|delayed|dropped`,
      String.raw`held|sat|lost|blew|tanked|handle|submitting|submitted`,
      String.raw`sent (?:[\w-]+ ){0,3}?(?:wrong|late|with no|without)`,
      String.raw`late|merged|pushed|shipped|released|deployed|rushed|skipped|ignored`,
      // A failure, not a state: "because night team is not closing the tickets", not "since the platform was showing…".
      String.raw`(?:is|are|was|were) not [\w-]+ing|(?:isn'?t|aren'?t|wasn'?t|weren'?t) [\w-]+ing|not [\w-]+ing`,
    ]) +
    String.raw`\b`,
);
// The culprit's act, then its result: "You changed the priorities twice, so of course we slipped."
// Matched from the act, with the culprit checked just before it (see `byCulprit`): anchoring on
// the rarer verb keeps this cheap.
const RESULTED = re(
  [
    String.raw`\b` +
      oneOf([
        String.raw`changed|cancelled|canceled|moved|missed|forgot|ignored|dropped|broke|delayed`,
        String.raw`signed off|didn'?t|never|refused|gave|sent|left|rejected|overrode|pulled|promised`,
      ]) +
      String.raw`\b[^.;!?]{0,60}?\b` +
      String.raw`(?:so (?:of course|obviously|naturally|now|inevitably|yeah)|which is why|that'?s why|and now|and that'?s why|hence)\b`,
    String.raw`(?:didn'?t|never|failed to|forgot to|missed|did not)\b[^.;!?]{0,60}?, so (?:the|we|our|it|everything|that|now|this)\b`,
  ].join('|'),
);
// "If marketing had sent the assets...", "if you'd told us earlier...": what the culprit should have done.
// "If you had to pick one" and "if you had time" ask or wish; they charge no one.
const COUNTERFACTUAL = re(
  String.raw`\bif (?:only )?(?!i\b|i'd\b|we\b|we'd\b)${CULPRIT}(?: [\w-]+)?(?: had|'d) ` +
    String.raw`(?!(?:to|time|a|an|the|any|some|more|no|one|enough|like|prefer|rather|want|love|say|ask|pick|choose)\b)` +
    String.raw`(?:actually |just |only |bothered to |even )?[\w-]+`,
);
// A repeated failing: "broke the build again", "keep changing the priorities", "never reply".
const REPEATED = re(
  String.raw`\b` +
    oneOf([
      String.raw`never (?:[\w-]+ )?` +
        oneOf([
          String.raw`told|tell|tells|gave|give|reply|replies|replied|respond\w*|answer\w*|updated`,
          String.raw`update|send|sent|show|showed|turn\w* up|follow\w* through|deliver\w*|read`,
          String.raw`check\w*|test\w*|listen\w*|help\w*|bother\w*|fix\w*`,
        ]),
      String.raw`(?:always|constantly|continually|repeatedly|keeps?(?: on)?|kept) ` +
        oneOf([
          String.raw`late|submitt\w*|mov\w*|shift\w*|miss\w*|chang\w*|break\w*|broke|ignor\w*`,
          String.raw`forget\w*|forgot|cancel\w*|dump\w*|leav\w*|left|promis\w*|overpromis\w*`,
          String.raw`overcommit\w*|blam\w*|interrupt\w*|push\w*|delay\w*|drop\w*|skip\w*|block\w*`,
          String.raw`overrid\w*|sending|moving|adding|losing|late`,
        ]),
      String.raw`(?:nobody|no one) (?:told|tells|bothered|warned|informed|checked)`,
      String.raw`(?:broke|missed|lost|forgot|ignored|changed|dumped|left|sent|messed|screwed|delayed|cancelled|canceled|pushed)` +
        String.raw`\b[^.;!?]{0,50}?\b(?:again|as usual|every time|yet again|for the (?:third|fourth|nth) time)`,
      // "pushed the upload late again", "the figures were late again", "still haven't fixed the codes".
      String.raw`(?:late|behind)(?: [\w-]+){0,2} (?:again|as usual|every time|yet again)`,
      String.raw`still (?:haven'?t|hasn'?t|have not|has not|not) (?:[\w-]+ )?` +
        String.raw`(?:fixed|sent|done|updated|replied|answered|signed|delivered|approved|paid|responded|got back|sorted)`,
      String.raw`dumped (?:[\w-]+ ){0,4}?on (?:me|us)`,
      String.raw`(?:keeps?|kept|always) (?:stuffing|mucking|messing|screwing|cocking) (?:it |things |that )?up`,
      String.raw`(?:should|could) (?:have|'ve) (?:spotted|caught|checked|noticed|flagged|seen|fixed|told (?:me|us)|sent|warned)`,
    ]),
);
// The culprit right before an act: "the client keeps...", "Ian's team broke...".
const CULPRIT_BEFORE = re(String.raw`${CULPRIT}(?: [\w'-]+){0,2}? ?$`);

function byCulprit(s: Sentence, at: number): boolean {
  return matches(s.text.slice(Math.max(0, at - 60), at), CULPRIT_BEFORE);
}

const OWNERSHIP = /\b(?:i|we|i've|we've|i'd|my|our)\s+(?:[\w-]+\s+){0,1}$/;

// Every blame pattern carries one of these words; a sentence without any is skipped cheaply.
const MAY_CHARGE = anyOf([
  'because',
  'since',
  'due to',
  'thanks to',
  'why',
  'reason',
  'of course',
  'hence',
  'and now',
  'if',
  'again',
  'usual',
  'every time',
  'never',
  'always',
  'constantly',
  'continually',
  'repeatedly',
  'keep',
  'kept',
  'fault',
  'blame',
  'mess',
  'disaster',
  'shambles',
  'joke',
  'bother',
  'even',
  'without',
  "can't",
  'cant',
  'cannot',
  "couldn't",
  'couldnt',
  'dropped',
  'screwed',
  'botched',
  'cocked',
  'sat on',
  'fantasy',
  'garbage',
  'rubbish',
  'sloppy',
  'shoddy',
  'useless',
  'incompetent',
  'lazy',
  'careless',
  'clueless',
  'hopeless',
  'every single',
  'nobody',
  'no one',
  'no-one',
  'noone',
  'the one',
  'under the bus',
  'in the dark',
  'hanging',
  'pieces',
  'covering',
  'cleaning',
  'clearing',
  'tidying',
  'mopping',
  'picking up',
  'mistakes',
  'slack',
  'promis',
  'overcommit',
  ' on ',
  'down to',
  'the heat',
  'the blame',
  'the flak',
  'the rap',
  'the fall',
  'the grief',
  'must be nice',
  'funny how',
  ' time this',
  ' time in',
  'late',
  'behind',
  'still',
  'dumped',
  'not ',
  'stuffing',
  'mucking',
  'should have',
  "should've",
  'could have',
  'state',
  'all over',
]);

// Every pattern above in one pass: most sentences that pass the word check still have none.
// A problem put down to a named someone, or their failing said flat: "that's on the Ripon manager", "it's down to the
// warehouse team not closing", "the night crew never doing the markdowns", "the exam officer didn't check them".
const PUT_ON = re(
  String.raw`\b(?:(?:that|it|this)(?:'s| is| was) (?:mostly |all |really |entirely |just )?on (?!our\b|my\b)${NAMED_CULPRIT}|` +
    String.raw`(?:is|'s|are|'re|was) (?:mostly |all |really |entirely |just )?down to (?!our\b|my\b)${NAMED_CULPRIT}|` +
    String.raw`(?<!\b(?:our|my)\s)${NAMED_CULPRIT} (?:(?:just|also|still|again|simply) )?` +
    String.raw`(?:didn'?t|did not|hadn'?t|had not|failed to|forgot to|let (?:us|me) down|hogged|cocked up))\b`,
);

const ANY_BLAME = union(CONTEMPT, PINNED, CAUSED_BY, COUNTERFACTUAL, RESULTED, REPEATED, PUT_ON);

/** Sentences that pin a problem on a colleague, another team or the manager. */
export function findBlame(doc: Doc): Sentence[] {
  return doc.sentences.filter((original) => {
    if (!MAY_CHARGE(original.text)) return false;
    // Named colleagues read as culprits like "they"; offsets are unchanged, so evidence still comes from `original`.
    const s = withNamesMasked(doc, original);
    if (!matches(s.text, ANY_BLAME)) return false;
    const live = (at: number): boolean => !negatedAt(s, at, 3) && !irrealisAt(s, at) && !quotedAt(s, at);
    // Contempt needs a culprit in the sentence, and no owning of it ("I dropped the ball").
    const owned = (at: number): boolean => OWNERSHIP.test(s.text.slice(Math.max(0, at - 20), at));
    // Whether the sentence names a culprit is one question per sentence, asked at most once, not once per charge.
    let named: boolean | undefined;
    const culprit = (h: Hit): boolean => (named ??= matches(s.text, CULPRIT_RE)) || /^not (?:on me|my fault)/.test(h.text);
    const contempt = anyHit(s, CONTEMPT, (h) => live(h.index) && !owned(h.index) && culprit(h));
    if (contempt) return true;
    if ([PINNED, CAUSED_BY, COUNTERFACTUAL, PUT_ON].some((p) => anyHit(s, p, (h) => live(h.index)))) return true;
    return [RESULTED, REPEATED].some((p) => anyHit(s, p, (h) => byCulprit(s, h.index) && live(h.index)));
  });
}
