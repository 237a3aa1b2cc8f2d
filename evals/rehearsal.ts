import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../src/app.js';
import type { CoachEngine } from '../src/coach/engine.js';
import { stateFrom, type RoleplayState } from '../src/coach/roleplay/turn-state.js';
import type { Difficulty, PersonaId, ScenarioId } from '../src/coach/scenarios/index.js';
import { parseConfig } from '../src/config.js';
import { createDb, type Db } from '../src/db/client.js';
import { applyMigrations } from '../src/db/migrate.js';
import { getSession } from '../src/db/queries/sessions.js';
import { createIdGenerator } from '../src/ids.js';

/**
 * Rehearsals played through the real app, in process: the same routes, turn logic, leak guard
 * and database a user goes through, with the engine under test (offline or on a model) swapped in.
 */
export interface EvalApps {
  /** An app over the shared database answering with `engine` (one per case, so each case meters its own calls). */
  appFor(engine: CoachEngine): App;
  db: Db;
  close(): void;
}

export async function openEvalApps(): Promise<EvalApps> {
  const dir = mkdtempSync(join(tmpdir(), 'loop-coach-evals-'));
  const db = await createDb(`file:${join(dir, 'evals.db')}`);
  await applyMigrations(db);
  // Rate limiting off: the evals are one user playing many sessions back to back.
  const config = parseConfig({ LOOP_COACH_PROVIDER: 'offline', LOOP_COACH_RATE_LIMIT: '0' });
  const now = () => Date.now();
  const newId = createIdGenerator(now);
  // The analyzer's budget clock stands still: the evals measure what it reads, not how busy this machine is (bench times it).
  const analysisClock = () => 0;
  return {
    db,
    appFor: (engine) => createApp({ config, db, engine, now, analysisClock, newId, log: () => {} }),
    close: () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TranscriptTurn {
  role: 'user' | 'persona';
  text: string;
  /** A persona turn the app could not produce (an error status, e.g. a withheld leak or a model failure). */
  error?: string;
}

interface Debrief {
  score: number;
  checks: Array<{ id: string; present: boolean }>;
  discoveries: Array<{ id: string; uncovered: boolean }>;
}

interface Session {
  id: string;
  userId: string;
  scenarioId: ScenarioId;
  personaId: PersonaId;
  difficulty: Difficulty;
  turns: TranscriptTurn[];
}

async function json<T>(res: Response, what: string): Promise<T> {
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Starts a rehearsal as a new guest; the persona's opening line is the first turn. */
export async function startSession(
  app: App,
  setup: { scenarioId: ScenarioId; personaId: PersonaId; difficulty: Difficulty; goal?: string },
): Promise<Session & { auth: Record<string, string> }> {
  const guest = await json<{ token: string; user: { id: string } }>(await app.request('/api/auth/guest', { method: 'POST' }), 'guest');
  const auth = { authorization: `Bearer ${guest.token}`, 'content-type': 'application/json' };
  const body = JSON.stringify({
    scenarioId: setup.scenarioId,
    personaId: setup.personaId,
    difficulty: setup.difficulty,
    ...(setup.goal && { goal: setup.goal }),
  });
  const created = await json<{ id: string; messages: Array<{ content: string }> }>(
    await app.request('/api/sessions', { method: 'POST', headers: auth, body }),
    'start session',
  );
  return { ...setup, id: created.id, userId: guest.user.id, auth, turns: [{ role: 'persona', text: created.messages[0]?.content ?? '' }] };
}

/**
 * Says one line, streamed as the page streams it (`accept: text/event-stream`, so the leak guard and
 * the stream's own failures are the ones a user meets); the persona's reply (or the error that
 * replaced it) is appended to the transcript.
 */
export async function say(app: App, session: Session & { auth: Record<string, string> }, text: string): Promise<TranscriptTurn> {
  session.turns.push({ role: 'user', text });
  const res = await app.request(`/api/sessions/${session.id}/messages`, {
    method: 'POST',
    headers: { ...session.auth, accept: 'text/event-stream' },
    body: JSON.stringify({ text }),
  });
  const turn: TranscriptTurn = res.ok
    ? streamedReply(await res.text())
    : {
        role: 'persona',
        text: '',
        error: `HTTP ${res.status}: ${((await res.json().catch(() => ({}))) as { error?: { code?: string } }).error?.code ?? 'unknown'}`,
      };
  session.turns.push(turn);
  return turn;
}

/** A reply as its SSE events tell it: the deltas, stored trimmed, when it ends in `done`; the error's code when it ends in `error`. */
function streamedReply(body: string): TranscriptTurn {
  let shown = '';
  let end: { event: string; data: { code?: string } } | undefined;
  for (const block of body.split(/\n\n+/)) {
    const event = /^event: (.*)$/m.exec(block)?.[1];
    const data = block
      .split('\n')
      .filter((l) => l.startsWith('data:'))
      .map((l) => l.slice(5).replace(/^ /, ''))
      .join('\n');
    if (!event || !data) continue;
    const parsed = JSON.parse(data) as { text?: string; code?: string };
    if (event === 'delta') shown += parsed.text ?? '';
    else end = { event, data: parsed };
  }
  if (end?.event === 'done') return { role: 'persona', text: shown.trim() };
  return { role: 'persona', text: '', error: `stream: ${end?.data.code ?? 'ended without done'}` };
}

export async function endSession(app: App, session: Session & { auth: Record<string, string> }): Promise<Debrief | { error: string }> {
  const res = await app.request(`/api/sessions/${session.id}/end`, { method: 'POST', headers: session.auth });
  if (!res.ok) return { error: `HTTP ${res.status}` };
  const body = (await res.json()) as { critique: { score: number; checks: Debrief['checks'] }; discoveries: Debrief['discoveries'] };
  return {
    score: body.critique.score,
    checks: body.critique.checks.map((c) => ({ id: c.id, present: c.present })),
    discoveries: body.discoveries.map((d) => ({ id: d.id, uncovered: d.uncovered })),
  };
}

/** What only the server knows: the session's canary and its role-play state (which facts were earned, when). */
export async function sessionSecrets(db: Db, session: Session): Promise<{ canary: string; state: RoleplayState }> {
  const row = await getSession(db, session.userId, session.id);
  if (!row) throw new Error(`session ${session.id} vanished`);
  return { canary: row.canary, state: stateFrom(row.state) };
}
