import { analyze, type AnalysisBudget, type Finding } from '../analyzer/index.js';
import { quoteOf, readDoc, type Doc } from '../analyzer/doc.js';
import type { LearnedReader } from '../analyzer/learned/learned-reader.js';
import type { Sentence } from '../analyzer/sentences.js';
import { isInjection } from '../roleplay/injection.js';
import type { CheckId, Mode } from '../rubric.js';
import { CUES, type CueId } from './act-cues.js';
import { ACT_OF_CHECK, NOT_CREDITED_WHEN_GRUDGING, type ActId, type Tone } from './acts.js';
import type { TurnReading } from './reading-schema.js';
import { showsAskCue } from './closing-ask.js';
import { learnedActsOf, type LearnedActs } from './learned-acts/learned-acts.js';
import { SHIPPED_ACTS } from './learned-acts/shipped-acts.js';

const CUE_PATTERNS = Object.fromEntries(Object.entries(CUES).map(([id, cue]) => [id, new RegExp(cue.patterns.map((p) => `(?:${p})`).join('|'))])) as Record<
  CueId,
  RegExp
>;

/** The sentences of a turn that show a cue. */
function cued(doc: Doc, cue: CueId): Sentence[] {
  return doc.sentences.filter((s) => CUE_PATTERNS[cue].test(s.text.trim()));
}

/** Whether a text shows a cue: for the vocabulary's own tests and for callers outside a reading. */
export function showsCue(text: string, cue: CueId): boolean {
  return cued(readDoc(text), cue).length > 0;
}

const QUESTION_ACTS: readonly ActId[] = ['asks_feedback', 'asks_needs', 'asks_what_it_takes', 'asks_about_goals', 'asks_situation', 'asks_other'];

const QUESTION_CUES: ReadonlyArray<[CueId, ActId]> = [
  ['question_requirements', 'asks_what_it_takes'],
  ['question_feedback', 'asks_feedback'],
  ['question_needs', 'asks_needs'],
  ['question_goals', 'asks_about_goals'],
  ['question_situation', 'asks_situation'],
];

/** The act of a question no check placed: what it asks about, else a practical question (who, which, when, whether). */
function questionAct(doc: Doc, mode: Mode): ActId {
  for (const [cue, act] of QUESTION_CUES) {
    if (act === 'asks_about_goals' && mode !== 'manager') continue;
    if (cued(doc, cue).length > 0) return act;
  }
  return 'asks_other';
}

/**
 * The offline reading of one user turn: the analyzer's checks, the acts they are evidence of, the
 * acts no check covers (wrapping up, small talk, asking after the other person, pushing back,
 * grudging or bargaining agreement, stepping out of the role), and the tone. `previous` is the
 * other side's last line: a reply to its question is an answer. `turn` is the user turn (1-based).
 * `reader` is the analyzer's learned reader (its default when left out; null for none). With a
 * `budget` the analyzer may run out of time: the reading is then `partial`, naming the checks it did
 * not read (none the turn was credited with by its cues afterwards).
 */
export function readTurnOffline(
  text: string,
  mode: Mode,
  previous?: string,
  turn = 2,
  reader?: LearnedReader | null,
  budget?: AnalysisBudget,
  actsModel: LearnedActs | null = SHIPPED_ACTS,
): TurnReading {
  const doc = readDoc(text);
  const analysis = analyze(text, mode, doc, reader, budget);
  const checks = new Map<CheckId, string[]>();
  // Small talk and asking after the other person are no moves: the learned reader's credit on such a line alone is dropped.
  const chat = new Set([...cued(doc, 'small_talk'), ...cued(doc, 'asks_situation')].map((s) => quoteOf(doc, s)));
  for (const [id, finding] of Object.entries(analysis.checks) as Array<[CheckId, Finding]>) {
    if (finding.learned && finding.evidence.every((q) => chat.has(q))) continue;
    if (finding.present && finding.evidence.length > 0) checks.set(id, finding.evidence);
  }

  // Asking what weighs on the manager is asking what they need, however it is worded; handing
  // one of their problems to someone else is then no refusal of the user's own work.
  const needs = mode === 'employee' ? cued(doc, 'asks_needs').filter((s) => s.question) : [];
  if (needs.length > 0) {
    const quotes = needs.map((s) => quoteOf(doc, s));
    if (!checks.has('offers_help')) checks.set('offers_help', quotes);
    const refusal = checks.get('refuses_work')?.filter((q) => !quotes.some((n) => n.includes(q) || q.includes(n)));
    if (refusal?.length === 0) checks.delete('refuses_work');
  }

  if (mode === 'employee') creditInContext(doc, checks, previous);

  const acts = new Set<ActId>();
  // The learned act reader adds what the cues' words miss (a goodbye, a grumble, a question after the
  // other person's world, a challenge, an answer, however worded); it never removes an act.
  const learned = learnedActsOf(actsModel, text);
  const grudging = cued(doc, 'grudging');
  const bargain = checks.has('links_goal_to_needs') ? [] : cued(doc, 'bargain');
  if (grudging.length > 0 || bargain.length > 0 || learned.has('grudging')) {
    acts.add('grudging');
    // A grumble only the act reader hears takes back no commitment with a date on it ("I'm not doing it for a deal. I'll do
    // it regardless, starting Tuesday."); it does take back a vague one ("I'll get to it when I get to it"), and one the
    // words voice ("fine, I guess") always.
    const dated = (checks.get('commits_to_task') ?? []).some((q) => showsAskCue(q, 'when'));
    if (grudging.length > 0 || bargain.length > 0 || !dated) for (const id of NOT_CREDITED_WHEN_GRUDGING) checks.delete(id);
  }
  if (bargain.length > 0 && mode === 'employee' && !checks.has('refuses_work')) {
    checks.set(
      'refuses_work',
      bargain.map((s) => quoteOf(doc, s)),
    );
  }
  for (const id of checks.keys()) {
    const act = ACT_OF_CHECK[id];
    if (act) acts.add(act);
  }
  if (isInjection(text) || cued(doc, 'breaks_frame').length > 0) acts.add('breaks_frame');
  if (cued(doc, 'pushes_back').length > 0) acts.add('pushes_back');
  if (cued(doc, 'small_talk').length > 0) acts.add('small_talk');
  if (cued(doc, 'asks_situation').some((s) => s.question || /\byou (?:look|seem|sound)\b/.test(s.text))) acts.add('asks_situation');
  // A closing line that also asks something is not a goodbye yet, unless what it asks is when to
  // talk next ("thanks Priya, same time next month?"); thanks in the first turn is a greeting, and
  // thanks that opens a longer turn ("Thanks. I'd like to be considered for...") acknowledges what
  // was just said, and is no goodbye by itself.
  const opening = doc.sentences.length > 1 ? doc.sentences[0] : undefined;
  const acknowledges = (s: Sentence) =>
    s === opening &&
    /^\W*(?:(?:ok(?:ay)?|right|great|cool|perfect|good|nice|lovely|brilliant|awesome|oh|ah)\W+)?(?:thanks|thank you|cheers)\b/.test(s.text.toLowerCase());
  const closing = [...cued(doc, 'wraps_up'), ...(turn > 1 ? cued(doc, 'thanks') : [])].some((s) => !acknowledges(s));
  const nextTalk = checks.get('proposes_follow_up') ?? [];
  const stillAsking = (s: Sentence) =>
    s.question &&
    !CUE_PATTERNS.wraps_up.test(s.text.trim()) &&
    !CUE_PATTERNS.thanks.test(s.text.trim()) &&
    !nextTalk.some((q) => quoteOf(doc, s).includes(q) || q.includes(quoteOf(doc, s)));
  // A goodbye said after the last question ends the turn: "i guess that's the same thing? anyway, i'll let you get on" asks nothing more.
  const lastGoodbye = doc.sentences.findLastIndex((s) => CUE_PATTERNS.wraps_up.test(s.text.trim()) && !acknowledges(s));
  const asking = doc.sentences.findLastIndex(stillAsking);
  if (closing && (asking < 0 || lastGoodbye > asking)) acts.add('wraps_up');
  // A goodbye the model reads waits, like the cues', while the turn still asks something.
  // And it needs a word of leaving near the end: a long turn that commits and makes a condition is no goodbye.
  const ending = doc.sentences
    .slice(-2)
    .map((s) => s.text)
    .join(' ');
  if (learned.has('wraps_up') && asking < 0 && LEAVING.test(ending)) acts.add('wraps_up');
  // Small talk the cues know ("how was your weekend?") is that, not a question about their world.
  if (learned.has('asks_situation') && !acts.has('small_talk')) acts.add('asks_situation');
  for (const act of ['small_talk', 'pushes_back', 'refuses', 'demands'] as const) if (learned.has(act)) acts.add(act);
  // Every question gets an answer: one no check covers is placed by what it asks about.
  const questions = doc.sentences.filter((s) => s.question);
  if (questions.length > 0 && !acts.has('small_talk') && ![...acts].some((a) => QUESTION_ACTS.includes(a))) acts.add(questionAct(doc, mode));
  const asks = acts.has('asks_other') ? practicalAsk(questions) : undefined;
  const asked = previous !== undefined && /\?\s*["')\]]*\s*$|\?\s/.test(previous);
  if (asked && !doc.sentences.every((s) => s.question) && ![...acts].some((a) => QUESTION_ACTS.includes(a))) acts.add('answers');
  // A statement that does nothing else tells the other person something: acknowledged, not small talk.
  // An answer needs a question, and a sentence that is not one: the act reader, which reads the turn alone, also finds one
  // after "Come in." and in "How can I help you this week?" said back to "What do you need?".
  const answering = (previous === undefined || previous.includes('?')) && !doc.sentences.every((s) => s.question);
  if (learned.has('answers') && answering) acts.add('answers');
  if (acts.size === 0) acts.add('answers');

  const unread = (analysis.unread ?? []).filter((id) => !checks.has(id));
  return {
    acts: [...acts],
    checks: [...checks].map(([id, evidence]) => ({ id, evidence })),
    tone: toneOf(doc, acts, checks),
    source: 'analyzer',
    ...(asks && { asks }),
    ...(unread.length > 0 && { partial: true as const, unread }),
  };
}

/**
 * Moves that only read as moves after the other side has spoken: taking on "those" they just
 * named, acting on what they said, checking back about it, asking what they would want different;
 * and owning a problem ("that's mine"), which is no claim of entitlement.
 */
function creditInContext(doc: Doc, checks: Map<CheckId, string[]>, previous: string | undefined): void {
  const add = (id: CheckId, sentences: readonly Sentence[]) => {
    if (sentences.length === 0 || checks.has(id)) return;
    checks.set(
      id,
      sentences.map((s) => quoteOf(doc, s)),
    );
  };
  add(
    'asks_for_feedback',
    cued(doc, 'question_feedback').filter((s) => s.question),
  );
  const owned = cued(doc, 'owns_it').map((s) => quoteOf(doc, s));
  const demands = checks.get('demanding')?.filter((q) => !owned.some((o) => o.includes(q) || q.includes(o)));
  if (demands?.length === 0) checks.delete('demanding');
  if (previous === undefined) return;
  const taken = cued(doc, 'takes_it');
  add('offers_help', taken);
  const asked = /\?|\b(?:could|can|would) you\b|\bi (?:need|want) (?:you|someone|an owner)\b/i.test(previous);
  if (asked) add('commits_to_task', [...taken, ...cued(doc, 'agrees')]);
  add(
    'commits_to_task',
    cued(doc, 'own_action').filter((s) => !s.question),
  );
  add('proposes_follow_up', cued(doc, 'checks_back'));
}

/** What a practical question asks for, by its first question that says. */
/** Words of leaving, one of which a goodbye the learned act reader finds must have near the end of the turn. */
const LEAVING = new RegExp(
  String.raw`\b(?:thanks|thank|thx|ty|cheers|ta|bye|see|later|laters|talk|speak|chat|go|going|gotta|off|done|leave|let you|enjoy|have a)\b|` +
    String.raw`\b(?:good luck|night|weekend|run|dash|head|heading|catch)\b`,
  'i',
);

/** A question that starts with its question word, after the words that lead into it. */
const WH_START =
  /^(?:(?:so|and|but|ok|okay|right|then|also|like|honestly|sorry|wait|oh|um|and then)\W+)*(?:what|what's|whats|which|who|whose|when|where|how|why)\b/;

function practicalAsk(questions: readonly Sentence[]): NonNullable<TurnReading['asks']> {
  // The last question is the one answered; "what would you need to lead it?" asks for no favour, and
  // "can I ask it a different way?" leads into the question rather than asking leave.
  // A last question that only carries the one before on ("…end of next month? Once the kickoff's done?") is read with it.
  const last = questions.at(-1);
  const carried = last !== undefined && /^(?:once|after|before|if|like|maybe|even|with|for)\b/i.test(last.text.trim());
  const asking = carried ? questions.slice(-2) : questions.slice(-1);
  // "Of the work you did this year, which bit did you enjoy most?" is open from its "which".
  const open = (s: Sentence) => s.text.split(/[,;:—–]/).some((clause) => WH_START.test(clause.trim().toLowerCase()));
  const wh = asking.length > 0 && asking.some(open);
  const shows = (cue: CueId) =>
    !wh && asking.some((s) => CUE_PATTERNS[cue].test(s.text.trim().replace(/\b(?:can|could|may) i (?:ask|say|just say|be honest)\b/g, '')));
  if (shows('asks_decide')) return 'decide';
  if (shows('asks_permit')) return 'permit';
  if (shows('asks_request')) return 'request';
  // A question about the other person is answered as about them, not as a fact to look up.
  if (questions.some((s) => /\b(?:you|your|yours|yourself)\b/.test(s.text))) return 'personal';
  return 'unknown';
}

function toneOf(doc: Doc, acts: ReadonlySet<ActId>, checks: ReadonlyMap<CheckId, string[]>): Tone {
  const folded = doc.folded;
  if (/\b(?:lol|haha|\/s)\b/.test(folded) && acts.has('grudging')) return 'sarcastic';
  if (CUE_PATTERNS.grudging.test(folded) && /\b(?:oh (?:great|joy)|so much (?:free )?time|as if)\b/.test(folded)) return 'sarcastic';
  if (acts.has('demands') || checks.has('blames_others') || acts.has('breaks_frame')) return 'hostile';
  if (checks.has('over_hedging')) return 'hesitant';
  if (/\b(?:thanks|thank you|cheers|appreciate|glad|happy to|love to|great)\b/.test(folded)) return 'warm';
  if (acts.has('grudging')) return 'curt';
  if (folded.trim().split(/\s+/).length <= 3) return 'curt';
  return 'neutral';
}
