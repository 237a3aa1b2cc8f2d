import { afterEach, beforeEach, expect, it } from 'vitest';
import { startScriptedOpenAI, type ScriptedOpenAI } from './support/scripted-openai-server';

let server: ScriptedOpenAI;
beforeEach(async () => {
  server = await startScriptedOpenAI();
});
afterEach(async () => {
  await server.close();
});

const chat = (body: object = { model: 'm', messages: [] }) => fetch(`${server.baseURL}/chat/completions`, { method: 'POST', body: JSON.stringify(body) });

it('answers scripts in order and only chat completions consume them', async () => {
  server.enqueue({ kind: 'text', text: 'first' }, { kind: 'status', status: 418 });

  expect((await fetch(`${server.baseURL}/models`)).status).toBe(404);
  const first = (await (await chat()).json()) as { choices: Array<{ message: { content: string } }> };
  expect(first.choices[0]?.message.content).toBe('first');
  expect((await chat()).status).toBe(418);
  expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/models', 'POST /v1/chat/completions', 'POST /v1/chat/completions']);
});

it('says so, without inviting retries, when the script runs out', async () => {
  const res = await chat();
  expect(res.status).toBe(500);
  expect(res.headers.get('x-should-retry')).toBe('false');
  expect(await res.json()).toMatchObject({ error: { message: expect.stringContaining('ran out'), type: 'server_error' } });
});

it('falls back to the fallback script when the queue is empty', async () => {
  await server.close();
  server = await startScriptedOpenAI({ fallback: { kind: 'json', value: { ok: true } } });
  const body = (await (await chat()).json()) as { choices: Array<{ message: { content: string } }> };
  expect(body.choices[0]?.message.content).toBe('{"ok":true}');
});
