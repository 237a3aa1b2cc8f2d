import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An OpenAI-compatible server that answers at once with a fixed reply: the model a turn would
 * have if models cost nothing, so what remains is our own overhead. `onFirstDelta` reports when
 * the first streamed delta was written, for the first-token benchmark.
 */
export interface InstantModel {
  url: string;
  close(): Promise<void>;
  onFirstDelta?: (at: number) => void;
  /** Every request's messages, when `keepRequests` is set (for prompt-size measurements). */
  requests: Array<{ messages: Array<{ role: string; content: string }> }>;
}

const REPLY = 'That would really help. The quarterly planning doc is due Friday and I have not started the capacity section. Could you draft it?';

export async function startInstantModel(opts: { keepRequests?: boolean } = {}): Promise<InstantModel> {
  const model: InstantModel = { url: '', close: async () => undefined, requests: [] };
  const completion = JSON.stringify({
    id: 'chatcmpl-bench',
    object: 'chat.completion',
    created: 0,
    model: 'bench',
    choices: [{ index: 0, message: { role: 'assistant', content: REPLY }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  });
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { stream?: boolean; messages?: Array<{ role: string; content: string }> };
      if (opts.keepRequests && body.messages) model.requests.push({ messages: body.messages });
      if (!body.stream) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(completion) });
        res.end(completion);
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      const words = REPLY.split(/(?<= )/);
      const chunk = (delta: Record<string, unknown>, finish: string | null) =>
        `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 0, model: 'bench', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
      res.write(chunk({ content: words[0] }, null));
      model.onFirstDelta?.(performance.now());
      // The rest follows as a model's would, after the first delta, and in one write: a write per
      // chunk would keep this process (which also runs the timing client) busy for a millisecond.
      const rest =
        words
          .slice(1)
          .map((w) => chunk({ content: w }, null))
          .join('') +
        chunk({}, 'stop') +
        'data: [DONE]\n\n';
      setImmediate(() => res.end(rest));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  model.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  model.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return model;
}
