import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { DraftMetrics } from './suites/drafts.js';
import type { JournalMetrics } from './suites/journal.js';
import type { PairsMetrics } from './suites/pairs.js';
import { HELD_OUT_POOLED } from './manifest.js';
import type { PurposeMetrics } from './suites/purpose.js';
import type { RoleplayMetrics } from './suites/roleplay.js';
import type { TurnsMetrics } from './suites/turns.js';

/** The bars `--gate` enforces, kept in evals/thresholds.json so raising one is a one-line change. */
const ThresholdsSchema = z.object({
  drafts: z.object({ macroF1: z.number(), perCheckF1: z.number(), groundedQuoteRate: z.number(), monotonicityViolations: z.number().int() }),
  roleplay: z.object({
    goodUserUncoversNeedRate: z.number(),
    goodBeatsBadRate: z.number(),
    maxLeaks: z.number().int(),
    maxPersonaBreaks: z.number().int(),
    personaCasePassRate: z.number(),
  }),
  pairs: z.object({ orderedRate: z.number(), tunedWriters: z.array(z.string()) }),
  /** Bars for the purpose-labelled sets, per split: only `held-out` is gated. */
  purpose: z.object({
    'held-out': z.object({
      purposeAccuracy: z.number(),
      goodAt70: z.number(),
      goodAboveWeak: z.number(),
      maxPlaceholders: z.number().int(),
      goodRewritesKept: z.number(),
      macroF1: z.number(),
    }),
  }),
  /** Floors for the turn writers the manifest marks held out: the engine's reading of their turns. */
  turns: z.object({ 'held-out': z.object({ checksMacroF1: z.number(), actsMacroF1: z.number() }) }),
  /** Floors for the journal writers the manifest marks held out (a writer's set is `journal-writer-<letter>`). */
  journal: z.object({
    'held-out': z.object({ needsF1: z.number(), commitmentsF1: z.number(), feedbackF1: z.number(), dueAccuracy: z.number(), goalEngaged: z.number() }),
  }),
});
export type Thresholds = z.infer<typeof ThresholdsSchema>;

export function readThresholds(path: string): Thresholds {
  return ThresholdsSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

const f3 = (x: number) => x.toFixed(3);

/**
 * Why the drafts figures miss the bars (empty: they pass). Cases not evaluated or failed with an
 * error fail the gate too: a figure computed without them proves nothing.
 */
export function draftGateFailures(m: DraftMetrics, errors: number, t: Thresholds['drafts']): string[] {
  const failures: string[] = [];
  if (m.macroF1 < t.macroF1) failures.push(`drafts: macro-F1 ${f3(m.macroF1)} < ${t.macroF1}`);
  for (const [id, p] of Object.entries(m.perCheck)) {
    if (p.support > 0 && p.f1 < t.perCheckF1) failures.push(`drafts: ${id} F1 ${f3(p.f1)} < ${t.perCheckF1}`);
  }
  if (m.groundedQuoteRate < t.groundedQuoteRate) failures.push(`drafts: grounded-quote rate ${f3(m.groundedQuoteRate)} < ${t.groundedQuoteRate}`);
  if (m.monotonicityViolations > t.monotonicityViolations) failures.push(`drafts: ${m.monotonicityViolations} critique(s) with a non-monotonic score`);
  if (errors > 0) failures.push(`drafts: ${errors} case(s) failed with an error`);
  if (m.notEvaluated > 0) failures.push(`drafts: ${m.notEvaluated} case(s) not evaluated`);
  return failures;
}

export function roleplayGateFailures(m: RoleplayMetrics, t: Thresholds['roleplay']): string[] {
  const failures: string[] = [];
  const sim = m.simulatedUsers;
  const rate = (k: number, n: number) => (n === 0 ? 0 : k / n);
  if (sim.goodUncoversNeed.n === 0 || rate(sim.goodUncoversNeed.k, sim.goodUncoversNeed.n) < t.goodUserUncoversNeedRate) {
    failures.push(
      `roleplay: the good user uncovered the need on ${sim.goodUncoversNeed.k}/${sim.goodUncoversNeed.n} persona-scenarios (missing: ${sim.goodUncoversNeed.missing.join(', ') || 'none evaluated'})`,
    );
  }
  if (sim.goodBeatsBad.n === 0 || rate(sim.goodBeatsBad.k, sim.goodBeatsBad.n) < t.goodBeatsBadRate) {
    failures.push(
      `roleplay: the good user beat the bad ones in ${sim.goodBeatsBad.k}/${sim.goodBeatsBad.n} match-ups (lost: ${sim.goodBeatsBad.losses.slice(0, 5).join('; ') || 'none evaluated'})`,
    );
  }
  if (m.leaks > t.maxLeaks) failures.push(`roleplay: ${m.leaks} leak(s) > ${t.maxLeaks}`);
  if (m.personaBreaks > t.maxPersonaBreaks) failures.push(`roleplay: ${m.personaBreaks} persona break(s) > ${t.maxPersonaBreaks}`);
  const pc = m.personaCases;
  if (pc.cases - pc.notEvaluated === 0 || pc.passRate < t.personaCasePassRate) {
    failures.push(`roleplay: persona cases passed ${pc.passed}/${pc.cases - pc.notEvaluated} (${f3(pc.passRate)} < ${t.personaCasePassRate})`);
  }
  if (pc.notEvaluated > 0) failures.push(`roleplay: ${pc.notEvaluated} persona case(s) not evaluated`);
  if (m.conversations.notEvaluated > 0) failures.push(`roleplay: ${m.conversations.notEvaluated} conversation(s) not evaluated`);
  return failures;
}

/**
 * The pairs bar holds on the writers whose pairs were never tuned on (all of them pooled); a
 * writer the engine was tuned on is reported but cannot carry the gate.
 */
export function pairsGateFailures(m: PairsMetrics, t: Thresholds['pairs']): string[] {
  const untuned = Object.entries(m.byWriter).filter(([w]) => !t.tunedWriters.includes(w));
  const ordered = untuned.reduce((n, [, x]) => n + x.ordered, 0);
  const evaluated = untuned.reduce((n, [, x]) => n + x.pairs - x.notEvaluated, 0);
  const failures: string[] = [];
  if (evaluated === 0) failures.push('pairs: no pairs from a writer not tuned on');
  else if (ordered / evaluated < t.orderedRate) {
    failures.push(`pairs: ${ordered}/${evaluated} ordered on writers not tuned on (${f3(ordered / evaluated)} < ${t.orderedRate})`);
  }
  const errors = untuned.reduce((n, [, x]) => n + x.errors + x.notEvaluated, 0);
  if (errors > 0) failures.push(`pairs: ${errors} pair(s) failed with an error or were not evaluated`);
  return failures;
}

/** Why the held-out purpose sets miss their bars (tuning sets are reported, never gated). */
export function purposeGateFailures(sets: readonly PurposeMetrics[], t: Thresholds['purpose']): string[] {
  const bar = t['held-out'];
  const failures: string[] = [];
  // The bars are the split's: with several held-out sets, the row that pools them is the one held to them.
  const pooled = sets.filter((m) => m.dataset === HELD_OUT_POOLED);
  const held = pooled.length > 0 ? pooled : sets.filter((m) => m.split === 'held-out');
  if (held.length === 0) failures.push('purpose: no held-out set');
  for (const m of held) {
    const below = (what: string, value: number, min: number) => value < min && failures.push(`purpose (${m.dataset}): ${what} ${f3(value)} < ${min}`);
    below('purpose right', m.purposeAccuracy, bar.purposeAccuracy);
    below('good drafts at 70+', m.goodAt70, bar.goodAt70);
    below('good above weak', m.goodAboveWeak, bar.goodAboveWeak);
    below('good rewrites keeping 70% of words', m.goodRewritesKept, bar.goodRewritesKept);
    below('checks macro-F1', m.macroF1, bar.macroF1);
    if (m.placeholders > bar.maxPlaceholders) failures.push(`purpose (${m.dataset}): ${m.placeholders} rewrite(s) with a placeholder`);
  }
  return failures;
}

/**
 * Why the held-out turn writers miss their floors (tuning writers are reported, never gated). The
 * floors are the split's: with several held-out writers, the row that pools their turns is held to them.
 */
export function turnsGateFailures(m: TurnsMetrics, heldOut: readonly string[], t: Thresholds['turns']): string[] {
  const bar = t['held-out'];
  if (heldOut.length === 0) return ['turns: no held-out writer'];
  const failures: string[] = [];
  for (const writer of heldOut.length >= 2 ? [HELD_OUT_POOLED] : heldOut) {
    const f = m.writers[writer];
    if (!f) {
      failures.push(`turns (${writer}): no figures`);
      continue;
    }
    if (f.checks.macroF1 < bar.checksMacroF1) failures.push(`turns (${writer}): checks macro-F1 ${f3(f.checks.macroF1)} < ${bar.checksMacroF1}`);
    if (f.acts.macroF1 < bar.actsMacroF1) failures.push(`turns (${writer}): acts macro-F1 ${f3(f.acts.macroF1)} < ${bar.actsMacroF1}`);
  }
  return failures;
}

/** Why the held-out journal writers miss their floors (tuning writers are reported, never gated). */
export function journalGateFailures(m: JournalMetrics, t: Thresholds['journal']): string[] {
  const bar = t['held-out'];
  const failures: string[] = [];
  const held = Object.entries(m.splits).filter(([, split]) => split === 'held-out');
  if (m.status !== 'measured' || held.length === 0) return ['journal: no held-out set'];
  for (const [dataset] of held) {
    const writer = /-writer-([a-z]+)$/.exec(dataset)?.[1];
    const f = writer === undefined ? undefined : m.byWriter[writer];
    if (!f) {
      failures.push(`journal (${dataset}): no figures for its writer`);
      continue;
    }
    const below = (what: string, value: number | null, min: number) =>
      (value === null || value < min) && failures.push(`journal (${dataset}): ${what} ${value === null ? 'not measured' : f3(value)} < ${min}`);
    below('needs F1', f.needs.f1, bar.needsF1);
    below('commitments F1', f.commitments.f1, bar.commitmentsF1);
    below('feedback F1', f.feedback.f1, bar.feedbackF1);
    below('due dates right', f.dueAccuracy.rate, bar.dueAccuracy);
    below('goal engaged right', f.goalEngaged.accuracy, bar.goalEngaged);
    if (f.errors > 0) failures.push(`journal (${dataset}): ${f.errors} entries failed to read`);
  }
  return failures;
}
