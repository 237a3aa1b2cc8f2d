import { encodeChat } from 'gpt-tokenizer/model/gpt-4o';
import type { Figure } from './figure.js';
import { inProcessApp } from './in-process.js';
import { startInstantModel } from './instant-model.js';

/** A user's lines of a rehearsal, in a realistic mix of moves and pitfalls. */
export const LINES = [
  'How do you see my work on the reporting pipeline so far?',
  'What is the most important thing on your plate right now, and how could I help with it?',
  "I'll take that on and have a first version to you by Friday.",
  'My goal is to be promoted to senior engineer within a year.',
  'What would you need to see from me to get to senior?',
  'Could we check in on this every month or so?',
  'That makes sense. Tell me more about the planning doc.',
  'Sure, I can look at the capacity numbers too.',
];

/**
 * Prompt growth (tokens sent at turn 10, 50 and 200 of one session, counted with the gpt-4o
 * tokenizer), SQL statements and database round trips per turn (each a network round trip on
 * the Worker's libSQL over HTTP): all deterministic, so all can fail the bench.
 */
export async function benchPromptAndQueries(): Promise<Figure[]> {
  const model = await startInstantModel({ keepRequests: true });
  const env = { LOOP_COACH_PROVIDER: 'openai', OPENAI_API_KEY: 'bench', OPENAI_BASE_URL: `${model.url}/v1`, LOOP_COACH_MODEL: 'bench' };
  const ctx = await inProcessApp(env);
  try {
    const session = (await ctx.json('/api/sessions', { method: 'POST', headers: ctx.headers, body: JSON.stringify({ scenarioId: 'goal-alignment' }) })) as {
      id: string;
    };
    const tokensAt = new Map<number, number>();
    const statements: number[] = [];
    const roundTrips: number[] = [];
    for (let turn = 1; turn <= 200; turn++) {
      const before = model.requests.length;
      const counted = ctx.counter.count;
      const trips = ctx.counter.roundTrips;
      await ctx.json(`/api/sessions/${session.id}/messages`, {
        method: 'POST',
        headers: ctx.headers,
        body: JSON.stringify({ text: LINES[turn % LINES.length] }),
      });
      statements.push(ctx.counter.count - counted);
      roundTrips.push(ctx.counter.roundTrips - trips);
      // The reply is the last model call of the turn (a summary fold may come before it).
      const reply = model.requests.slice(before).at(-1);
      if (reply && [10, 50, 200].includes(turn)) tokensAt.set(turn, encodeChat(reply.messages as Parameters<typeof encodeChat>[0]).length);
    }
    const t10 = tokensAt.get(10) ?? Number.NaN;
    const r50 = (tokensAt.get(50) ?? Number.NaN) / t10;
    const r200 = (tokensAt.get(200) ?? Number.NaN) / t10;
    const maxStatements = Math.max(...statements);
    const maxTrips = Math.max(...roundTrips);
    return [
      {
        name: 'prompt tokens, turn 50 / turn 10',
        value: r50,
        unit: 'x',
        baseline: `${t10} tokens at turn 10`,
        detail: `${tokensAt.get(50)} at turn 50`,
        bar: '<= 1.5',
        pass: r50 <= 1.5,
        deterministic: true,
      },
      {
        name: 'prompt tokens, turn 200 / turn 10',
        value: r200,
        unit: 'x',
        baseline: `${t10} tokens at turn 10`,
        detail: `${tokensAt.get(200)} at turn 200`,
        bar: '<= 1.5',
        pass: r200 <= 1.5,
        deterministic: true,
      },
      {
        name: 'database round trips per turn (max over 200)',
        value: maxTrips,
        unit: '',
        detail: `median ${[...roundTrips].sort((a, b) => a - b)[100]}; auth, the turn's first write (lock, messages, history), the reply's settle`,
        bar: '<= 4',
        pass: maxTrips <= 4,
        deterministic: true,
      },
      {
        name: 'SQL statements per turn (max over 200)',
        value: maxStatements,
        unit: '',
        detail: `median ${[...statements].sort((a, b) => a - b)[100]}; every statement incl. auth, not counting BEGIN/COMMIT`,
        bar: '<= 8',
        pass: maxStatements <= 8,
        deterministic: true,
      },
    ];
  } finally {
    ctx.close();
    await model.close();
  }
}
