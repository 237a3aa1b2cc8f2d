import { serve, type ServerType } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createApp } from '../app.js';
import { warmUpAnalyzer } from '../coach/analyzer/warm-up.js';
import { TRUST_NOTHING } from '../auth/trusted-proxy.js';
import type { Config } from '../config.js';
import { clientInfo } from '../http/client-info.js';
import { createNodeDeps } from './node-deps.js';

const SHUTDOWN_GRACE_MS = 8_000;

/**
 * Node's HTTP server for `fetch`, listening on `config.port`, with the limits a server facing
 * the internet needs: a client that sends its headers or its body slowly is cut off after
 * `headersTimeoutMs` or `requestTimeoutMs` (408; a slow trickle would otherwise hold a socket and
 * its memory for as long as it liked), and at most `maxConnections` sockets are open at once
 * (beyond that new ones are closed at once). A response may take as long as it needs: the
 * timeouts cover receiving the request, not streaming the reply.
 */
export async function listenNode(
  fetch: (request: Request, env: unknown) => Response | Promise<Response>,
  config: Pick<Config, 'port' | 'requestTimeoutMs' | 'headersTimeoutMs' | 'maxConnections'>,
): Promise<ServerType> {
  const server = serve({
    fetch,
    port: config.port,
    serverOptions: {
      requestTimeout: config.requestTimeoutMs,
      headersTimeout: config.headersTimeoutMs,
      // Node checks the two timeouts on this interval (30 s by default, which would double them).
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(config.headersTimeoutMs / 4))),
    },
  });
  server.maxConnections = config.maxConnections;
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  return server;
}

/** Starts the server and stops it cleanly on SIGTERM/SIGINT (in-flight requests get a grace period). */
export async function serveNode(config: Config): Promise<ServerType> {
  const deps = await createNodeDeps(config);
  // Paid before listening, so the analyzer's time budget does not cut the first requests short.
  warmUpAnalyzer();
  // The socket's peer is the client, unless LOOP_COACH_TRUSTED_PROXY says which proxies stand in between.
  const client = clientInfo(config.trustedProxy ?? TRUST_NOTHING, (c) => getConnInfo(c).remote.address);
  const app = createApp({ ...deps, ...client });
  const server = await listenNode(app.fetch, config);
  const engine = deps.engine.provider === 'offline' ? 'offline (built-in, no model calls)' : `openai, model ${deps.engine.model}`;
  console.log(`Loop Coach listening on http://localhost:${config.port} (engine: ${engine}; database: ${config.databaseUrl})`);

  const stop = (signal: string) => {
    console.log(`${signal} received, shutting down`);
    // Keep-alive sockets would hold close() open; a hard deadline keeps the 10 s promise.
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    server.close(() => {
      deps.db.$client.close();
      process.exit(0);
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  return server;
}
