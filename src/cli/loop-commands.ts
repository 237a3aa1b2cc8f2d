import { parseArgs } from 'node:util';
import type { Critique } from '../coach/critique/critique-schema.js';
import { ENTRY_KINDS, RELATIONS } from '../coach/loop/entry-reading-schema.js';
import type { LocalApp } from './practice-command.js';

/**
 * `loop-coach log` and `loop-coach plan`: the journal of real conversations from the terminal,
 * through the same API as everything else, in process on the configured database. Unlike a
 * rehearsal, a journal must outlive the command: the CLI keeps one account's token (`TokenStore`)
 * and saves the replacement the API hands out when a token nears the end of its life.
 */
export interface TokenStore {
  load: () => Promise<string | undefined>;
  save: (token: string) => Promise<void>;
}

export interface LoopIo {
  out: (text: string) => void;
  /** Reads a file, or stdin for "-". */
  readText: (path: string) => Promise<string>;
  tokens: TokenStore;
  /** Epoch ms: an entry's time when --at is not given. */
  now: () => number;
}

export class LoopUsageError extends Error {}
/** The API failed for a reason of its own (a model down, a 5xx): exit 1, not a usage error. */
export class LoopFailure extends Error {}

const failure = (res: { status: number; body: unknown }) => {
  const message = (res.body as { error?: { message?: string } } | undefined)?.error?.message ?? `HTTP ${res.status}`;
  return res.status >= 500 ? new LoopFailure(message) : new LoopUsageError(message);
};

/** A memory-only store: each run is a new account (for callers with nowhere to keep a token). */
export function memoryTokens(): TokenStore {
  let kept: string | undefined;
  return {
    load: async () => kept,
    save: async (token) => {
      kept = token;
    },
  };
}

interface Api {
  call: (method: string, path: string, body?: unknown) => Promise<{ status: number; body: unknown }>;
}

/** The API as the stored account: a new guest when there is no token or it no longer works. */
async function signIn(app: LocalApp, tokens: TokenStore): Promise<Api> {
  let token = await tokens.load();
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await app.request(path, {
      method,
      headers: { authorization: `Bearer ${token ?? ''}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const renewed = res.headers.get('loop-coach-token');
    if (renewed) {
      token = renewed;
      await tokens.save(renewed);
    }
    const text = await res.text();
    return { status: res.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
  };
  if (token === undefined || (await call('GET', '/api/me')).status === 401) {
    const res = await app.request('/api/auth/guest', { method: 'POST' });
    token = ((await res.json()) as { token: string }).token;
    await tokens.save(token);
  }
  return { call };
}

interface RelationshipItem {
  id: string;
  name: string;
}

async function findRelationship(api: Api, wanted: string): Promise<RelationshipItem | undefined> {
  let cursor: string | null = null;
  do {
    const res = await api.call('GET', `/api/relationships?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    const page = res.body as { items: RelationshipItem[]; nextCursor: string | null };
    const found = page.items.find((r) => r.id === wanted || r.name.toLowerCase() === wanted.toLowerCase());
    if (found) return found;
    cursor = page.nextCursor;
  } while (cursor);
  return undefined;
}

const oneOf = <T extends string>(values: readonly T[], value: string | undefined, option: string): T | undefined => {
  if (value === undefined) return undefined;
  if (!values.includes(value as T)) throw new LoopUsageError(`${option} must be one of ${values.join(', ')} (got ${value}).`);
  return value as T;
};

interface EntryJson {
  kind: string;
  at: string;
  provider: string;
  reading: {
    checks: Array<{ id: string; evidence: string[] }>;
    needs: string[];
    commitments: Array<{ id: string; text: string; owner: string; due: string | null; when: string | null; status: string }>;
    feedback: string[];
    goalEngaged: boolean | null;
  };
}

/** An entry's reading, for a person to read. */
function formatEntry(name: string, entry: EntryJson): string {
  const r = entry.reading;
  const lines = [
    `Logged a ${entry.kind} with ${name}, ${entry.at.slice(0, 10)} (read by ${entry.provider === 'offline' ? 'the built-in coach' : 'the model'}).`,
  ];
  lines.push('Your moves:', ...(r.checks.length > 0 ? r.checks.map((c) => `  ${c.id}: "${c.evidence[0] ?? ''}"`) : ['  (none found)']));
  if (r.needs.length > 0) lines.push(`What ${name} needs:`, ...r.needs.map((n) => `  "${n}"`));
  if (r.feedback.length > 0) lines.push('Feedback:', ...r.feedback.map((f) => `  "${f}"`));
  if (r.commitments.length > 0) {
    lines.push('Commitments:');
    for (const c of r.commitments) {
      const due = c.due ? ` (due ${c.due}${c.when ? `, "${c.when}"` : ''})` : c.when ? ` ("${c.when}")` : '';
      lines.push(`  [${c.owner === 'me' ? 'you' : name}] ${c.text}${due} ${c.status}  id ${c.id}`);
    }
  }
  lines.push(`Goal engaged: ${r.goalEngaged === null ? 'did not come up' : r.goalEngaged ? 'yes' : 'no'}`);
  return lines.join('\n');
}

/**
 * `loop-coach log <relationship> [FILE | -] [--text TEXT] [--kind K] [--at ISO] [--relation R]`:
 * records a conversation with the person named (made a relationship the first time) and prints
 * its reading.
 */
export async function logCommand(args: readonly string[], app: LocalApp, io: LoopIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { kind: { type: 'string' }, at: { type: 'string' }, text: { type: 'string' }, relation: { type: 'string' }, json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  const [who, source, extra] = positionals;
  if (who === undefined) throw new LoopUsageError('Name the person: loop-coach log "Helen Park" --text "…" (or pipe the notes in).');
  if (extra !== undefined) throw new LoopUsageError(`Unexpected argument ${extra}.`);
  if (values.text !== undefined && source !== undefined) throw new LoopUsageError('Give the notes once: --text, or a file, or stdin.');
  const kind = oneOf(ENTRY_KINDS, values.kind, '--kind') ?? 'one-on-one';
  const relation = oneOf(RELATIONS, values.relation, '--relation') ?? 'manager';
  const at = values.at ?? new Date(io.now()).toISOString();
  if (Number.isNaN(Date.parse(at))) throw new LoopUsageError(`--at must be a date and time, e.g. 2026-11-03T15:00:00Z (got ${at}).`);
  let text = values.text;
  if (text === undefined) {
    try {
      text = await io.readText(source ?? '-');
    } catch (err) {
      throw new LoopUsageError(`Cannot read ${source ?? 'stdin'}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (text.trim() === '') throw new LoopUsageError('The notes are empty: pass --text, a file, or pipe them in.');

  const api = await signIn(app, io.tokens);
  let person = await findRelationship(api, who);
  if (!person) {
    const created = await api.call('POST', '/api/relationships', { name: who, relation });
    if (created.status !== 201) throw failure(created);
    person = created.body as RelationshipItem;
  }
  const res = await api.call('POST', `/api/relationships/${person.id}/entries`, { kind, at: new Date(Date.parse(at)).toISOString(), text });
  if (res.status !== 201) throw failure(res);
  io.out(values.json ? JSON.stringify(res.body, null, 2) : formatEntry(person.name, res.body as EntryJson));
  return 0;
}

interface PlanJson {
  state: { nextStep: number; nextCheckIn: { date: string; basis: string } | null };
  report: string[];
  ask: string[];
  offer: string[];
  step4: { time: boolean; reason: string };
  draft: { text: string; purpose: number | string | null; critique: Critique };
  stopLooping: { warning: boolean; reason: string; evidence: string[]; caveat: string | null; options: string[] };
}

/** A plan, for a person to read. */
function formatPlan(name: string, plan: PlanJson): string {
  const list = (title: string, items: readonly string[]) => (items.length > 0 ? [title, ...items.map((i) => `  - ${i}`)] : []);
  const next = plan.state.nextCheckIn ? `; next check-in ${plan.state.nextCheckIn.date} (${plan.state.nextCheckIn.basis})` : '';
  const s = plan.stopLooping;
  return [
    `Your next conversation with ${name}`,
    `Loop: step ${plan.state.nextStep} next${next}`,
    ...list('Report', plan.report),
    ...list('Ask', plan.ask),
    ...list('Offer', plan.offer),
    `Step 4 (the goal ask): ${plan.step4.reason}`,
    `Reciprocity: ${s.reason}`,
    ...(s.warning ? [`  ${s.caveat ?? ''}`, ...s.options.map((o) => `  - ${o}`), `  Entries: ${s.evidence.join(', ')}`] : []),
    '',
    `Draft (purpose ${plan.draft.purpose ?? 'manager'}, score ${plan.draft.critique.score}):`,
    ...plan.draft.text.split('\n').map((l) => `  ${l}`),
    ...(plan.draft.critique.topFixes.length > 0 ? ['Fixes:', ...plan.draft.critique.topFixes.map((f) => `  - ${f.fix}`)] : []),
  ].join('\n');
}

/** `loop-coach plan <relationship> [--json]`: prepares the next conversation with the person named. */
export async function planCommand(args: readonly string[], app: LocalApp, io: LoopIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...args], options: { json: { type: 'boolean' } }, allowPositionals: true, strict: true });
  const [who, extra] = positionals;
  if (who === undefined) throw new LoopUsageError('Name the person: loop-coach plan "Helen Park".');
  if (extra !== undefined) throw new LoopUsageError(`Unexpected argument ${extra}.`);
  const api = await signIn(app, io.tokens);
  const person = await findRelationship(api, who);
  if (!person) throw new LoopUsageError(`No relationship named "${who}" yet: log a conversation first (loop-coach log "${who}" …).`);
  const res = await api.call('GET', `/api/relationships/${person.id}/plan`);
  if (res.status !== 200) throw failure(res);
  io.out(values.json ? JSON.stringify(res.body, null, 2) : formatPlan(person.name, res.body as PlanJson));
  return 0;
}
