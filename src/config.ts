import { z } from 'zod';
import { parseTrustedProxy } from './auth/trusted-proxy.js';
import { PROVIDERS, type Provider } from './llm/chat-model.js';

/**
 * Every setting and limit, parsed once from the environment by an entry point. Later issues add
 * their limits here so the README's table stays the one list. Strings in, typed values out,
 * because both `process.env` and Worker bindings hand us strings.
 */
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

export const DEFAULT_MODEL = 'gpt-4.1-mini';
/** A critique's per-attempt timeout unless set (or the model timeout, when that is longer). */
export const DEFAULT_CRITIQUE_TIMEOUT_MS = 120_000;

export const ConfigSchema = z
  .object({
    PORT: int(1, 65_535).default(8787),
    DATABASE_URL: z
      .string()
      .trim()
      .min(1)
      .default('file:data/loop-coach.db')
      .refine((u) => /^(file:|libsql:|https?:|wss?:)/.test(u) || u === ':memory:', {
        message: 'must start with file:, libsql:, http(s): or ws(s):',
      }),
    DATABASE_AUTH_TOKEN: optionalText,
    OPENAI_API_KEY: optionalText,
    OPENAI_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
    LOOP_COACH_MODEL: z.string().trim().min(1).default(DEFAULT_MODEL),
    LOOP_COACH_PERSONA_MODEL: optionalText,
    LOOP_COACH_CRITIQUE_MODEL: optionalText,
    LOOP_COACH_CLASSIFIER_MODEL: optionalText,
    LOOP_COACH_HINT_MODEL: optionalText,
    LOOP_COACH_PROVIDER: z.enum(['auto', ...PROVIDERS]).default('auto'),
    LOOP_COACH_MODEL_TIMEOUT_MS: int(100, 600_000).default(30_000),
    LOOP_COACH_MODEL_RETRIES: int(0, 10).default(2),
    LOOP_COACH_CRITIQUE_TIMEOUT_MS: int(100, 1_800_000).optional(),
    LOOP_COACH_LOCK_LEASE_MS: int(1_000, 600_000).default(20_000),
    LOOP_COACH_RATE_LIMIT: int(0, 1_000_000).default(30),
    LOOP_COACH_GUEST_LIMIT: int(0, 1_000_000).default(10),
    LOOP_COACH_BODY_LIMIT_BYTES: int(1_024, 10_485_760).default(65_536),
    LOOP_COACH_TOKEN_TTL_DAYS: int(1, 3_650).default(30),
    LOOP_COACH_TOKEN_MAX_AGE_DAYS: int(1, 3_650).default(90),
    LOOP_COACH_TRUSTED_PROXY: z
      .string()
      .trim()
      .transform((spec, ctx) => {
        try {
          return parseTrustedProxy(spec);
        } catch (err) {
          ctx.addIssue({ code: 'custom', message: (err as Error).message });
          return z.NEVER;
        }
      })
      .optional(),
    // Only an origin: a path or query would never match what a browser reports.
    LOOP_COACH_PUBLIC_ORIGIN: z
      .url({ protocol: /^https?$/ })
      .refine(
        (u) => {
          // zod runs this even after the URL check failed: an unparseable value is simply not an origin.
          const url = URL.canParse(u) ? new URL(u) : undefined;
          return url !== undefined && url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
        },
        { message: 'must be an origin, such as https://coach.example.com' },
      )
      .transform((u) => new URL(u).origin)
      .optional(),
    LOOP_COACH_REQUEST_TIMEOUT_MS: int(100, 600_000).default(30_000),
    LOOP_COACH_HEADERS_TIMEOUT_MS: int(100, 600_000).default(20_000),
    LOOP_COACH_MAX_CONNECTIONS: int(1, 1_000_000).default(1_000),
    LOOP_COACH_DRAFT_MAX_CHARS: int(100, 100_000).default(8_000),
    LOOP_COACH_ANALYSIS_BUDGET_MS: int(1, 60_000).default(250),
    LOOP_COACH_MAX_TURNS: int(1, 10_000).default(300),
    LOOP_COACH_TURN_MAX_CHARS: int(100, 100_000).default(2_000),
    LOOP_COACH_MAX_SESSIONS: int(1, 1_000_000).default(1_000),
    LOOP_COACH_MAX_DRAFTS: int(1, 1_000_000).default(5_000),
    LOOP_COACH_MAX_RELATIONSHIPS: int(1, 100_000).default(100),
    LOOP_COACH_MAX_ENTRIES: int(1, 1_000_000).default(5_000),
    LOOP_COACH_STOP_LOOPING_AFTER: int(1, 100).default(3),
  })
  .transform((env, ctx) => {
    const provider: Provider = env.LOOP_COACH_PROVIDER === 'auto' ? (env.OPENAI_API_KEY ? 'openai' : 'offline') : env.LOOP_COACH_PROVIDER;
    if (provider === 'openai' && !env.OPENAI_API_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['OPENAI_API_KEY'],
        message: 'is required when LOOP_COACH_PROVIDER=openai (or use LOOP_COACH_PROVIDER=offline)',
      });
      return z.NEVER;
    }
    if (env.LOOP_COACH_HEADERS_TIMEOUT_MS > env.LOOP_COACH_REQUEST_TIMEOUT_MS) {
      ctx.addIssue({ code: 'custom', path: ['LOOP_COACH_HEADERS_TIMEOUT_MS'], message: 'must not be longer than LOOP_COACH_REQUEST_TIMEOUT_MS' });
      return z.NEVER;
    }
    const offline = provider === 'offline';
    const pick = (own: string | undefined) => (offline ? 'offline' : (own ?? env.LOOP_COACH_MODEL));
    const models = {
      persona: pick(env.LOOP_COACH_PERSONA_MODEL),
      critique: pick(env.LOOP_COACH_CRITIQUE_MODEL),
      classifier: pick(env.LOOP_COACH_CLASSIFIER_MODEL),
      hint: pick(env.LOOP_COACH_HINT_MODEL),
    };
    return {
      port: env.PORT,
      databaseUrl: env.DATABASE_URL,
      databaseAuthToken: env.DATABASE_AUTH_TOKEN,
      provider,
      openai: { apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL },
      /** The persona's model: what /healthz names and what a rehearsal's replies are stored with. */
      model: models.persona,
      /** A model per job, each LOOP_COACH_MODEL unless its own variable names another; the classifier reads each user turn (`off`: the analyzer does). */
      models,
      modelTimeoutMs: env.LOOP_COACH_MODEL_TIMEOUT_MS,
      modelRetries: env.LOOP_COACH_MODEL_RETRIES,
      /** A critique reads a whole draft and writes a rewrite: slower than a reply, so it has its own per-attempt timeout. */
      critiqueTimeoutMs: env.LOOP_COACH_CRITIQUE_TIMEOUT_MS ?? Math.max(env.LOOP_COACH_MODEL_TIMEOUT_MS, DEFAULT_CRITIQUE_TIMEOUT_MS),
      /** How long a session's turn lock outlives its holder's last heartbeat (a crashed process's lock is free this long after). */
      lockLeaseMs: env.LOOP_COACH_LOCK_LEASE_MS,
      rateLimitPerMinute: env.LOOP_COACH_RATE_LIMIT,
      guestLimitPerMinute: env.LOOP_COACH_GUEST_LIMIT,
      bodyLimitBytes: env.LOOP_COACH_BODY_LIMIT_BYTES,
      /** A token's lifetime from when it is issued. Renewal never extends a token, it replaces it, so no token outlives the max age. */
      tokenTtlMs: Math.min(env.LOOP_COACH_TOKEN_TTL_DAYS, env.LOOP_COACH_TOKEN_MAX_AGE_DAYS) * 86_400_000,
      /** Which proxies' headers name the client and its scheme; the entry point picks the default (Node: none, Worker: Cloudflare). */
      trustedProxy: env.LOOP_COACH_TRUSTED_PROXY,
      /**
       * The origin people reach the site at: passkeys are made for its host name and signed for it.
       * Unset, each request's own host and scheme (the trusted proxy's word on https) decide.
       */
      publicOrigin: env.LOOP_COACH_PUBLIC_ORIGIN,
      /** Node's server: the whole request (`requestTimeout`), its headers (`headersTimeout`), open sockets at once (`maxConnections`). */
      requestTimeoutMs: env.LOOP_COACH_REQUEST_TIMEOUT_MS,
      headersTimeoutMs: env.LOOP_COACH_HEADERS_TIMEOUT_MS,
      maxConnections: env.LOOP_COACH_MAX_CONNECTIONS,
      draftMaxChars: env.LOOP_COACH_DRAFT_MAX_CHARS,
      /**
       * How long the offline analyzer may read one text (a draft, a turn, the end of a rehearsal);
       * past it the rest of the checks are not read and the critique or reading says so (`partial`).
       */
      analysisBudgetMs: env.LOOP_COACH_ANALYSIS_BUDGET_MS,
      maxTurns: env.LOOP_COACH_MAX_TURNS,
      turnMaxChars: env.LOOP_COACH_TURN_MAX_CHARS,
      maxSessions: env.LOOP_COACH_MAX_SESSIONS,
      maxDrafts: env.LOOP_COACH_MAX_DRAFTS,
      /** Relationships, and journal entries across them, one account may keep. */
      maxRelationships: env.LOOP_COACH_MAX_RELATIONSHIPS,
      maxEntries: env.LOOP_COACH_MAX_ENTRIES,
      /** One-sided loops (help given, goal raised, not engaged with) before the plan warns: stop looping. */
      stopLoopingAfter: env.LOOP_COACH_STOP_LOOPING_AFTER,
    };
  });

export type Config = z.output<typeof ConfigSchema>;

/** The variables the config reads, all strings as the environment and Worker bindings give them. */
export type ConfigEnv = { [K in keyof z.input<typeof ConfigSchema>]?: string };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Unset and empty variables both mean "use the default", as shells and .env files disagree on which they send. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = ConfigSchema.safeParse(present);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((i) => {
      const key = i.path.join('.');
      const secret = /KEY|TOKEN/.test(key);
      const got = typeof present[key] === 'string' && !secret ? ` (got ${JSON.stringify(present[key])})` : '';
      return `${key}: ${i.message}${got}`;
    }),
  );
}
