import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app.js';
import type { Db } from '../src/db/client.js';
import { newGuest, offlineEngine, send, type Guest } from './support/api.js';
import { createTestDb, testDeps, type TestDeps } from './support/test-deps.js';
import { addPasskey } from './support/passkeys.js';
import { SoftAuthenticator } from './support/soft-authenticator.js';

/*
 * Deleting an account deletes the words, not just the rows: the database file and its -wal file
 * are read byte by byte afterwards for a marker the user wrote everywhere they can write (a
 * draft, its goal and manager's name, a rehearsal's goal and manager's name, its turns, the
 * critiques and summaries made of them).
 */

let db: Db;
let url: string;
let cleanup: () => void;

beforeAll(async () => {
  ({ db, url, cleanup } = await createTestDb());
});
afterAll(() => cleanup());

const path = () => fileURLToPath(new URL(url.replace(/^file:/, 'file://')));

/** How many times `marker` appears in the database file and in its -wal file. */
function occurrences(marker: string): { db: number; wal: number } {
  const count = (file: string) => {
    if (!existsSync(file)) return 0;
    const bytes = readFileSync(file);
    let n = 0;
    for (let at = bytes.indexOf(marker); at >= 0; at = bytes.indexOf(marker, at + 1)) n++;
    return n;
  };
  return { db: count(path()), wal: count(`${path()}-wal`) };
}

/** A user who writes `marker` into every field they can: a draft and its context, a rehearsal, many turns, its end. */
async function writeEverywhere(app: App, marker: string): Promise<Guest> {
  const user = await newGuest(app);
  const draft = await send(app, 'POST', '/api/drafts/critique', {
    headers: user.headers,
    body: {
      text: `Hi ${marker}, how can I help with the ${marker} audit this month? I'd like to be promoted to ${marker} lead.`,
      context: { managerName: marker, goal: `become ${marker} lead`, relationship: `${marker} for a year` },
    },
  });
  expect(draft.status, draft.text).toBe(201);
  const session = await send(app, 'POST', '/api/sessions', {
    headers: user.headers,
    body: { scenarioId: 'offer-help', goal: `lead the ${marker} rollout`, context: { managerName: marker } },
  });
  expect(session.status, session.text).toBe(201);
  const id = (session.json() as { id: string }).id;
  // Enough turns for older ones to be folded into the running summary.
  for (let i = 0; i < 14; i++) {
    const turn = await send(app, 'POST', `/api/sessions/${id}/messages`, {
      headers: user.headers,
      body: { text: `What is on your plate with ${marker} this week (${i}), and how could I help with the ${marker} backlog?` },
    });
    expect(turn.status, turn.text).toBe(200);
  }
  expect((await send(app, 'POST', `/api/sessions/${id}/end`, { headers: user.headers })).status).toBe(200);
  // A relationship, its journal (the reading and a correction quote the marker) and a rehearsal played as that person.
  const relationship = await send(app, 'POST', '/api/relationships', {
    headers: user.headers,
    body: { name: `Helen ${marker}`, relation: 'manager', role: `${marker} lead`, knownPriorities: [`the ${marker} audit`], yourGoal: `run ${marker}` },
  });
  expect(relationship.status, relationship.text).toBe(201);
  const rel = (relationship.json() as { id: string }).id;
  const entry = await send(app, 'POST', `/api/relationships/${rel}/entries`, {
    headers: user.headers,
    body: {
      kind: 'one-on-one',
      at: '2026-11-03T15:00:00Z',
      text: `Helen: I need someone to own the ${marker} evidence.\nMe: I'll own the ${marker} evidence by Friday.`,
    },
  });
  expect(entry.status, entry.text).toBe(201);
  const entryId = (entry.json() as { id: string }).id;
  const fix = await send(app, 'PATCH', `/api/relationships/${rel}/entries/${entryId}`, { headers: user.headers, body: { feedback: [`${marker} was great`] } });
  expect(fix.status, fix.text).toBe(200);
  expect((await send(app, 'POST', `/api/relationships/${rel}/rehearse`, { headers: user.headers })).status).toBe(201);
  return user;
}

describe('deleting an account', () => {
  it('leaves no byte of what the user wrote in the database file or its -wal file', async () => {
    const app = createApp(testDeps(db, { env: { LOOP_COACH_RATE_LIMIT: '0' }, engine: offlineEngine() }));
    const marker = `Zqxmarker${crypto.randomUUID().slice(0, 8)}`;
    const user = await writeEverywhere(app, marker);
    // A passkey's name too (a guest with one is kept, not purged, so only this test has it).
    await addPasskey(app, user, new SoftAuthenticator(), `${marker} laptop`);
    // The offline summary names moves, not words: it is written (and rewritten) all the same.
    const summary = await db.$client.execute({ sql: 'select summary from sessions where user_id = ?', args: [user.userId] });
    expect(String(summary.rows[0]?.summary)).not.toBe('');
    const before = occurrences(marker);
    // The test would prove nothing if the marker were not in the files to begin with.
    expect(before.db + before.wal).toBeGreaterThan(10);

    expect((await send(app, 'DELETE', '/api/me', { headers: user.headers })).status).toBe(204);
    expect(occurrences(marker)).toEqual({ db: 0, wal: 0 });
  });

  it('the same for a guest purged once every token of theirs has expired', async () => {
    const deps: TestDeps = testDeps(db, { env: { LOOP_COACH_RATE_LIMIT: '0', LOOP_COACH_TOKEN_TTL_DAYS: '1' }, engine: offlineEngine() });
    const app = createApp(deps);
    const marker = `Zqxpurged${crypto.randomUUID().slice(0, 8)}`;
    await writeEverywhere(app, marker);
    expect(occurrences(marker).db + occurrences(marker).wal).toBeGreaterThan(10);

    deps.advance(25 * 3_600_000);
    await newGuest(app); // a new guest purges expired ones
    expect(occurrences(marker)).toEqual({ db: 0, wal: 0 });
  });
});
