import { createApp, type App } from '../app.js';
import { ConfigError, parseConfig } from '../config.js';
import { createWebDb } from '../db/client-web.js';
import type { LogEntry } from '../deps.js';
import { createIdGenerator } from '../ids.js';
import { createChatModel } from '../llm/create-chat-model.js';

/** Bindings from wrangler.toml `[vars]` and secrets (`wrangler secret put`). All strings. */
export interface Env {
  DATABASE_URL?: string;
  DATABASE_AUTH_TOKEN?: string;
  OPENAI_API_KEY?: string;
  OPENAI_BASE_URL?: string;
  LOOP_COACH_MODEL?: string;
  LOOP_COACH_PROVIDER?: string;
  LOOP_COACH_MODEL_TIMEOUT_MS?: string;
  LOOP_COACH_MODEL_RETRIES?: string;
  LOOP_COACH_RATE_LIMIT?: string;
  LOOP_COACH_BODY_LIMIT_BYTES?: string;
  LOOP_COACH_TOKEN_TTL_DAYS?: string;
  LOOP_COACH_DRAFT_MAX_CHARS?: string;
  LOOP_COACH_MAX_TURNS?: string;
  LOOP_COACH_TURN_MAX_CHARS?: string;
  LOOP_COACH_MAX_SESSIONS?: string;
  LOOP_COACH_MAX_DRAFTS?: string;
}

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
    model: createChatModel(config),
    now,
    newId: createIdGenerator(now),
    log,
    // Set by Cloudflare's edge on every request; a client cannot forge it there.
    clientAddress: (c) => c.req.header('cf-connecting-ip'),
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
