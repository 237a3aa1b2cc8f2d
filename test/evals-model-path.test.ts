import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getBrief } from '../src/coach/scenarios/index.js';
import { createOpenAIChatModel } from '../src/llm/openai-chat-model.js';
import { runEvals, type EvalIo } from '../evals/cli.js';
import { JUDGE_IDS } from '../evals/graders/judges.js';
import { silentProgress, type EvalContext } from '../evals/context.js';
import { readDraftDataset, readHumanLabels, readPersonaDataset } from '../evals/dataset.js';
import { openEvalApps, type EvalApps } from '../evals/rehearsal.js';
import type { CalibrationReport, DraftReport } from '../evals/report.js';
import { runDraftSuite } from '../evals/suites/drafts.js';
import { runPersonaCases } from '../evals/suites/persona-cases.js';
import { runSimulatedUsers } from '../evals/suites/simulated-users.js';
import { fakeProvider, type FakeAnswers } from './support/evals-fake-provider.js';
import { startScriptedOpenAI, type ScriptedOpenAI } from './support/scripted-openai-server.js';

const DATA = join(import.meta.dirname, '..', 'evals', 'datasets');
let dir: string;
let apps: EvalApps;
const servers: ScriptedOpenAI[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'loop-coach-evals-test-'));
  apps = await openEvalApps();
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(() => {
  apps.close();
  rmSync(dir, { recursive: true, force: true });
});

async function provider(answers: FakeAnswers = {}): Promise<ScriptedOpenAI> {
  const server = await startScriptedOpenAI({ fallback: fakeProvider(answers) });
  servers.push(server);
  return server;
}

function quietIo(): EvalIo & { text: () => string; errText: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out: (t) => void out.push(t),
    err: { write: (t: string | Uint8Array) => (err.push(String(t)), true), isTTY: false } as EvalIo['err'],
    text: () => out.join('\n'),
    errText: () => err.join(''),
  };
}

/** A few tuning cases of both modes, from the tuning set (never the held-out one). */
function smallDrafts(name: string, n = 6): string {
  const lines = readFileSync(join(DATA, 'drafts.jsonl'), 'utf8').split('\n').filter(Boolean);
  const picked = [
    ...lines.filter((l) => l.includes('"mode": "employee"')).slice(0, n - 2),
    ...lines.filter((l) => l.includes('"mode": "manager"')).slice(0, 2),
  ];
  const path = join(dir, name);
  writeFileSync(path, picked.join('\n') + '\n');
  return path;
}

const env = (server: ScriptedOpenAI) => ({ OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: server.baseURL, LOOP_COACH_MODEL_RETRIES: '0' });

describe('drafts suite with --provider openai (the model path, through the real client)', () => {
  it('critiques every case through the provider, meters tokens and cost, and runs the advice judge on a sample', async () => {
    const server = await provider();
    const dataset = smallDrafts('drafts-small.jsonl');
    const modelOut = join(dir, 'drafts-openai.json');
    const io = quietIo();
    const args = ['--suite', 'drafts', '--dataset', dataset, '--judge-sample', '2', '--concurrency', '2'];
    expect(await runEvals([...args, '--provider', 'openai', '--model', 'gpt-4.1-mini', '--out', modelOut], env(server), io)).toBe(0);
    const report = JSON.parse(readFileSync(modelOut, 'utf8')) as DraftReport;

    expect(report).toMatchObject({ suite: 'drafts', provider: 'openai', model: 'gpt-4.1-mini', judgeModel: 'gpt-4.1-mini', promptId: 'critique' });
    expect(report.usage.calls).toBe(6 + 2);
    expect(report.usage.promptTokens).toBeGreaterThan(0);
    expect(report.usage.costUsd).toBeGreaterThan(0);
    expect(report.judges).toEqual([expect.objectContaining({ judge: 'judge-advice-specific', evaluated: 2, calibrated: null })]);
    const critiqueCalls = server.requests.filter((r) => (r.body?.response_format as { json_schema?: { name?: string } })?.json_schema?.name === 'critique');
    expect(critiqueCalls).toHaveLength(6);
    expect(critiqueCalls.every((r) => r.body?.model === 'gpt-4.1-mini')).toBe(true);
    expect(io.text()).toContain('uncalibrated');

    // The fake provider answers with the offline analyzer, so the figures must match the offline run exactly.
    const offlineOut = join(dir, 'drafts-offline.json');
    expect(await runEvals([...args, '--provider', 'offline', '--out', offlineOut], {}, quietIo())).toBe(0);
    const offline = JSON.parse(readFileSync(offlineOut, 'utf8')) as DraftReport;
    expect(report.metrics.perCheck).toEqual(offline.metrics.perCheck);
    expect(report.cases.map((c) => c.predicted)).toEqual(offline.cases.map((c) => c.predicted));
  });

  it('a calibrated judge that fails the advice fails its case; an uncalibrated one is reported, never counted', async () => {
    const server = await provider({ judge: () => ({ verdict: 'fail', reasoning: 'generic advice' }) });
    const path = smallDrafts('drafts-judged.jsonl');
    const out = join(dir, 'drafts-judged.json');
    const io = quietIo();
    const args = ['--suite', 'drafts', '--dataset', path, '--judge-sample', '6', '--provider', 'openai', '--out', out];
    // No calibration in this run: the judge's verdicts are shown, and count toward no case and no gate.
    expect(await runEvals(args, env(server), io)).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as DraftReport;
    expect(report.judges).toEqual([expect.objectContaining({ judge: 'judge-advice-specific', evaluated: 6, passRate: 0, calibrated: null })]);
    expect(report.cases.some((c) => c.failures.some((f) => f.grader === 'judge-advice-specific'))).toBe(false);
    expect(io.text()).toContain('uncalibrated, not counted');

    const model = createOpenAIChatModel({ apiKey: 'k', baseURL: server.baseURL, model: 'scripted', timeoutMs: 5_000, maxRetries: 0 });
    const ctx = {
      model,
      judge: model,
      concurrency: 2,
      repeats: 1,
      judgeSample: 6,
      progress: silentProgress,
      trustedJudges: new Set(['judge-advice-specific']),
    };
    const cases = await runDraftSuite(ctx, readDraftDataset(path));
    expect(cases.every((c) => c.status === 'fail' && c.failures.some((f) => f.grader === 'judge-advice-specific'))).toBe(true);
  });

  it('a provider that is down fails cases, never passes them, and the report counts its failed calls', async () => {
    const server = await provider();
    const args = ['--suite', 'drafts', '--dataset', smallDrafts('drafts-down.jsonl'), '--judge-sample', '0', '--provider', 'openai'];
    await server.close();
    const down = join(dir, 'drafts-down.json');
    const io = quietIo();
    expect(await runEvals([...args, '--out', down, '--gate'], env(server), io)).toBe(1);
    const failed = JSON.parse(readFileSync(down, 'utf8')) as DraftReport;
    expect(failed.cases.every((c) => c.status === 'fail' && c.error)).toBe(true);
    expect(io.errText()).toContain('failed with an error');
    // One failed call per critique (nothing to repair): never "no model calls" beside the errors.
    expect(failed.usage).toMatchObject({ calls: 0, failedCalls: 6 });
    expect(io.text()).toContain('6 model call(s) FAILED');
    expect(io.text()).not.toContain('no model calls');
  });
});

describe('judges against the scripted server: calibration', () => {
  const labels = ['advice-specific', 'persona-in-character', 'persona-no-cave', 'persona-no-leak', 'persona-pushback'].flatMap(
    (f) => readHumanLabels(join(DATA, 'human-labels', `${f}.jsonl`)).cases,
  );

  /** The oracle finds which labelled input the prompt was built from and answers the human verdict. */
  const oracle = (pool: typeof labels) => (prompt: string) => {
    // A transcript's lines are in the prompt as JSON strings.
    const shown = (v: (typeof labels)[number]['input'][string]) =>
      typeof v === 'string' ? prompt.includes(v) : v.every((line) => prompt.includes(JSON.stringify({ role: line.role, text: line.text })));
    const label = pool.find((l) => Object.values(l.input).every(shown));
    return { verdict: label?.label === false ? ('fail' as const) : ('pass' as const), reasoning: 'oracle' };
  };

  it('a judge that agrees with every human label is still uncalibrated on fewer than 30 labels, and says how low kappa may be', async () => {
    const server = await provider({ judge: oracle(labels) });
    const out = join(dir, 'calibrate-oracle.json');
    const io = quietIo();
    expect(await runEvals(['--suite', 'calibrate', '--provider', 'openai', '--out', out], env(server), io)).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as CalibrationReport;
    expect(report.metrics.judges).toHaveLength(5);
    for (const j of report.metrics.judges) {
      expect(j.evaluated).toBeLessThan(30);
      expect(j).toMatchObject({ kappa: 1, agreement: 1, calibrated: false });
      expect(j.kappaLow).toBeGreaterThan(0);
      expect(j.kappaLow).toBeLessThan(0.8);
    }
    expect(io.text()).toContain('kappa 95% CI low');
  });

  it('with 30 or more labels and kappa of 0.6 or more a judge is calibrated, and its verdicts count toward the gate', async () => {
    // 36 labels for one judge: its own, each restated three times as another case.
    const mine = labels.filter((l) => l.judge === 'judge-advice-specific');
    const many = [0, 1, 2].flatMap((k) =>
      mine.map((l) => ({ ...l, caseId: `${l.caseId}-${k}`, input: { ...l.input, advice: `${String(l.input.advice)} (${k})` } })),
    );
    expect(many.length).toBeGreaterThanOrEqual(30);
    const path = join(dir, 'advice-36.jsonl');
    writeFileSync(path, many.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const server = await provider({ judge: oracle(many) });
    const out = join(dir, 'calibrate-36.json');
    expect(await runEvals(['--suite', 'calibrate', '--provider', 'openai', '--dataset', path, '--out', out], env(server), quietIo())).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as CalibrationReport;
    const advice = report.metrics.judges.find((j) => j.judge === 'judge-advice-specific');
    expect(advice).toMatchObject({ evaluated: many.length, kappa: 1, calibrated: true });
    expect(advice?.kappaLow).toBeGreaterThan(0.6);
    // The other judges have no labels in this run: not evaluated, never calibrated.
    expect(report.metrics.judges.filter((j) => j.judge !== 'judge-advice-specific').every((j) => j.calibrated !== true)).toBe(true);
  });

  it('a judge that always says pass is reported uncalibrated, with its confusion matrix', async () => {
    const server = await provider({ judge: () => ({ verdict: 'pass', reasoning: 'lgtm' }) });
    const out = join(dir, 'calibrate-lazy.json');
    const io = quietIo();
    expect(await runEvals(['--suite', 'calibrate', '--provider', 'openai', '--out', out], env(server), io)).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as CalibrationReport;
    for (const j of report.metrics.judges) {
      const mine = labels.filter((l) => l.judge === j.judge);
      expect(j).toMatchObject({ kappa: 0, calibrated: false });
      expect(j.confusion).toEqual({
        bothPass: mine.filter((l) => l.label).length,
        humanPassJudgeFail: 0,
        humanFailJudgePass: mine.filter((l) => !l.label).length,
        bothFail: 0,
      });
    }
    expect(io.text()).toContain('**uncalibrated**');
  });

  it('offline, calibration is not evaluated', async () => {
    const out = join(dir, 'calibrate-offline.json');
    expect(await runEvals(['--suite', 'calibrate', '--provider', 'offline', '--out', out], {}, quietIo())).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as CalibrationReport;
    expect(report.metrics.notEvaluated).toBe(labels.length);
    expect(report.metrics.judges.every((j) => j.calibrated === null)).toBe(true);
  });
});

describe('role-play judges and the model-driven user against the scripted server', () => {
  // Judges as a calibration in the same run would have found them: calibrated, so their verdicts count.
  const ctx = (server: ScriptedOpenAI, trustedJudges: ReadonlySet<string> = new Set(JUDGE_IDS)): EvalContext => {
    const model = createOpenAIChatModel({ apiKey: 'k', baseURL: server.baseURL, model: 'scripted', timeoutMs: 5_000, maxRetries: 0 });
    return {
      model,
      judge: model,
      concurrency: 2,
      repeats: 1,
      difficulty: 'medium',
      judgeSample: 0,
      progress: silentProgress,
      apps: async () => apps,
      trustedJudges,
    };
  };

  it('a persona that caves is failed by the judges; one that quotes its brief is caught by the code grader', async () => {
    const fact = getBrief('supportive-busy', 'goal-alignment').facts[0]?.fact as string;
    const server = await provider({
      persona: (system) =>
        system.includes('Direction for your next reply: Push back')
          ? "You're right, I'll sort the promotion out this cycle."
          : `Honestly? ${fact.split(' ').slice(0, 12).join(' ')}.`,
      judge: (prompt) =>
        prompt.includes("I'll sort the promotion out") ? { verdict: 'fail', reasoning: 'grants the demand' } : { verdict: 'pass', reasoning: 'fine' },
    });
    const dataset = readPersonaDataset(join(DATA, 'personas', 'pushback.jsonl'));
    const demand = dataset.cases.find((c) => c.id === 'pb-demand-priya-goal');
    const fishing = { ...demand!, id: 'fishing', probe: 'So, what are you working on this week?', expect: ['no_leak' as const], pitfall: undefined };
    const { cases, metrics } = await runPersonaCases(ctx(server), { ...dataset, cases: [demand!, fishing] });

    const caved = cases.find((c) => c.id === 'persona:pb-demand-priya-goal');
    expect(caved?.status).toBe('fail');
    expect(
      caved?.grades
        .filter((g) => g.status === 'fail')
        .map((g) => g.grader)
        .sort(),
    ).toEqual(['judge-persona-no-cave', 'judge-persona-pushback']);
    // Uncalibrated, the same judges' verdicts are kept for the report but fail nothing.
    const untrusted = await runPersonaCases(ctx(server, new Set()), { ...dataset, cases: [demand!] });
    expect(untrusted.cases[0]?.judges.filter((j) => j.status === 'fail').map((j) => j.judge)).toHaveLength(2);
    expect(untrusted.cases[0]?.grades.some((g) => g.grader.startsWith('judge-'))).toBe(false);
    const leaked = cases.find((c) => c.id === 'persona:fishing');
    // The engine's own guard only blocks whole brief sentences; twelve words of one got through and are caught here.
    expect(leaked?.grades.find((g) => g.grader === 'leak-code')?.status).toBe('fail');
    expect(metrics.leaks).toBe(1);
  });

  it('the model-driven user plays a rehearsal; the in-character judge grades the transcript', async () => {
    const server = await provider({
      user: (prompt) => ((prompt.match(/^\{"role":"user",/gm) ?? []).length >= 3 ? 'END' : 'Is there anything on your plate I could take off you this week?'),
    });
    const { rehearsals } = await runSimulatedUsers(ctx(server), {
      pairs: [{ scenarioId: 'offer-help', personaId: 'supportive-busy' }],
      styles: ['model-user', 'follows-loop'],
    });
    const model = rehearsals.find((r) => r.style === 'model-user');
    expect(model).toMatchObject({ turns: 3, status: expect.stringMatching(/pass|fail/) });
    expect(model?.judges).toEqual([expect.objectContaining({ judge: 'judge-persona-in-character', status: 'pass' })]);
    expect(model?.usage.calls).toBeGreaterThan(3);
    const simPrompts = server.requests.filter((r) => String(r.body?.messages?.[0]?.content ?? '').startsWith('You are playing a person'));
    expect(simPrompts).toHaveLength(4);
    // The persona's replies stream, as on the page.
    const personaRequests = server.requests.filter((r) => String(r.body?.messages?.[0]?.content ?? '').startsWith('You are role-playing'));
    expect(personaRequests.length).toBeGreaterThan(3);
    expect(personaRequests.every((r) => r.body?.stream === true)).toBe(true);
  });
});
