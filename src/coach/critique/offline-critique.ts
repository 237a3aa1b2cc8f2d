import { analyze } from '../analyzer/index.js';
import { checksFor, type Mode } from '../rubric.js';
import { topFixes } from './assemble-critique.js';
import type { CheckResult, EngineCritique, Suggestion } from './critique-schema.js';
import { withoutHedges } from './hedges.js';
import { composeRewrite } from './rewrite.js';
import { likeTo } from './goal-phrases.js';
import { orderCheck } from './order-check.js';

/**
 * The offline engine's answer to the critique prompt: the rubric analyzer's findings, plus
 * suggestions, a rewrite and a summary built from the rubric's advice and the writer's own goal
 * and task. Deterministic; the same assembly step then checks it like any model's answer.
 */
export function offlineCritique(text: string, mode: Mode, opts: { goal?: string } = {}): EngineCritique {
  const analysis = analyze(text, mode);
  const checks: CheckResult[] = checksFor(mode).map((spec) => {
    const finding = analysis.checks[spec.id];
    const present = Boolean(finding?.present && finding.evidence.length > 0);
    return { id: spec.id, kind: spec.kind, step: spec.step, present, evidence: present ? (finding?.evidence ?? []) : [], advice: spec.advice };
  });
  // Judged on this text alone: the rewrite should earn its own ask whatever came before.
  const fixes = topFixes(checks, orderCheck(mode, checks, false).ok);
  const goal = analysis.goal ?? opts.goal;

  const suggestions: Suggestion[] = [];
  const suggest = (quote: string, replacement: string, why: string) => {
    if (replacement !== quote && !suggestions.some((s) => s.quote === quote)) suggestions.push({ quote, replacement, why });
  };
  for (const check of checks.filter((c) => c.kind === 'pitfall' && c.present)) {
    for (const quote of check.evidence) {
      if (check.id === 'over_hedging') suggest(quote, withoutHedges(quote), check.advice);
      else if (check.id === 'vague_goal' || check.id === 'demanding')
        suggest(
          quote,
          goal
            ? `I'd like to ${likeTo(goal)}. What would you need to see from me to get there?`
            : 'I would like to work toward [a concrete goal: a role, level, skill or project]. What would it take?',
          check.advice,
        );
      else if (check.id === 'refuses_work') suggest(quote, analysis.task ? `I'll take on ${analysis.task}.` : "I'll take it on.", check.advice);
      else if (check.id === 'blames_others') suggest(quote, 'Here is what happened and what I am doing to fix it.', check.advice);
      else if (check.id === 'assumes_goal') suggest(quote, 'What would you like to do next?', check.advice);
    }
  }

  const present = checks.filter((c) => c.present);
  const label = (id: string) => checksFor(mode).find((c) => c.id === id)?.label ?? id;
  const moves = present.filter((c) => c.kind === 'move').map((c) => label(c.id));
  const pitfalls = present.filter((c) => c.kind === 'pitfall').map((c) => label(c.id));
  const did = moves.length > 0 ? `Your message ${listOf(moves)}` : 'Your message does not yet make a move of the loop';
  const but = pitfalls.length > 0 ? `, but it comes across as ${listOf(pitfalls)}` : '';
  const next = fixes[0] ? ` Most important: ${fixes[0].fix}` : ' It covers the loop well.';

  return {
    summary: `${did}${but}.${next}`,
    checks: checks.map((c) => ({ id: c.id, present: c.present, evidence: c.evidence })),
    suggestions,
    rewrite: composeRewrite(
      text,
      mode,
      analysis,
      fixes.map((f) => f.check),
      opts.goal,
    ),
  };
}

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
