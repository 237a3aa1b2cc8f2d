/**
 * Crash durability: the real `loop-coach serve` process, SIGKILLed while a reply streams. Every
 * acknowledged turn survives, the turn in flight keeps the user's words with its reply marked
 * unfinished, and the database file is intact (WAL mode, integrity_check ok). The turn lock is a
 * lease the live process renewed with its heartbeat (issue 16, item 9): the dead process's lease
 * lapses about 20 s after its last beat, so the reply can be retried within 30 s of a restart;
 * until then a retry is refused.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScriptedOpenAI, type ScriptedOpenAI } from './support/scripted-openai-server.js';
import { parseConfig } from '../src/config.js';
import { BEATS_PER_LEASE } from '../src/services/lease.js';
import { parseSse } from './support/sse.js';
import { freePort } from './support/free-port.js';

/** The lease the served process runs with: the default, unset in its environment. */
const DEFAULT_LEASE_MS = parseConfig({}).lockLeaseMs;

const dir = mkdtempSync(join(tmpdir(), 'loop-coach-crash-'));
const dbPath = join(dir, 'coach.db');
let server: ScriptedOpenAI;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  server = await startScriptedOpenAI();
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `loop-coach serve` as a real process, waited on until it says it is listening. */
async function serve(env: Record<string, string>): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['bin/loop-coach.js', 'serve'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner:\n${output}`)), 30_000);
    const onData = (d: Buffer) => {
      output += d;
      if (output.includes('Loop Coach listening on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (d: Buffer) => (output += d));
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
  return { child, output: () => output };
}

interface Message {
  role: string;
  content: string;
  status: string;
}

describe('crash durability', () => {
  it('survives SIGKILL mid-stream: acknowledged turns kept, the turn in flight retryable, the file intact', { timeout: 120_000 }, async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // Generous: the reply in flight trickles for longer than a heartbeat, inside one call's deadline.
    const timeoutMs = 30_000;
    const env = {
      PORT: String(port),
      DATABASE_URL: `file:${dbPath}`,
      LOOP_COACH_PROVIDER: 'openai',
      OPENAI_API_KEY: 'test-key',
      OPENAI_BASE_URL: server.baseURL,
      LOOP_COACH_MODEL_TIMEOUT_MS: String(timeoutMs),
      LOOP_COACH_MODEL_RETRIES: '0',
      // Each scripted answer here is a persona reply: turns are read by the analyzer, not a classification call.
      LOOP_COACH_CLASSIFIER_MODEL: 'off',
      // On, but far above this test's traffic: the per-address limiter runs on the real socket.
      LOOP_COACH_RATE_LIMIT: '1000',
    };
    const first = await serve(env);

    const { token } = (await (await fetch(`${base}/api/auth/guest`, { method: 'POST' })).json()) as { token: string };
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const created = (await (await fetch(`${base}/api/sessions`, { method: 'POST', headers, body: JSON.stringify({ scenarioId: 'offer-help' }) })).json()) as {
      id: string;
      messages: Message[];
    };
    const turn = (text: string, accept = 'application/json') =>
      fetch(`${base}/api/sessions/${created.id}/messages`, { method: 'POST', headers: { ...headers, accept }, body: JSON.stringify({ text }) });

    // Acknowledged turns, as JSON and as a finished stream.
    const acknowledged: Array<[string, string]> = [
      ['How can I help you this week?', 'The rota, honestly. Could you take the Friday handover?'],
      ["I'll take the Friday handover from now on.", 'That would be a real help, thank you.'],
      ['Anything else on your plate?', 'Not today. Let us see how Friday goes.'],
    ];
    for (const [i, [said, reply]] of acknowledged.entries()) {
      server.enqueue({ kind: 'text', text: reply });
      const res = await turn(said, i === 2 ? 'text/event-stream' : 'application/json');
      const body = await res.text();
      expect(res.status, `${body}\n${first.output()}`).toBe(200);
      if (i === 2) expect(parseSse(body).at(-1)?.event, `${body}\n${first.output()}`).toBe('done');
      else expect(JSON.parse(body)).toMatchObject({ reply: { content: reply, status: 'complete' } });
    }

    // The turn in flight: a slow stream, and the process killed once its lease has been renewed.
    server.enqueue({
      kind: 'text',
      text: Array.from({ length: 12 }, () => 'Well, since you ask, there is one more thing.').join(' '),
      delayMs: 200,
    });
    const inFlight = 'Is there anything I could take off your plate before the audit?';
    const turnStarted = Date.now();
    const streaming = await turn(inFlight, 'text/event-stream');
    const reader = (streaming.body as ReadableStream<Uint8Array>).getReader();
    let seen = '';
    while (!seen.includes('event: delta')) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`stream ended before any delta: ${seen}`);
      seen += new TextDecoder().decode(value);
    }
    // Read beside the live process (WAL lets a reader in): a beat pushes the lease past the one the turn began with.
    // The watcher stays open until the restarted process is up. SQLite deletes the log when the last
    // connection closes cleanly, and the server's client closes a connection after each transaction,
    // so without a connection held open the log could vanish (checkpointed) just before the kill.
    const watcher = createClient({ url: `file:${dbPath}` });
    const leaseNow = async () => Number((await watcher.execute({ sql: 'select in_flight_until from sessions where id = ?', args: [created.id] })).rows[0]?.[0]);
    while ((await leaseNow()) <= turnStarted + DEFAULT_LEASE_MS + 1_000) {
      if (seen.includes('event: done') || seen.includes('event: error')) throw new Error(`the reply ended before a heartbeat: ${seen}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const killedAt = Date.now();
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGKILL');
    expect(await exited).toBeNull();
    await reader.cancel().catch(() => undefined);

    // The file as the crash left it: still in WAL mode (its log not yet checkpointed), and whole.
    expect(existsSync(`${dbPath}-wal`)).toBe(true);
    expect(statSync(`${dbPath}-wal`).size).toBeGreaterThan(0);
    const file = createClient({ url: `file:${dbPath}` });
    expect((await file.execute('pragma journal_mode')).rows[0]?.[0]).toBe('wal');
    expect((await file.execute('pragma integrity_check')).rows[0]?.[0]).toBe('ok');
    const lock = Number((await file.execute({ sql: 'select in_flight_until from sessions where id = ?', args: [created.id] })).rows[0]?.[0]);
    const addressKeys = (await file.execute("select key from rate_limits where key like 'ip:%'")).rows.map((r) => r[0]);
    file.close();
    expect(addressKeys).toContain('ip:127.0.0.1');

    // The dead process's lease lapses about 20 s after its last beat, which came just before the kill.
    expect(lock).toBeLessThanOrEqual(killedAt + DEFAULT_LEASE_MS);
    expect(lock).toBeGreaterThan(killedAt + DEFAULT_LEASE_MS - DEFAULT_LEASE_MS / BEATS_PER_LEASE - 1_000);

    // Restarted on the same file: every acknowledged turn is there, the one in flight is unfinished.
    const second = await serve(env);
    // The restarted process opened the file with the crash's log still beside it; it is now the one holding it.
    watcher.close();
    // So the interrupted reply can be retried within 30 s of the restart.
    expect(lock).toBeLessThan(Date.now() + 30_000);
    const session = async () => (await (await fetch(`${base}/api/sessions/${created.id}`, { headers })).json()) as { messages: Message[] };
    const after = (await session()).messages;
    expect(after.slice(0, 7).map((m) => [m.role, m.content, m.status])).toEqual([
      ['persona', created.messages[0]?.content, 'complete'],
      ...acknowledged.flatMap(([said, reply]) => [
        ['user', said, 'complete'],
        ['persona', reply, 'complete'],
      ]),
    ]);
    expect(after[7]).toMatchObject({ role: 'user', content: inFlight, status: 'complete' });
    expect(after[8]?.role).toBe('persona');
    expect(['pending', 'failed']).toContain(after[8]?.status);
    expect(after).toHaveLength(9);

    // The dead process's lease holds until it lapses (409), then the reply can be retried.
    server.enqueue({ kind: 'text', text: 'Sorry, where were we? Yes: the audit checklist, if you could.' });
    let conflicts = 0;
    let retried: Response;
    for (;;) {
      retried = await fetch(`${base}/api/sessions/${created.id}/retry`, { method: 'POST', headers });
      if (retried.status !== 409) break;
      conflicts += 1;
      expect(Date.now(), second.output()).toBeLessThan(lock + 5_000);
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(retried.status, await retried.clone().text()).toBe(200);
    if (after[8]?.status === 'pending') {
      expect(conflicts).toBeGreaterThan(0);
      expect(Date.now()).toBeGreaterThanOrEqual(lock);
    }
    const final = (await session()).messages;
    expect(final.map((m) => m.status)).toEqual(Array(9).fill('complete'));
    expect(final[8]?.content).toBe('Sorry, where were we? Yes: the audit checklist, if you could.');

    const stopped = new Promise((resolve) => second.child.once('exit', resolve));
    second.child.kill('SIGTERM');
    expect(await stopped).toBe(0);
  });
});
