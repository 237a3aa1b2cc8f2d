import { parseArgs } from 'node:util';
import type { Critique } from '../coach/critique/critique-schema.js';
import { DIFFICULTIES, PERSONA_IDS, SCENARIO_IDS } from '../coach/scenarios/index.js';
import { formatCritiqueReport } from './critique-report.js';

/** The app as the terminal uses it: in process, the same routes as over HTTP. */
export interface LocalApp {
  request: (path: string, init?: RequestInit) => Response | Promise<Response>;
}

export interface PracticeIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Writes without a newline, for replies streaming in. */
  write: (text: string) => void;
  /** The user's lines; ends at end of input. */
  lines: AsyncIterable<string>;
}

export class PracticeUsageError extends Error {}

function options(args: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { scenario: { type: 'string' }, persona: { type: 'string' }, difficulty: { type: 'string' }, goal: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw new PracticeUsageError(`Unexpected argument ${positionals[0]}.`);
  const scenario = values.scenario ?? 'goal-alignment';
  if (!(SCENARIO_IDS as readonly string[]).includes(scenario)) throw new PracticeUsageError(`--scenario must be one of ${SCENARIO_IDS.join(', ')}.`);
  if (values.persona && !(PERSONA_IDS as readonly string[]).includes(values.persona))
    throw new PracticeUsageError(`--persona must be one of ${PERSONA_IDS.join(', ')}.`);
  if (values.difficulty && !(DIFFICULTIES as readonly string[]).includes(values.difficulty))
    throw new PracticeUsageError(`--difficulty must be easy, medium or hard.`);
  return { scenarioId: scenario, personaId: values.persona, difficulty: values.difficulty, goal: values.goal };
}

/** Reads an SSE response as it arrives, handing each event to `on`. */
async function readEvents(res: Response, on: (event: string, data: Record<string, unknown>) => void): Promise<void> {
  const reader = res.body?.getReader();
  if (!reader) return;
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let at: number;
    while ((at = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, at);
      buffer = buffer.slice(at + 2);
      const event = /^event: ?(.*)$/m.exec(block)?.[1] ?? 'message';
      const data = block
        .split('\n')
        .filter((l) => l.startsWith('data:'))
        .map((l) => l.slice(5).trimStart())
        .join('\n');
      on(event, data ? (JSON.parse(data) as Record<string, unknown>) : {});
    }
  }
}

const errorText = async (res: Response) => {
  const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
  return body.error?.message ?? `HTTP ${res.status}`;
};

/**
 * A rehearsal in the terminal: the persona's replies stream in, `/hint` asks the coach, `/retry`
 * regenerates a failed reply, `/end` (or end of input) ends it and prints the debrief.
 */
export async function practice(args: readonly string[], app: LocalApp, io: PracticeIo): Promise<number> {
  const opts = options(args);
  const auth = await app.request('/api/auth/guest', { method: 'POST' });
  const { token } = (await auth.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const post = (path: string, body?: unknown, accept?: string) =>
    app.request(path, { method: 'POST', headers: { ...headers, ...(accept && { accept }) }, ...(body !== undefined && { body: JSON.stringify(body) }) });

  const created = await post('/api/sessions', Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)));
  if (created.status !== 201) {
    io.err(await errorText(created));
    return 2;
  }
  const session = (await created.json()) as { id: string; provider: string; model: string; personaId: string; messages: Array<{ content: string }> };
  const scenarios = (await (await app.request('/api/scenarios')).json()) as { items: Array<{ id: string; title: string; objective: string }> };
  const personas = (await (await app.request('/api/personas')).json()) as { items: Array<{ id: string; name: string; role: string }> };
  const scenario = scenarios.items.find((s) => s.id === opts.scenarioId);
  const persona = personas.items.find((p) => p.id === session.personaId);
  const them = persona?.name ?? 'Them';
  io.out(`${scenario?.title}\n${scenario?.objective}\n`);
  io.out(`You are talking with ${them} (${persona?.role}). Engine: ${session.provider === 'offline' ? 'offline' : session.model}.`);
  io.out('Type your lines. Commands: /hint, /retry, /end.\n');
  io.out(`${them}: ${session.messages[0]?.content ?? ''}`);

  const stream = async (res: Response) => {
    if (res.status !== 200) {
      io.err(`! ${await errorText(res)}`);
      return;
    }
    io.write(`${them}: `);
    await readEvents(res, (event, data) => {
      if (event === 'delta') io.write(String(data.text));
      if (event === 'done') io.write('\n');
      if (event === 'error') io.write(`\n! ${String(data.message)}${data.retryable ? ' (type /retry)' : ''}\n`);
    });
  };

  io.write('> ');
  for await (const raw of io.lines) {
    const line = raw.trim();
    if (line === '/end') break;
    if (line === '/hint') {
      const res = await post(`/api/sessions/${session.id}/hint`);
      io.out(res.status === 200 ? `[coach] ${((await res.json()) as { hint: { content: string } }).hint.content}` : `! ${await errorText(res)}`);
    } else if (line === '/retry') {
      await stream(await post(`/api/sessions/${session.id}/retry`, undefined, 'text/event-stream'));
    } else if (line !== '') {
      await stream(await post(`/api/sessions/${session.id}/messages`, { text: line }, 'text/event-stream'));
    }
    io.write('> ');
  }
  io.write('\n');

  const ended = await post(`/api/sessions/${session.id}/end`);
  if (ended.status !== 200) {
    io.err(await errorText(ended));
    return 1;
  }
  const debrief = (await ended.json()) as { critique: Critique; discoveries: Array<{ fact: string; uncovered: boolean }>; hints: string[] };
  io.out(formatCritiqueReport(debrief.critique));
  io.out('\nWhat you uncovered');
  for (const d of debrief.discoveries) io.out(`  ${d.uncovered ? '[x]' : '[ ]'} ${d.fact}`);
  if (debrief.hints.length > 0) {
    io.out('\nFor next time');
    for (const h of debrief.hints) io.out(`  - ${h}`);
  }
  return 0;
}
