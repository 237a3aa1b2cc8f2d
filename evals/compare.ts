import { readFileSync } from 'node:fs';
import { caseStatuses, type Report } from './report.js';

/** Numeric figures of a report's metrics, by dotted path (e.g. `drafts.perCheck.offers_help.f1`). */
function flattenMetrics(report: Report): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (prefix: string, value: unknown) => {
    if (typeof value === 'number') out.set(prefix, value);
    else if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) walk(prefix ? `${prefix}.${k}` : k, v);
    }
  };
  if (report.suite === 'all') for (const [name, s] of Object.entries(report.suites)) walk(name, s.metrics);
  else walk(report.suite ?? 'drafts', report.metrics);
  return out;
}

export interface ReportComparison {
  metrics: Array<{ metric: string; old: number | null; new: number | null; delta: number | null }>;
  flipped: Array<{ id: string; old: string; new: string }>;
  added: string[];
  removed: string[];
}

/** Per-metric deltas and the cases whose status changed between two reports of any suite. */
export function compareReports(oldReport: Report, newReport: Report): ReportComparison {
  const a = flattenMetrics(oldReport);
  const b = flattenMetrics(newReport);
  const metrics = [...new Set([...a.keys(), ...b.keys()])].map((metric) => {
    const x = a.get(metric) ?? null;
    const y = b.get(metric) ?? null;
    return { metric, old: x, new: y, delta: x !== null && y !== null ? y - x : null };
  });
  const sa = caseStatuses(oldReport);
  const sb = caseStatuses(newReport);
  const flipped = [...sb].filter(([id, s]) => sa.has(id) && sa.get(id) !== s).map(([id, s]) => ({ id, old: sa.get(id) as string, new: s }));
  return { metrics, flipped, added: [...sb.keys()].filter((id) => !sa.has(id)), removed: [...sa.keys()].filter((id) => !sb.has(id)) };
}

const num = (x: number | null) => (x === null ? '-' : Number.isInteger(x) ? String(x) : x.toFixed(3));

export function formatComparison(c: ReportComparison, paths: { old: string; new: string }): string {
  const changed = c.metrics.filter((m) => m.delta === null || Math.abs(m.delta) > 1e-9);
  const lines = [
    `# Evals comparison`,
    '',
    `- old: ${paths.old}`,
    `- new: ${paths.new}`,
    '',
    `## Metrics that changed (${changed.length} of ${c.metrics.length})`,
    '',
    ...(changed.length === 0
      ? ['No metric changed.']
      : [
          '| metric | old | new | delta |',
          '|---|---|---|---|',
          ...changed.map((m) => `| ${m.metric} | ${num(m.old)} | ${num(m.new)} | ${m.delta === null ? 'n/a' : (m.delta > 0 ? '+' : '') + num(m.delta)} |`),
        ]),
    '',
    `## Cases that flipped (${c.flipped.length})`,
    '',
    ...(c.flipped.length === 0
      ? ['No case changed status.']
      : ['| case | old | new |', '|---|---|---|', ...c.flipped.map((f) => `| ${f.id} | ${f.old} | ${f.new} |`)]),
  ];
  if (c.added.length > 0) lines.push('', `New cases: ${c.added.length}.`);
  if (c.removed.length > 0) lines.push('', `Cases no longer present: ${c.removed.length}.`);
  return lines.join('\n');
}

export function readReport(path: string): Report {
  const report = JSON.parse(readFileSync(path, 'utf8')) as Report;
  // Reports from before the suite field existed are drafts reports.
  return { ...report, suite: report.suite ?? 'drafts' } as Report;
}
