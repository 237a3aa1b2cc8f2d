import type { Doc } from '../doc.js';
import { I_WILL, TAKE_ANY_FORM, TAKE_VERB } from '../lexicon.js';
import { assertedAt } from '../negation.js';
import { anyHit, firstHit, lastStretch, matches, oneOf, re, union } from '../pattern.js';
import { phraseAfter } from '../phrases.js';
import type { Sentence } from '../sentences.js';
import { waitsOnSomething } from './help.js';

/**
 * Committing to work the manager asked for or the two agreed (rubric `commits_to_task`): accepting
 * it ("Yep, I'll take flaky-test triage"), confirming it done ("fixed and re-sent", "per your notes
 * I've restructured the brief"), acting on feedback, or recapping a deal. A bare "I'll ..." is not
 * enough: "I'll follow up with legal" or "I'll be in late" are the writer's own plans. Something has
 * to show the manager's side: an acceptance, a reference to their ask, or delivery to them.
 */

// The reply to an ask: "Yes,", "Sure thing,", "Consider it done.", "Understood on the client emails."
const ACCEPTS = re(
  String.raw`(?:^|[.!;:,-] )` +
    oneOf([
      String.raw`yes|yep|yup|yeah|sure|sure thing|absolutely|definitely|of course|ok|okay`,
      String.raw`will do|on it|i'?m on it|consider it done|understood|got it|noted|agreed|deal`,
      String.raw`no problem|sounds good|roger|can do|that works|makes sense|fair point`,
      String.raw`good call|totally|happy to|leave it with me|you were right|good point`,
      String.raw`point taken|message received`,
    ]) +
    String.raw`\b`,
);
// Acceptances that answer an ask on their own: "ok on it", "will do", "consider it done".
const ON_IT = re(String.raw`(?:^|[.!;:,-] )(?:(?:ok|okay|sure|yes|yep)[,!]? )?(?:will do|on it|i'?m on it|consider it done|leave it with me)\b`);
// The manager's ask or the agreement, referred to: "as you suggested", "the migration you asked me to run".
const ASKED = re(
  String.raw`\b` +
    oneOf([
      String.raw`you ` +
        oneOf([
          String.raw`asked|wanted|needed|requested|suggested|recommended|advised|proposed|mentioned`,
          String.raw`flagged|raised|sent me|gave me|assigned|set me|set|handed me|passed me|put me on|ask me|gave us`,
        ]),
      String.raw`following (?:our|your|the) (?:conversation|chat|1:1|one-on-one|discussion|meeting|feedback|advice|review)`,
      String.raw`as (?:you )?(?:asked|requested|suggested|discussed|agreed|promised|instructed|planned)`,
      String.raw`per (?:your|our) (?:request|notes|note|feedback|comments|email|ask|suggestion|conversation|chat|discussion|steer)`,
      String.raw`like (?:we|you) (?:discussed|agreed|said|suggested|asked)`,
      String.raw`as agreed|we agreed|agreed on`,
      String.raw`(?:that )?we discussed`,
      String.raw`we talked about`,
      String.raw`thanks for (?:flagging|the feedback|pointing|the steer|the note|saying|catching|spotting|the heads|raising)`,
      String.raw`(?:based on|following|after|taking on board|acting on|took|take) your ` +
        String.raw`(?:feedback|advice|notes|comments|suggestion|steer|point|pointers)`,
      String.raw`(?:understood|noted|heard|fair enough|point taken|taken on board|message received|good point|fair point)` +
        String.raw`(?: on| re| about| regarding) (?:the|my|your|that|this)`,
      String.raw`(?:quick |a )?recap`,
      String.raw`to recap|just to confirm|confirming`,
      String.raw`from our (?:last )?(?:1:1|one-on-one|chat|conversation|meeting)`,
      String.raw`the goal we set`,
      String.raw`your (?:ask|request|comments|notes|feedback|edits|mark-?up|suggestions?|steer|pointers)`,
      String.raw`thanks? (?:you )?for (?:the|your) (?:notes|comments|feedback|mark-?up|steer|pointers|input|review|observation|observing|edits)`,
      String.raw`thank you for (?:observing|reviewing|the)`,
      String.raw`you were right`,
    ]) +
    String.raw`\b`,
);
// Taking the work on: "I'll take", "Will send". The verbs excluded after "I'll" are not work:
// being somewhere, thinking, trying, letting know, waiting, pinging.
const NOT_WORK = oneOf([
  String.raw`be|think|try|see|let|need|wait|miss|make up|probably|maybe|get back|keep you`,
  String.raw`hopefully|have to|not|never|confirm|ping|update you|loop you|check with`,
]);
const WILL_DO = re(
  String.raw`(?:${I_WILL}|\bi can|\bi'?m (?:on|taking|owning|picking)|(?:^|[.!;:,-] )will) ` +
    String.raw`(?:(?:also|then|definitely|start|make sure to|aim to|happily|now|just) )*(?!${NOT_WORK}\b)[a-z][a-z'-]*`,
);
// Having done it: "I've restructured", "fixed and re-sent", "the assessments are done".
const DID = re(
  [
    String.raw`(?:(?:\bi(?:'ve| have)?|\bwe(?:'ve| have)?|\band) |^|[,;:.!-] )(?:(?:already|now|just|also) )?` +
      oneOf([
        String.raw`done|did|finished|completed|fixed|sorted|sent|re-?sent|resent|updated|uploaded`,
        String.raw`shipped|restructured|rewrote|rewritten|redid|redone|reworked|moved|made|added`,
        String.raw`removed|cut|shortened|tightened|trimmed|incorporated|addressed|implemented`,
        String.raw`booked|arranged|put|filed|submitted|started|set up|cleaned up|changed|switched`,
        String.raw`wrapped up|delivered|drafted|prepared|circulated|shared|published|migrated`,
        String.raw`tested|reviewed|checked|taken|took|taken in|acted on|applied|used|using|stopped`,
      ]) +
      String.raw`\b`,
    String.raw`\b(?:are|is|was|were|'s|all) (?:now )?` +
      oneOf([
        String.raw`done|finished|complete|completed|sorted|sent|uploaded|live|in place|fixed`,
        String.raw`moved|ready|up|out|posted|booked|shipped|signed off|wrapped|written up|renewed|cleared|closed|running|in`,
      ]) +
      String.raw`\b`,
    String.raw`\bshipped\b|\btables? moved\b|\bi'?ve been [a-z]+ing\b|\bwent (?:to|out|live|across)\b|\bran (?:last|this|on|yesterday)\b`,
  ].join('|'),
);
// Delivery to the manager by a time: "to you by Wednesday", "on your desk Friday".
const TO_MANAGER = re(
  [
    String.raw`\b(?:to you|with you|on your desk|in your inbox|over to you|your way)\b (?:[\w-]+ ){0,3}?` +
      String.raw`(?:by|before|on|first thing|tomorrow|today|tonight|monday|tuesday|wednesday|thursday|friday|eod|end of)`,
    String.raw`\bby ` +
      oneOf([
        String.raw`monday|tuesday|wednesday|thursday|friday|eod|cob`,
        String.raw`end of (?:day|the day|the week|the month|play)`,
        String.raw`lunch|noon|tomorrow|tonight|the \d+\w*|\d+ \w+`,
      ]) +
      String.raw`\b`,
  ].join('|'),
);
// "The draft will be with you by Wednesday": delivery to the manager, promised.
const WILL_BE_WITH_YOU = re(String.raw`\b(?:will|'ll) be (?:with you|on your desk|in your inbox|over to you|ready|done|out|sent|finished)\b`);
// "On it" about getting back to someone is not taking on work.
const BACK_TO_YOU = re(String.raw`\b(?:get back to you|let you know|think about it)\b`);
// "I take over the supplier scorecards from January" in a recap list: the agreed deal, restated.
const RECAP_LINE = re(String.raw`^(?:i|me:?) (?:${TAKE_ANY_FORM})\b`);

export interface Commitment {
  sentence: Sentence;
  objectFrom?: number;
}

/** Sentences that commit to, or confirm doing, work the manager asked for or agreed. */
export function findCommitments(doc: Doc): Commitment[] {
  const signed = doc.sentences.map((s) => matches(s.text, SIGNS));
  const askedInText = doc.sentences.some((s, i) => signed[i] && anyHit(s, ASKED, (h) => assertedAt(s, h.index)));
  const found: Commitment[] = [];
  doc.sentences.forEach((s, i) => {
    const previous = signed[i - 1] ? doc.sentences[i - 1] : undefined;
    const listItem = askedInText && isListItemAfterAsk(doc, i);
    // Without an acceptance, an ask, delivery to the manager or a promise, nothing here can be a commitment.
    if (!signed[i] && !previous && !listItem) return;
    // "Got it. I'll rework the intro": a short acceptance just before counts for the sentence after.
    const accepted = matches(s.text, ACCEPTS) || (previous !== undefined && previous.text.length <= 40 && matches(previous.text, ACCEPTS));
    const asked =
      askedInText && (matches(s.text, ASKED) || (previous !== undefined && matches(previous.text, ASKED)) || matches(s.text, RECAP_LINE) || listItem);
    const toManager = matches(s.text, TO_MANAGER);
    const onIt = matches(s.text, ON_IT);
    const promised = matches(s.text, WILL_BE_WITH_YOU);
    if (!(accepted || asked || toManager || onIt || promised) || waitsOnSomething(s) || ASKS_FOR_WORK.test(s.text)) return;
    const will = firstHit(s, WILL_DO, (h) => assertedAt(s, h.index));
    if ((onIt && !matches(s.text, BACK_TO_YOU)) || (will && (accepted || asked || toManager) && namesWork(s, will.end, asked || toManager))) {
      found.push({ sentence: s, objectFrom: will?.end });
      return;
    }
    const did = asked ? firstHit(s, DID, (h) => assertedAt(s, h.index)) : undefined;
    if (did) {
      found.push({ sentence: s, objectFrom: did.end });
    } else if ((asked || promised) && (toManager || matches(s.text, RECAP_LINE))) {
      found.push({ sentence: s, objectFrom: firstHit(s, RECAP_LINE)?.end });
    }
  });
  return found;
}

// "What's next on your list that I can take?" asks for more work after a report: an offer, not a promise.
const ASKS_FOR_WORK = /^\W*(?:(?:so|and|also|ok|okay|then),? )?(?:what|which|where|anything|is there)\b[^?]*\?\W*$/;

// Any sign above, in one pass: most sentences have none.
const SIGNS = union(ACCEPTS, ASKED, TO_MANAGER, ON_IT, WILL_BE_WITH_YOU, RECAP_LINE);

const TAKES_WORK = re(TAKE_VERB);

// "I'll do it" names a task only when the ask it answers is in the text; "I'll do whatever" never
// does. "Happy to take the triage, I'll start today": the task sits before the commitment.
function namesWork(s: Sentence, from: number, askInText: boolean): boolean {
  const rest = s.text.slice(from);
  if (/^\s+(?:whatever|anything|everything)\b/.test(rest)) return false;
  if (phraseAfter(s.text, from) || askInText) return true;
  return anyHit(s, TAKES_WORK, (h) => phraseAfter(s.text, h.end) !== null);
}

// Bullet lines after "recap of what we agreed:" each restate part of the deal.
function isListItemAfterAsk(doc: Doc, i: number): boolean {
  for (let j = i - 1; j >= Math.max(0, i - 4); j--) {
    const s = doc.sentences[j];
    if (s && s.text.endsWith(':') && /agreed|recap|discussed/.test(lastStretch(s.text))) return true;
  }
  return false;
}
