import type { Analysis } from '../analyzer/index.js';
import type { CheckId } from '../rubric.js';
import type { BriefFact, Difficulty, HiddenBrief, Persona } from '../scenarios/index.js';
import { isInjection } from './injection.js';

export type FactId = BriefFact['id'];

/** What a session remembers between turns; stored as JSON on the session row. */
export interface RoleplayState {
  /** Earning moves seen so far, per fact not yet revealed. */
  earned: Partial<Record<FactId, number>>;
  /** Facts revealed, in order, with the user turn (1-based) and the user's words that earned each. */
  revealed: Array<{ id: FactId; turn: number; evidence: string[] }>;
  /** Every move and pitfall the user's turns have shown, with the turn of first sight. */
  seen: Partial<Record<CheckId, number>>;
}

export const INITIAL_STATE: RoleplayState = { earned: {}, revealed: [], seen: {} };

/** The state as stored on a session row (JSON written by this module). */
export function stateFrom(json: Record<string, unknown>): RoleplayState {
  return { ...INITIAL_STATE, ...(json as Partial<RoleplayState>) };
}

export type Reaction =
  | { kind: 'injection' }
  | { kind: 'pushback'; because: CheckId[] }
  | { kind: 'reveal'; facts: BriefFact[] }
  | { kind: 'commitment' }
  | { kind: 'follow-up' }
  | { kind: 'close' }
  | { kind: 'neutral' };

export interface TurnOutcome {
  state: RoleplayState;
  /** Most important first; the offline engine voices them in this order, the model is told them. */
  reactions: Reaction[];
}

const PUSHBACK_PITFALLS: readonly CheckId[] = ['demanding', 'vague_goal', 'refuses_work', 'blames_others', 'assumes_goal'];

/**
 * Advances the role-play by one user turn. Facts are earned only by the moves the brief names
 * (checked by the analyzer, the same for every engine); a persona needs `guardedness` such moves
 * before it opens up, and on hard difficulty a turn that falls into a pitfall earns nothing.
 */
export function advanceTurn(
  prev: RoleplayState,
  input: { brief: HiddenBrief; persona: Persona; difficulty: Difficulty; analysis: Analysis; userText: string; turn: number },
): TurnOutcome {
  const { brief, persona, difficulty, analysis, turn } = input;
  const findings = Object.entries(analysis.checks) as Array<[CheckId, { present: boolean; evidence: string[] }]>;
  const present = findings.filter(([, f]) => f.present).map(([id]) => id);
  const state: RoleplayState = { earned: { ...prev.earned }, revealed: [...prev.revealed], seen: { ...prev.seen } };
  for (const id of present) state.seen[id] ??= turn;

  const reactions: Reaction[] = [];
  if (isInjection(input.userText)) reactions.push({ kind: 'injection' });
  const pitfalls = present.filter((id) => PUSHBACK_PITFALLS.includes(id));
  if (pitfalls.length > 0) reactions.push({ kind: 'pushback', because: pitfalls });

  const earns = !(difficulty === 'hard' && pitfalls.length > 0) && !reactions.some((r) => r.kind === 'injection');
  const newly: BriefFact[] = [];
  if (earns) {
    for (const fact of brief.facts) {
      if (state.revealed.some((r) => r.id === fact.id)) continue;
      if (!fact.earnedBy.some((id) => present.includes(id))) continue;
      const count = (state.earned[fact.id] ?? 0) + 1;
      state.earned[fact.id] = count;
      if (count >= persona.guardedness[difficulty]) {
        const evidence = findings.filter(([id, f]) => f.present && fact.earnedBy.includes(id)).flatMap(([, f]) => f.evidence);
        state.revealed.push({ id: fact.id, turn, evidence });
        newly.push(fact);
      }
    }
  }
  if (newly.length > 0) reactions.push({ kind: 'reveal', facts: newly });
  if (present.includes('commits_to_task') && pitfalls.length === 0) reactions.push({ kind: 'commitment' });
  if (present.includes('proposes_follow_up')) reactions.push({ kind: 'follow-up' });
  if (reactions.length === 0) {
    reactions.push(state.revealed.length === brief.facts.length ? { kind: 'close' } : { kind: 'neutral' });
  }
  return { state, reactions };
}
