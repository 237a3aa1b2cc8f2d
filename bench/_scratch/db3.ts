import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
const orig = Database.prototype.prepare;
const times = new Map<string, number>();
(Database.prototype as any).prepare = function (sql: string) {
  const stmt = orig.call(this, sql);
  for (const m of ['run', 'all'] as const) { const f = (stmt as any)[m].bind(stmt); (stmt as any)[m] = (...a: unknown[]) => { const t0 = performance.now(); try { return f(...a); } finally { times.set(m + ' ' + sql.slice(0, 60), (times.get(m + ' ' + sql.slice(0, 60)) ?? 0) + performance.now() - t0); } }; }
  return stmt;
};
const { createDb } = await import('../../src/db/client.js');
const { applyMigrations } = await import('../../src/db/migrate.js');
const { createGuest, findUserByTokenHash } = await import('../../src/db/queries/users.js');
const { insertSession, beginTurnWrite, settleReply } = await import('../../src/db/queries/sessions.js');
const dir = mkdtempSync(join(tmpdir(), 'dbb-'));
const db = await createDb(`file:${join(dir, 'b.db')}`);
if (process.env.PRAGMAS) await (db.$client as any).executeMultiple(process.env.PRAGMAS);
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
  await settleReply(db, b.session, b.replySeq, { content: 'That would really help. The quarterly planning doc is due Friday and I have not started the capacity section. Could you draft it?', status: 'complete', provider: 'openai', model: 'm' }, { state: { earned: {}, revealed: [], seen: { a: 1 } }, summary: '', summarizedThrough: 0, updatedAt: new Date(now) });
}
for (let i = 0; i < 2000; i++) await turn(i);
times.clear();
const N = 5000; const c0 = process.cpuUsage(); const t0 = performance.now();
for (let i = 0; i < N; i++) await turn(i);
const c = process.cpuUsage(c0);
console.log('per turn wall µs', ((performance.now() - t0) / N * 1000).toFixed(1), 'cpu µs', ((c.user + c.system) / N).toFixed(1), 'sys', (c.system / N).toFixed(1));
for (const [k, v] of [...times].sort((a, b) => b[1] - a[1])) console.log((v / N * 1000).toFixed(1).padStart(7), 'µs', k);
