import type { CoachEngine, CritiqueContext } from '../engine.js';
import { holdsPlaceholder } from './placeholder.js';
import { checksFor, type CheckId, type Mode, type ModeCheck } from '../rubric.js';
import { analyze, type AnalysisBudget } from '../analyzer/index.js';
import { assembleCritique } from './assemble-critique.js';
import type { Critique } from './critique-schema.js';
import { editRewrite } from './edit-rewrite.js';
import type { Purpose } from './purpose.js';

export interface CritiqueRequest {
  text: string;
  mode: Mode;
  context?: CritiqueContext;
  /** Earlier drafts or sessions with the same manager already showed steps 1-3. */
  earnedBefore: boolean;
  draftId?: string;
  sessionId?: string;
  /** A role-play scores its scenario's checks; a draft all of its mode's. */
  checks?: readonly ModeCheck[];
  targetSteps?: number;
  /** What the message is for, when the user said; else detected (employee mode). */
  purpose?: Purpose | undefined;
  /** The purpose of the last message to the same manager, for a message that shows none. */
  previousPurpose?: Purpose | undefined;
  /**
   * What the rewrite edits, when not the whole text: a rehearsal's debrief rewrites the user's own
   * turns without the grudging, hostile or role-breaking ones, whatever the engine proposed.
   */
  rewriteOf?: string;
  /**
   * What a rehearsal's turns were read to show, turn by turn. When given, these decide which checks
   * are present (the persona reacted to the same readings); the engine writes the words around them.
   */
  observed?: ReadonlyArray<{ id: CheckId; evidence: readonly string[] }>;
  /** With `observed`: checks some turn's reading ran out of time to read (`TurnReading.unread`). */
  unread?: readonly CheckId[];
  /** How long the offline analyzer may read each text here; without one it reads everything. */
  budget?: AnalysisBudget;
  signal?: AbortSignal;
}

/**
 * Critiques a text with whichever engine it is given and verifies the answer into the critique
 * shape: quotes checked against the text, the score computed by our code, never the engine's.
 */
export async function runCritique(deps: { engine: CoachEngine; newId: (prefix: 'crq') => string; now: () => number }, req: CritiqueRequest): Promise<Critique> {
  const checks = req.checks ?? checksFor(req.mode);
  // A draft (all of its mode's checks) is judged against its purpose; a rehearsal against its scenario's checks.
  const scenarioChecks = req.checks !== undefined;
  const answer = await deps.engine.critique({
    text: req.text,
    mode: req.mode,
    checks,
    context: req.context ?? {},
    ...(req.purpose !== undefined && { purpose: req.purpose }),
    ...(req.budget && { budget: req.budget }),
    ...(req.signal && { signal: req.signal }),
  });
  // The readings decide the checks when given, so what they did not read is what is unread.
  const unread = req.observed ? req.unread : answer.unread;
  const critique = assembleCritique({
    text: req.text,
    mode: req.mode,
    engine: req.observed ? { ...answer.value, checks: observedChecks(req.observed) } : answer.value,
    identity: { provider: answer.provider, model: answer.model },
    prompt: answer.prompt,
    ...(scenarioChecks && { checks }),
    ...(req.targetSteps !== undefined && { targetSteps: req.targetSteps }),
    earnedBefore: req.earnedBefore,
    ...(req.purpose !== undefined && { purpose: req.purpose }),
    ...(req.previousPurpose !== undefined && { previousPurpose: req.previousPurpose }),
    ...(unread && unread.length > 0 && { unread }),
    id: deps.newId('crq'),
    ...(req.draftId && { draftId: req.draftId }),
    ...(req.sessionId && { sessionId: req.sessionId }),
    createdAt: new Date(deps.now()).toISOString(),
  });
  // Whatever wrote it, a rewrite must be an edit of the writer's message: one that holds a blank
  // to fill in, or keeps under half of the writer's words, is replaced by the edit made here.
  if (req.rewriteOf !== undefined) {
    const analysis = analyze(req.rewriteOf, req.mode, undefined, undefined, req.budget);
    const own = critique.checks.map((c) => ({ ...c, evidence: c.evidence.filter((q) => req.rewriteOf?.includes(q)) }));
    critique.rewrite = editRewrite(req.rewriteOf, req.mode, own, critique.purpose?.step ?? null, {
      goal: analysis.goal ?? req.context?.goal,
      task: analysis.task,
    });
  } else if (!keepsTheWriter(req.text, critique.rewrite)) {
    const analysis = analyze(req.text, req.mode, undefined, undefined, req.budget);
    critique.rewrite = editRewrite(req.text, req.mode, critique.checks, critique.purpose?.step ?? null, {
      goal: analysis.goal ?? req.context?.goal,
      task: analysis.task,
    });
  }
  return critique;
}

const STOP_WORDS = new Set(
  'a an the and or but to of in on for with at by from is are was were be been it this that so if as do just can could would will have has had not no'.split(
    ' ',
  ),
);
const contentWords = (text: string) => new Set((text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []).filter((w) => !STOP_WORDS.has(w)));

/** Share of the writer's content words a rewrite keeps, and no `[placeholder]`. */
export function keepsTheWriter(text: string, rewrite: string): boolean {
  if (holdsPlaceholder(text, rewrite) || rewrite.trim() === '') return false;
  const own = contentWords(text);
  if (own.size === 0) return true;
  const kept = contentWords(rewrite);
  return [...own].filter((w) => kept.has(w)).length / own.size >= 0.5;
}

/** Every check any turn showed, with all its quotes, as an engine would report them. */
function observedChecks(observed: NonNullable<CritiqueRequest['observed']>) {
  const byId = new Map<CheckId, string[]>();
  for (const { id, evidence } of observed) byId.set(id, [...(byId.get(id) ?? []), ...evidence]);
  return [...byId].map(([id, evidence]) => ({ id, present: true, evidence }));
}
