import { z } from '@hono/zod-openapi';
import type { Critique } from './critique/critique-schema.js';
import { movesFor } from './critique/purpose.js';
import { CommitmentSchema, type Commitment } from './loop/loop-state.js';
import { MODES, type CheckId, type Mode } from './rubric.js';
import { SCENARIO_IDS, SCENARIOS, type ScenarioId } from './scenarios/index.js';

export const LOOP_STEPS = ['1', '2', '3', '4', '5', 'advanced'] as const;
export type LoopStep = (typeof LOOP_STEPS)[number];

/** The steps each side is scored on: the manager starts the whole loop, and has no advanced mode. */
const SIDE_STEPS: Record<Mode, readonly LoopStep[]> = { employee: LOOP_STEPS, manager: ['1', '2', '3', '4', '5'] };

/** What the user said they would do, by mode: their own commitments, and the check-ins they proposed. */
const PROMISES: Record<Mode, Partial<Record<CheckId, 'commitment' | 'follow-up'>>> = {
  employee: { commits_to_task: 'commitment', proposes_follow_up: 'follow-up' },
  manager: { offers_partnership: 'commitment', proposes_follow_up: 'follow-up' },
};

/** How many of the latest drafts and rehearsals the open commitments are gathered from, and how many are listed. */
export const COMMITMENT_SOURCES = 20;
const COMMITMENTS_SHOWN = 12;

/** Below these a step's latest score needs work, or can still improve (the bands the pages show in words). */
const WEAK = 50;
const STRONG = 80;

const StepSchema = z.enum(LOOP_STEPS);
const SourceSchema = z.object({ kind: z.enum(['rehearsal', 'draft']), id: z.string(), title: z.string() });

export const ProgressSchema = z
  .object({
    /** Each step of the loop on each side: the employee's (1-5 and advanced) and the manager's (1-5). */
    steps: z.array(
      z.object({
        side: z.enum(MODES),
        step: StepSchema,
        /** The rehearsal that practises this step ("practise this step"). */
        scenarioId: z.enum(SCENARIO_IDS),
        rehearsals: z.number().int(),
        drafts: z.number().int(),
        lastPractisedAt: z.iso.datetime().nullable(),
        latestScore: z.number().int().nullable(),
        bestScore: z.number().int().nullable(),
      }),
    ),
    /** Finished rehearsals' scores over time, by scenario. */
    scenarios: z.array(
      z.object({ scenarioId: z.string(), points: z.array(z.object({ sessionId: z.string(), at: z.iso.datetime(), score: z.number().int() })) }),
    ),
    /** What the user said they would do, newest first, across their latest drafts and rehearsals. */
    commitments: z.array(z.object({ kind: z.enum(['commitment', 'follow-up']), text: z.string(), at: z.iso.datetime(), from: SourceSchema })),
    /** The commitments still open in the user's real relationships (theirs and the other person's): late first, then by date due. */
    relationshipCommitments: z.array(CommitmentSchema.extend({ relationshipId: z.string(), name: z.string() })),
    /** The drill to do next, by a fixed rule (see `nextDrill`). */
    nextDrill: z.object({
      side: z.enum(MODES),
      step: StepSchema,
      scenarioId: z.enum(SCENARIO_IDS),
      reason: z.enum(['weak', 'new', 'improve', 'refresh']),
      latestScore: z.number().int().nullable(),
    }),
  })
  .openapi('Progress');
export type Progress = z.infer<typeof ProgressSchema>;
export type StepProgress = Progress['steps'][number];

/** One finished piece of practice: a rehearsal with its debrief's critique, or a draft with its latest critique. */
export interface Practice {
  kind: 'rehearsal' | 'draft';
  /** The session's or the draft's id. */
  id: string;
  title: string;
  /** A rehearsal's scenario. */
  scenarioId?: string;
  /** When it was scored. */
  at: Date;
  critique: Critique;
  /**
   * What the user's words showed, check by check with quotes: a rehearsal's turn readings (what the
   * persona reacted to, every check, not only the scenario's), else the critique's checks present.
   */
  said: ReadonlyArray<{ id: CheckId; evidence: readonly string[] }>;
}

/** The scenario that practises a step on a side: the one made for the step, or the manager's whole loop. */
function scenarioFor(side: Mode, step: LoopStep): ScenarioId {
  const found = side === 'employee' ? Object.values(SCENARIOS).find((s) => s.mode === 'employee' && String(s.step) === step) : undefined;
  return found?.id ?? 'manager-initiated';
}

/**
 * The scores a piece of practice gives the steps it practises. On the employee side it practises
 * one step, scored as a whole (the rubric's rule: a step's score is the latest score of what
 * practises it): a rehearsal its scenario's step, a draft the step it was written for. On the
 * manager side every rehearsal and draft covers the whole loop, so each step scores the share of
 * its moves that were made (each of the manager's moves plays one step).
 */
function stepScores(p: Practice): Array<{ step: LoopStep; score: number }> {
  const { critique } = p;
  if (critique.mode === 'employee') {
    const step = p.kind === 'rehearsal' ? SCENARIOS[p.scenarioId as ScenarioId]?.step : critique.purpose?.step;
    return step === null || step === undefined ? [] : [{ step: String(step) as LoopStep, score: critique.score }];
  }
  const counted = new Set<CheckId>(p.kind === 'rehearsal' ? (SCENARIOS[p.scenarioId as ScenarioId]?.scoredChecks ?? []) : movesFor('manager', null).counts);
  const byStep = new Map<LoopStep, { made: number; of: number }>();
  for (const check of critique.checks) {
    if (check.kind !== 'move' || !counted.has(check.id) || check.step === null) continue;
    const step = String(check.step) as LoopStep;
    const tally = byStep.get(step) ?? { made: 0, of: 0 };
    byStep.set(step, { made: tally.made + (check.present ? 1 : 0), of: tally.of + 1 });
  }
  return [...byStep].map(([step, t]) => ({ step, score: Math.round((100 * t.made) / t.of) }));
}

/** One relationship's commitments, as `loopState` names them. */
export interface RelationshipCommitments {
  relationshipId: string;
  name: string;
  commitments: readonly Commitment[];
}

/** The loop tracker, from the user's practice, oldest first, and the commitments of their relationships. */
export function buildProgress(history: readonly Practice[], relationships: readonly RelationshipCommitments[] = []): Progress {
  const steps = MODES.flatMap((side) =>
    SIDE_STEPS[side].map((step): StepProgress => {
      const mine = history.flatMap((p) =>
        p.critique.mode === side ? stepScores(p).flatMap((s) => (s.step === step ? [{ kind: p.kind, at: p.at, score: s.score }] : [])) : [],
      );
      const latest = mine.at(-1);
      return {
        side,
        step,
        scenarioId: scenarioFor(side, step),
        rehearsals: mine.filter((m) => m.kind === 'rehearsal').length,
        drafts: mine.filter((m) => m.kind === 'draft').length,
        lastPractisedAt: latest ? latest.at.toISOString() : null,
        latestScore: latest?.score ?? null,
        bestScore: mine.length > 0 ? Math.max(...mine.map((m) => m.score)) : null,
      };
    }),
  );

  const byScenario = new Map<string, Progress['scenarios'][number]['points']>();
  for (const p of history) {
    if (p.kind !== 'rehearsal' || p.scenarioId === undefined) continue;
    const points = byScenario.get(p.scenarioId) ?? [];
    points.push({ sessionId: p.id, at: p.at.toISOString(), score: p.critique.score });
    byScenario.set(p.scenarioId, points);
  }

  return {
    steps,
    scenarios: [...byScenario].map(([scenarioId, points]) => ({ scenarioId, points })),
    commitments: openCommitments(history),
    relationshipCommitments: openInRelationships(relationships),
    nextDrill: nextDrill(steps),
  };
}

/** What the user said they would do in their latest practice, newest first, each once (the same words said twice are one). */
function openCommitments(history: readonly Practice[]): Progress['commitments'] {
  const seen = new Set<string>();
  const found: Progress['commitments'] = [];
  for (const p of history.slice(-COMMITMENT_SOURCES).reverse()) {
    const kinds = PROMISES[p.critique.mode];
    for (const said of p.said) {
      const kind = kinds[said.id];
      if (!kind) continue;
      for (const text of said.evidence) {
        const key = text.toLowerCase().replace(/\s+/g, ' ').trim();
        if (seen.has(key)) continue;
        seen.add(key);
        found.push({ kind, text, at: p.at.toISOString(), from: { kind: p.kind, id: p.id, title: p.title } });
      }
    }
  }
  return found.slice(0, COMMITMENTS_SHOWN);
}

/** Every commitment not done yet, across relationships: the late ones first, then the soonest due, undated last (a stable sort keeps the rest in order). */
function openInRelationships(relationships: readonly RelationshipCommitments[]): Progress['relationshipCommitments'] {
  const rank = (c: Commitment) => (c.status === 'overdue' ? 0 : c.due !== null ? 1 : 2);
  return relationships
    .flatMap((r) => r.commitments.filter((c) => c.status !== 'done').map((c) => ({ ...c, relationshipId: r.relationshipId, name: r.name })))
    .sort((a, b) => rank(a) - rank(b) || (a.due ?? '').localeCompare(b.due ?? ''));
}

/**
 * The next drill, by a fixed rule over the steps in loop order (the employee's 1-5 and advanced,
 * then the manager's): first a step whose latest score needs work (under 50), the lowest; else the
 * first step never practised, so every earlier step has been; else a step that can still improve
 * (under 80), the lowest; else the step practised longest ago. Ties go to the earlier step.
 */
export function nextDrill(steps: readonly StepProgress[]): Progress['nextDrill'] {
  const practised = steps.flatMap((s) => (s.latestScore !== null && s.lastPractisedAt !== null ? [{ s, score: s.latestScore, at: s.lastPractisedAt }] : []));
  // The first of the lowest: a later step replaces the one held only when strictly lower (or older).
  const lowest = (below: number) =>
    practised.filter((p) => p.score < below).reduce<(typeof practised)[number] | undefined>((a, p) => (a && a.score <= p.score ? a : p), undefined);
  const oldest = practised.reduce<(typeof practised)[number] | undefined>((a, p) => (a && a.at <= p.at ? a : p), undefined);
  const weak = lowest(WEAK);
  const fresh = steps.find((s) => s.latestScore === null);
  const improve = lowest(STRONG);
  const [reason, step]: [Progress['nextDrill']['reason'], StepProgress | undefined] = weak
    ? ['weak', weak.s]
    : fresh
      ? ['new', fresh]
      : improve
        ? ['improve', improve.s]
        : ['refresh', oldest?.s];
  if (!step) throw new Error('the loop has no steps');
  return { side: step.side, step: step.step, scenarioId: step.scenarioId, reason, latestScore: step.latestScore };
}
