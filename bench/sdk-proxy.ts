import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeHttpFetch } from '../src/llm/node-http-fetch.js';
import { createOpenAIChatModel } from '../src/llm/openai-chat-model.js';

/**
 * The reference for the turn bench: a server that only forwards `{ text }` to the model through
 * the SDK, configured as the Node entry configures it (node:http fetch), with no auth, no database
 * and no coaching. What a turn could reach if everything of ours cost nothing. Prints its URL.
 */
const model = createOpenAIChatModel({
  apiKey: 'bench',
  baseURL: process.env.OPENAI_BASE_URL ?? '',
  model: 'bench',
  timeoutMs: 30_000,
  maxRetries: 0,
  fetch: createNodeHttpFetch(),
});
const server = createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d: string) => (body += d));
  req.on('end', () => {
    const { text } = JSON.parse(body) as { text: string };
    model.complete({ messages: [{ role: 'user', content: text }] }).then(
      (reply) => {
        const out = JSON.stringify({ reply: reply.text });
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(out) });
        res.end(out);
      },
      () => {
        res.writeHead(502).end();
      },
    );
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log(`sdk proxy on http://127.0.0.1:${(server.address() as AddressInfo).port}`));
process.once('SIGTERM', () => process.exit(0));
