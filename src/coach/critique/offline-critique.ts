import { quoteOf, readDoc } from '../analyzer/doc.js';
import { analyze, type Analysis, type AnalysisBudget } from '../analyzer/index.js';
import { checksFor, type CheckId, type Mode } from '../rubric.js';
import { topFixesFor } from './assemble-critique.js';
import type { CheckResult, EngineCritique, Suggestion } from './critique-schema.js';
import { withoutHedges } from './hedges.js';
import { editRewrite } from './edit-rewrite.js';
import { likeTo } from './goal-phrases.js';
import { listOf } from './list-of.js';
import { orderCheck } from './order-check.js';
import { detectPurpose, movesFor, sentenceWith, showsPurposeCue, type Purpose } from './purpose.js';

/**
 * The offline engine's answer to the critique prompt: the rubric analyzer's findings, plus
 * suggestions, a rewrite and a summary built from the rubric's advice and the writer's own goal
 * and task. Deterministic without a `budget`; the same assembly step then checks it like any
 * model's answer. With one, `unread` lists the checks the analyzer had no time for.
 */
export function offlineCritique(
  text: string,
  mode: Mode,
  opts: { goal?: string; purpose?: Purpose; budget?: AnalysisBudget } = {},
): EngineCritique & { unread?: CheckId[] } {
  const analysis = analyze(text, mode, undefined, undefined, opts.budget);
  if (mode === 'employee') creditReports(text, analysis);
  // A check credited from a report after its frame was skipped has been read after all.
  const unread = (analysis.unread ?? []).filter((id) => !analysis.checks[id]?.present);
  const checks: CheckResult[] = checksFor(mode).map((spec) => {
    const finding = analysis.checks[spec.id];
    const present = Boolean(finding?.present && finding.evidence.length > 0);
    return { id: spec.id, kind: spec.kind, step: spec.step, present, evidence: present ? (finding?.evidence ?? []) : [], advice: spec.advice };
  });
  // Judged against what the message is for, on this text alone: the rewrite should earn its own ask whatever came before.
  const step = mode === 'manager' ? null : (opts.purpose ?? detectPurpose(new Set(checks.filter((c) => c.present).map((c) => c.id)), text));
  // A move that was not read is no fix to make: it may be there.
  const known = checks.filter((c) => !unread.includes(c.id));
  const fixes = topFixesFor(known, orderCheck(mode, checks, false).ok, movesFor(mode, step).counts, step);
  const goal = analysis.goal ?? opts.goal;

  const suggestions: Suggestion[] = [];
  const suggest = (quote: string, replacement: string, why: string) => {
    if (replacement !== quote && !suggestions.some((s) => s.quote === quote)) suggestions.push({ quote, replacement, why });
  };
  for (const check of checks.filter((c) => c.kind === 'pitfall' && c.present)) {
    for (const quote of check.evidence) {
      if (check.id === 'over_hedging') suggest(quote, withoutHedges(quote), check.advice);
      else if (check.id === 'demanding')
        suggest(
          quote,
          goal ? `I'd like to ${likeTo(goal)}. What would you need to see from me to get there?` : 'What would you need to see from me to get there?',
          check.advice,
        );
      else if (check.id === 'vague_goal' && goal) suggest(quote, `I'd like to ${likeTo(goal)}.`, check.advice);
      else if (check.id === 'refuses_work') suggest(quote, analysis.task ? `I'll take on ${analysis.task}.` : "I'll take it on.", check.advice);
      else if (check.id === 'assumes_goal') suggest(quote, 'What would you like to do next?', check.advice);
    }
  }

  const present = checks.filter((c) => c.present);
  const label = (id: string) => checksFor(mode).find((c) => c.id === id)?.label ?? id;
  const moves = present.filter((c) => c.kind === 'move').map((c) => label(c.id));
  const pitfalls = present.filter((c) => c.kind === 'pitfall').map((c) => label(c.id));
  const did =
    moves.length > 0
      ? `Your message ${listOf(moves)}`
      : unread.length > 0
        ? 'No move of the loop was found in what could be read'
        : 'Your message does not yet make a move of the loop';
  const but = pitfalls.length > 0 ? `, but it comes across as ${listOf(pitfalls)}` : '';
  // A message not read in full is not called ready to send (the critique says what was not read).
  const next = fixes[0] ? ` Most important: ${fixes[0].fix}` : unread.length > 0 ? '' : ' It does what it is for: send it as it is.';

  return {
    summary: `${did}${but}.${next}`,
    checks: checks.map((c) => ({ id: c.id, present: c.present, evidence: c.evidence })),
    suggestions,
    rewrite: editRewrite(text, mode, checks, step, { goal, task: analysis.task }),
    ...(unread.length > 0 && { unread }),
  };
}

/**
 * Two moves people make by reporting rather than promising: "the audit you asked for is done"
 * reports delivered work (step 5's `commits_to_task`), and "FYI: I noticed X and fixed it" keeps
 * the leader informed. The sentence that says so is the evidence.
 */
function creditReports(text: string, analysis: Analysis): void {
  const doc = readDoc(text);
  const sentences = doc.sentences.map((s) => quoteOf(doc, s));
  const credit = (id: 'commits_to_task' | 'keeps_leader_informed', quote: string | undefined) => {
    if (quote && !analysis.checks[id]?.present) analysis.checks[id] = { present: true, evidence: [quote] };
  };
  credit('commits_to_task', sentenceWith(sentences, 'delivered'));
  if (showsPurposeCue(text, 'informed')) credit('keeps_leader_informed', sentenceWith(sentences, 'acted'));
  // Saying plainly what caused a problem one then fixed ("failed because the vendor changed their API") is the report, not blame.
  const blame = analysis.checks.blames_others;
  if (analysis.checks.keeps_leader_informed?.present && blame?.present && !blame.evidence.some((q) => JUDGING.test(q))) {
    analysis.checks.blames_others = { present: false, evidence: [] };
  }
}

const JUDGING =
  /\b(?:again|always|never|fault|dropped the ball|useless|incompeten\w*|as usual|bother(?:ed)?|typical|clueless|lazy|messed up|screwed up|sloppy|careless)\b/i;
