import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ChatModel } from '../src/llm/chat-model.js';
import { createOpenAIChatModel } from '../src/llm/openai-chat-model.js';
import { runEvals, type EvalIo } from '../evals/cli.js';
import { silentProgress } from '../evals/context.js';
import { openEvalApps } from '../evals/rehearsal.js';
import { runSimulatedUsers } from '../evals/suites/simulated-users.js';
import { CassetteMissError, cassetteKey, createCassetteModel } from '../evals/models/cassettes.js';
import type { DraftReport } from '../evals/report.js';
import { fakeProvider } from './support/evals-fake-provider.js';
import { startScriptedOpenAI } from './support/scripted-openai-server.js';

const DATA = join(import.meta.dirname, '..', 'evals', 'datasets');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'loop-coach-cassettes-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const io = (): EvalIo & { err: { text: string } } => {
  const err = { text: '', isTTY: false, write: (t: string | Uint8Array) => ((err.text += String(t)), true) };
  return { out: () => {}, err: err as EvalIo['err'] & { text: string } };
};

function lines(n: number, from = 0): string[] {
  return readFileSync(join(DATA, 'drafts.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .slice(from, from + n);
}

describe('record and replay', () => {
  it('replays a recorded run with no network; a request never recorded is not evaluated, never a pass', async () => {
    const server = await startScriptedOpenAI({ fallback: fakeProvider() });
    const cassettes = join(dir, 'cassettes');
    const recorded = join(dir, 'recorded.jsonl');
    writeFileSync(recorded, lines(4).join('\n') + '\n');
    const recordOut = join(dir, 'record.json');
    const env = { OPENAI_API_KEY: 'k', OPENAI_BASE_URL: server.baseURL, LOOP_COACH_MODEL_RETRIES: '0' };
    const common = ['--suite', 'drafts', '--provider', 'openai', '--model', 'gpt-4.1-mini', '--cassettes', cassettes, '--judge-sample', '10'];
    expect(await runEvals([...common, '--record', '--dataset', recorded, '--out', recordOut], env, io())).toBe(0);
    await server.close();
    // Four critiques and four judge answers, one file each.
    expect(readdirSync(cassettes)).toHaveLength(8);
    const first = JSON.parse(readFileSync(recordOut, 'utf8')) as DraftReport;

    // The same cases plus one never recorded; the server is gone and there is no key.
    const replayed = join(dir, 'replayed.jsonl');
    writeFileSync(replayed, [...lines(4), ...lines(1, 10)].join('\n') + '\n');
    const replayOut = join(dir, 'replay.json');
    const out = io();
    expect(await runEvals([...common, '--replay', '--dataset', replayed, '--out', replayOut, '--gate'], { OPENAI_BASE_URL: server.baseURL }, out)).toBe(1);
    const again = JSON.parse(readFileSync(replayOut, 'utf8')) as DraftReport;
    expect(again).toMatchObject({ provider: 'openai', model: 'gpt-4.1-mini', cassettes: { mode: 'replay' } });
    expect(again.cases.slice(0, 4).map((c) => [c.id, c.status, c.predicted])).toEqual(first.cases.map((c) => [c.id, c.status, c.predicted]));
    expect(again.cases[4]).toMatchObject({ status: 'not_evaluated', predicted: [] });
    expect(again.cases[4]?.error).toMatch(/No cassette/);
    expect(again.metrics.notEvaluated).toBe(1);
    // Left out of the figures rather than counted as a miss of every label.
    expect(again.metrics.perCheck).toEqual(first.metrics.perCheck);
    expect(again.usage.cassetteMisses).toBe(1);
    expect(out.err.text).toContain('1 case(s) not evaluated');
  });

  it('keys by model, prompt and messages, with the session canary masked', async () => {
    const ref = (canary: string) => ({ id: 'roleplay-manager', version: 1, vars: { canary } });
    const msgs = (canary: string) => [{ role: 'system' as const, content: `marker ${canary}` }];
    const id = { provider: 'openai', model: 'm' };
    expect(cassetteKey(id, 'text', { messages: msgs('LC-a'), prompt: ref('LC-a') }).key).toBe(
      cassetteKey(id, 'text', { messages: msgs('LC-b'), prompt: ref('LC-b') }).key,
    );
    expect(cassetteKey(id, 'text', { messages: msgs('LC-a'), prompt: ref('LC-a') }).key).not.toBe(
      cassetteKey({ ...id, model: 'n' }, 'text', { messages: msgs('LC-a'), prompt: ref('LC-a') }).key,
    );
    expect(cassetteKey(id, 'text', { messages: msgs('LC-a'), prompt: ref('LC-a') }).key).not.toBe(
      cassetteKey(id, 'text', { messages: msgs('LC-a'), prompt: { ...ref('LC-a'), version: 2 } }).key,
    );

    let calls = 0;
    const inner: ChatModel = {
      provider: 'openai',
      model: 'm',
      complete: async () => ({ provider: 'openai', model: 'm', text: `answer ${++calls}`, usage: { promptTokens: 3, completionTokens: 2 } }),
      stream: () => {
        throw new Error('unused');
      },
      structured: async (req) => ({ provider: 'openai', model: 'm', value: req.schema.parse({ ok: true }), usage: null }),
    };
    const cassettes = join(dir, 'unit');
    const recorder = createCassetteModel(inner, { mode: 'record', dir: cassettes });
    const player = createCassetteModel(inner, { mode: 'replay', dir: cassettes });
    const req = { messages: msgs('LC-a'), prompt: ref('LC-a') };
    expect((await recorder.complete(req)).text).toBe('answer 1');
    expect((await player.complete({ messages: msgs('LC-z'), prompt: ref('LC-z') })).text).toBe('answer 1');
    const streamed: string[] = [];
    for await (const e of player.stream(req)) if (e.type === 'done') streamed.push(e.text);
    expect(streamed).toEqual(['answer 1']);
    await recorder.structured({ ...req, schema: z.object({ ok: z.boolean() }), schemaName: 's' });
    expect((await player.structured({ ...req, schema: z.object({ ok: z.boolean() }), schemaName: 's' })).value).toEqual({ ok: true });
    await expect(player.complete({ messages: [{ role: 'user', content: 'new' }] })).rejects.toBeInstanceOf(CassetteMissError);
    expect(calls).toBe(1);
  });

  it('replays a role-play through the app, although every session has a new random canary', async () => {
    const server = await startScriptedOpenAI({
      fallback: fakeProvider({ persona: (system) => (system.includes('Direction for your next reply: Push back') ? 'Give me specifics.' : 'Mm. Go on.') }),
    });
    const apps = await openEvalApps();
    const openai = createOpenAIChatModel({ apiKey: 'k', baseURL: server.baseURL, model: 'scripted', timeoutMs: 5_000, maxRetries: 0 });
    const cassettes = join(dir, 'roleplay-cassettes');
    const run = (mode: 'record' | 'replay') => {
      const model = createCassetteModel(openai, { mode, dir: cassettes });
      const ctx = {
        model,
        judge: model,
        concurrency: 1,
        repeats: 1,
        difficulty: 'medium' as const,
        judgeSample: 0,
        progress: silentProgress,
        apps: async () => apps,
      };
      return runSimulatedUsers(ctx, { pairs: [{ scenarioId: 'goal-alignment', personaId: 'skeptical' }], styles: ['follows-loop', 'demands-raise'] });
    };
    try {
      const recorded = await run('record');
      await server.close();
      const replayed = await run('replay');
      const outcome = (r: Awaited<ReturnType<typeof run>>) =>
        r.rehearsals.map((x) => [x.style, x.status, x.score, x.discoveries, x.turns, x.usage.cassetteMisses]);
      expect(outcome(replayed)).toEqual(outcome(recorded));
      expect(replayed.rehearsals.every((x) => x.status !== 'not_evaluated' && x.usage.calls > 0)).toBe(true);
    } finally {
      apps.close();
    }
  });
});
