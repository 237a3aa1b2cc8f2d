import type { Dataset } from './dataset.js';
import type { DraftCaseResult, DraftMetrics } from './suites/drafts.js';

export interface DraftReport {
  suite: 'drafts';
  provider: string;
  model: string;
  promptId: string;
  promptVersion: number;
  date: string;
  durationMs: number;
  dataset: Array<Pick<Dataset<unknown>, 'path' | 'sha256'> & { cases: number }>;
  metrics: DraftMetrics;
  splits: Record<string, DraftMetrics>;
  errors: number;
  cases: DraftCaseResult[];
}

const pct = (x: number) => x.toFixed(3);

/** The report as a reader wants it: what was measured with what, then the figures. */
export function formatDraftMarkdown(report: DraftReport, gate: { macroF1: number; perCheckF1: number }): string {
  const lines = [
    `# Drafts eval: ${report.provider} (${report.model})`,
    '',
    `- prompt: ${report.promptId} v${report.promptVersion}`,
    `- date: ${report.date}, ${report.durationMs} ms, ${report.metrics.cases} cases, ${report.errors} errors`,
    ...report.dataset.map((d) => `- dataset: ${d.path} (${d.cases} cases, sha256 ${d.sha256.slice(0, 12)})`),
    '',
    '| split | cases | macro-F1 | grounded quotes |',
    '|---|---|---|---|',
    `| all | ${report.metrics.cases} | ${pct(report.metrics.macroF1)} | ${pct(report.metrics.groundedQuoteRate)} |`,
    ...Object.entries(report.splits).map(([name, m]) => `| ${name} | ${m.cases} | ${pct(m.macroF1)} | ${pct(m.groundedQuoteRate)} |`),
    '',
    `Bars (offline gate): macro-F1 >= ${gate.macroF1}, every check >= ${gate.perCheckF1}, all quotes grounded.`,
    '',
    '| check | precision | recall | F1 | support | FP | FN |',
    '|---|---|---|---|---|---|---|',
    ...Object.entries(report.metrics.perCheck).map(
      ([id, m]) => `| ${id} | ${pct(m.precision)} | ${pct(m.recall)} | ${pct(m.f1)} | ${m.support} | ${m.fp} | ${m.fn} |`,
    ),
  ];
  return lines.join('\n');
}
