import type { Critique } from '../coach/critique/critique-schema.js';
import { checksFor } from '../coach/rubric.js';

const stepName = (step: Critique['checks'][number]['step']) => (step === null ? '' : step === 'advanced' ? 'Advanced' : `Step ${step}`);

/** The critique as a terminal reader wants it: the loop's steps, the quotes, what to fix, the rewrite. */
export function formatCritiqueReport(critique: Critique): string {
  const labels = new Map(checksFor(critique.mode).map((c) => [c.id, c.label]));
  const engine = critique.provider === 'offline' ? 'offline' : `${critique.provider}, ${critique.model}`;
  const purpose = critique.purpose?.step ? `${stepName(critique.purpose.step)} (${critique.purpose.source})` : undefined;
  const lines = [
    `Loop Coach critique (${critique.mode} mode, engine: ${engine})`,
    ...(purpose ? [`Purpose: ${purpose}`] : []),
    `Score: ${critique.score}/100`,
    '',
    critique.summary,
    ...(critique.nextStep ? ['', `Next in the loop: ${critique.nextStep}`] : []),
    '',
  ];

  const row = (mark: string, label: string, step: string, quotes: string[]) => {
    lines.push(`  ${mark} ${step.padEnd(9)}${label}`);
    for (const q of quotes) lines.push(`        "${q}"`);
  };
  lines.push('Moves');
  for (const c of critique.checks.filter((c) => c.kind === 'move')) {
    row(c.present ? '[x]' : '[ ]', labels.get(c.id) ?? c.id, stepName(c.step), c.evidence);
  }
  const pitfalls = critique.checks.filter((c) => c.kind === 'pitfall' && c.present);
  lines.push('', 'Pitfalls');
  if (pitfalls.length === 0) lines.push('  none');
  for (const c of pitfalls) row('[!]', `${labels.get(c.id) ?? c.id} (${c.id})`, '', c.evidence);

  lines.push('', `Order: ${critique.order.ok ? 'ok' : 'out of order'}: ${critique.order.note}`);
  if (critique.topFixes.length > 0) {
    lines.push('', 'Top fixes');
    critique.topFixes.forEach((f, i) => lines.push(`  ${i + 1}. ${f.fix} (${f.check})`));
  }
  if (critique.suggestions.length > 0) {
    lines.push('', 'Suggestions');
    for (const s of critique.suggestions) lines.push(`  "${s.quote}"`, `    -> "${s.replacement}"`, `    ${s.why}`);
  }
  lines.push('', 'Rewrite', ...critique.rewrite.split('\n').map((l) => (l ? `  ${l}` : '')));
  if (critique.quotesDropped > 0) lines.push('', `(${critique.quotesDropped} quote(s) the engine gave were not in your text and were dropped.)`);
  return lines.join('\n');
}
