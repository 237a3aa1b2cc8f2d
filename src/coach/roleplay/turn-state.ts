import type { ActId } from '../reading/acts.js';
import type { TurnReading } from '../reading/reading-schema.js';
import type { CheckId } from '../rubric.js';
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
}

export const INITIAL_STATE: RoleplayState = { earned: {}, revealed: [], seen: {} };

/** The state as stored on a session row (JSON written by this module). */
export function stateFrom(json: Record<string, unknown>): RoleplayState {
  return { ...INITIAL_STATE, ...(json as Partial<RoleplayState>) };
}

/** What the user asked about, for an answer that gives nothing of the brief away yet. */
export type Topic = 'feedback' | 'needs' | 'requirements' | 'goals' | 'situation' | 'permit' | 'request' | 'decide' | 'unknown';

export type Reaction =
  | { kind: 'injection' }
  | { kind: 'pushback'; because: CheckId[] }
  | { kind: 'grudging' }
  | { kind: 'reveal'; facts: BriefFact[] }
  | { kind: 'farewell' }
  | { kind: 'commitment' }
  | { kind: 'follow-up' }
  | { kind: 'deflect'; topic: Topic }
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
  input: { brief: HiddenBrief; persona: Persona; difficulty: Difficulty; reading: TurnReading; turn: number },
): TurnOutcome {
  const { brief, persona, difficulty, reading, turn } = input;
  const acts = new Set(reading.acts);
  const present = reading.checks.map((c) => c.id);
  const state: RoleplayState = { earned: { ...prev.earned }, revealed: [...prev.revealed], seen: { ...prev.seen }, said: { ...prev.said } };
  for (const id of present) state.seen[id] ??= turn;

  const reactions: Reaction[] = [];
  if (acts.has('breaks_frame')) reactions.push({ kind: 'injection' });
  const pitfalls = present.filter((id) => PUSHBACK_PITFALLS.includes(id));
  if (pitfalls.length > 0) reactions.push({ kind: 'pushback', because: pitfalls });
  if (acts.has('grudging') && pitfalls.length === 0) reactions.push({ kind: 'grudging' });

  const earns = !(difficulty === 'hard' && pitfalls.length > 0) && !acts.has('breaks_frame');
  const newly: BriefFact[] = [];
  if (earns) {
    for (const fact of brief.facts) {
      if (state.revealed.some((r) => r.id === fact.id)) continue;
      if (!fact.earnedBy.some((id) => present.includes(id))) continue;
      const count = (state.earned[fact.id] ?? 0) + 1;
      state.earned[fact.id] = count;
      if (count >= persona.guardedness[difficulty]) {
        const evidence = reading.checks.filter((c) => fact.earnedBy.includes(c.id)).flatMap((c) => c.evidence);
        state.revealed.push({ id: fact.id, turn, evidence });
        newly.push(fact);
      }
    }
  }
  if (newly.length > 0) reactions.push({ kind: 'reveal', facts: newly });
  if (acts.has('wraps_up')) reactions.push({ kind: 'farewell' });
  if (acts.has('commits') && pitfalls.length === 0) reactions.push({ kind: 'commitment' });
  if (acts.has('proposes_follow_up')) reactions.push({ kind: 'follow-up' });
  const asked = QUESTION_TOPICS.find(([act]) => acts.has(act));
  if (asked) reactions.push({ kind: 'deflect', topic: asked[0] === 'asks_other' && reading.asks ? practicalTopic(reading.asks, persona) : asked[1] });
  if (acts.has('small_talk')) reactions.push({ kind: 'small-talk' });
  if (acts.has('answers') || acts.has('states_goal') || acts.has('reports_initiative')) reactions.push({ kind: 'acknowledge' });
  if (reactions.length === 0) {
    // The neutral lines open a conversation ("what's this about?"); past the first turns they would forget it.
    reactions.push(state.revealed.length === brief.facts.length ? { kind: 'close' } : turn <= 2 ? { kind: 'neutral' } : { kind: 'acknowledge' });
  }

  const first = reactions[0] as Reaction;
  const key = lineKey(first);
  const line = state.said?.[key] ?? 0;
  if (first.kind !== 'reveal') state.said = { ...state.said, [key]: line + 1 };
  return { state, reactions, line };
}
