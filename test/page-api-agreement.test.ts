/** The pages and the API read through the same services, so they must give the same answers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import type { Progress } from '../src/coach/progress.js';
import type { Db } from '../src/db/client.js';
import { createTestDb, testDeps } from './support/test-deps.js';

let db: Db;
let cleanup: () => void;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterAll(() => cleanup());

const ORIGIN = 'http://localhost';
const newApp = () => createApp(testDeps(db, { env: { LOOP_COACH_RATE_LIMIT: '0' } }));
type App = ReturnType<typeof newApp>;

/** One browser: the pages' cookie, which the API accepts too, so both sides see the same user. */
async function visitor(app: App) {
  const res = await app.request(`${ORIGIN}/`);
  const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? '';
  expect(cookie).toMatch(/^lc_token=/);
  const headers = { cookie, 'sec-fetch-site': 'same-origin' };
  return {
    page: async (path: string) => {
      const r = await app.request(`${ORIGIN}${path}`, { headers });
      return { status: r.status, html: await r.text() };
    },
    form: async (path: string, fields: Record<string, string>) => {
      const r = await app.request(`${ORIGIN}${path}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });
      return { status: r.status, html: await r.text(), location: r.headers.get('location') };
    },
    api: async (method: string, path: string, body?: unknown) => {
      const r = await app.request(`${ORIGIN}${path}`, {
        method,
        headers: { ...headers, 'content-type': 'application/json' },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      const text = await r.text();
      return { status: r.status, json: (text ? JSON.parse(text) : undefined) as Record<string, unknown> };
    },
  };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

async function endedSession(v: Awaited<ReturnType<typeof visitor>>, lines: string[]) {
  const created = await v.api('POST', '/api/sessions', { scenarioId: 'offer-help', personaId: 'overwhelmed' });
  expect(created.status).toBe(201);
  const id = created.json.id as string;
  for (const text of lines) expect((await v.api('POST', `/api/sessions/${id}/messages`, { text })).status).toBe(200);
  const end = await v.api('POST', `/api/sessions/${id}/end`);
  expect(end.status).toBe(200);
  return { id, end: end.json };
}

describe('pages and API agree', () => {
  it('shows the same debrief hints from the end call, the session GET and the session page, and a GET takes no lock', async () => {
    const v = await visitor(newApp());
    const { id, end } = await endedSession(v, ['Hi.', 'Ok sounds good.']);
    const hints = end.hints as string[];
    expect(hints.length).toBeGreaterThan(0);

    const got = await v.api('GET', `/api/sessions/${id}`);
    expect(got.json.hints).toEqual(hints);
    expect(got.json.discoveries).toEqual(end.discoveries);
    expect(got.json).toEqual(end.session);

    const page = await v.page(`/sessions/${id}`);
    expect(page.status).toBe(200);
    for (const hint of hints) expect(page.html).toContain(escapeHtml(hint));

    // A session held by a reply in flight still reads: reads never take the turn lock.
    const { sessions } = await import('../src/db/schema.js');
    const { eq } = await import('drizzle-orm');
    await db
      .update(sessions)
      .set({ inFlightUntil: new Date(Date.now() + 3_600_000) })
      .where(eq(sessions.id, id));
    expect((await v.api('GET', `/api/sessions/${id}`)).json.hints).toEqual(hints);
    expect((await v.page(`/sessions/${id}`)).status).toBe(200);
  });

  it('gives no hints, brief or discoveries while a session is in progress', async () => {
    const v = await visitor(newApp());
    const created = await v.api('POST', '/api/sessions', { scenarioId: 'goal-alignment' });
    const got = await v.api('GET', `/api/sessions/${created.json.id as string}`);
    expect(got.status).toBe(200);
    expect(got.json).not.toHaveProperty('hints');
    expect(got.json).not.toHaveProperty('brief');
    expect(got.json).not.toHaveProperty('discoveries');
  });

  it('lists the same scores in the API, the progress API and the progress page', async () => {
    const v = await visitor(newApp());
    const a = await endedSession(v, ['How do you think my work has been landing lately?', 'What is the biggest thing on your plate I could take on?']);
    const b = await endedSession(v, ['I deserve a promotion.']);
    const active = await v.api('POST', '/api/sessions', { scenarioId: 'goal-alignment' });

    const list = await v.api('GET', '/api/sessions');
    const items = list.json.items as Array<{ id: string; score: number | null }>;
    const score = (id: string) => items.find((s) => s.id === id)?.score;
    expect(score(a.id)).toBe((a.end.critique as { score: number }).score);
    expect(score(b.id)).toBe((b.end.critique as { score: number }).score);
    expect(score(active.json.id as string)).toBeNull();

    const progress = await v.api('GET', '/api/progress');
    const points = (progress.json.scenarios as Array<{ points: Array<{ sessionId: string; score: number }> }>).flatMap((s) => s.points);
    for (const p of points) expect(p.score).toBe(score(p.sessionId));

    const page = await v.page('/progress');
    const listed = page.html.slice(page.html.indexOf('data-list="sessions"'));
    for (const s of items) {
      const row = listed.slice(listed.indexOf(`/sessions/${s.id}`));
      expect(row.slice(0, row.indexOf('</li>'))).toContain(s.score === null ? 'in progress' : `score ${s.score}`);
    }
  });

  it('shows the progress API’s steps (both sides), commitments and next drill on the page, and titles rehearsals the same in both', async () => {
    const v = await visitor(newApp());
    const created = await v.api('POST', '/api/sessions', { scenarioId: 'performance-check', context: { managerName: 'Dana' } });
    const id = created.json.id as string;
    for (const text of [
      'How do you see my work on the release so far?',
      "I'll fix the flaky deploy checks by Friday.",
      'Could we check in on this every month?',
    ]) {
      expect((await v.api('POST', `/api/sessions/${id}/messages`, { text })).status).toBe(200);
    }
    expect((await v.api('POST', `/api/sessions/${id}/end`)).status).toBe(200);
    expect((await v.api('POST', '/api/drafts/critique', { text: 'Is there anything on your plate I could take off it this sprint?', purpose: 2 })).status).toBe(
      201,
    );
    const manager = { text: "Where would you like your career to go in the next two years? Let's check in on it again in a month.", mode: 'manager' };
    expect((await v.api('POST', '/api/drafts/critique', manager)).status).toBe(201);

    const progress = (await v.api('GET', '/api/progress')).json as unknown as Progress;
    const page = await v.page('/progress');
    expect(page.status).toBe(200);
    expect(progress.steps.filter((s) => s.latestScore !== null).length).toBeGreaterThanOrEqual(7);
    for (const s of progress.steps) {
      expect(page.html).toContain(`data-step-row="${s.step}" data-side="${s.side}" data-score="${s.latestScore ?? ''}"`);
    }
    expect(progress.commitments.length).toBeGreaterThanOrEqual(3);
    const listed = page.html.slice(page.html.indexOf('data-list="commitments"'));
    for (const c of progress.commitments) {
      const row = listed.slice(listed.indexOf(`data-commitment="${c.kind}" data-from="${c.from.id}"`));
      expect(row.slice(0, row.indexOf('</li>'))).toContain(escapeHtml(c.text));
      expect(row.slice(0, row.indexOf('</li>'))).toContain(escapeHtml(c.from.title));
    }
    const { nextDrill } = progress;
    expect(page.html).toContain(`data-drill-side="${nextDrill.side}" data-drill-step="${nextDrill.step}" data-drill-reason="${nextDrill.reason}"`);
    expect(page.html).toContain(`<input type="hidden" name="scenarioId" value="${nextDrill.scenarioId}"/>`);

    // The rehearsal's title, by scenario, partner and date: the API's in the commitments, the page's list and its own heading.
    const title = progress.commitments.find((c) => c.from.id === id)?.from.title ?? '';
    expect(title).toBe('Find out how your manager really sees your work, with Dana, 27 Nov 2026');
    expect(page.html).toContain(`<a href="/sessions/${id}">${escapeHtml(title)}</a>`);
    const session = await v.page(`/sessions/${id}`);
    expect(session.html).toContain(`<title>Feedback: ${escapeHtml(title)} · Loop Coach</title>`);
  });

  it('pages lists the same way: the progress page shows exactly the API first page', async () => {
    const v = await visitor(newApp());
    for (let i = 0; i < 51; i++) {
      expect((await v.api('POST', '/api/drafts/critique', { text: `Draft number ${i}: could I take the release notes off your plate?` })).status).toBe(201);
    }
    const first = await v.api('GET', '/api/drafts?limit=50');
    const ids = (first.json.items as Array<{ id: string }>).map((d) => d.id);
    expect(ids).toHaveLength(50);
    expect(first.json.nextCursor).toBe(ids.at(-1));
    const rest = await v.api('GET', `/api/drafts?limit=50&cursor=${first.json.nextCursor as string}`);
    expect((rest.json.items as unknown[]).length).toBe(1);
    expect(rest.json.nextCursor).toBeNull();

    const page = await v.page('/progress');
    const drafts = page.html.slice(page.html.indexOf('data-list="drafts"'));
    expect([...drafts.matchAll(/href="\/drafts\/(drf_[0-9a-z]+)"/g)].map((m) => m[1])).toEqual(ids);
  });

  it('refuses an unknown scenario with a 400 from the API and from the pages, which show it as a form error', async () => {
    const v = await visitor(newApp());
    const api = await v.api('POST', '/api/sessions', { scenarioId: 'nope' });
    expect(api.status).toBe(400);
    expect((api.json.error as { details: Array<{ path: string }> }).details[0]?.path).toBe('scenarioId');

    const form = await v.page('/sessions/new?scenario=nope');
    expect(form.status).toBe(400);
    expect(form.html).toMatch(/<div id="form-alert" class="alert" role="alert">[^<]*scenario/);

    const posted = await v.form('/sessions', { scenarioId: 'nope', difficulty: 'medium', personaId: '', goal: '', counterpartName: '' });
    expect(posted.status).toBe(400);
    expect(posted.location).toBeNull();
    expect(posted.html).toMatch(/<div id="form-alert" class="alert" role="alert">[^<]*scenario/);
    expect((await v.api('GET', '/api/sessions')).json.items).toEqual([]);
  });
});
