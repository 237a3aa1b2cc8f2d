import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '../../src/db/client.js';
import { applyMigrations } from '../../src/db/migrate.js';
import { createGuest, findUserByTokenHash } from '../../src/db/queries/users.js';
import { insertSession, beginTurnWrite, settleReply } from '../../src/db/queries/sessions.js';
const dir = mkdtempSync(join(tmpdir(), 'dbb-'));
const db = await createDb(`file:${join(dir, 'b.db')}`);
await applyMigrations(db);
let n = 0; const newId = (p: string) => `${p}_${String(++n).padStart(8, '0')}`;
const user = await createGuest(db, newId as never, { tokenHash: 'h', now: Date.now(), tokenTtlMs: 1e9 });
const ids: string[] = [];
for (let i = 0; i < 64; i++) {
  const id = newId('ses'); ids.push(id);
  await insertSession(db, { id, userId: user.id, mode: 'employee', scenarioId: 'offer-help', personaId: 'p', difficulty: 'medium', status: 'active', canary: 'c', provider: 'x', model: 'y', createdAt: new Date(), updatedAt: new Date(), context: {}, state: {} } as never, { role: 'persona', content: 'hi', status: 'complete', createdAt: new Date() } as never);
}
async function turn(i: number) {
  const now = Date.now();
  await findUserByTokenHash(db, 'h', now);
  const b = await beginTurnWrite(db, { userId: user.id, id: ids[i % 64]!, text: 'What is the most important thing on your plate right now, and how could I help with it?', now, until: now + 1000, maxTurns: 100000, provider: 'openai', model: 'm', reach: 20, token: crypto.randomUUID() });
  if (!b) throw new Error('no lock');
  await settleReply(db, b.session, b.replySeq, { content: 'That would really help. The quarterly planning doc is due Friday.', status: 'complete', provider: 'openai', model: 'm' }, { state: { earned: {}, revealed: [], seen: { a: 1 } }, summary: '', summarizedThrough: 0, updatedAt: new Date(now) });
}
for (let i = 0; i < 2000; i++) await turn(i);
const N = 5000; const c0 = process.cpuUsage(); const t0 = performance.now();
for (let i = 0; i < N; i++) await turn(i);
const c = process.cpuUsage(c0);
console.log('per turn wall µs', ((performance.now() - t0) / N * 1000).toFixed(1), 'cpu µs', ((c.user + c.system) / N).toFixed(1), 'sys', (c.system / N).toFixed(1));
{
  const time = async (label: string, f: (i: number) => Promise<unknown>) => { const t0 = performance.now(); for (let i = 0; i < N; i++) await f(i); console.log(label, ((performance.now() - t0) / N * 1000).toFixed(1), 'µs'); };
  await time('auth', () => findUserByTokenHash(db, 'h', Date.now()));
  const { getSession, getMessages } = await import('../../src/db/queries/sessions.js');
  await time('getSession', (i) => getSession(db, user.id, ids[i % 64]!));
  await time('getMessages 22', (i) => getMessages(db, user.id, ids[i % 64]!, 200));
  const client = db.$client as any;
  await time('select 1', () => client.execute('select 1'));
  await time('begin/commit', () => client.batch([], 'write'));
  await time('update 1 row', (i) => client.batch([{ sql: 'update sessions set summary = ? where id = ?', args: [String(i), ids[i % 64]] }], 'write'));
}
