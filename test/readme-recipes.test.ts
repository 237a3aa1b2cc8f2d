/**
 * Issue 16, item 10: the README's recipe per provider family is tested. Each `env` block of "Use a
 * real model" goes through the configuration (a variable Loop Coach does not read fails), then
 * drives the app against the scripted server behaving as that family does: the quirk the recipe
 * says applies is a mode of the server, and the base URL's path is the recipe's own (the server
 * answers the chat completions paths of OpenAI, Azure's v1 API and OpenRouter only).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { ConfigSchema, parseConfig } from '../src/config.js';
import type { Db } from '../src/db/client.js';
import { createEngine } from '../src/entry/create-engine.js';
import { newGuest, send } from './support/api.js';
import { startScriptedOpenAI, type Quirks, type ScriptedOpenAI } from './support/scripted-openai-server.js';
import { parseSse } from './support/sse.js';
import { createTestDb, testDeps } from './support/test-deps.js';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const THINKING = 'RECIPE-THOUGHT: the user wants to help, so be guarded.';

interface Recipe {
  family: string;
  env: Record<string, string>;
  text: string;
}

/** The recipes: each `###` heading of "## Use a real model", its `env` block and its prose. */
function recipes(): Recipe[] {
  const section = /^## Use a real model\n([\s\S]*?)(?=^## )/m.exec(README)?.[1] ?? '';
  return section
    .split(/^### /m)
    .slice(1)
    .map((part) => {
      const family = part.slice(0, part.indexOf('\n')).trim();
      const block = /```env\n([\s\S]*?)```/.exec(part)?.[1] ?? '';
      const env = Object.fromEntries(
        block
          .split('\n')
          .filter((line) => line.trim() !== '')
          .map((line) => {
            const match = /^([A-Z][A-Z0-9_]*)=(\S+)$/.exec(line);
            if (!match) throw new Error(`${family}: "${line}" is not VAR=value`);
            return [match[1] as string, match[2] as string];
          }),
      );
      return { family, env, text: part };
    });
}

/** Each family's known quirks, as modes of the scripted server; a recipe without a row here fails. */
const QUIRKS: Record<string, Quirks> = {
  Ollama: { reasoning: { field: 'reasoning', text: THINKING } },
  vLLM: { reasoning: { field: 'reasoning_content', text: THINKING }, alternateRoles: true },
  'LM Studio': { refuse: ['json_object'], think: THINKING },
  'llama.cpp server': { refuse: ['stream_options'], think: THINKING, alternateRoles: true },
  OpenRouter: { reasoning: { field: 'reasoning', text: THINKING } },
  'Azure OpenAI': { azure: true },
  DeepSeek: { refuse: ['json_schema'], reasoning: { field: 'reasoning_content', text: THINKING }, alternateRoles: true },
};

const KNOWN = new Set(Object.keys(ConfigSchema.in.shape));

let db: Db;
let cleanup: () => void;
let server: ScriptedOpenAI;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  server = await startScriptedOpenAI();
});
afterAll(async () => {
  await server.close();
  cleanup();
});

describe('README recipes', () => {
  const all = recipes();

  it('has one recipe per provider family, each with its env block and what applies', () => {
    expect(all.map((r) => r.family)).toEqual(Object.keys(QUIRKS));
    for (const r of all) {
      expect(Object.keys(r.env).length, r.family).toBeGreaterThan(2);
      expect(r.text, r.family).toMatch(/\nApplies: /);
    }
  });

  it.each(all.map((r) => [r.family, r] as const))('%s: every variable is one Loop Coach reads, and the configuration takes them', (family, r) => {
    for (const name of Object.keys(r.env)) expect(KNOWN.has(name), `${family} names ${name}, which Loop Coach does not read`).toBe(true);
    const config = parseConfig(r.env);
    expect(config.provider).toBe('openai');
    expect(config.openai.baseURL).toBe(r.env.OPENAI_BASE_URL);
    expect(config.models.persona).toBe(r.env.LOOP_COACH_PERSONA_MODEL ?? r.env.LOOP_COACH_MODEL);
    expect(config.models.critique).toBe(r.env.LOOP_COACH_CRITIQUE_MODEL ?? r.env.LOOP_COACH_MODEL);
  });

  it('sets what each family needs: long timeouts and a context length for local models, the v1 path on Azure', () => {
    const by = Object.fromEntries(all.map((r) => [r.family, r]));
    for (const local of ['Ollama', 'LM Studio', 'llama.cpp server']) {
      const config = parseConfig(by[local]?.env ?? {});
      expect(config.modelTimeoutMs, local).toBeGreaterThanOrEqual(60_000);
      expect(config.critiqueTimeoutMs, local).toBeGreaterThan(config.modelTimeoutMs);
    }
    expect(by.Ollama?.text).toMatch(/OLLAMA_CONTEXT_LENGTH=\d{5} ollama serve/);
    expect(by['llama.cpp server']?.text).toMatch(/-c \d{5}/);
    expect(new URL(by['Azure OpenAI']?.env.OPENAI_BASE_URL ?? 'http://x').pathname).toBe('/openai/v1');
    expect(by['Azure OpenAI']?.env.OPENAI_BASE_URL).not.toContain('api-version');
  });

  it.each(all.map((r) => [r.family, r] as const))(
    '%s: a critique, a streamed and a JSON turn and the end all work against the server playing its quirks',
    async (family, r) => {
      // The recipe as written, but pointed at the scripted server: its origin, the recipe's own path.
      const path = new URL(r.env.OPENAI_BASE_URL ?? '').pathname;
      const env = { ...r.env, OPENAI_BASE_URL: `${new URL(server.baseURL).origin}${path}`, LOOP_COACH_RATE_LIMIT: '0' };
      server.quirks = QUIRKS[family] ?? {};
      const before = server.requests.length;
      try {
        const app = createApp(testDeps(db, { env, engine: createEngine(parseConfig(env)) }));
        const user = await newGuest(app);
        const reading = { acts: ['asks_needs'], checks: [], tone: 'warm' };
        const critique = { summary: 'Offers help.', checks: [], suggestions: [], rewrite: 'A rewrite.' };
        const classifier = parseConfig(env).models.classifier !== 'off';
        const turnScripts = (reply: string) =>
          server.enqueue(...(classifier ? [{ kind: 'json' as const, value: reading }] : []), { kind: 'text', text: reply });

        server.enqueue({ kind: 'json', value: critique });
        const critiqued = await send(app, 'POST', '/api/drafts/critique', { headers: user.headers, body: { text: 'How can I help this week?' } });
        expect(critiqued.status, critiqued.text).toBe(201);

        const created = await send(app, 'POST', '/api/sessions', { headers: user.headers, body: { scenarioId: 'offer-help' } });
        const id = (created.json() as { id: string }).id;
        turnScripts('The rota, honestly. Could you take Friday?');
        const streamed = await send(app, 'POST', `/api/sessions/${id}/messages`, {
          headers: user.headers,
          body: { text: 'How can I help you this week?' },
          accept: 'text/event-stream',
        });
        expect(parseSse(streamed.text).at(-1)?.event, streamed.text).toBe('done');
        turnScripts('Thanks. Friday at four, then?');
        const whole = await send(app, 'POST', `/api/sessions/${id}/messages`, { headers: user.headers, body: { text: 'I will take Friday.' } });
        expect(whole.status, whole.text).toBe(200);

        server.enqueue({ kind: 'json', value: critique });
        const ended = await send(app, 'POST', `/api/sessions/${id}/end`, { headers: user.headers });
        expect(ended.status, ended.text).toBe(200);

        for (const body of [critiqued.text, streamed.text, whole.text, ended.text]) expect(body).not.toContain('RECIPE-THOUGHT');
        const sent = server.requests.slice(before);
        expect(sent.every((req) => req.path === `${path}/chat/completions`)).toBe(true);
        const jobs = new Set(sent.map((req) => req.body?.model));
        for (const model of [r.env.LOOP_COACH_MODEL, r.env.LOOP_COACH_PERSONA_MODEL, r.env.LOOP_COACH_CRITIQUE_MODEL].filter(Boolean)) {
          expect(jobs.has(model), `${family}: no request to ${model}`).toBe(true);
        }
        expect(server.pending()).toBe(0);
      } finally {
        server.quirks = {};
        server.discard();
      }
    },
  );
});
