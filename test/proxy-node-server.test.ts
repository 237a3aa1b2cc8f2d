/**
 * Issue 18, items 4 and 6, on Node's real server (`listenNode`, as `serveNode` starts it, with
 * small limits): a client sending its headers or body slowly is cut off within the timeout, the
 * connection cap holds, and behind a trusted proxy the client comes from X-Forwarded-For.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { ServerType } from '@hono/node-server';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { parseTrustedProxy } from '../src/auth/trusted-proxy.js';
import { parseConfig } from '../src/config.js';
import type { Db } from '../src/db/client.js';
import { listenNode } from '../src/entry/serve-node.js';
import { clientInfo } from '../src/http/client-info.js';
import { offlineEngine } from './support/api.js';
import { freePort } from './support/free-port.js';
import { createTestDb, testDeps } from './support/test-deps.js';

let db: Db;
let cleanup: () => void;
let server: ServerType;
let port: number;

const REQUEST_TIMEOUT_MS = 600;
const HEADERS_TIMEOUT_MS = 400;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  port = await freePort();
  const config = parseConfig({
    PORT: String(port),
    LOOP_COACH_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    LOOP_COACH_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
    LOOP_COACH_TRUSTED_PROXY: 'loopback',
    LOOP_COACH_GUEST_LIMIT: '2',
  });
  const deps = testDeps(db, { env: { LOOP_COACH_GUEST_LIMIT: '2' }, engine: offlineEngine() });
  const app = createApp({ ...deps, ...clientInfo(config.trustedProxy ?? parseTrustedProxy('none'), (c) => getConnInfo(c).remote.address) });
  server = await listenNode(app.fetch, config);
});
afterAll(async () => {
  if ('closeAllConnections' in server) server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  cleanup();
});

/** A raw socket that writes `data` and reports what came back and when the server closed it. */
function rawClient(data: string, to = port): Promise<{ socket: Socket; closed: Promise<{ afterMs: number; received: string }> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(to, '127.0.0.1');
    const started = performance.now();
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (received += d));
    socket.once('error', () => undefined);
    const closed = new Promise<{ afterMs: number; received: string }>((done) =>
      socket.once('close', () => done({ afterMs: performance.now() - started, received })),
    );
    socket.once('connect', () => {
      if (data) socket.write(data);
      resolve({ socket, closed });
    });
    socket.once('error', reject);
  });
}

describe('the Node server', () => {
  it('has timeouts of about 30 s and a connection cap by default, each configurable', () => {
    expect(parseConfig({})).toMatchObject({ requestTimeoutMs: 30_000, headersTimeoutMs: 20_000, maxConnections: 1_000 });
    // Node refuses a headers timeout longer than the request's: so does the config, naming the variable.
    expect(() => parseConfig({ LOOP_COACH_HEADERS_TIMEOUT_MS: '40000' })).toThrow(/LOOP_COACH_HEADERS_TIMEOUT_MS/);
    expect(() => parseConfig({ LOOP_COACH_MAX_CONNECTIONS: '0' })).toThrow(/LOOP_COACH_MAX_CONNECTIONS/);
  });

  it('closes a connection whose body trickles in, with 408, within the request timeout', async () => {
    const { closed } = await rawClient(
      'POST /api/auth/guest HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":',
    );
    const { afterMs, received } = await closed;
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect(afterMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50);
    // Node checks its timeouts every 100 ms here; the rest is slack for a busy machine.
    expect(afterMs).toBeLessThan(REQUEST_TIMEOUT_MS + 3_000);
  });

  it('closes a connection whose headers never end, within the headers timeout', async () => {
    const { socket, closed } = await rawClient('GET /healthz HTTP/1.1\r\nHost: localhost\r\n');
    const drip = setInterval(() => socket.writable && socket.write('X-Slow: 1\r\n'), 100);
    const { afterMs, received } = await closed;
    clearInterval(drip);
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect(afterMs).toBeLessThan(HEADERS_TIMEOUT_MS + 3_000);
  });

  it('answers a request that arrives in time', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
  });

  it('holds at most maxConnections sockets open: the next one is closed at once', async () => {
    // Its own server, with timeouts long enough that the held sockets stay open however busy the machine is.
    const capped = await listenNode(() => new Response('ok'), {
      port: await freePort(),
      requestTimeoutMs: 20_000,
      headersTimeoutMs: 20_000,
      maxConnections: 2,
    });
    const cappedPort = (capped.address() as { port: number }).port;
    try {
      const held = await Promise.all([rawClient('', cappedPort), rawClient('', cappedPort)]);
      // Give the server a moment to count the two.
      await new Promise((r) => setTimeout(r, 100));
      const extra = await rawClient('GET / HTTP/1.1\r\nHost: localhost\r\n\r\n', cappedPort);
      // Dropped unanswered; under the cap it would have had its 200.
      expect((await extra.closed).received).toBe('');
      for (const { socket } of held) socket.destroy();
      await Promise.all(held.map((h) => h.closed));
      await new Promise((r) => setTimeout(r, 100));
      expect((await fetch(`http://127.0.0.1:${cappedPort}/`)).status).toBe(200);
    } finally {
      if ('closeAllConnections' in capped) capped.closeAllConnections();
      await new Promise((resolve) => capped.close(resolve));
    }
  });

  it('behind a trusted proxy (loopback here), limits guests by the X-Forwarded-For client, not by the proxy', async () => {
    const guest = (client: string) => fetch(`http://127.0.0.1:${port}/api/auth/guest`, { method: 'POST', headers: { 'x-forwarded-for': client } });
    for (const client of ['198.51.100.61', '198.51.100.62', '198.51.100.63']) expect((await guest(client)).status).toBe(201);
    expect((await guest('198.51.100.64')).status).toBe(201);
    expect((await guest('198.51.100.64')).status).toBe(201);
    expect((await guest('198.51.100.64')).status).toBe(429);
  });
});
