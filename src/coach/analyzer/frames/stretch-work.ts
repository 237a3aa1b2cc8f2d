import type { Doc } from '../doc.js';
import { THEIR_AIMS } from '../lexicon.js';
import { assertedAt } from '../negation.js';
import { anyHit, firstHit, matches, oneOf, re } from '../pattern.js';
import { phraseAfter } from '../phrases.js';
import type { Sentence } from '../sentences.js';

/**
 * Stretch work from the manager (rubric `names_stretch_work`): a specific, named piece of work or
 * role beyond the employee's current scope, assigned or offered ("would you like to lead the vendor
 * selection?", "I need someone to own the beta feedback loop"). Routine asks ("can you take the
 * minutes", "cover reception"), "I need your help with X", and a general picture of the next level
 * ("you'd need to lead projects end to end") are not.
 */

// Handing it to the employee: offered, asked, or assigned.
const TO_YOU = oneOf([
  String.raw`how (?:would|do) you feel about`,
  String.raw`(?:the|my) (?:plan|idea|thinking) is for you to`,
  String.raw`would you (?:like|want|be (?:up for|interested in|keen|willing|open to|happy to)|consider|fancy|mind)`,
  String.raw`do you want`,
  String.raw`(?:^|[,;:.!-] )want`,
  String.raw`fancy`,
  String.raw`(?:are you|you'?re|you are) (?:up for|interested in|keen (?:on|to))`,
  String.raw`if you'?re (?:up for|keen (?:on|to)|interested in|happy to|willing to)`,
  String.raw`how about(?: you)?`,
  String.raw`what about(?: you)?`,
  String.raw`i'?d (?:like|love)(?: for)? you to`,
  String.raw`i want you to|i need you to`,
  String.raw`i (?:want|need) you`,
  String.raw`i'?m (?:asking|putting|giving|handing) you`,
  String.raw`i'?ve (?:put|asked|nominated|signed|volunteered) you(?: up)? (?:to|for)`,
  String.raw`could you|can you|will you|would you|you could|you can`,
  String.raw`you(?:'ll| will)(?: be)?`,
  String.raw`if you(?:'d| would)?(?: like to| want to)?`,
  String.raw`(?:i|we|the team|the department|the ward|the practice|they|[\w-]+s) (?:really )?needs? someone to`,
  String.raw`(?:i'?m|i am|we'?re) looking for someone to`,
  String.raw`start by|ready to|time for you to|it'?s time you`,
]);
// Verbs of work beyond the routine: leading, owning, running, presenting, mentoring.
const STRETCH = oneOf([
  String.raw`run|running|lead|leading|own|owning`,
  String.raw`take on|taking on|take over|taking over|take the lead on|take the lead for|take point on|take charge of|take ownership of`,
  String.raw`present|presenting|mentor|mentoring|manage|managing|head up|heading up|chair|chairing|second-chair`,
  String.raw`represent|representing|coordinate|coordinating|spearhead|spearheading|drive|driving`,
  String.raw`be the (?:lead|owner|dri|point person|face|deputy|acting [\w-]+)`,
  String.raw`step into|act as|act up(?: as)?|acting up(?: as)?|acting`,
  String.raw`take (?:first|lead) chair(?: on)?`,
  String.raw`be acting|deputi[sz]e|deputi[sz]ing|stand in for me`,
  String.raw`onboard|onboarding|train|training|set up|build out|launch`,
  String.raw`take charge (?:of|on)`,
  String.raw`become`,
]);
// The same, with "pick up": routine on its own, stretch when the text is about the employee's goal.
const STRETCH_IN_GOAL_TALK = oneOf([
  STRETCH,
  String.raw`pick up|picking up|handle|handling|draft|drafting`,
  String.raw`write up|writing up|write|writing|submit|edit|editing`,
  String.raw`take (?:a stab|a crack|a shot|a run) at`,
  String.raw`have a go at`,
  String.raw`take (?:that|it|this) on`,
]);
// The general picture of a level: "you'll need to lead more projects", "you'd be expected to run...".
const EXPECTATION = /\b(?:need|needs|have|has|had) to\b|\b(?:expected|able to|should|must)\b/;
// "you'd need to show you can run a shift": a requirement of the level, not work handed over.
// new RegExp rather than literals only so they can span lines; not re(), which would change their spaces or flags.
const EXPECTATION_BEFORE = new RegExp(
  [
    String.raw`\b(?:need|needs|have|has) to (?:show|prove|demonstrate)(?: (?:me|us|them))?(?: that)? $`,
    String.raw`\b(?:show|prove|demonstrate) (?:me |us |them )?(?:that )?$`,
    String.raw`\b(?:expected|able) to $`,
  ].join('|'),
);
const GENERIC_OBJECT = new RegExp(
  String.raw`^` +
    oneOf([
      String.raw`more|projects|bigger|cross-team|teams|people|others|initiatives|things|stuff|work`,
      String.raw`a (?:[\w-]+ )?(?:project|team|workstream)s?\b`,
      String.raw`some|larger|complex|end-to-end`,
    ]),
);
const OFF_MY_HANDS = re(String.raw`(?:^|[:;,.] )(?:and )?take (?:[\w'-]+ ){1,5}?off my (?:plate|hands|desk)`);
// A proposal in the imperative or the bare second person: "you take over the EMEA queue", "Take charge on the Tuesday lates".
const DIRECT = re(
  oneOf([
    String.raw`(?:^|[,;:.!-] |\band )you ` +
      String.raw`(?:take (?:on|over|the lead (?:on|for)|point on|ownership of|charge of)|lead|run|own|head up|step into|take charge)`,
    String.raw`\b(?:put|putting) you in charge of`,
    String.raw`\b(?:put|putting|nominat\w*|recommend\w*|propos\w*) you (?:forward )?(?:as|for)`,
    String.raw`(?:^|[:;] )(?:so |now |then |ok |okay )?` +
      String.raw`(?:take charge (?:of|on)|take over|take on|take the lead on|lead|run|own|head up|step up and) `,
  ]) + String.raw`\b`,
);
// A note of who owns what: "agreed: Priya leads the pilot", "next steps - you run the handover".
const NOTES = re(String.raw`\b(?:agreed|decided|plan|next steps?)\b`);
// Someone, then what they own. Looked for from the end of each word (a space ahead, the word behind),
// so each word is read once, not again from every boundary inside it.
const OWNS = re(String.raw`(?=\s)(?<=\w[\w-]*) (?:leads|owns|runs|will (?:lead|own|run)|takes (?:on|over))\b`);

/**
 * A note's words, then an owner later in the same stretch (up to a . ! or ?): what
 * /\b(?:agreed|...)\b[^.!?]*?\b[\w-]+ (?:leads|...)\b/ says, read in one pass. That pattern retried
 * its owner at every position after every note word, each time reading a whole word.
 */
function notesAssignment(text: string): boolean {
  NOTES.lastIndex = 0;
  for (let m = NOTES.exec(text); m; m = NOTES.exec(text)) {
    const from = m.index + m[0].length;
    let stop = from;
    while (stop < text.length && !'.!?'.includes(text[stop] as string)) stop++;
    if (matches(text.slice(from, stop), OWNS)) return true;
    // A later note word in the same stretch would see less of it.
    NOTES.lastIndex = stop;
  }
  return false;
}
const BEYOND_SCOPE = re(
  String.raw`\b` +
    oneOf([
      String.raw`stretch|step up|new scope`,
      String.raw`beyond (?:your|the) (?:current )?(?:role|scope|remit)`,
      String.raw`more than your current|bigger remit|next level up`,
      String.raw`only (?:[\w-]+s|seniors?|managers?|partners?) (?:have|has|normally|usually|would|do)`,
      String.raw`(?:normally|usually|ordinarily|typically) (?:that )?(?:would )?(?:go|goes|sits?) (?:to|with)`,
      String.raw`(?:normally|usually|ordinarily|typically) (?:[\w-]+ ){1,2}(?:territory|work|job|call)`,
      String.raw`nobody at your (?:level|grade|band)`,
      String.raw`(?:above|beyond) your (?:grade|band|level|pay grade)`,
    ]) +
    String.raw`\b`,
);
const EMPLOYEE_GOAL = re(THEIR_AIMS);

// Found from the verb, then the hand-over is checked just before it: verbs are rarer than "you".
const VERB = re(String.raw`\b${STRETCH}\b`);
const VERB_IN_GOAL_TALK = re(String.raw`\b${STRETCH_IN_GOAL_TALK}\b`);
const HANDED_OVER = re(String.raw`${TO_YOU} (?:[\w-]+ ){0,3}?$`);

// An opening pointed out and pressed on the employee: "There's a secondment to the strategy team. You should go for it."
const OPENING = re(
  String.raw`^(?:so |and |also )?(?:there'?s|there is|we have|we'?ve got|i'?ve got|i have) (?:an? |the )(?:[\w-]+ ){0,3}?` +
    oneOf([
      String.raw`secondment|opening|vacancy|placement|rotation`,
      String.raw`acting (?:[\w-]+ )?(?:role|post|position)`,
      String.raw`(?:[\w-]+ )?(?:lead|manager|head|deputy) (?:role|post|position|spot|slot)`,
      String.raw`stretch (?:role|project|assignment)`,
    ]) +
    String.raw`\b`,
);
const PRESSES = re(
  String.raw`\b` +
    oneOf([
      String.raw`you should (?:go for|apply|put yourself forward|take)`,
      String.raw`i'?d (?:love|like|want) you to (?:go for|apply|take)`,
      String.raw`(?:it'?s|it is) yours if`,
      String.raw`i'?ll (?:support|back|sponsor|sign off) (?:the |your )?(?:application|bid|move|request)`,
    ]) +
    String.raw`\b`,
);

export interface StretchWork {
  sentence: Sentence;
  objectFrom?: number;
}

/** Sentences offering or assigning the employee a named piece of stretch work. */
export function findStretchWork(doc: Doc): StretchWork[] {
  const goalTalk = matches(doc.folded, EMPLOYEE_GOAL) || matches(doc.folded, BEYOND_SCOPE);
  const verbs = goalTalk ? VERB_IN_GOAL_TALK : VERB;
  const found: StretchWork[] = [];
  doc.sentences.forEach((s, i) => {
    // "take that on" points back at work just named ("the trainees need someone to review their work").
    const hit = firstHit(s, verbs, (v) => handedOver(s, v.index) && (/\s(?:that|it|this)\s+on$/.test(v.text) || namesSpecificWork(doc, i, v.end)));
    if (hit) {
      found.push({ sentence: s, objectFrom: hit.end });
      return;
    }
    const direct = firstHit(s, DIRECT, (h) => assertedAt(s, h.index) && namesSpecificWork(doc, i, h.end));
    if (direct) {
      found.push({ sentence: s, objectFrom: direct.end });
      return;
    }
    if (matches(s.text, OFF_MY_HANDS) || notesAssignment(s.text)) found.push({ sentence: s });
  });
  const listed = new Set(found.map((w) => w.sentence));
  doc.sentences.forEach((s, i) => {
    if (!matches(s.text, OPENING)) return;
    const next = doc.sentences[i + 1];
    const pressed = anyHit(s, PRESSES, (h) => assertedAt(s, h.index)) || (next !== undefined && anyHit(next, PRESSES, (h) => assertedAt(next, h.index)));
    if (pressed && !listed.has(s)) found.push({ sentence: s });
  });
  return found;
}

// The verb at `at` is handed to the employee ("would you like to lead"), not described as what a level needs.
function handedOver(s: Sentence, at: number): boolean {
  // "the team lead role": the verb is a noun here.
  if (/\b(?:the|a|an|team|tech|project|my|your|our|shift|ward|site)\s+$/.test(s.text.slice(Math.max(0, at - 10), at))) return false;
  const from = Math.max(0, at - 70);
  const m = firstHit({ ...s, text: s.text.slice(from, at) }, HANDED_OVER);
  if (!m) return false;
  const start = from + m.index;
  return assertedAt(s, start) && !EXPECTATION.test(s.text.slice(start, at)) && !EXPECTATION_BEFORE.test(s.text.slice(Math.max(0, start - 30), start));
}

// "the vendor selection", "our APAC rebrand", "Delta Freight": named. "more projects", "a team": a description.
function namesSpecificWork(doc: Doc, i: number, from: number): boolean {
  const s = doc.sentences[i] as Sentence;
  let at = from;
  const on = /^\s+(?:on|for|of|up|as)\b/.exec(s.text.slice(at));
  if (on) at += on[0].length;
  // "The regional audit usually sits with the area manager, but I'd like you to lead it": the work
  // is named before the pronoun, in this sentence or the one before.
  if (/^\s*(?:it|this|that|them)\b/.test(s.text.slice(at))) return namedEarlier(doc, i, from);
  return specificAt(doc, s, at);
}

function specificAt(doc: Doc, s: Sentence, at: number): boolean {
  const phrase = phraseAfter(s.text, at);
  if (!phrase) return false;
  const words = s.text.slice(phrase.start, phrase.end);
  if (GENERIC_OBJECT.test(words)) return /\p{Lu}/u.test(doc.raw.slice(s.start + phrase.start + 1, s.start + phrase.end));
  return true;
}

const NOUN_PHRASE_START = /\b(?:the|our|this|that) (?=[\w-])/g;
// new RegExp rather than a literal only so it can span lines; not re(), which would change its spaces or flags.
const WORK_NOUN = new RegExp(
  String.raw`\b` +
    oneOf([
      String.raw`arbitration|matter|deal|transaction|conference|exhibition|festival|visit`,
      String.raw`module|curriculum|syllabus|scheme|survey|study|trial|grant|paper|submission|application|proposal`,
      String.raw`pitch|presentation|demo|workshop|webinar|roadshow`,
      String.raw`refurb|fit-out|extension|portfolio|client|supplement|edition|special`,
      String.raw`audit|review|project|rollout|roll-out|launch|migration|programme|program|process|rota|induction|inspection`,
      String.raw`bid|tender|pilot|workstream|stream|initiative|account|budget|report|training|meeting|clinic|event|campaign`,
      String.raw`plan|case|contract|renewal|release|upgrade|restructure|handover|refit|stocktake|appraisals|onboarding`,
    ]) +
    String.raw`\b`,
);

function namedEarlier(doc: Doc, i: number, before: number): boolean {
  const s = doc.sentences[i] as Sentence;
  const previous = doc.sentences[i - 1];
  return firstWorkNamed(doc, s) <= before || (previous !== undefined && firstWorkNamed(doc, previous) <= previous.text.length);
}

// Each sentence's named work, read once: several verbs in a sentence (and the next sentence) ask about it.
const workNamed = new WeakMap<Sentence, number>();

/**
 * Where the first phrase naming specific work ("the regional audit", "our APAC rebrand") ends in a
 * sentence, or Infinity: a verb's pronoun points back at it when it ends before the verb.
 */
function firstWorkNamed(doc: Doc, s: Sentence): number {
  let end = workNamed.get(s);
  if (end === undefined) {
    end = Infinity;
    for (const m of s.text.matchAll(NOUN_PHRASE_START)) {
      const phrase = phraseAfter(s.text, m.index + m[0].length);
      if (phrase && WORK_NOUN.test(s.text.slice(phrase.start, phrase.end)) && specificAt(doc, s, m.index)) end = Math.min(end, phrase.end);
    }
    workNamed.set(s, end);
  }
  return end;
}
