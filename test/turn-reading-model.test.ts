/** Turn readings on the model path, against the scripted OpenAI-compatible server. */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { createLlmEngine } from '../src/coach/engines/llm-engine.js';
import type { Db } from '../src/db/client.js';
import { messages } from '../src/db/schema.js';
import { createOpenAIChatModel } from '../src/llm/openai-chat-model.js';
import { newGuest } from './support/api.js';
import { startScriptedOpenAI, type ScriptedOpenAI } from './support/scripted-openai-server.js';
import { createTestDb, testDeps } from './support/test-deps.js';

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
beforeEach(() => {
  server.requests.length = 0;
});

const chat = (timeoutMs: number) => createOpenAIChatModel({ apiKey: 'k', baseURL: server.baseURL, model: 'scripted', timeoutMs, maxRetries: 0 });
/** As the Node and Worker entries compose it: the same endpoint reads each turn, with a short timeout of its own. */
const modelApp = () => createApp({ ...testDeps(db, { env: { LOOP_COACH_RATE_LIMIT: '0' } }), engine: createLlmEngine(chat(2_000), { classifier: chat(300) }) });

async function oneTurn(text: string) {
  const app = modelApp();
  const { headers } = await newGuest(app);
  const created = await app.request('/api/sessions', { method: 'POST', headers, body: JSON.stringify({ scenarioId: 'offer-help', personaId: 'overwhelmed' }) });
  const { id } = (await created.json()) as { id: string };
  const res = await app.request(`/api/sessions/${id}/messages`, { method: 'POST', headers, body: JSON.stringify({ text }) });
  const [row] = await db
    .select({ reading: messages.reading })
    .from(messages)
    .where(and(eq(messages.sessionId, id), eq(messages.seq, 1)));
  return { status: res.status, body: (await res.json()) as { reply?: { content: string } }, reading: row?.reading };
}

const PERSONA_REPLY = 'Honestly? The rota. If you could take the Friday handover that would save my life.';

describe('turn readings on a model', () => {
  it('asks for the reading with a JSON schema, keeps only quotes that are in the line, and stores it', async () => {
    const text = 'Which bit of the ward is hurting you most right now? I could take something off you.';
    server.enqueue(
      {
        kind: 'json',
        value: {
          acts: ['asks_needs'],
          checks: [
            { id: 'offers_help', evidence: ['Which bit of the ward is hurting you most right now?', 'I will fix everything for you'] },
            { id: 'states_goal', evidence: ['I want to be ward manager'] },
            { id: 'asks_about_goals', evidence: ['Which bit of the ward'] },
          ],
          tone: 'warm',
        },
      },
      { kind: 'text', text: PERSONA_REPLY },
    );
    const turn = await oneTurn(text);
    expect(turn.status).toBe(200);
    expect(turn.body.reply?.content).toBe(PERSONA_REPLY);
    const classify = server.requests[0]?.body;
    expect(classify?.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'turn_reading' } });
    expect(JSON.stringify(classify?.messages)).toContain(text);
    // Invented quotes dropped, a check left without one absent, a check of the other mode ignored.
    expect(turn.reading).toEqual({
      acts: ['asks_needs'],
      checks: [{ id: 'offers_help', evidence: ['Which bit of the ward is hurting you most right now?'] }],
      tone: 'warm',
      source: 'model',
    });
  });

  it('never credits grudging agreement as help or a commitment, whatever the model says', async () => {
    server.enqueue(
      {
        kind: 'json',
        value: { acts: ['grudging', 'commits'], checks: [{ id: 'commits_to_task', evidence: ['I guess I can do the handover'] }], tone: 'curt' },
      },
      { kind: 'text', text: 'I heard that sigh. Is it a yes?' },
    );
    const turn = await oneTurn('I guess I can do the handover');
    expect(turn.reading?.checks).toEqual([]);
    expect(turn.reading?.acts).toContain('grudging');
  });

  it('falls back to the analyzer when the reading call fails, and the turn still succeeds', async () => {
    server.enqueue({ kind: 'status', status: 500 }, { kind: 'text', text: PERSONA_REPLY });
    const turn = await oneTurn('Is there anything on the ward I could take off your plate this week?');
    expect(turn.status).toBe(200);
    expect(turn.body.reply?.content).toBe(PERSONA_REPLY);
    expect(turn.reading).toMatchObject({ source: 'analyzer', checks: [{ id: 'offers_help' }] });
  });

  it('falls back when the reading call times out or answers something that is not a reading', async () => {
    server.enqueue({ kind: 'hang' }, { kind: 'text', text: PERSONA_REPLY });
    const slow = await oneTurn('Is there anything on the ward I could take off your plate this week?');
    expect(slow.status).toBe(200);
    expect(slow.reading?.source).toBe('analyzer');

    server.enqueue({ kind: 'text', text: 'Sure! The user is offering help.' }, { kind: 'text', text: PERSONA_REPLY });
    const prose = await oneTurn('Is there anything on the ward I could take off your plate this week?');
    expect(prose.status).toBe(200);
    expect(prose.reading?.source).toBe('analyzer');
  });

  it('ends the persona request with the user line, its reading and the direction', async () => {
    server.enqueue({ kind: 'json', value: { acts: ['wraps_up'], checks: [], tone: 'warm' } }, { kind: 'text', text: 'Thanks, see you Friday.' });
    await oneTurn("That's all from me, thanks. Speak Friday!");
    const persona = server.requests.at(-1)?.body?.messages ?? [];
    const last = persona.at(-1);
    expect(last?.role).toBe('user');
    // After the persona's opening line, which comes first in a note so the conversation starts with a user message.
    expect(String(last?.content)).toMatch(/>>>\n\nThat's all from me, thanks\. Speak Friday!\n\n\[Coach's note/);
    expect(String(last?.content)).toContain('wraps_up');
    expect(String(last?.content)).toContain('goodbye');
  });
});
