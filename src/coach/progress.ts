import { z } from '@hono/zod-openapi';
import type { Critique } from './critique/critique-schema.js';
import { SCENARIOS, type ScenarioId } from './scenarios/index.js';

export const LOOP_STEPS = ['1', '2', '3', '4', '5', 'advanced'] as const;

export const ProgressSchema = z
  .object({
    steps: z.array(
      z.object({
        step: z.enum(LOOP_STEPS),
        scenarios: z.array(z.string()),
        lastPractisedAt: z.iso.datetime().nullable(),
        latestScore: z.number().int().nullable(),
        bestScore: z.number().int().nullable(),
      }),
    ),
    scenarios: z.array(
      z.object({ scenarioId: z.string(), points: z.array(z.object({ sessionId: z.string(), at: z.iso.datetime(), score: z.number().int() })) }),
    ),
    /** What the user committed to in their last rehearsal, to bring to the next conversation. */
    openLoop: z
      .object({ sessionId: z.string(), scenarioId: z.string(), at: z.iso.datetime(), commitments: z.array(z.string()), followUps: z.array(z.string()) })
      .nullable(),
  })
  .openapi('Progress');
export type Progress = z.infer<typeof ProgressSchema>;

export interface ScoredSession {
  sessionId: string;
  scenarioId: string;
  endedAt: Date | null;
  body: Critique;
}

/**
 * The loop tracker. A step's score is the latest score of the scenarios that practise it (the
 * rubric's rule); its best is the best of them. Input is oldest first.
 */
export function buildProgress(history: readonly ScoredSession[]): Progress {
  const at = (s: ScoredSession) => (s.endedAt ?? new Date(s.body.createdAt)).toISOString();
  const stepOf = (scenarioId: string) => {
    const step = SCENARIOS[scenarioId as ScenarioId]?.step;
    return step === null || step === undefined ? null : String(step);
  };
  const steps = LOOP_STEPS.map((step) => {
    const scenarios = Object.values(SCENARIOS)
      .filter((s) => String(s.step) === step)
      .map((s) => s.id);
    const mine = history.filter((h) => stepOf(h.scenarioId) === step);
    const latest = mine.at(-1);
    return {
      step,
      scenarios,
      lastPractisedAt: latest ? at(latest) : null,
      latestScore: latest?.body.score ?? null,
      bestScore: mine.length > 0 ? Math.max(...mine.map((h) => h.body.score)) : null,
    };
  });
  const byScenario = new Map<string, Progress['scenarios'][number]['points']>();
  for (const h of history) {
    const points = byScenario.get(h.scenarioId) ?? [];
    points.push({ sessionId: h.sessionId, at: at(h), score: h.body.score });
    byScenario.set(h.scenarioId, points);
  }
  const last = history.at(-1);
  const quotes = (id: string) => last?.body.checks.filter((c) => c.id === id && c.present).flatMap((c) => c.evidence) ?? [];
  return {
    steps,
    scenarios: [...byScenario].map(([scenarioId, points]) => ({ scenarioId, points })),
    openLoop: last
      ? {
          sessionId: last.sessionId,
          scenarioId: last.scenarioId,
          at: at(last),
          commitments: quotes('commits_to_task'),
          followUps: quotes('proposes_follow_up'),
        }
      : null,
  };
}
