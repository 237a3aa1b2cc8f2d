import type { ActId } from '../reading/acts.js';
import { closingAsk, earlierAsk, lastQuestionOf, offeredPick, questionsOf, type ClosingAsk } from '../reading/closing-ask.js';
import { GRANTED } from '../reading/closed-answer.js';
import { ANSWER_FITS, fitFor, matchAnswer } from './answer-match.js';
import { linesFor } from './offline-persona.js';
import type { OpenQuestion } from '../reading/open-question.js';
import { resultOf, type Result } from '../reading/result.js';
import type { TurnReading } from '../reading/reading-schema.js';
import type { CheckId } from '../rubric.js';
import type { AnswerTopic } from '../scenarios/content-schema.js';
import type { BriefFact, Difficulty, HiddenBrief, Persona } from '../scenarios/index.js';

export type FactId = BriefFact['id'];

/** What a session remembers between turns; stored as JSON on the session row. */
export interface RoleplayState {
  /** Earning moves seen so far, per fact not yet revealed. */
  earned: Partial<Record<FactId, number>>;
  /** Facts revealed, in order, with the user turn (1-based) and the user's words that earned each. */
  revealed: Array<{ id: FactId; turn: number; evidence: string[] }>;
  /** Every move and pitfall the user's turns have shown, with the turn of first sight. */
  seen: Partial<Record<CheckId, number>>;
  /** How many lines of each kind the offline persona has said, so it never says one twice. */
  said?: Partial<Record<string, number>>;
  /** Facts earned while another was being told, with the words that earned them: told on a later turn, one a turn. */
  queued?: Array<{ id: FactId; evidence: string[] }>;
}

export const INITIAL_STATE: RoleplayState = { earned: {}, revealed: [], seen: {} };

/** The state as stored on a session row (JSON written by this module). */
export function stateFrom(json: Record<string, unknown>): RoleplayState {
  return { ...INITIAL_STATE, ...(json as Partial<RoleplayState>) };
}

/** What the user asked about, for an answer that gives nothing of the brief away yet. */
export type Topic = 'feedback' | 'needs' | 'requirements' | 'goals' | 'situation' | 'permit' | 'request' | 'decide' | 'unknown';

export type Reaction =
  /** The turn ended on a time or on "is that right?": said first, in a few words ("Thursday works."); `n` varies the words. */
  | {
      kind: 'confirm';
      when?: string;
      answer?: string;
      open?: OpenQuestion;
      result?: Result;
      counts?: true;
      depends?: true;
      /** The check asked whether the user has it right, not whether something works for the persona. */
      right?: true;
      /** The plain answer to the turn's question before its last one: said first, in front of the rest. */
      earlier?: true;
      n: number;
    }
  | { kind: 'injection' }
  | { kind: 'pushback'; because: CheckId[] }
  | { kind: 'grudging' }
  /** `reported`: the turn reported work done and asked nothing; the fact is told after a word of thanks for it. */
  | { kind: 'reveal'; facts: BriefFact[]; reported?: true }
  | { kind: 'farewell' }
  | { kind: 'commitment' }
  | { kind: 'follow-up' }
  | { kind: 'deflect'; topic: Topic }
  /** A question about the persona's own world, answered from what the brief lets it say before anything is earned. */
  | { kind: 'answer'; topic: AnswerTopic; at?: number }
  /** Another question of the same turn, answered after the first with the line of the persona's world that speaks to it. */
  | { kind: 'also'; topic: AnswerTopic; at: number }
  | { kind: 'small-talk' }
  | { kind: 'acknowledge' }
  | { kind: 'close' }
  | { kind: 'neutral' };

export interface TurnOutcome {
  state: RoleplayState;
  /**
   * Most important first. The offline persona voices the first (one line a reply); the model is
   * told them all. `line` is how many lines of the first one's kind were said before this one.
   */
  reactions: Reaction[];
  line: number;
}

/** The moves made by asking: a fact they earn answers the question that earned it. */
const ASKING_MOVES: readonly CheckId[] = ['offers_help', 'asks_for_feedback', 'asks_what_it_takes', 'links_goal_to_needs', 'asks_about_goals'];

const PUSHBACK_PITFALLS: readonly CheckId[] = ['demanding', 'vague_goal', 'refuses_work', 'blames_others', 'assumes_goal'];

const QUESTION_TOPICS: ReadonlyArray<[ActId, Topic]> = [
  ['asks_needs', 'needs'],
  ['asks_feedback', 'feedback'],
  ['asks_what_it_takes', 'requirements'],
  ['asks_about_goals', 'goals'],
  ['asks_situation', 'situation'],
  ['asks_other', 'unknown'],
];

/** A question about the persona itself: a report answers with what they want, a manager with how things are. */
function practicalTopic(asks: NonNullable<TurnReading['asks']>, persona: Persona): Topic {
  if (asks !== 'personal') return asks;
  return persona.side === 'employee' ? 'goals' : 'situation';
}

/** The key under which lines of a reaction's kind are counted (pushback pools differ by pitfall). */
export function lineKey(reaction: Reaction): string {
  if (reaction.kind === 'pushback') return `pushback.${reaction.because[0] ?? ''}`;
  if (reaction.kind === 'deflect') return `deflect.${reaction.topic}`;
  if (reaction.kind === 'answer' || reaction.kind === 'also') return `answer.${reaction.topic}`;
  if (reaction.kind === 'confirm') {
    if (reaction.open) return `confirm.open.${reaction.open.form}`;
    if (reaction.result) return 'confirm.result';
    if (reaction.counts) return 'confirm.counts';
    if (reaction.depends) return 'confirm.depends';
    return reaction.when ? 'confirm.when' : reaction.answer ? 'confirm.closed' : 'confirm.check';
  }
  return reaction.kind;
}

/**
 * Advances the role-play by one user turn, from the turn's reading. Facts are earned only by the
 * moves the brief names; a persona needs `guardedness` such moves before it opens up, and on hard
 * difficulty a turn that falls into a pitfall earns nothing. Grudging or bargaining agreement is
 * no move (the reading gives it no help or commitment).
 */
export function advanceTurn(
  prev: RoleplayState,
  input: { brief: HiddenBrief; persona: Persona; difficulty: Difficulty; reading: TurnReading; turn: number; text?: string },
): TurnOutcome {
  const { brief, persona, difficulty, reading, turn } = input;
  const acts = new Set(reading.acts);
  const closing = input.text !== undefined ? closingAsk(input.text) : undefined;
  // Whether work counts toward a goal is the manager's to answer; a report asked it answers as to any question.
  const ask = closing?.kind === 'counts' && persona.side === 'employee' ? undefined : closing;
  const present = reading.checks.map((c) => c.id);
  const state: RoleplayState = {
    earned: { ...prev.earned },
    revealed: [...prev.revealed],
    seen: { ...prev.seen },
    said: { ...prev.said },
    queued: [...(prev.queued ?? [])],
  };
  for (const id of present) state.seen[id] ??= turn;

  const reactions: Reaction[] = [];
  if (acts.has('breaks_frame')) reactions.push({ kind: 'injection' });
  // A refusal read in a turn that also takes the work on ("I'm not doing it for a deal. I'll do it regardless.", "I can't
  // give you hours. But I can take the on-call reviews") is no refusal to push back on: the work is taken.
  const takesWork = acts.has('commits') || present.includes('offers_help') || present.includes('commits_to_task');
  const pitfalls = present.filter(
    (id) =>
      PUSHBACK_PITFALLS.includes(id) &&
      (id !== 'blames_others' || blameVoiced(reading)) &&
      (id !== 'demanding' || demandVoiced(reading)) &&
      (id !== 'refuses_work' || !takesWork) &&
      // Nor is a turn that takes work on, or says goodbye, vague about its goal for a word like "grow" in passing
      // ("client side, which is the bit I want to grow. Would you be up for that?"; round 20's reviews).
      (id !== 'vague_goal' || !(takesWork || acts.has('wraps_up'))),
  );
  if (pitfalls.length > 0) reactions.push({ kind: 'pushback', because: pitfalls });
  // A terse "Fine." that goes on to a practical question is how some people say yes: the question is answered, the tone let be.
  // So is "Fine. Quick version: the audit is done…", where the word only opens a report.
  const opener = /^\W*(?:fine|ok(?:ay)? fine)[.!]\s+(\S.*)$/is.exec(input.text ?? '')?.[1];
  const terseYes = opener !== undefined && ((ask !== undefined && ask.kind !== 'check') || opener.split(/\s+/).length >= 12);
  // Nor is a grumble the words do not voice ("Lovely. Could you do it today-ish?" read as grudging by the act reader).
  const grudgeVoiced = GRUDGE.test(input.text ?? '');
  if (acts.has('grudging') && pitfalls.length === 0 && !terseYes && grudgeVoiced) reactions.push({ kind: 'grudging' });

  const earns = !(difficulty === 'hard' && pitfalls.length > 0) && !acts.has('breaks_frame');
  // The sentence that hands over the floor, when the turn does ("I am really asking. Please go ahead."); none on the way out.
  const pressing = acts.has('wraps_up') ? undefined : invitedToSpeak(input.text);
  const newly: BriefFact[] = [];
  const ready: Array<{ fact: BriefFact; evidence: string[] }> = [];
  if (earns) {
    // Asked, held back, then pressed ("I am really asking. Please go ahead."): the insistence is the move asked again, for
    // the fact the persona was holding back; a "Go on." back to it answered nothing (rounds 15-20's reviews).
    const held = brief.facts.filter((f) => !state.revealed.some((r) => r.id === f.id) && (state.earned[f.id] ?? 0) > 0);
    for (const fact of brief.facts) {
      if (state.revealed.some((r) => r.id === fact.id)) continue;
      const pressed = pressing !== undefined && held[0] === fact;
      if (!fact.earnedBy.some((id) => present.includes(id)) && !pressed) continue;
      const count = (state.earned[fact.id] ?? 0) + 1;
      state.earned[fact.id] = count;
      if (count >= persona.guardedness[difficulty]) {
        const evidence = pressed ? [pressing as string] : reading.checks.filter((c) => fact.earnedBy.includes(c.id)).flatMap((c) => c.evidence);
        ready.push({ fact, evidence });
      }
    }
    // One earned earlier goes first, unless the turn ends on a question with its own answer: that is answered, the fact waits.
    // "What would it take?" is best answered with what was earned, so a fact waiting is told.
    // Nor is a fact earned on an earlier turn told over a question it does not answer, wherever the
    // question stands ("what do you need from us before then? Not the generic answer."): a turn that
    // earns it again is the one it answers (round 20's reviews: five such replies rated no).
    const asksElsewhere = /\?/.test(input.text ?? '') || QUESTION_TOPICS.some(([act]) => acts.has(act));
    const answersIt = (q: { id: FactId }) => brief.facts.find((f) => f.id === q.id)?.earnedBy.some((id) => present.includes(id)) ?? false;
    const deferQueued = ask !== undefined && ask.kind !== 'check' && ask.kind !== 'counts';
    // A fact this turn earned is its answer; one earned before and not earned again waits behind it rather than be told with it.
    const stale = (q: { id: FactId }) => !answersIt(q) && (asksElsewhere || ready.length > 0);
    // Of those it may tell, one a turn: two old facts at once answer nothing the turn said.
    const old = (state.queued ?? []).filter((q) => !answersIt(q) && !stale(q));
    const waiting = deferQueued ? (state.queued ?? []) : (state.queued ?? []).filter((q) => stale(q) || old.indexOf(q) > 0);
    for (const q of deferQueued ? [] : (state.queued ?? []).filter((q) => !waiting.includes(q))) {
      const fact = brief.facts.find((f) => f.id === q.id);
      if (fact && !ready.some((r) => r.fact.id === q.id)) ready.unshift({ fact, evidence: q.evidence });
    }
    // At most two facts a turn, so each is told whole enough; a third waits for the next turn. A turn
    // that ends on a practical question gets its answer now and the fact on the next turn.
    const practical =
      (acts.has('asks_other') && input.text !== undefined && /\?[\s"')\]]*$/.test(input.text.trim())) || (ask?.kind === 'open' && ask.open.form !== 'pick');
    // Nor is a fact started on someone leaving: it waits for the next conversation. And a turn that ends on a question
    // hears a fact only when asking earned it ("what's weighing on you?"): one earned by a commitment in the same turn
    // waits behind the question's answer ("I'll have it by Wednesday. Why does it matter right now?"; round 21's reviews).
    const endsAsking =
      input.text !== undefined && /\?[\s"')\]]*$/.test(input.text.trim()) && ask?.kind !== 'check' && ask?.kind !== 'counts' && ask?.kind !== 'when';
    const askedFor = (r: { fact: BriefFact }) => r.fact.earnedBy.some((id) => present.includes(id) && ASKING_MOVES.includes(id));
    const told = practical || acts.has('wraps_up') ? [] : ready.filter((r) => !endsAsking || askedFor(r)).slice(0, 2);
    for (const t of told) {
      state.revealed.push({ id: t.fact.id, turn, evidence: t.evidence });
      newly.push(t.fact);
    }
    // A fact earned again while it waited is told once: what was told now leaves the queue.
    const later = [...waiting, ...ready.filter((r) => !told.includes(r)).map((w) => ({ id: w.fact.id, evidence: w.evidence }))];
    state.queued = later.filter((q, i) => !told.some((t) => t.fact.id === q.id) && later.findIndex((o) => o.id === q.id) === i);
  }
  if (state.queued?.length === 0) delete state.queued;
  if (newly.length > 0) {
    const reported = acts.has('commits') && !/\?[\s"')\]]*$/.test((input.text ?? '').trim());
    reactions.push({ kind: 'reveal', facts: newly, ...(reported && { reported: true as const }) });
  }
  if (acts.has('wraps_up')) reactions.push({ kind: 'farewell' });
  // A concrete offer ("I could draft the two-pager", "should I try a sharper version?") is taken up like a commitment,
  // not answered as if they had asked what the persona needs.
  // So is a manager's offer of stretch work or a deal, to the report it is made to ("…and I'll back your case. Interested?").
  const offered = persona.side === 'employee' && (acts.has('names_stretch_work') || acts.has('offers_deal'));
  const offer = concreteOffer(reading) || offered;
  if ((acts.has('commits') || offer) && pitfalls.length === 0) reactions.push({ kind: 'commitment' });
  if (acts.has('proposes_follow_up')) reactions.push({ kind: 'follow-up' });
  const asked = QUESTION_TOPICS.find(([act]) => acts.has(act) && !(offer && (act === 'asks_needs' || (act === 'asks_other' && reading.asks === 'decide'))));
  const topic = asked && (asked[0] === 'asks_other' && reading.asks ? practicalTopic(reading.asks, persona) : asked[1]);
  // "Is it my case you'll push?" is no "how are you?": a yes/no about the persona's own call, with no plain answer in its words,
  // gets a guarded one, not the lines for asking after the person.
  // So is a yes/no about the asker's standing or the manager's own call that the reading could not place ("Would I be in the
  // running?", "is 'never move' a problem for this?", "Will it stay protected?"): "I'll find out" is no answer from the one who decides.
  const guarded =
    persona.side === 'manager' &&
    ((topic === 'situation' && !WELLBEING.test(input.text ?? '') && closedAsk(input.text)) || (topic === 'unknown' && ownCall(input.text)));
  // Nor, from a manager, is any other question the reading took as about the persona ("is the VP looking for something
  // specific?", "does the cutover have an owner?"): "busy, but I'm okay" answered none of them (rounds 15-20: 12 of 13 rated no).
  const personal = topic === 'situation' && persona.side === 'manager' && asked?.[0] === 'asks_other' && !WELLBEING.test(input.text ?? '');
  if (guarded) {
    const n = state.said?.['confirm.depends'] ?? 0;
    state.said = { ...state.said, 'confirm.depends': n + 1 };
    reactions.push({ kind: 'confirm', depends: true, n });
  } else if (topic === 'unknown' && input.text !== undefined && lastQuestionOf(input.text) === undefined) {
    // A turn with no question in it ("…so you only look at the flagged ones.") asked nothing to "find out" about.
    reactions.push({ kind: 'acknowledge' });
  } else if (topic) reactions.push({ kind: 'deflect', topic: personal ? 'unknown' : topic });
  if (acts.has('small_talk')) reactions.push({ kind: 'small-talk' });
  // A first turn that only says hello ("hi, quick one") is opened, not acknowledged as if something was said.
  const hello = turn === 1 && GREETING.test(input.text ?? '') && (input.text ?? '').trim().split(/\s+/).length <= 8 && !/\?/.test(input.text ?? '');
  if (!hello && (acts.has('answers') || acts.has('states_goal') || acts.has('reports_initiative'))) reactions.push({ kind: 'acknowledge' });
  if (reactions.length === 0) {
    // The neutral lines open a conversation ("what's this about?"); past the first turns they would forget it.
    reactions.push(state.revealed.length === brief.facts.length ? { kind: 'close' } : turn <= 2 ? { kind: 'neutral' } : { kind: 'acknowledge' });
  }

  // A goodbye is answered with a goodbye: whatever else the turn did, the other person is leaving.
  // A next meeting proposed on the way out is agreed first; the goodbye follows it. A pitfall on the way out
  // ("or I'm done covering for you") is still pushed back on first; a blame read in a goodbye is not.
  const farewell = reactions.findIndex((r) => r.kind === 'farewell');
  if (farewell > 0 && !acts.has('breaks_frame') && pitfalls.every((id) => id === 'blames_others')) {
    const [bye] = reactions.splice(farewell, 1) as [Reaction];
    const next = reactions.findIndex((r) => r.kind === 'follow-up');
    if (next >= 0) reactions.unshift(...reactions.splice(next, 1), bye);
    else reactions.unshift(bye);
  }

  // Pressed to speak with nothing held back, a persona says what it has on its mind, not "Go on." back.
  const onlyNoted = !reactions.some((r) => r.kind !== 'acknowledge' && r.kind !== 'neutral');
  if (pressing !== undefined && onlyNoted) {
    const topic: AnswerTopic = persona.side === 'employee' ? 'requirements' : 'focus';
    const at = (brief.answers?.[topic] ?? []).findIndex((_, i) => !answerSaid(state)(topic, i));
    if (at >= 0) reactions.splice(0, reactions.length, { kind: 'answer', topic, at });
  }
  answerFromTheBrief(reactions, brief, state);
  if (input.text !== undefined) {
    answerTheEnd(reactions, ask, brief, state, input.text);
    pickFromTheOptions(reactions, ask, state, input.text);
    askedLastAnsweredFirst(reactions, input.text);
    noticeTheResult(reactions, state, input.text);
  }

  // The question after an offer ("Interested?", "How does that sound?") is about the offer: taking it up answers it.
  if (offered && reactions.some((r) => r.kind === 'commitment')) {
    for (let i = reactions.length - 1; i >= 0; i--) if (reactions[i]?.kind === 'deflect' || reactions[i]?.kind === 'answer') reactions.splice(i, 1);
  }
  // A plain answer can be the whole reply.
  let first = reactions.find((r) => r.kind !== 'confirm') ?? (reactions[0] as Reaction);
  // A pool said through is not started over while something fresh fits: a line of the persona's world
  // that speaks to the question, or another of its plain lines not said yet.
  const fresh = REFRESHED.has(first.kind) ? freshInstead(first, { brief, persona, difficulty, state, text: input.text }) : undefined;
  if (fresh) {
    // Put in front of it, not in its place: a model still hears what the turn asked.
    reactions.splice(reactions.indexOf(first), 0, fresh);
    first = fresh;
  }
  if (input.text !== undefined) answerTheEarlier(reactions, earlierAsk(input.text), ask, brief, state);
  first = reactions.find((r) => r.kind !== 'confirm') ?? first;
  if (input.text !== undefined) answerTheOther(reactions, first, input.text, brief, state);
  const key = lineKey(first);
  const line = state.said?.[key] ?? 0;
  if (first.kind !== 'reveal') state.said = { ...state.said, [key]: line + 1 };
  if (first.kind === 'answer') pickAnswerLine(first, brief, state, line);
  return { state, reactions, line };
}

/**
 * A turn that asks two questions is answered in both parts: the earlier one's plain answer goes in
 * front ("You need a login with rota permissions. It's that ring binder…"). Not in front of a
 * pushback, a fact being told or a goodbye, and never as a second line of the persona's own: a
 * question the brief has a line for is left to the last one's reply, unless that reply is only a
 * plain answer ("What's changed? Are you still covering both teams?" gets "I'm still covering both
 * teams." and the line about what changed).
 */
function answerTheEarlier(
  reactions: Reaction[],
  asked: ReturnType<typeof earlierAsk>,
  last: ClosingAsk | undefined,
  brief: HiddenBrief,
  state: RoleplayState,
): void {
  if (!asked || reactions.some((r) => CONTRARY.has(r.kind) || r.kind === 'reveal' || r.kind === 'farewell')) return;
  const { ask: earlier, question } = asked;
  const said = answerSaid(state);
  // The last question got only its plain answer: a line of the persona's world may answer the earlier one after it.
  const plainOnly =
    reactions.some((r) => r.kind === 'confirm') && !reactions.some((r) => r.kind !== 'confirm' && r.kind !== 'acknowledge' && r.kind !== 'neutral');
  const answerAfter = (answer: Extract<Reaction, { kind: 'answer' }>) => {
    for (let i = reactions.length - 1; i >= 0; i--) if (reactions[i]?.kind !== 'confirm') reactions.splice(i, 1);
    reactions.push(answer);
  };
  let confirm: Reaction;
  switch (earlier.kind) {
    case 'about': {
      const pool = brief.answers?.[earlier.topic];
      if (plainOnly && pool && !pool.every((_, i) => said(earlier.topic, i))) answerAfter({ kind: 'answer', topic: earlier.topic });
      return;
    }
    case 'counts':
      // "Would it count, and what else would it take?": the guarded yes, then what it would take.
      if (!earlier.closed || last?.kind !== 'counts' || last.closed) return;
      confirm = { kind: 'confirm', counts: true, earlier: true, n: 0 };
      break;
    case 'closed':
      confirm = { kind: 'confirm', answer: earlier.answer, earlier: true, n: 0 };
      break;
    case 'when':
      // The same time agreed twice is said once; "maybe 15 minutes each week?" names no time to agree.
      if (last?.kind === 'when' || !ANSWER_FITS.date(earlier.when) || /^maybe\b/i.test(earlier.when)) return;
      confirm = { kind: 'confirm', when: earlier.when, earlier: true, n: 0 };
      break;
    case 'open': {
      const form = earlier.open.form;
      const fit = fitFor(form);
      // "How many tickets?" answered by a line of the persona's world is answered with it, or left: "I'd have to check" would contradict it later.
      const known = fit ? matchAnswer(question, brief.answers, said, undefined, fit) : undefined;
      // A time word is common in any line ("this week I'm on migration calls"); a figure is not.
      if (known && plainOnly && known.score >= (form === 'count' ? 1 : 2)) answerAfter({ kind: 'answer', topic: known.topic, at: known.at });
      if (known) return;
      confirm = { kind: 'confirm', open: earlier.open, earlier: true, n: 0 };
      break;
    }
    default:
      return;
  }
  const key = lineKey(confirm);
  confirm.n = state.said?.[key] ?? 0;
  state.said = { ...state.said, [key]: confirm.n + 1 };
  // "Should I be the one taking charge? Yes or no?" is answered once: the plain answer says yes.
  const check = reactions.findIndex((r) => r.kind === 'confirm' && last?.kind === 'check' && !r.when);
  if (check >= 0 && earlier.kind === 'closed') reactions.splice(check, 1);
  reactions.unshift(confirm);
}

/**
 * A turn that asks two things ("who in finance owns it now? and what's eating your week?") gets both
 * answered: the reply answers one, and a line of the persona's world that clearly speaks to the other
 * (two content words shared) follows it. Only one the persona can answer from its world: a question
 * it has no line for is left to the user to ask again, not met with a second "I'll find out". Not
 * after a pushback, a fact told or a goodbye, nor when the earlier question already has its plain
 * answer in front.
 */
function answerTheOther(reactions: Reaction[], first: Reaction, text: string, brief: HiddenBrief, state: RoleplayState): void {
  if (reactions.some((r) => CONTRARY.has(r.kind) || r.kind === 'reveal' || r.kind === 'farewell' || (r.kind === 'confirm' && r.earlier))) return;
  const questions = questionsOf(text);
  if (questions.length < 2) return;
  const said = answerSaid(state);
  const main = first.kind === 'answer' && first.at !== undefined ? `${first.topic}#${first.at}` : undefined;
  const notMain = (topic: AnswerTopic, at: number) => said(topic, at) || `${topic}#${at}` === main;
  // The question the reply answered is the last one; the other is the one before it.
  const other = questions[questions.length - 2]!;
  const found = matchAnswer(other, brief.answers, notMain);
  if (!found || found.score < 2) return;
  reactions.push({ kind: 'also', topic: found.topic, at: found.at });
  state.said = { ...state.said, [answerLineKey(found.topic, found.at)]: 1 };
}

/** Reactions whose lines may give way to fresh ones once said through; a pushback, a goodbye or a fact keeps its own. */
const REFRESHED: ReadonlySet<Reaction['kind']> = new Set(['deflect', 'acknowledge', 'neutral', 'small-talk', 'commitment', 'follow-up', 'close']);

function freshInstead(
  first: Reaction,
  input: { brief: HiddenBrief; persona: Persona; difficulty: Difficulty; state: RoleplayState; text: string | undefined },
): Reaction | undefined {
  const { brief, persona, difficulty, state, text } = input;
  const count = (r: Reaction) => state.said?.[lineKey(r)] ?? 0;
  const pool = linesFor(persona, { brief, difficulty }, first) ?? persona.lines.neutral;
  if (pool.length === 0 || count(first) < pool.length) return undefined;
  const question = text === undefined ? undefined : lastQuestionOf(text);
  if (question) {
    const said = answerSaid(state);
    // Only a line that clearly speaks to it: one shared word ("team", "dashboard") gave "The rest of the team uses the
    // dashboard" to "do you want to be in the room when decisions are made?" (rounds 15-20: such lines mostly rated no).
    const match = matchAnswer(question, brief.answers, said);
    if (match && match.score >= 2) return { kind: 'answer', topic: match.topic, at: match.at };
    // A question about what they want, once its lines are said through, is answered with what they would need.
    const wants = brief.answers?.requirements ?? [];
    const next = wants.findIndex((_, at) => !said('requirements', at));
    if (first.kind === 'deflect' && (first.topic === 'goals' || first.topic === 'requirements') && next >= 0)
      return { kind: 'answer', topic: 'requirements', at: next };
  }
  for (const kind of ['acknowledge', 'neutral'] as const) {
    if (kind === first.kind) continue;
    const other: Reaction = { kind };
    const lines = linesFor(persona, { brief, difficulty }, other) ?? [];
    if (count(other) < lines.length) return other;
  }
  return undefined;
}

const OFFERS_WORK = new RegExp(
  String.raw`\bi(?:'ll| will|'d| would| could| can)\s+(?!help\b)(?:\w+\s+)?` +
    String.raw`(?:take|own|draft|write|build|run|do|lead|put|pull|chase|make|set up|look|sort|fix|pick|cover)\b`,
  'i',
);

/**
 * Blame the persona pushes back on names someone else and a fault: "they kept adding stuff", "the PO
 * who keeps pushing". The reading also finds blame in "the KB is a mess" or "you never told me", which
 * a manager would not rebuke as blaming colleagues (round 11 and 12's reviews: eight such rebukes).
 */
const SOMEONE = new RegExp(
  [
    String.raw`\b(?:they|them|their|he|she|him|her|his|team|people|someone|somebody|nobody|no one|everyone|everybody)\b`,
    String.raw`\b(?:colleagues?|manager|client|they're|theyre)\b`,
    String.raw`\b[A-Z][a-z]+ (?:keeps|kept|never|didn't|won't|always|dropped|forgot|ignored|refused|messed)\b|\bwho (?:keeps|kept|never)\b`,
  ].join('|'),
);
const FAULT = new RegExp(
  [
    String.raw`\b(?:fault|blame|never|didn't|didnt|don't|dont|won't|wont|kept|keeps|keep|always|mess|rubbish|useless|late|dropped|failed)\b`,
    String.raw`\b(?:ignored|ignores|lazy|slow|couldn't|can't|cant|wouldn't|refused|messed|screwed|broke|forgot|missed|dumped|pushing)\b`,
  ].join('|'),
  'i',
);

function blameVoiced(reading: TurnReading): boolean {
  const quotes = reading.checks.find((c) => c.id === 'blames_others')?.evidence ?? [];
  return quotes.some((q) => SOMEONE.test(q) && FAULT.test(q) && !/^\W*(?:you|your)\b/i.test(q));
}

/**
 * A demand the persona pushes back on says so in its words: deserving, being owed, a "must", a threat
 * to leave, a date to deliver by. The reading also finds one in "Here's mine." or in a recap of what
 * each side agreed, which a manager would not rebuke as an ultimatum (round 15's reviews).
 */
const DEMAND = new RegExp(
  [
    String.raw`\b(?:deserve|deserved|deserves|earned|earn it|owe|owed|entitled|due a|due for|by rights|must|have to|has to|need you to)\b`,
    String.raw`\b(?:i expect|i'd expect|i want you to|non-negotiable|or else|ultimatum|guarantee|promise me|give me|i'm not waiting|i won't wait)\b`,
    String.raw`\b(?:match (?:the|their|my)|not at this salary|simple as|time you|about time|only fair|i insist|should be \w+ (?:\w+ )?by now)\b`,
    String.raw`\b(?:i'm|im|i am) (?:out|off|done|gone|leaving|walking)\b|\b(?:over your head|handing in|take it to|going (?:straight )?to)\b`,
    String.raw`\b(?:i'll|i will|ill|i'm|im|i am|i'd|gonna) (?:\w+ ){0,3}` +
      String.raw`(?:hr|union|directors?|escalat\w*|elsewhere|interview\w*|notice|quit|offer|resign\w*)\b`,
    String.raw`\beither\b[^.]{0,80}\bor\b|\bif (?:not|that's not|it's not|it isn't)\b[^.]{0,60}\b(?:i'll|i'm|i go|i will)\b`,
  ].join('|'),
  'i',
);

function demandVoiced(reading: TurnReading): boolean {
  const quotes = reading.checks.find((c) => c.id === 'demanding')?.evidence ?? [];
  return quotes.some((q) => DEMAND.test(q));
}

/** Words that voice reluctance or sarcasm: a persona names a grudging yes only when one of these is there. */
const GRUDGE = new RegExp(
  [
    // "whatever." said alone, not "whatever you send, I'll pick the top one".
    String.raw`\bwhatever(?=\s*(?:[.!,]|$))`,
    String.raw`\b(?:i guess|i suppose|guess so|suppose so|if i (?:have|must)|if you insist|if i have to|if i must|ok then|okay then)\b`,
    String.raw`(?:^|[.!?]\s+)(?:ok(?:ay)?,? )?fine\b(?! by me| with me| for)`,
    String.raw`\b(?:sigh|ugh|meh|great,? more|oh great|oh joy|joy|yay|lucky me|can't wait|cant wait|thrilled|boring)\b`,
    String.raw`\b(?:not my favourite|not thrilled|do i have to)\b`,
    String.raw`\b(?:someone has to|somebody has to|no choice|i'll live|i will live|sure,? why not|as if|lol ok|only if)\b|🙄|😒|😑`,
  ].join('|'),
  'i',
);

/** An offer of help that names the work: "I could own the estimates", "should I draft the March one?". */
function concreteOffer(reading: TurnReading): boolean {
  const quotes = reading.checks.find((c) => c.id === 'offers_help')?.evidence ?? [];
  return quotes.some(
    (q) =>
      // "if there is a piece I can take", "maybe I can take something": asking what is needed, not naming the work.
      !/\b(?:something|anything|a piece|a bit|off your plate|if there(?:'s| is)|whatever)\b/i.test(q) &&
      ((!/\?["')\]]*\s*$/.test(q) && OFFERS_WORK.test(q)) ||
        /\b(?:should|shall|can|could) i (?:try|draft|take|build|do|run|own|write|put|make|lead|set up)\b/i.test(q)),
  );
}

/** The turn's last question is a yes/no one: "is it my case you'll push?", "will you say it was my strategy, yes?". */
function closedAsk(text: string | undefined): boolean {
  const question = text === undefined ? undefined : lastQuestionOf(text);
  if (!question) return false;
  // Only a question about the persona's own call on the asker ("will you…", "is it my case you'll push?"), not a choice between things.
  if (/\bor\b/i.test(question)) return false;
  return /\b(?:will|would) you\b(?! (?:know|like|mind|rather|prefer)\b)|\byou(?:'ll| will)\b|\bis it (?:my|me)\b/i.test(question);
}

// A yes/no question on the asker's standing or the manager's own call: "would I be in the running?", "is that a problem for this?".
const OWN_CALL = /^\W*(?:(?:and|but|so|ok|okay|sorry)\W+)?(?:would|will|could|can|should|do|does|am|is|are)\s+(?:i|my|me|you|your|it|that|this)\b[^?]*\?\W*$/i;
const THIRD_PARTY = /\b(?:they|them|their|he|she|his|her|anyone|anybody|someone|somebody|finance|hr|head office|the client|the partners)\b/i;

function ownCall(text: string | undefined): boolean {
  const question = text === undefined ? undefined : lastQuestionOf(text);
  return question !== undefined && OWN_CALL.test(question) && !/\bor\b/i.test(question) && !THIRD_PARTY.test(question);
}

const GREETING = /^\W*(?:hi|hey|hello|hiya|morning|good morning|afternoon|good afternoon|hallo|howdy)\b/i;

/** Asking after the person: answered with how they are, not with what is on their plate. */
const WELLBEING = new RegExp(
  [
    String.raw`\bhow (?:are|r) (?:you|u)\b|\b(?:you|u) (?:ok|okay|alright|all right|doing ok)\b`,
    String.raw`|\bhow(?:'s| is| was) (?:your|ur) (?:day|week|weekend|morning)\b|\bhow are things\b|\bhow have you been\b|\bholding up\b`,
  ].join(''),
  'i',
);

/** Words that hand the other person the floor: "go ahead", "I'm really asking", "I'd rather hear it from you". */
const INVITES = new RegExp(
  [
    String.raw`\b(?:go ahead|fire away|spill|i'm listening|i am listening|the floor is yours|over to you)\b(?! and)`,
    String.raw`\b(?:go on,? (?:then,? )?tell me|tell me (?:your|more|what you|honestly|straight))\b`,
    String.raw`\b(?:i'm|i am|im) (?:really |genuinely |honestly )?asking\b|\bi (?:really |genuinely )?(?:do )?want to (?:hear|know)\b`,
    String.raw`\b(?:i'd|i would) (?:really |genuinely |honestly )?(?:like|love|rather|welcome|value) (?:to hear|hearing|your (?:ideas|view|thoughts|take))\b`,
    String.raw`\bplease (?:share|tell|say|go ahead)\b|\bi(?:'d| would) welcome your\b`,
  ].join('|'),
  'i',
);

/** The sentence of a turn that only hands over the floor (no question of its own), or undefined. */
function invitedToSpeak(text: string | undefined): string | undefined {
  if (text === undefined || text.includes('?')) return undefined;
  return (text.match(/[^.!]+[.!]*/g) ?? []).map((s) => s.trim()).find((s) => INVITES.test(s));
}

/** Reactions that refuse or correct the turn: no "yes, that's right" goes in front of them. */
const CONTRARY: ReadonlySet<Reaction['kind']> = new Set(['injection', 'pushback', 'grudging']);
/** What a question of each kind is still answered with when the brief has no line for it. */
const ANSWERABLE: ReadonlySet<Topic> = new Set(['unknown', 'situation', 'needs']);

/**
 * People answer the last thing said to them: a time proposed at the end is agreed first, in a
 * few words, and a question about the persona's own world is answered from the brief's lines for
 * it rather than with a stock deflection, while those last. Edits `reactions` and counts the lines.
 */
function answerTheEnd(reactions: Reaction[], ask: ClosingAsk | undefined, brief: HiddenBrief, state: RoleplayState, text: string): void {
  // A grudging yes is named after the answer to what was asked ("which measures?"), never before; a pitfall or a
  // step out of the role is met first, and nothing is agreed in front of it.
  // So is a blame read in a turn that asks something: the reading of blame is the least sure of the pitfalls ("I just
  // assume Jenny or Tom will do it"), and a rebuke for blame never voiced, in place of the answer, loses the user.
  const blameOnly = (r: Reaction) => r.kind === 'pushback' && r.because.every((id) => id === 'blames_others');
  const softened = reactions.findIndex((r) => r.kind === 'grudging' || (blameOnly(r) && ask !== undefined && ask.kind !== 'check'));
  const grudging = softened;
  const otherContrary = reactions.some((r, i) => i !== softened && (r.kind === 'pushback' || r.kind === 'injection'));
  const answersFirst = reactions[softened]?.kind === 'grudging' ? ask?.kind === 'open' || ask?.kind === 'about' : ask !== undefined;
  if (grudging >= 0 && !otherContrary && answersFirst) {
    const [named] = reactions.splice(grudging, 1) as [Reaction];
    answerTheEnd(reactions, ask, brief, state, text);
    const answered = reactions[0]?.kind === 'answer' || reactions[0]?.kind === 'confirm';
    reactions.splice(answered ? 1 : 0, 0, named);
    return;
  }
  if (reactions.some((r) => CONTRARY.has(r.kind))) return;
  // A question the words do not place, about the persona's world, is most often about what is on its plate;
  // so is one about how things are that is not asking after the person ("what's giving you the most grief?").
  // Only an open question: a yes/no one answered with a worry of the persona's own reads as a dodge.
  const open = /\b(?:what|what's|whats|wats|which|how|how's|hows)\b[^?]*\?/i.test(text) && !/\?[^?]*\b(?:yes or no|or not)\b/i.test(text);
  const placedNowhere = open && reactions.some((r) => r.kind === 'deflect' && (r.topic === 'unknown' || (r.topic === 'situation' && !WELLBEING.test(text))));
  // Not one that asks to single out a thing ("which of the three drags it?", "which two stores?", "give me an example?"):
  // the persona's own worry answers none of those (round 22's reviews: most such replies rated no).
  const singlesOut = /\b(?:which|where|who|example)\b/i.test(lastQuestionOf(text) ?? '');
  ask ??= placedNowhere && !singlesOut ? { kind: 'about', topic: 'focus' } : undefined;
  // An open question about something a line of the persona's world clearly speaks to is answered with that line.
  if (!ask && open && reactions.some((r) => r.kind === 'deflect' || r.kind === 'acknowledge' || r.kind === 'neutral')) {
    const clear = matchAnswer(lastQuestionOf(text) ?? text, brief.answers, answerSaid(state));
    if (clear && clear.score >= 2) ask = { kind: 'about', topic: clear.topic };
  }
  if (!ask) return;
  const count = (key: string) => {
    const n = state.said?.[key] ?? 0;
    state.said = { ...state.said, [key]: n + 1 };
    return n;
  };
  if (ask.kind === 'when' || ask.kind === 'check') {
    // A time already agreed is not agreed again each time it is repeated.
    // Asked again ("half nine on the 17th, then. Sound alright?"), it is confirmed as a check, not left to a stock line.
    const agreedKey = ask.kind === 'when' ? `agreed:${ask.when.toLowerCase()}` : undefined;
    const again = agreedKey !== undefined && Boolean(state.said?.[agreedKey]);
    if (again && !text.includes('?')) {
      // Said again in passing, it needs no answer, and no "I'll find out" either.
      const unknown = reactions.findIndex((r) => r.kind === 'deflect' && (r.topic === 'unknown' || r.topic === 'situation'));
      if (unknown >= 0) reactions.splice(unknown, 1, { kind: 'acknowledge' });
      return;
    }
    if (agreedKey && !again) count(agreedKey);
    // On the way out, the time is said back with the goodbye ("The 15th, then."), agreed before or not.
    const leaving = reactions.some((r) => r.kind === 'farewell');
    // "Is that consistent with your sheets?" is answered "that's right"; "Does that work? / Deal? / OK?" is agreed to.
    const right = ask.kind === 'check' && /\b(?:right|correct|consistent|accurate|true|fair|missing|miss)\b/i.test(lastQuestionOf(text) ?? '');
    const confirm: Reaction =
      ask.kind === 'when' && (!again || leaving)
        ? { kind: 'confirm', when: ask.when, n: 0 }
        : { kind: 'confirm', n: 0, ...(right && { right: true as const }) };
    confirm.n = count(lineKey(confirm));
    // Agreeing the time, or that they have it right, is the answer to the practical question about it.
    const asked = reactions.findIndex(
      (r) => (r.kind === 'deflect' && r.topic !== 'feedback' && r.topic !== 'requirements') || r.kind === 'acknowledge' || r.kind === 'neutral',
    );
    const agreed = reactions.some((r) => r.kind === 'follow-up' || r.kind === 'farewell' || r.kind === 'commitment' || r.kind === 'reveal');
    const instead: Reaction[] = agreed ? [] : [ask.kind === 'when' ? { kind: 'follow-up' } : { kind: 'acknowledge' }];
    if (asked >= 0) reactions.splice(asked, 1, ...instead);
    reactions.unshift(confirm);
    return;
  }
  const question = lastQuestionOf(text) ?? text;
  const said = answerSaid(state);
  if (ask.kind === 'counts') {
    // "Does this count toward delivery lead?": a guarded yes, then what this persona would want to see (or the offer, when the
    // turn earned it); never a promise. "What would it take?" gets the second half alone.
    const lead: Reaction[] = ask.closed ? [{ kind: 'confirm', counts: true, n: count('confirm.counts') }] : [];
    const wants = brief.answers?.requirements ?? [];
    const next = wants.findIndex((_, at) => !said('requirements', at));
    const told = reactions.some((r) => r.kind === 'reveal' || r.kind === 'farewell');
    const asked = reactions.findIndex((r) => r.kind === 'deflect' || r.kind === 'answer' || r.kind === 'acknowledge' || r.kind === 'neutral');
    if (!told && next >= 0) {
      if (asked >= 0) reactions.splice(asked, 1);
      reactions.unshift({ kind: 'answer', topic: 'requirements', at: next });
    }
    reactions.unshift(...lead);
    return;
  }
  if (ask.kind === 'open') {
    // Someone leaving is answered with a goodbye, not with a question of theirs named and put off.
    if (reactions[0]?.kind === 'farewell') return;
    // A line of the persona's world that speaks to it ("When is the inspection?" -> "The inspection's in three weeks…") is the answer.
    // It must hold what the question asks for: a figure for "how many", a time for "when"; "where" only on a clear match.
    const form = ask.open.form;
    const fit = fitFor(form);
    // A fact the turn earned answers "like is it testing, the cutover, client comms?" better than its first option.
    if (form === 'pick' && reactions.some((r) => r.kind === 'reveal')) return;
    // Of options listed ("revenue, utilisation, the phase 2 SOW?"), a line of the persona's world that speaks to them is the answer.
    // A question asked again after a dodge is one the persona's lines missed: it is owned and named, not met with another line.
    const matched = form === 'count' || form === 'date' || form === 'duration' || form === 'where' || form === 'pick';
    const found = matched ? matchAnswer(question, brief.answers, said, undefined, fit) : undefined;
    // "Where", a pick or a duration only on a clear match: "interviews take most mornings" is no answer to how long a review takes.
    const known = found && ((form !== 'where' && form !== 'pick' && form !== 'duration') || found.score >= 2) ? found : undefined;
    if (known) {
      const asked = reactions.findIndex((r) => r.kind === 'deflect' || r.kind === 'answer' || r.kind === 'acknowledge' || r.kind === 'neutral');
      if (asked >= 0) reactions.splice(asked, 1);
      reactions.unshift({ kind: 'answer', topic: known.topic, at: known.at });
      return;
    }
    // Else the question is named and answered first; what else the turn did (a commitment, a follow-up) is answered after it.
    const confirm: Reaction = { kind: 'confirm', open: ask.open, n: 0 };
    confirm.n = count(lineKey(confirm));
    const asked = reactions.findIndex((r) => r.kind === 'deflect' || r.kind === 'answer' || r.kind === 'acknowledge' || r.kind === 'neutral');
    if (asked >= 0) reactions.splice(asked, 1);
    reactions.unshift(confirm);
    return;
  }
  if (ask.kind === 'closed') {
    // The pools answer permission, favours and decisions in the persona's own way; the plain answer goes first only where none does,
    // or where the user is leaving: "can I go direct? see you Friday" gets the plain answer and the goodbye.
    const leaving = reactions[0]?.kind === 'farewell';
    if (leaving) for (let i = reactions.length - 1; i > 0; i--) if (reactions[i]?.kind === 'deflect') reactions.splice(i, 1);
    // "Should I send the invites, or do you prefer to?" has a plain answer; the pool's "whichever you can finish" does not fit it.
    // So does a request ("will you tell them it's mandatory?"), whatever the reading took it for.
    // And a check of what the user proposed ("is that what you want, or would you do it differently?").
    const request = ask.answer.startsWith(GRANTED) || /\b(?:what you (?:want|meant|mean|need|had in mind)|do it differently)\b/i.test(text);
    const plain = (t: Topic) => request || ANSWERABLE.has(t) || t === 'decide' || t === 'request';
    // A fact told in reply still gets the plain answer in front of it: "We can check back after. Right, then. There's a course…".
    const telling = reactions[0]?.kind === 'reveal';
    if (!leaving && !telling && reactions.some((r) => r.kind === 'deflect' && !plain(r.topic))) return;
    const asked = reactions.findIndex((r) => (r.kind === 'deflect' && plain(r.topic)) || r.kind === 'acknowledge' || r.kind === 'neutral');
    if (asked >= 0) reactions.splice(asked, 1);
    reactions.unshift({ kind: 'confirm', answer: ask.answer, n: 0 });
    return;
  }
  const pool = brief.answers?.[ask.topic];
  if (!pool || pool.every((_, i) => said(ask.topic, i))) return;
  // A fact told, a goodbye, or a question the reading placed (what it takes, feedback, goals, a favour) has its own answer.
  if (reactions.some((r) => r.kind === 'reveal' || r.kind === 'farewell' || r.kind === 'answer' || (r.kind === 'deflect' && !ANSWERABLE.has(r.topic)))) return;
  const at = reactions.findIndex((r) => (r.kind === 'deflect' && ANSWERABLE.has(r.topic)) || r.kind === 'acknowledge' || r.kind === 'neutral');
  // Of the lines for what was asked, the one that speaks to its words; a line of another kind only when it shares clearly more.
  const inTopic = matchAnswer(question, { [ask.topic]: pool }, said);
  const anywhere = matchAnswer(question, brief.answers, said, ask.topic);
  const best = anywhere && anywhere.score >= 2 && anywhere.score > (inTopic?.score ?? 0) ? anywhere : inTopic;
  const answer: Reaction = best ? { kind: 'answer', topic: best.topic, at: best.at } : { kind: 'answer', topic: ask.topic };
  // Asked last, answered first: what else the turn did is acknowledged after it.
  if (at >= 0) reactions.splice(at, 1);
  reactions.unshift(answer);
}

/**
 * A question about the persona's world that lists options ("what will she look for? Cost, risk, the SCA deadline?") is
 * answered from its world, with one of the options named first ("Cost, mainly."): the asker wanted one picked.
 */
function pickFromTheOptions(reactions: Reaction[], ask: ClosingAsk | undefined, state: RoleplayState, text: string): void {
  if (ask?.kind !== 'about' || reactions[0]?.kind !== 'answer') return;
  const pick = offeredPick(text);
  if (!pick) return;
  const confirm: Reaction = { kind: 'confirm', open: pick, n: 0 };
  confirm.n = state.said?.[lineKey(confirm)] ?? 0;
  state.said = { ...state.said, [lineKey(confirm)]: confirm.n + 1 };
  reactions.unshift(confirm);
}

/** The key under which one answer line of the brief is marked as said. */
const answerLineKey = (topic: AnswerTopic, at: number) => `answer.${topic}#${at}`;

/** Whether an answer line of the brief was said in this session. */
const answerSaid = (state: RoleplayState) => (topic: AnswerTopic, at: number) => Boolean(state.said?.[answerLineKey(topic, at)]);

/** The line of the brief an answer says: the one matched to the question, else the next not said yet; each said once. */
function pickAnswerLine(answer: Extract<Reaction, { kind: 'answer' }>, brief: HiddenBrief, state: RoleplayState, line: number): void {
  const pool = brief.answers?.[answer.topic] ?? [];
  if (pool.length === 0) return;
  const used = (i: number) => answerSaid(state)(answer.topic, i);
  if (answer.at === undefined) {
    const order = pool.map((_, k) => (line + k) % pool.length);
    answer.at = order.find((i) => !used(i)) ?? line % pool.length;
  }
  state.said = { ...state.said, [answerLineKey(answer.topic, answer.at)]: 1 };
}

/**
 * A result the user reports ("we went from 47 quarantined tests down to 9") is noticed first, in its
 * own numbers, before whatever the persona says next: a manager who heard it says so.
 */
function noticeTheResult(reactions: Reaction[], state: RoleplayState, text: string): void {
  if (reactions.some((r) => r.kind === 'confirm' || CONTRARY.has(r.kind) || r.kind === 'farewell')) return;
  const result = resultOf(text);
  if (!result) return;
  const n = state.said?.['confirm.result'] ?? 0;
  state.said = { ...state.said, 'confirm.result': n + 1 };
  reactions.unshift({ kind: 'confirm', result, n });
}

/** What a turn did before the question it ends on: acknowledged after the answer. */
const BEFORE_THE_QUESTION: ReadonlySet<Reaction['kind']> = new Set(['commitment', 'follow-up', 'acknowledge', 'small-talk', 'neutral']);

/**
 * A turn that ends on a question is answered first: "I'll do the audit. What would good look like to
 * you?" gets the answer, with thanks in front, not only thanks for the audit.
 */
function askedLastAnsweredFirst(reactions: Reaction[], text: string): void {
  // "…at quarter end? like what are they actually going to look at" still ends on the question.
  const trailing = /[.!?]\s*((?:like|i mean|or|and|so)\b[^.!?]*)$/i.exec(text.trim())?.[1];
  const endsAsking = /\?[\s"')\]]*$/.test(text.trim()) || (trailing !== undefined && /\b(?:what|which|who|how|when|where|why)\b/i.test(trailing));
  if (!endsAsking) return;
  const first = reactions.find((r) => r.kind !== 'confirm');
  const question = reactions.findIndex((r) => r.kind === 'deflect' || r.kind === 'answer');
  if (!first || question < 0 || !BEFORE_THE_QUESTION.has(first.kind)) return;
  const [asked] = reactions.splice(question, 1);
  const at = reactions.findIndex((r) => r.kind !== 'confirm');
  reactions.splice(at < 0 ? reactions.length : at, 0, asked as Reaction);
}

/** Questions the reading placed that the brief has the persona's own answers for, while they last. */
const BRIEF_ANSWERS: Partial<Record<Topic, AnswerTopic>> = { requirements: 'requirements' };

/** "What would it take?" is answered from what this persona, in this scene, would want to see, not a stock line. */
function answerFromTheBrief(reactions: Reaction[], brief: HiddenBrief, state: RoleplayState): void {
  const at = reactions.findIndex((r) => r.kind === 'deflect' && BRIEF_ANSWERS[r.topic] !== undefined);
  const asked = reactions[at];
  if (asked?.kind !== 'deflect') return;
  const topic = BRIEF_ANSWERS[asked.topic] as AnswerTopic;
  const pool = brief.answers?.[topic];
  if (!pool || (state.said?.[`answer.${topic}`] ?? 0) >= pool.length) return;
  reactions.splice(at, 1, { kind: 'answer', topic });
}
