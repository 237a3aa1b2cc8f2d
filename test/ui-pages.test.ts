/** The web pages through `app.request`: statuses, headers, the cookie, CSRF, escaping, no-script forms. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import type { Db } from '../src/db/client.js';
import { highlightQuotes } from '../src/ui/highlight-quotes.js';
import { createTestDb, testDeps } from './support/test-deps.js';
import { offlineEngine } from './support/api.js';

let db: Db;
let cleanup: () => void;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterAll(() => cleanup());

const ORIGIN = 'http://localhost';
const offlineApp = (env: Record<string, string> = {}) => createApp(testDeps(db, { env: { LOOP_COACH_RATE_LIMIT: '0', ...env }, engine: offlineEngine() }));
type App = ReturnType<typeof offlineApp>;

/** A browser visiting the home page: the cookie it is given, as a `cookie` header. */
async function visit(app: App): Promise<string> {
  const res = await app.request(`${ORIGIN}/`);
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!cookie?.startsWith('lc_token=')) throw new Error('no lc_token cookie');
  return cookie;
}

/** A form post as our own pages send it (same origin), or with the given headers instead. */
function post(app: App, path: string, cookie: string, fields: Record<string, string>, headers: Record<string, string> = { 'sec-fetch-site': 'same-origin' }) {
  return app.request(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

const get = (app: App, path: string, cookie: string) => app.request(`${ORIGIN}${path}`, { headers: { cookie } });

describe('pages', () => {
  it('serves every page as HTML with the engine named, the strict CSP and the other security headers', async () => {
    const app = offlineApp();
    const cookie = await visit(app);
    for (const path of ['/', '/drafts/new', '/sessions/new', '/sessions/new?scenario=manager-initiated', '/progress', '/account']) {
      const res = await get(app, path, cookie);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      const html = await res.text();
      expect(html).toMatch(/^<!doctype html>/);
      expect(html).toContain('data-engine="offline"');
      expect(html).toContain('<main id="main"');
      // No inline script or style: everything comes from the two asset routes.
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html).not.toMatch(/<style|\sstyle="/);
    }
  });

  it('sends no-store on the pages with live state (sessions, drafts, progress, account), and names the engine in plain words', async () => {
    const app = offlineApp();
    const cookie = await visit(app);
    const draft = (await post(app, '/drafts', cookie, { text: 'How can I help this week?', mode: 'employee' })).headers.get('location') ?? '';
    const session = (await post(app, '/sessions', cookie, { scenarioId: 'offer-help' })).headers.get('location') ?? '';
    for (const path of [draft, session, '/drafts/new', '/sessions/new', '/progress', '/account', '/sessions/ses_nope']) {
      const res = await get(app, path, cookie);
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
    expect((await post(app, `${session}/turn`, cookie, { text: 'What is on your plate?' })).headers.get('cache-control')).toBe('no-store');

    const html = await (await get(app, draft, cookie)).text();
    expect(html).toContain('Built-in coach (no AI model)');
    const { critique } = (await (await get(app, `/api${draft}`, cookie)).json()) as { critique: { promptId: string; promptVersion: number } };
    expect(html).not.toContain(critique.promptId);
    expect(html).not.toContain(`v${critique.promptVersion}`);
    expect(html).not.toMatch(/>[^<]*\boffline\b/);
  });

  it('serves the stylesheet and the script from routes, never inline', async () => {
    const app = offlineApp();
    const css = await app.request('/ui/style.css');
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    const js = await app.request('/ui/app.js');
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await js.text()).toContain('text/event-stream');
  });

  it('makes a first visit a guest with an HttpOnly, SameSite=Lax cookie (Secure over https) that the API accepts', async () => {
    const app = offlineApp();
    const first = await app.request(`${ORIGIN}/`);
    const setCookie = first.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^lc_token=lc_[\w-]+;/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).not.toContain('Secure');
    const secure = (await app.request('https://loop.example/')).headers.get('set-cookie') ?? '';
    expect(secure).toMatch(/^__Host-lc_token=lc_[\w-]+;/);
    expect(secure).toContain('Secure');
    // X-Forwarded-Proto is believed only from a proxy LOOP_COACH_TRUSTED_PROXY names (test/proxy.test.ts).
    expect((await app.request(`${ORIGIN}/`, { headers: { 'x-forwarded-proto': 'https' } })).headers.get('set-cookie')).toMatch(/^lc_token=(?!.*Secure)/);

    const cookie = setCookie.split(';')[0] as string;
    const again = await get(app, '/progress', cookie);
    expect(again.headers.get('set-cookie')).toBeNull();
    const me = await get(app, '/api/me', cookie);
    expect(me.status).toBe(200);
    // A stale cookie (say, after the account was deleted) just starts a new guest.
    expect((await get(app, '/', 'lc_token=lc_not-a-real-token')).headers.get('set-cookie')).toMatch(/^lc_token=/);
  });

  it('refuses cookie-authenticated writes from other sites, on the API (403) and on page forms (403)', async () => {
    const app = offlineApp();
    const cookie = await visit(app);
    const draft = JSON.stringify({ text: 'How can I help with the launch?' });
    const apiPost = (headers: Record<string, string>) =>
      app.request(`${ORIGIN}/api/drafts/critique`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', ...headers }, body: draft });

    const foreign: Array<Record<string, string>> = [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'https://evil.example' },
      { origin: 'null' },
      {},
    ];
    for (const headers of foreign) {
      const res = await apiPost(headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: 'cross_site_request' } });
    }
    expect((await apiPost({ 'sec-fetch-site': 'same-origin' })).status).toBe(201);
    expect((await apiPost({ origin: ORIGIN })).status).toBe(201);
    // Reads need no check, and bearer tokens are not sent by browsers on their own.
    expect((await get(app, '/api/drafts', cookie)).status).toBe(200);
    const { token } = (await (await app.request('/api/auth/guest', { method: 'POST' })).json()) as { token: string };
    const bearer = await app.request('/api/drafts/critique', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: draft,
    });
    expect(bearer.status).toBe(201);

    const forged = await post(app, '/drafts', cookie, { text: 'Forged draft', mode: 'employee' }, { origin: 'https://evil.example' });
    expect(forged.status).toBe(403);
    expect(forged.headers.get('content-type')).toMatch(/^text\/html/);
    const drafts = (await (await get(app, '/api/drafts', cookie)).json()) as { items: Array<{ text: string }> };
    expect(drafts.items.map((d) => d.text)).not.toContain('Forged draft');
  });

  it('escapes everything the user wrote, in drafts and transcripts', async () => {
    const app = offlineApp();
    const cookie = await visit(app);
    const attack = '<script>alert(1)</script><img src=x onerror=alert(2)> "quoted" & how can I help?';
    const draft = await post(app, '/drafts', cookie, { text: attack, mode: 'employee', managerName: '<b>Dana</b>' });
    expect(draft.status).toBe(303);
    const draftHtml = await (await get(app, draft.headers.get('location') ?? '', cookie)).text();
    const session = await post(app, '/sessions', cookie, { scenarioId: 'offer-help', difficulty: 'medium', goal: '<script>goal()</script>' });
    const sessionPath = session.headers.get('location') ?? '';
    expect((await post(app, `${sessionPath}/turn`, cookie, { text: attack })).status).toBe(303);
    const sessionHtml = await (await get(app, sessionPath, cookie)).text();
    for (const html of [draftHtml, sessionHtml]) {
      expect(html).toContain('&lt;script&gt;');
      expect(html).not.toContain('<script>alert');
      expect(html).not.toContain('<img src=x');
      expect(html).not.toContain('<b>Dana</b>');
    }
    expect(sessionHtml).not.toContain('<script>goal');
  });

  it('answers unknown ids and other people’s with the HTML 404 page; the API keeps its JSON', async () => {
    const app = offlineApp();
    const alice = await visit(app);
    const bob = await visit(app);
    const draft = (await post(app, '/drafts', alice, { text: 'What matters most to you this quarter?', mode: 'employee' })).headers.get('location') ?? '';
    const session = (await post(app, '/sessions', alice, { scenarioId: 'offer-help' })).headers.get('location') ?? '';
    expect((await get(app, draft, alice)).status).toBe(200);
    for (const path of [draft, session, '/drafts/drf_nope', '/sessions/ses_nope', '/sessions/x/y']) {
      const res = await get(app, path, bob);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await res.text()).toContain('Not found');
    }
    expect((await post(app, `${session}/turn`, bob, { text: 'Hello' })).status).toBe(404);
    const api = await get(app, `/api${session}`, bob);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});

describe('forms without JavaScript', () => {
  it('runs a rehearsal by form posts: turn, hint, end, then the debrief with its checks', async () => {
    const app = offlineApp();
    const cookie = await visit(app);
    const start = await post(app, '/sessions', cookie, {
      scenarioId: 'goal-alignment',
      personaId: '',
      difficulty: 'easy',
      goal: 'Senior engineer',
      counterpartName: 'Dana',
    });
    expect(start.status).toBe(303);
    const path = start.headers.get('location') ?? '';
    expect(path).toMatch(/^\/sessions\/ses_/);
    for (const text of ['What matters most to you right now, and how could I help?', 'My goal is to be promoted to senior. What would it take?']) {
      expect((await post(app, `${path}/turn`, cookie, { text })).status).toBe(303);
    }
    expect((await post(app, `${path}/hint`, cookie, {})).status).toBe(303);
    const active = await (await get(app, path, cookie)).text();
    expect(active).toContain('data-role="coach"');
    expect(active).toContain('What matters most to you right now, and how could I help?');
    expect((await post(app, `${path}/end`, cookie, {})).status).toBe(303);
    const ended = await (await get(app, path, cookie)).text();
    expect(ended).toContain('data-status="ended"');
    expect(ended).toContain('data-check="offers_help" data-present="true"');
    expect(ended).toMatch(/data-discovery="need" data-uncovered="(true|false)"/);
    expect(ended).toContain('Try again with the same setup');
    expect(ended).not.toContain('id="turn-form"');
    // Ended is ended: a late turn is refused on the page, with the reason.
    const late = await post(app, `${path}/turn`, cookie, { text: 'One more thing' });
    expect(late.status).toBe(422);
  });

  it('keeps the typed text in the box when a turn is refused', async () => {
    const app = offlineApp({ LOOP_COACH_TURN_MAX_CHARS: '100' });
    const cookie = await visit(app);
    const path = (await post(app, '/sessions', cookie, { scenarioId: 'offer-help' })).headers.get('location') ?? '';
    const long = `I would like to help with ${'the launch and '.repeat(10)}more.`;
    const res = await post(app, `${path}/turn`, cookie, { text: long });
    expect(res.status).toBe(413);
    const html = await res.text();
    expect(html).toContain(`${long}</textarea>`);
    expect(html).toContain('at most 100 characters');
    expect((await post(app, `${path}/turn`, cookie, { text: '   ' })).status).toBe(400);
  });

  it('counts page posts against the per-user rate limit, keeping the text when refused', async () => {
    // Two writes a minute: starting the rehearsal is one, the first turn the other.
    const app = offlineApp({ LOOP_COACH_RATE_LIMIT: '2' });
    const cookie = await visit(app);
    const path = (await post(app, '/sessions', cookie, { scenarioId: 'offer-help' })).headers.get('location') ?? '';
    expect((await post(app, `${path}/turn`, cookie, { text: 'How can I help this week?' })).status).toBe(303);
    const refused = await post(app, `${path}/turn`, cookie, { text: 'Anything else on your plate?' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.text()).toContain('Anything else on your plate?</textarea>');
    const draft = await post(app, '/drafts', cookie, { text: 'Can I help with the launch?', mode: 'employee' });
    expect(draft.status).toBe(429);
    expect(await draft.text()).toContain('Can I help with the launch?</textarea>');
    // Starting another rehearsal is a write too: refused, with the goal the user typed still in the form.
    const start = await post(app, '/sessions', cookie, { scenarioId: 'offer-help', goal: 'Lead the Q3 launch review' });
    expect(start.status).toBe(429);
    expect(Number(start.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await start.text()).toContain('Lead the Q3 launch review');
  });

  it('re-shows the draft form with the text kept when it is refused', async () => {
    const app = offlineApp();
    const cookie = await visit(app);
    const empty = await post(app, '/drafts', cookie, { text: '  ', mode: 'employee' });
    expect(empty.status).toBe(400);
    // The API's own words for the refusal, led by the field's label.
    expect(await empty.text()).toContain('Your draft is empty: paste the message you want feedback on.');
    const huge = await post(app, '/drafts', cookie, { text: 'How can I help? '.repeat(600), mode: 'manager' });
    expect(huge.status).toBe(413);
    expect(await huge.text()).toContain('value="manager" checked');
  });

  it('deletes the account only when confirmed, revoking the token and clearing the cookie', async () => {
    const app = offlineApp();
    const cookie = await visit(app);
    await post(app, '/drafts', cookie, { text: 'How can I help this week?', mode: 'employee' });
    const account = await (await get(app, '/account', cookie)).text();
    expect(account).toContain('href="/api/me/export"');
    const exported = await get(app, '/api/me/export', cookie);
    expect(exported.status).toBe(200);
    expect(((await exported.json()) as { drafts: unknown[] }).drafts).toHaveLength(1);

    expect((await post(app, '/account/delete', cookie, {})).status).toBe(400);
    expect((await get(app, '/api/me', cookie)).status).toBe(200);
    const deleted = await post(app, '/account/delete', cookie, { confirm: 'yes' });
    expect(deleted.status).toBe(303);
    expect(deleted.headers.get('location')).toBe('/?deleted=1');
    expect(deleted.headers.get('set-cookie')).toMatch(/^lc_token=; Max-Age=0/);
    expect((await get(app, '/api/me', cookie)).status).toBe(401);
  });
});

describe('highlightQuotes', () => {
  const text = 'Could I take the triage this week? I want to lead a project. Thanks!';
  it('marks each quote in place, splitting where quotes overlap, and links every quote to its first mark', () => {
    const { segments, anchors } = highlightQuotes(text, [
      { id: 'offers_help', present: true, evidence: ['Could I take the triage this week?'] },
      { id: 'states_goal', present: true, evidence: ['I want to lead a project.', 'lead a project', 'not in the text'] },
      { id: 'demanding', present: false, evidence: ['Thanks!'] },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.markId).map((s) => [s.text, s.checks])).toEqual([
      ['Could I take the triage this week?', ['offers_help']],
      ['I want to ', ['states_goal']],
      // Cut where the inner quote starts (so it has a mark to link to), joined again after it ends.
      ['lead a project.', ['states_goal']],
    ]);
    expect(anchors.get('states_goal\u0000lead a project')).toBe('q-2');
    expect(anchors.get('states_goal\u0000I want to lead a project.')).toBe('q-1');
    expect(anchors.has('states_goal\u0000not in the text')).toBe(false);
    expect(anchors.size).toBe(3);
  });

  it('leaves text with no quotes as one plain run', () => {
    expect(highlightQuotes(text, [])).toEqual({ segments: [{ text, checks: [] }], anchors: new Map() });
  });
});
