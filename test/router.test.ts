import { createRoute, z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { notFoundHandler, problemHandler } from '../src/http/problem.js';
import { createRouter } from '../src/http/router.js';
import { ModelConfigError, ModelUnavailableError } from '../src/errors.js';
import type { LogEntry } from '../src/deps.js';

// A router built the way every route module builds one, to pin down the shared validation
// and error rendering independently of any one resource.
function probeApp(logs: LogEntry[] = []) {
  const route = createRoute({
    method: 'post',
    path: '/probe',
    request: {
      query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
      body: {
        required: true,
        content: { 'application/json': { schema: z.object({ text: z.string().min(1), mode: z.enum(['employee', 'manager']) }) } },
      },
    },
    responses: { 200: { description: 'ok', content: { 'application/json': { schema: z.object({ ok: z.boolean() }) } } } },
  });
  const app = createRouter();
  app.onError(problemHandler((e) => logs.push(e)));
  app.notFound(notFoundHandler);
  app.openapi(route, (c) => c.json({ ok: true }, 200));
  app.get('/boom', () => {
    throw new Error('database password is hunter2');
  });
  app.get('/model-down', () => {
    throw new ModelUnavailableError('The model provider is unavailable.', { retryAfterSeconds: 7 });
  });
  app.get('/model-key', () => {
    throw new ModelConfigError('The provider refused the API key; check OPENAI_API_KEY.');
  });
  return app;
}

const post = (app: ReturnType<typeof probeApp>, body: unknown, query = '') =>
  app.request(`/probe${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('shared validation and error rendering', () => {
  it('answers schema failures with 400 and the field paths', async () => {
    const res = await post(probeApp(), { text: '', mode: 'boss' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; details: Array<{ path: string }> } };
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.details.map((d) => d.path).sort()).toEqual(['mode', 'text']);
  });

  it('validates the query string the same way', async () => {
    const res = await post(probeApp(), { text: 'hi', mode: 'employee' }, '?limit=500');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_request', details: [{ path: 'limit' }] } });
    expect((await post(probeApp(), { text: 'hi', mode: 'employee' }, '?limit=5')).status).toBe(200);
  });

  it('hides unknown errors behind a generic 500 and logs them', async () => {
    const logs: LogEntry[] = [];
    const res = await probeApp(logs).request('/boom');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('hunter2');
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal_error', message: expect.any(String) } });
    expect(logs.some((l) => l.level === 'error' && JSON.stringify(l).includes('hunter2'))).toBe(true);
  });

  it('marks model failures retryable or not, with retry-after when known', async () => {
    const down = await probeApp().request('/model-down');
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('7');
    expect(await down.json()).toMatchObject({ error: { code: 'model_unavailable', retryable: true } });

    const key = await probeApp().request('/model-key');
    expect(key.status).toBe(502);
    expect(await key.json()).toMatchObject({ error: { code: 'model_misconfigured', retryable: false } });
  });
});
