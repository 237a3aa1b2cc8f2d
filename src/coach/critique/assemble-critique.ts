import type { ModelIdentity } from '../../llm/chat-model.js';
import { checksFor, type CheckId, type Mode, type ModeCheck } from '../rubric.js';
import type { CheckResult, Critique, EngineCritique, Suggestion, TopFix } from './critique-schema.js';
import { quoteGrounder } from './ground-quotes.js';
import { listOf } from './list-of.js';
import { orderCheck } from './order-check.js';
import { detectPurpose, movesFor, nextStepFor, type CritiquePurpose, type Purpose } from './purpose.js';
import { scoreChecks, scoreDraft, scoreWithUnread } from './score.js';

/** Pitfalls first (the worst first), then missing moves in loop order. */
const PITFALL_PRIORITY: readonly CheckId[] = ['demanding', 'refuses_work', 'blames_others', 'assumes_goal', 'vague_goal', 'over_hedging'];
const MAX_TOP_FIXES = 3;

export interface AssembleInput {
  text: string;
  mode: Mode;
  engine: EngineCritique;
  identity: ModelIdentity;
  prompt: { id: string; version: number };
  /** The checks scored; a role-play scenario scores a subset. Defaults to the mode's checks. */
  checks?: readonly ModeCheck[];
  /** Steps for a full score (see score.ts). */
  targetSteps?: number;
  /** Whether earlier drafts or sessions with this manager already showed steps 1-3. */
  earnedBefore: boolean;
  /** What the message is for, when the user said; else it is detected (employee mode). */
  purpose?: Purpose;
  /** The purpose of the last message to the same manager, for a message that shows none of its own. */
  previousPurpose?: Purpose;
  /** Checks the analyzer had no time to read (its budget ran out): the critique is then `partial`. */
  unread?: readonly CheckId[];
  id: string;
  draftId?: string;
  sessionId?: string;
  createdAt: string;
}

/**
 * Turns an engine's answer into the critique the user sees. Whatever the engine claims is
 * checked here: every quote must be in the text (else dropped and counted), a check with no
 * surviving quote is not present, and score, top fixes and order come from our code.
 */
export function assembleCritique(input: AssembleInput): Critique {
  const grounder = quoteGrounder(input.text);
  let quotesDropped = 0;
  const ground = (quotes: readonly string[]): string[] => {
    const kept = new Set<string>();
    for (const quote of quotes) {
      const found = grounder.ground(quote);
      if (found === null) quotesDropped += 1;
      else kept.add(found);
    }
    return [...kept];
  };

  const claimed = new Map(input.engine.checks.map((c) => [c.id, c]));
  const checks: CheckResult[] = (input.checks ?? checksFor(input.mode)).map((spec) => {
    const claim = claimed.get(spec.id);
    const evidence = claim?.present ? ground(claim.evidence) : [];
    return { id: spec.id, kind: spec.kind, step: spec.step, present: evidence.length > 0, evidence, advice: spec.advice };
  });

  const suggestions: Suggestion[] = [];
  for (const s of input.engine.suggestions) {
    const quote = grounder.ground(s.quote);
    if (quote === null) quotesDropped += 1;
    else if (s.replacement.trim() && s.replacement.trim() !== quote) suggestions.push({ ...s, quote });
  }

  const order = orderCheck(input.mode, checks, input.earnedBefore);
  const purpose = purposeOf(input, checks);
  // A draft is judged against its purpose; a rehearsal against the moves its scenario scores.
  const byPurpose = input.checks === undefined;
  const moves = movesFor(input.mode, purpose.step);
  // Only a scored check not found can be unread; a move not read is no fix to make, since it may be there.
  const unread = new Set((input.unread ?? []).filter((id) => checks.some((c) => c.id === id && !c.present)));
  const known = checks.filter((c) => !unread.has(c.id));
  const score = byPurpose ? scoreDraft(checks, input.mode, purpose.step) : scoreChecks(checks, input.targetSteps);
  return {
    id: input.id,
    ...(input.draftId && { draftId: input.draftId }),
    ...(input.sessionId && { sessionId: input.sessionId }),
    mode: input.mode,
    provider: input.identity.provider,
    model: input.identity.model,
    promptId: input.prompt.id,
    promptVersion: input.prompt.version,
    score: unread.size > 0 ? scoreWithUnread(score, checks, unread) : score,
    purpose,
    nextStep: nextStepFor(input.mode, purpose.step),
    summary: unread.size > 0 ? `${input.engine.summary.trim()} ${unreadNote(input.mode, unread)}`.trim() : input.engine.summary.trim(),
    checks,
    topFixes: byPurpose ? topFixesFor(known, order.ok, moves.counts, purpose.step) : topFixes(known, order.ok),
    suggestions,
    rewrite: input.engine.rewrite.trim(),
    order,
    quotesDropped,
    ...(unread.size > 0 && { partial: true as const, unread: checks.filter((c) => unread.has(c.id)).map((c) => c.id) }),
    createdAt: input.createdAt,
  };
}

/** The sentence a partial critique's summary ends with: that the text was not read in full, and which checks that left out. */
function unreadNote(mode: Mode, unread: ReadonlySet<CheckId>): string {
  const labels = checksFor(mode)
    .filter((c) => unread.has(c.id))
    .map((c) => `"${c.label}"`);
  const one = labels.length === 1;
  return (
    `This text was too long to read in full in the time allowed: ${one ? 'the check' : 'the checks'} ${listOf(labels)} ` +
    `${one ? 'was' : 'were'} not read, so ${one ? 'it is' : 'they are'} neither credited nor ruled out.`
  );
}

function purposeOf(input: AssembleInput, checks: readonly CheckResult[]): CritiquePurpose {
  if (input.mode === 'manager') return { step: null, source: input.purpose === undefined ? 'detected' : 'given' };
  if (input.purpose !== undefined) return { step: input.purpose, source: 'given' };
  const present = new Set(checks.filter((c) => c.present).map((c) => c.id));
  return { step: detectPurpose(present, input.text, input.previousPurpose), source: 'detected' };
}

/** What to say instead of a check's own advice when the purpose gives the move another meaning. */
const ADVICE_FOR: Partial<Record<Purpose, Partial<Record<CheckId, string>>>> = {
  5: { commits_to_task: 'Say plainly what you delivered since you last spoke, so the next loop starts from it.' },
};

/**
 * Top fixes against the purpose: pitfalls present (the worst first), then the purpose's own
 * missing moves. Later steps are never a fix; a commitment is advised only for a message that
 * answers work that was asked for (step 3) or reports it (step 5).
 */
export function topFixesFor(checks: readonly CheckResult[], orderOk: boolean, counts: readonly CheckId[], step: Purpose | null): TopFix[] {
  const fixes: TopFix[] = [];
  for (const id of PITFALL_PRIORITY) {
    const check = checks.find((c) => c.id === id);
    if (check?.present) fixes.push({ check: id, fix: check.advice });
  }
  const offer = checks.find((c) => c.id === 'offers_help');
  if (!orderOk && offer && !offer.present) fixes.push({ check: 'offers_help', fix: offer.advice });
  for (const id of counts) {
    const check = checks.find((c) => c.id === id);
    if (!check || check.present || fixes.some((f) => f.check === id)) continue;
    fixes.push({ check: id, fix: (step !== null && ADVICE_FOR[step]?.[id]) || check.advice });
  }
  return fixes.slice(0, MAX_TOP_FIXES);
}

export function topFixes(checks: readonly CheckResult[], orderOk: boolean): TopFix[] {
  const fixes: TopFix[] = [];
  for (const id of PITFALL_PRIORITY) {
    const check = checks.find((c) => c.id === id);
    if (check?.present) fixes.push({ check: id, fix: check.advice });
  }
  // An ask made before any help: offering help is the fix that earns it.
  const offer = checks.find((c) => c.id === 'offers_help');
  if (!orderOk && offer && !offer.present) fixes.push({ check: 'offers_help', fix: offer.advice });
  // Then the missing moves in loop order: the loop is done in order. Advanced mode is never "missing".
  const missing = checks
    .filter((c) => c.kind === 'move' && !c.present && c.step !== 'advanced' && !fixes.some((f) => f.check === c.id))
    .sort((a, b) => Number(a.step) - Number(b.step));
  for (const c of missing) fixes.push({ check: c.id, fix: c.advice });
  return fixes.slice(0, MAX_TOP_FIXES);
}
