import { createApp, type App } from '../app.js';
import { parseTrustedProxy } from '../auth/trusted-proxy.js';
import { ConfigError, parseConfig, type ConfigEnv } from '../config.js';
import { createWebDb } from '../db/client-web.js';
import type { LogEntry } from '../deps.js';
import { clientInfo } from '../http/client-info.js';
import { createIdGenerator } from '../ids.js';
import { createEngine } from './create-engine.js';

/** Bindings from wrangler.toml `[vars]` and secrets (`wrangler secret put`): every setting the config reads. */
export type Env = ConfigEnv;

const CLOUDFLARE = parseTrustedProxy('cloudflare');

// Workers logs collect console output; one JSON object per line keeps it queryable.
const log = (entry: LogEntry) => console.log(JSON.stringify(entry));

function buildApp(env: Env): App {
  const config = parseConfig({ ...env });
  if (config.databaseUrl.startsWith('file:') || config.databaseUrl === ':memory:') {
    throw new ConfigError([
      'DATABASE_URL: a Worker has no filesystem; set it to a libSQL server (libsql://… or https://…) and DATABASE_AUTH_TOKEN as a secret',
    ]);
  }
  const now = () => Date.now();
  return createApp({
    config,
    db: createWebDb(config.databaseUrl, config.databaseAuthToken),
    engine: createEngine(config),
    now,
    newId: createIdGenerator(now),
    log,
    // A Worker is always behind Cloudflare's edge, which sets CF-Connecting-IP on every request (a
    // client cannot forge it there), so that is the default; a Worker sees no socket peer.
    ...clientInfo(config.trustedProxy ?? CLOUDFLARE, () => undefined),
  });
}

// Built once per isolate: all state lives in the database, so any isolate can serve any request.
let cached: { env: Env; app: App } | undefined;

// The Workers module format: a default export with `fetch(request, env, ctx)`.
export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    if (cached?.env !== env) {
      try {
        cached = { env, app: buildApp(env) };
      } catch (err) {
        if (!(err instanceof ConfigError)) throw err;
        log({ level: 'error', msg: err.message });
        const body = { error: { code: 'server_misconfigured', message: err.message, retryable: false } };
        return Response.json(body, { status: 500 });
      }
    }
    return cached.app.fetch(request, env);
  },
};
