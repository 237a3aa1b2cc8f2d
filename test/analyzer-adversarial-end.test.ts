import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import type { Db } from '../src/db/client.js';
import { newGuest, offlineEngine, send } from './support/api.js';
import { repeatTo } from './support/adversarial-drafts.js';
import { createTestDb, testDeps } from './support/test-deps.js';

/*
 * Ending a rehearsal critiques a bounded window of the user's turns (the newest ones, up to a
 * draft's length), so its time does not grow with the rehearsal; what older turns showed still
 * decides the checks, through their stored readings.
 */

let db: Db;
let cleanup: () => void;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterAll(() => cleanup());

interface EndBody {
  critique: { checks: Array<{ id: string; present: boolean; evidence: string[] }>; rewrite: string };
}

const OFFER = 'How can I help you with the quarterly audit this month?';
// A turn that says nothing the rubric reads, long enough that a few of them fill the window.
const FILLER = repeatTo('The north region report went out on Tuesday with the usual charts and the same layout as before. ', 1_900).trim();

describe('ending a long rehearsal', () => {
  it('reads only the newest turns, yet keeps the checks that older turns showed, with their words', async () => {
    const app = createApp(testDeps(db, { env: { LOOP_COACH_RATE_LIMIT: '0' }, engine: offlineEngine() }));
    const user = await newGuest(app);
    const session = await send(app, 'POST', '/api/sessions', { headers: user.headers, body: { scenarioId: 'offer-help' } });
    const id = (session.json() as { id: string }).id;
    const turns = [OFFER, `Zanzibar. ${FILLER}`, ...Array.from({ length: 6 }, () => FILLER)];
    for (const text of turns) expect((await send(app, 'POST', `/api/sessions/${id}/messages`, { headers: user.headers, body: { text } })).status).toBe(200);
    expect(turns.join('\n\n').length).toBeGreaterThan(8_000 + OFFER.length + FILLER.length);

    const res = await send(app, 'POST', `/api/sessions/${id}/end`, { headers: user.headers });
    expect(res.status, res.text).toBe(200);
    const { critique } = res.json() as EndBody;
    // The first turn is far outside the window: its offer still counts, quoted.
    expect(critique.checks.find((c) => c.id === 'offers_help')).toMatchObject({ present: true, evidence: [OFFER] });
    // An old turn that showed nothing is not read at all: the rewrite, an edit of the turns read, has none of it.
    expect(critique.rewrite).not.toContain('Zanzibar');
  });

  it('reads all of a rehearsal that fits, as before', async () => {
    const app = createApp(testDeps(db, { env: { LOOP_COACH_RATE_LIMIT: '0' }, engine: offlineEngine() }));
    const user = await newGuest(app);
    const session = await send(app, 'POST', '/api/sessions', { headers: user.headers, body: { scenarioId: 'offer-help' } });
    const id = (session.json() as { id: string }).id;
    for (const text of [OFFER, 'Zanzibar is where the supplier is, by the way.']) {
      expect((await send(app, 'POST', `/api/sessions/${id}/messages`, { headers: user.headers, body: { text } })).status).toBe(200);
    }
    const { critique } = (await send(app, 'POST', `/api/sessions/${id}/end`, { headers: user.headers })).json() as EndBody;
    expect(critique.checks.find((c) => c.id === 'offers_help')).toMatchObject({ present: true, evidence: [OFFER] });
    expect(critique.rewrite).toContain('Zanzibar');
  });
});
