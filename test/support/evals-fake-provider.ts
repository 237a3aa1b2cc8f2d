/**
 * A stand-in model behind the scripted OpenAI-compatible server for the evals tests: it answers
 * each prompt the evals send (critique, judges, persona, simulated user, summary) by what the
 * request is, so a whole suite can run through the real OpenAI client without a real model.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { offlineCritique } from '../../src/coach/critique/offline-critique.js';
import { readTurnOffline } from '../../src/coach/reading/read-turn.js';
import { ModeSchema } from '../../src/coach/rubric.js';
import type { RecordedRequest, Script } from './scripted-openai-server.js';

export interface FakeAnswers {
  /** Verdict for a judge prompt; default pass. */
  judge?: (prompt: string) => { verdict: 'pass' | 'fail'; reasoning: string };
  /** A persona's reply, given its system prompt. */
  persona?: (system: string) => string;
  /** The simulated user's next line, given the prompt (END to stop). */
  user?: (prompt: string) => string;
}

function reply(res: ServerResponse, recorded: RecordedRequest, content: string) {
  const promptChars = (recorded.body?.messages ?? []).reduce((n, m) => n + (typeof m.content === 'string' ? m.content.length : 0), 0);
  const usage = { prompt_tokens: Math.ceil(promptChars / 4), completion_tokens: Math.ceil(content.length / 4) };
  // Rehearsals stream, as the page does: the reply comes as chunks, its usage last.
  if (recorded.body?.stream === true) {
    const chunk = (extra: object) =>
      `data: ${JSON.stringify({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 0, model: recorded.body?.model ?? '', ...extra })}\n\n`;
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    for (const piece of content.match(/\S+\s*/g) ?? []) res.write(chunk({ choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] }));
    res.write(chunk({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }));
    if (recorded.body.stream_options?.include_usage)
      res.write(chunk({ choices: [], usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } }));
    res.end('data: [DONE]\n\n');
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' }).end(
    JSON.stringify({
      id: 'chatcmpl-fake',
      object: 'chat.completion',
      created: 0,
      model: recorded.body?.model ?? '',
      choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop' }],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    }),
  );
}

export function fakeProvider(answers: FakeAnswers = {}): Script {
  return {
    kind: 'raw',
    handler: (_req: IncomingMessage, res: ServerResponse, recorded: RecordedRequest) => {
      const messages = recorded.body?.messages ?? [];
      const first = String(messages[0]?.content ?? '');
      const schema = (recorded.body?.response_format as { json_schema?: { name?: string } } | undefined)?.json_schema?.name;
      if (schema === 'critique') {
        const text = /<<<MESSAGE-(\w+)\n([\s\S]*)\nMESSAGE-\1>>>/.exec(first)?.[2] ?? '';
        const mode = ModeSchema.parse(/for mode "(\w+)"/.exec(first)?.[1]);
        return reply(res, recorded, JSON.stringify(offlineCritique(text, mode)));
      }
      if (schema === 'turn_reading') {
        // Reads the line as the analyzer does, so a model run's readings match the offline ones.
        const blocks = [...first.matchAll(/<<<(\w+-\w+)\n([\s\S]*?)\n\1>>>/g)].map((m) => m[2] ?? '');
        const mode = /The user is the manager/.test(first) ? 'manager' : 'employee';
        const { acts, checks, tone } = readTurnOffline(blocks.at(-1) ?? '', mode);
        return reply(res, recorded, JSON.stringify({ acts, checks, tone }));
      }
      if (schema === 'judge_verdict') return reply(res, recorded, JSON.stringify(answers.judge?.(first) ?? { verdict: 'pass', reasoning: 'looks fine' }));
      if (first.startsWith('You are role-playing'))
        return reply(res, recorded, answers.persona?.(first) ?? "Mm. Sorry, Slack is lighting up. What's the main thing?");
      if (first.startsWith('You are playing a person')) return reply(res, recorded, answers.user?.(first) ?? 'END');
      return reply(res, recorded, 'The user and the persona talked about work.');
    },
  };
}
