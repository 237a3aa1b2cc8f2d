import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { createTestDb, testDeps } from './support/test-deps.js';

let app: ReturnType<typeof createApp>;
let cleanup: () => void;
beforeAll(async () => {
  const t = await createTestDb();
  cleanup = t.cleanup;
  app = createApp(testDeps(t.db));
});
afterAll(() => cleanup());

describe('OpenAPI document and docs page', () => {
  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const res = await app.request('/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/healthz', '/api/auth/guest', '/api/auth/logout', '/api/me']));
    expect(doc.paths['/api/me']?.get?.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/api/me']?.get?.responses).toHaveProperty('401');
    expect(doc.components.schemas).toHaveProperty('Error');
    expect(doc.components.schemas).toHaveProperty('User');
    expect(doc.components.securitySchemes).toHaveProperty('bearer');
  });

  it('documents a partial critique and reading: the analyzer ran out of time and named the checks it did not read', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as {
      components: {
        schemas: Record<string, { properties: Record<string, { enum?: unknown[]; items?: { enum?: unknown[] }; description?: string }>; required?: string[] }>;
      };
    };
    for (const name of ['Critique', 'TurnReading']) {
      const schema = doc.components.schemas[name];
      expect(schema?.properties.partial, name).toMatchObject({ enum: [true], description: expect.stringMatching(/time allowed/) });
      expect(schema?.properties.unread?.items?.enum, name).toEqual(expect.arrayContaining(['offers_help', 'demanding', 'assumes_goal']));
      expect(schema?.required ?? [], name).not.toContain('partial');
      expect(schema?.required ?? [], name).not.toContain('unread');
    }
  });

  it('renders a browsable page from our own origin, with no external scripts', async () => {
    const res = await app.request('/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const page = await res.text();
    for (const path of ['/healthz', '/api/auth/guest', '/api/me']) expect(page).toContain(`<code>${path}</code>`);
    expect(page).not.toMatch(/<script|https?:\/\/(?!localhost)/);
  });
});
