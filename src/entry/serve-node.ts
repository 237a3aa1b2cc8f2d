import { serve, type ServerType } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createApp } from '../app.js';
import type { Config } from '../config.js';
import { createNodeDeps } from './node-deps.js';

const SHUTDOWN_GRACE_MS = 8_000;

/** Starts the server and stops it cleanly on SIGTERM/SIGINT (in-flight requests get a grace period). */
export async function serveNode(config: Config): Promise<ServerType> {
  const deps = await createNodeDeps(config);
  // The socket's peer: behind a reverse proxy that is the proxy, so per-address limits see one client.
  const app = createApp({ ...deps, clientAddress: (c) => getConnInfo(c).remote.address });
  const server = serve({ fetch: app.fetch, port: config.port });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
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
