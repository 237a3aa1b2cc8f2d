import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { withoutBidiControls } from '../src/coach/user-text.js';
import type { Db } from '../src/db/client.js';
import { newGuest, offlineEngine, send } from './support/api.js';
import { createTestDb, testDeps } from './support/test-deps.js';

/*
 * Bidi embedding, override and isolate controls make stored text display as something it is not
 * (Trojan Source): they are removed wherever user text comes in, the API and the web forms alike.
 */

let db: Db;
let cleanup: () => void;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterAll(() => cleanup());

const CONTROLS = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
const ANY_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
// "How can I help?" with its last word shown reversed: an override, then a pop.
const SPOOFED = 'How can I \u202eplehs\u202c? \u2067Isolated\u2069 and \u200fmarked\u200e.';

describe('bidi controls in what users write', () => {
  it('are removed, each of them, and nothing else', () => {
    for (const c of CONTROLS) expect(withoutBidiControls(`a${c}b`)).toBe('ab');
    expect(withoutBidiControls(SPOOFED)).toBe('How can I plehs? Isolated and \u200fmarked\u200e.');
    // Right-to-left text itself, and the direction marks that reorder nothing, stay.
    expect(withoutBidiControls('שלום, \u200fhi')).toBe('שלום, \u200fhi');
  });

  it('never reach the database: drafts and their context, sessions, turns through the API and through the pages', async () => {
    const app = createApp(testDeps(db, { env: { LOOP_COACH_RATE_LIMIT: '0' }, engine: offlineEngine() }));
    const user = await newGuest(app);
    const draft = await send(app, 'POST', '/api/drafts/critique', {
      headers: user.headers,
      body: { text: SPOOFED, context: { managerName: 'Dana\u202e', goal: '\u2066senior\u2069 engineer' } },
    });
    expect(draft.status, draft.text).toBe(201);
    const session = await send(app, 'POST', '/api/sessions', {
      headers: user.headers,
      body: { scenarioId: 'offer-help', goal: '\u202dlead\u202c the rollout', context: { managerName: '\u2067Dana\u2069' } },
    });
    expect(session.status, session.text).toBe(201);
    const id = (session.json() as { id: string }).id;
    expect((await send(app, 'POST', `/api/sessions/${id}/messages`, { headers: user.headers, body: { text: SPOOFED } })).status).toBe(200);

    // The web page's form post for a turn, which does not pass through the API's schema.
    const cookie = `lc_token=${user.token}`;
    const page = await app.request(`http://localhost/sessions/${id}/turn`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
      body: new URLSearchParams({ text: `Page \u202eturn\u202c ${SPOOFED}` }).toString(),
    });
    expect(page.status).toBeLessThan(400);

    // A text of bidi controls alone is empty once they are gone.
    const empty = await send(app, 'POST', '/api/drafts/critique', { headers: user.headers, body: { text: '\u202e\u2066 \u2069' } });
    expect(empty.status).toBe(400);

    const stored = await db.$client.execute({
      sql: `select text as v from drafts where user_id = ?1 union all select context from drafts where user_id = ?1
            union all select goal from sessions where user_id = ?1 union all select context from sessions where user_id = ?1
            union all select content from messages where user_id = ?1 and role = 'user' union all select body from critiques where user_id = ?1`,
      args: [user.userId],
    });
    const values = stored.rows.map((r) => String(r.v));
    expect(values.filter((v) => v.includes('plehs'))).toHaveLength(4); // the draft, its critique, two turns
    expect(values.some((v) => v.includes('Page turn'))).toBe(true);
    for (const v of values) expect(ANY_CONTROL.test(v), v).toBe(false);
  });
});
