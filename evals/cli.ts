import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CRITIQUE_PROMPT } from '../src/coach/critique/critique-prompt.js';
import { OFFLINE_MODEL } from '../src/coach/engines/offline-engine.js';
import { DIFFICULTIES, type Difficulty } from '../src/coach/scenarios/index.js';
import { createChatModel } from '../src/entry/create-engine.js';
import { ConfigError, parseConfig } from '../src/config.js';
import type { ChatModel } from '../src/llm/chat-model.js';
import { getPrompt, type PromptId } from '../src/prompts/render-prompt.js';
import { compareReports, formatComparison, readReport } from './compare.js';
import { terminalProgress, type EvalContext } from './context.js';
import {
  readConversationDataset,
  readDraftDataset,
  readHumanLabels,
  readPairDataset,
  readPersonaDataset,
  readPurposeDataset,
  readTurnDataset,
  type Dataset,
} from './dataset.js';
import { splitOf } from './manifest.js';
import {
  draftGateFailures,
  journalGateFailures,
  pairsGateFailures,
  purposeGateFailures,
  readThresholds,
  roleplayGateFailures,
  turnsGateFailures,
} from './gate.js';
import { JUDGE_IDS } from './graders/judges.js';
import { DRAFT_FILES, jsonlIn, turnFiles } from './labelled-writers.js';
import { createCassetteModel, type CassetteMode } from './models/cassettes.js';
import { costUsd, parsePrice, PRICES, type Price } from './models/prices.js';
import { addUsage, emptyUsage, meterEngine, type UsageTotals } from './models/usage-meter.js';
import { openEvalApps, type EvalApps } from './rehearsal.js';
import {
  formatMarkdown,
  summariseJudges,
  type AllReport,
  type CalibrationReport,
  type DraftReport,
  type JournalReport,
  type PurposeReport,
  type PairsReport,
  type Report,
  type ReportHeader,
  type RoleplayReport,
  type TurnsReport,
} from './report.js';
import { runCalibration } from './suites/calibrate.js';
import { draftMetrics, runDraftSuite } from './suites/drafts.js';
import { runPairsSuite } from './suites/pairs.js';
import { readJournalDataset, runJournalSuite } from './suites/journal.js';
import { runPurposeSuite } from './suites/purpose.js';
import { runRoleplaySuite } from './suites/roleplay.js';
import { runTurnsSuite } from './suites/turns.js';

const here = dirname(fileURLToPath(import.meta.url));
const DATA = join(here, 'datasets');

const USAGE = `npm run evals -- --suite drafts|roleplay|turns|pairs|purpose|journal|calibrate|all [options]
  --provider offline|openai   engine under test (default: LOOP_COACH_PROVIDER, else offline without a key)
  --model M                   model name for the provider
  --judge-model M             model answering judge prompts (default: --model); judges never run offline
  --repeats K                 run every case K times; a case passes only if all K pass (pass^k)
  --concurrency N             cases in flight at once (default 4)
  --difficulty easy|medium|hard  role-play difficulty (default medium)
  --judge-sample N            drafts cases per run that the advice judge looks at (default 20)
  --dataset PATH              replaces the default data of its kind (drafts, conversations, persona cases,
                              turns, pairs or human labels, told apart by their fields); repeatable
  --out PATH                  JSON report path; the Markdown report is written beside it
  --gate                      exit 1 below the bars in evals/thresholds.json (--thresholds PATH)
  --record | --replay         store model answers as cassettes / answer only from them (no network)
  --cassettes DIR             cassette directory (default evals/cassettes)
  --price IN,OUT              USD per million input/output tokens, for models without a known price
  --compare OLD.json NEW.json per-metric deltas and the cases that flipped between two reports`;

const SUITES = ['drafts', 'roleplay', 'turns', 'pairs', 'purpose', 'journal', 'calibrate', 'all'] as const;
type Suite = (typeof SUITES)[number];

const SUITE_PROMPTS: Record<Exclude<Suite, 'all'>, PromptId[]> = {
  drafts: ['critique', 'judge-advice-specific'],
  roleplay: [
    'read-turn',
    'roleplay-manager',
    'roleplay-employee',
    'summary',
    'critique',
    'simulated-user',
    'judge-persona-in-character',
    'judge-persona-pushback',
    'judge-persona-no-leak',
    'judge-persona-no-cave',
  ],
  // On a model each turn is read by a classification call (the read-turn prompt); offline, by the analyzer.
  turns: ['read-turn'],
  pairs: ['read-turn', 'roleplay-manager', 'roleplay-employee', 'summary', 'critique'],
  purpose: ['critique'],
  journal: ['read-entry'],
  calibrate: [...JUDGE_IDS],
};

type DataKind = 'drafts' | 'conversations' | 'personas' | 'turns' | 'pairs' | 'purpose' | 'journal' | 'labels';

/** Which kind of dataset a file is, from the fields of its first case. */
function kindOf(path: string): DataKind {
  const first = readFileSync(path, 'utf8')
    .split('\n')
    .find((l) => l.trim() !== '');
  const row = first ? (JSON.parse(first) as Record<string, unknown>) : {};
  if ('probe' in row) return 'personas';
  if ('turns' in row) return 'conversations';
  if ('strong' in row && 'weak' in row) return 'pairs';
  if ('quality' in row && 'purpose' in row) return 'purpose';
  if ('writer' in row && 'relation' in row && 'expected' in row) return 'journal';
  if ('acts' in row && 'context' in row) return 'turns';
  if ('judge' in row && 'label' in row) return 'labels';
  return 'drafts';
}

export interface EvalIo {
  out: (text: string) => void;
  err: Pick<NodeJS.WriteStream, 'write' | 'isTTY'>;
}

const defaultIo: EvalIo = { out: (t) => console.log(t), err: process.stderr };

/** The whole `npm run evals` command; returns the exit code. Tests call it in process. */
export async function runEvals(argv: string[], env: Record<string, string | undefined>, io: EvalIo = defaultIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        suite: { type: 'string', default: 'drafts' },
        provider: { type: 'string' },
        model: { type: 'string' },
        'judge-model': { type: 'string' },
        repeats: { type: 'string', default: '1' },
        concurrency: { type: 'string', default: '4' },
        difficulty: { type: 'string', default: 'medium' },
        'judge-sample': { type: 'string', default: '20' },
        dataset: { type: 'string', multiple: true },
        out: { type: 'string' },
        gate: { type: 'boolean', default: false },
        thresholds: { type: 'string', default: join(here, 'thresholds.json') },
        record: { type: 'boolean', default: false },
        replay: { type: 'boolean', default: false },
        cassettes: { type: 'string', default: join(here, 'cassettes') },
        price: { type: 'string' },
        compare: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    io.err.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const usageError = (message: string) => {
    io.err.write(`${message}\n${USAGE}\n`);
    return 2;
  };
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (values.compare) {
    const [oldPath, newPath] = positionals;
    if (!oldPath || !newPath || positionals.length !== 2) return usageError('--compare takes two report paths: OLD.json NEW.json');
    io.out(formatComparison(compareReports(readReport(oldPath), readReport(newPath)), { old: oldPath, new: newPath }));
    return 0;
  }
  if (positionals.length > 0) return usageError(`Unexpected argument "${positionals[0]}".`);
  const suite = values.suite as Suite;
  if (!SUITES.includes(suite)) return usageError(`Unknown suite "${values.suite}". Suites: ${SUITES.join(', ')}.`);
  const difficulty = values.difficulty as Difficulty;
  if (!DIFFICULTIES.includes(difficulty)) return usageError(`Unknown difficulty "${values.difficulty}".`);
  const repeats = Number(values.repeats);
  const concurrency = Number(values.concurrency);
  const judgeSample = Number(values['judge-sample']);
  if (![repeats, concurrency].every((n) => Number.isInteger(n) && n >= 1) || !Number.isInteger(judgeSample) || judgeSample < 0) {
    return usageError('--repeats and --concurrency take whole numbers >= 1, --judge-sample >= 0.');
  }
  if (values.record && values.replay) return usageError('Choose one of --record and --replay.');
  const cassetteMode: CassetteMode | null = values.record ? 'record' : values.replay ? 'replay' : null;
  const price: Price | undefined = values.price ? parsePrice(values.price) : undefined;
  if (values.price && !price) return usageError('--price takes two numbers: IN,OUT (USD per million tokens).');

  let model: ChatModel | null;
  let judge: ChatModel | undefined;
  try {
    const base = {
      ...env,
      ...(values.provider && { LOOP_COACH_PROVIDER: values.provider }),
      // The evals measure one model in every job: --model names it, whatever LOOP_COACH_PERSONA_MODEL says.
      ...(values.model && { LOOP_COACH_MODEL: values.model, LOOP_COACH_PERSONA_MODEL: undefined }),
      // A replay never calls the provider, so it needs no key; the client is built but never used.
      ...(cassetteMode === 'replay' && !env.OPENAI_API_KEY && { OPENAI_API_KEY: 'replay-needs-no-key' }),
    };
    const config = parseConfig(base);
    model = createChatModel(config);
    const judgeModel = values['judge-model'] ?? config.model;
    if (model) judge = createChatModel(parseConfig({ ...base, LOOP_COACH_MODEL: judgeModel, LOOP_COACH_PERSONA_MODEL: undefined })) ?? undefined;
  } catch (err) {
    if (err instanceof ConfigError) {
      io.err.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const cassettes = cassetteMode ? { mode: cassetteMode, dir: values.cassettes } : null;
  if (cassettes) {
    model = model && createCassetteModel(model, cassettes);
    judge = judge && createCassetteModel(judge, cassettes);
  }
  // The engine under test as reports name it: its model's identity, or the offline engine's.
  const engine = model ?? { provider: 'offline' as const, model: OFFLINE_MODEL };

  // Datasets: the defaults of each kind, unless --dataset gives files of that kind.
  const given = (values.dataset ?? []).map((path) => ({ path, kind: kindOf(path) }));
  const pick = (kind: DataKind, defaults: string[]) =>
    given.some((g) => g.kind === kind) ? given.filter((g) => g.kind === kind).map((g) => g.path) : defaults;
  const data = {
    drafts: () => pick('drafts', [...DRAFT_FILES]).map(readDraftDataset),
    conversations: () => pick('conversations', [join(DATA, 'conversations.jsonl')]).map(readConversationDataset),
    personas: () => pick('personas', jsonlIn(join(DATA, 'personas'))).map(readPersonaDataset),
    turns: () => pick('turns', turnFiles()).map(readTurnDataset),
    pairs: () => pick('pairs', jsonlIn(join(DATA, 'pairs'))).map(readPairDataset),
    purpose: () => pick('purpose', jsonlIn(join(DATA, 'purpose'))).map(readPurposeDataset),
    // None until a writer adds a set: the suite then reports "no data".
    journal: () => {
      const dir = join(DATA, 'journal');
      const defaults = () => (existsSync(dir) ? jsonlIn(dir) : []);
      return (given.some((g) => g.kind === 'journal') ? pick('journal', []) : defaults()).map(readJournalDataset);
    },
    labels: () => pick('labels', jsonlIn(join(DATA, 'human-labels'))).map(readHumanLabels),
  };

  let apps: Promise<EvalApps> | undefined;
  const ctx: EvalContext = {
    model,
    judge,
    concurrency,
    repeats,
    difficulty,
    judgeSample,
    progress: terminalProgress(io.err),
    apps: () => (apps ??= openEvalApps()),
  };
  const started = Date.now();
  const date = new Date().toISOString();
  const priceOf = price ?? (model ? PRICES[model.model] : { input: 0, output: 0 });
  const header = (s: Suite, datasets: Dataset<unknown>[], usage: UsageTotals, since: number): ReportHeader => ({
    provider: engine.provider,
    model: engine.model,
    judgeModel: judge?.model ?? null,
    promptId: CRITIQUE_PROMPT.id,
    promptVersion: CRITIQUE_PROMPT.version,
    prompts: Object.fromEntries((s === 'all' ? [...new Set(Object.values(SUITE_PROMPTS).flat())] : SUITE_PROMPTS[s]).map((id) => [id, getPrompt(id).version])),
    date,
    durationMs: Date.now() - since,
    repeats,
    difficulty,
    cassettes: cassettes && { mode: cassettes.mode, dir: relative(process.cwd(), cassettes.dir) || '.' },
    dataset: datasets.map((d) => ({ path: relative(process.cwd(), d.path), sha256: d.sha256, cases: d.cases.length })),
    usage: { ...usage, costUsd: costUsd(usage, priceOf) },
  });
  const sumUsage = (cases: readonly object[]) => cases.reduce<UsageTotals>((u, c) => ('usage' in c ? addUsage(u, c.usage as UsageTotals) : u), emptyUsage());

  const reports: {
    drafts?: DraftReport;
    roleplay?: RoleplayReport;
    turns?: TurnsReport;
    pairs?: PairsReport;
    purpose?: PurposeReport;
    journal?: JournalReport;
    calibrate?: CalibrationReport;
  } = {};
  /** The turn writers the manifest holds out: gated on their own floors. */
  let turnsHeldOut: string[] = [];
  try {
    if (suite === 'calibrate' || suite === 'all') {
      const t = Date.now();
      const labels = data.labels();
      const { cases, judges, usage } = await runCalibration(ctx, labels);
      reports.calibrate = {
        ...header('calibrate', labels, usage, t),
        suite: 'calibrate',
        metrics: { judges, notEvaluated: cases.filter((c) => c.status === 'not_evaluated').length },
        cases,
      };
    }
    const calibration = reports.calibrate?.metrics.judges;
    // Only a judge calibrated in this run counts toward case statuses and the gate.
    ctx.trustedJudges = new Set((calibration ?? []).filter((j) => j.calibrated === true).map((j) => j.judge));
    if (suite === 'drafts' || suite === 'all') {
      const t = Date.now();
      const datasets = data.drafts();
      const merged = { path: '', sha256: '', cases: datasets.flatMap((d) => d.cases) };
      const cases = await runDraftSuite(ctx, merged);
      const splits = [...new Set(cases.map((r) => r.split ?? 'all'))];
      reports.drafts = {
        ...header('drafts', datasets, sumUsage(cases), t),
        suite: 'drafts',
        metrics: draftMetrics(cases),
        splits: Object.fromEntries(splits.map((s) => [s, draftMetrics(cases.filter((r) => (r.split ?? 'all') === s))])),
        errors: cases.filter((r) => r.error && r.status === 'fail').length,
        judges: summariseJudges(
          cases.flatMap((c) => c.judges),
          calibration,
        ),
        cases,
      };
    }
    if (suite === 'roleplay' || suite === 'all') {
      const t = Date.now();
      const conversations = data.conversations();
      const personas = data.personas();
      const { metrics, cases } = await runRoleplaySuite(ctx, { conversations, personas });
      const judges = cases.flatMap((c) => ('judges' in c ? c.judges : []));
      reports.roleplay = {
        ...header('roleplay', [...conversations, ...personas], sumUsage(cases), t),
        suite: 'roleplay',
        metrics,
        judges: summariseJudges(judges, calibration),
        cases,
      };
    }
    if (suite === 'turns' || suite === 'all') {
      const t = Date.now();
      const datasets = data.turns();
      // The drafts' writers too: the analyzer designs are scored, and the learned reader fitted, leave one writer out over all of them.
      const drafts = data.drafts();
      turnsHeldOut = [...new Set(datasets.filter((d) => splitOf(d.path) === 'held-out').flatMap((d) => d.cases.map((c) => c.writer)))];
      const { metrics, cases } = await runTurnsSuite(ctx, datasets, drafts, turnsHeldOut);
      reports.turns = { ...header('turns', [...datasets, ...drafts], sumUsage(cases), t), suite: 'turns', metrics, cases };
    }
    if (suite === 'pairs' || suite === 'all') {
      const t = Date.now();
      const datasets = data.pairs();
      const { metrics, cases } = await runPairsSuite(ctx, datasets);
      reports.pairs = { ...header('pairs', datasets, sumUsage(cases), t), suite: 'pairs', metrics, cases };
    }
    if (suite === 'purpose' || suite === 'all') {
      const t = Date.now();
      const datasets = data.purpose();
      const { engine: critic, usage } = meterEngine(ctx.model);
      const { metrics, lowo } = await runPurposeSuite(critic, datasets);
      reports.purpose = { ...header('purpose', datasets, usage, t), suite: 'purpose', metrics, lowo };
    }
    // Gated on the held-out writers' floors (evals/thresholds.json, journal).
    if (suite === 'journal' || suite === 'all') {
      const t = Date.now();
      const datasets = data.journal();
      const { engine: reader, usage } = meterEngine(ctx.model);
      const { metrics, cases } = await runJournalSuite(reader, datasets);
      reports.journal = { ...header('journal', datasets, usage, t), suite: 'journal', metrics, cases };
    }
  } finally {
    if (apps) (await apps).close();
  }

  const thresholds = readThresholds(values.thresholds);
  const failures = [
    ...(reports.drafts ? draftGateFailures(reports.drafts.metrics, reports.drafts.errors, thresholds.drafts) : []),
    ...(reports.roleplay ? roleplayGateFailures(reports.roleplay.metrics, thresholds.roleplay) : []),
    ...(reports.pairs ? pairsGateFailures(reports.pairs.metrics, thresholds.pairs) : []),
    ...(reports.purpose ? purposeGateFailures(reports.purpose.metrics, thresholds.purpose) : []),
    ...(reports.journal ? journalGateFailures(reports.journal.metrics, thresholds.journal) : []),
    ...(reports.turns ? turnsGateFailures(reports.turns.metrics, turnsHeldOut, thresholds.turns) : []),
  ];
  const all = Object.values(reports);
  const report: Report =
    suite === 'all'
      ? ({
          ...header(
            'all',
            [],
            all.reduce((u, r) => addUsage(u, r.usage), emptyUsage()),
            started,
          ),
          dataset: all.flatMap((r) => r.dataset),
          suite: 'all',
          suites: reports,
        } satisfies AllReport)
      : (all[0] as Report);

  const markdown = formatMarkdown(report, values.gate ? { failures, thresholdsPath: relative(process.cwd(), values.thresholds) } : undefined);
  io.out(markdown);
  const out = values.out ?? join(here, 'reports', `${suite}-${engine.provider}-${date.slice(0, 10)}.json`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
  writeFileSync(out.replace(/\.json$/, '') + '.md', markdown + '\n');
  io.out(`\nReport: ${out}`);

  if (values.gate) {
    if (failures.length > 0) {
      io.err.write(`\nEvals gate FAILED:\n${failures.map((f) => `  - ${f}`).join('\n')}\n`);
      return 1;
    }
    io.out('Evals gate passed.');
  }
  return 0;
}
