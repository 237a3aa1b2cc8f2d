import { expect } from 'vitest';
import type { App } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import type { CoachEngine } from '../../src/coach/engine.js';
import { createEngine } from '../../src/entry/create-engine.js';

/** The built-in engine, as the app runs it with LOOP_COACH_PROVIDER=offline. */
export const offlineEngine = (): CoachEngine => createEngine(parseConfig({ LOOP_COACH_PROVIDER: 'offline' }));

/** A guest's token, id and the headers that authenticate as it. */
export interface Guest {
  token: string;
  userId: string;
  headers: Record<string, string>;
}

export async function newGuest(app: App): Promise<Guest> {
  const res = await app.request('/api/auth/guest', { method: 'POST' });
  expect(res.status, await res.clone().text()).toBe(201);
  const { token, user } = (await res.json()) as { token: string; user: { id: string } };
  return { token, userId: user.id, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } };
}

/** A JSON request as a client sends it: the body serialised, the answer's body read once. */
export async function send(
  app: App,
  method: string,
  path: string,
  opts: { headers?: Record<string, string>; body?: unknown; accept?: string } = {},
): Promise<{ status: number; headers: Headers; text: string; json: () => unknown }> {
  const res = await app.request(path, {
    method,
    headers: { ...opts.headers, ...(opts.accept && { accept: opts.accept }) },
    ...(opts.body !== undefined && { body: JSON.stringify(opts.body) }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) as unknown };
}

/** The one error shape: `{ error: { code, message, details?, retryable? } }` and nothing else. */
export function expectErrorShape(body: unknown): void {
  expect(body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  expect(Object.keys(body as object)).toEqual(['error']);
  const error = (body as { error: Record<string, unknown> }).error;
  for (const key of Object.keys(error)) expect(['code', 'message', 'details', 'retryable']).toContain(key);
  if ('retryable' in error) expect(typeof error.retryable).toBe('boolean');
}
