import { z } from '@hono/zod-openapi';
import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Log } from '../deps.js';
import { AppError, MalformedJsonError, NotFoundError, UnsupportedContentTypeError, ValidationError } from '../errors.js';
import { SEND_JSON } from './json-body.js';
import type { AppEnv } from './app-env.js';

/** The one error shape every failure takes, the same shape the OpenAI API uses. */
export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
      retryable: z.boolean().optional(),
    }),
  })
  .openapi('Error');
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

const ERROR_DESCRIPTIONS = {
  400: 'Malformed or invalid request',
  401: 'No token, or an unknown, expired or revoked one',
  404: 'Not found, or not yours',
  409: 'A conflicting write is in flight',
  413: 'Body too large',
  422: 'Valid, but refused by a rule',
  429: 'Rate limited; see retry-after',
  502: 'The model gave a bad reply or refused our configuration',
  503: 'The model is unavailable or rate limiting us',
  504: 'The model timed out',
} as const;
type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

/** OpenAPI response entries for the error statuses a route can answer with. */
export function errorResponses<S extends ErrorStatus>(...statuses: S[]) {
  const content = { 'application/json': { schema: ErrorBodySchema } };
  const entries = statuses.map((s) => [s, { description: ERROR_DESCRIPTIONS[s] as string, content }] as const);
  return Object.fromEntries(entries) as { [K in S]: { description: string; content: typeof content } };
}

function fromHttpException(err: HTTPException): AppError | undefined {
  // Hono's own validator and body parsing raise these; map the ones a client can cause.
  if (err.status === 400 && /json/i.test(err.message)) return new MalformedJsonError('The request body is not valid JSON.');
  if (err.status === 404) return new NotFoundError('Not found.');
  // @hono/zod-openapi's media-type gate: a body route sent an empty body under another content type.
  if (err.status === 415) return new UnsupportedContentTypeError(SEND_JSON);
  // Any other 4xx is the client's doing: never let it pass for our own failure (500).
  if (err.status >= 400 && err.status < 500) return new ValidationError(err.message || 'Bad request.');
  return undefined;
}

export function problemHandler(log: Log): ErrorHandler<AppEnv> {
  return (err, c) => {
    const known = err instanceof AppError ? err : err instanceof HTTPException ? fromHttpException(err) : undefined;
    if (!known) {
      // Unknown failures are ours, not the client's: log everything, show nothing.
      log({
        level: 'error',
        msg: 'unhandled error',
        requestId: c.get('requestId'),
        error: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err),
      });
      const body: ErrorBody = { error: { code: 'internal_error', message: 'Something went wrong on our side.' } };
      return c.json(body, 500);
    }
    if (known.status >= 500) {
      log({ level: 'warn', msg: known.message, code: known.code, requestId: c.get('requestId') });
    }
    if (known.retryAfterSeconds !== undefined) c.header('retry-after', String(Math.ceil(known.retryAfterSeconds)));
    const body: ErrorBody = {
      error: {
        code: known.code,
        message: known.message,
        ...(known.details !== undefined && { details: known.details }),
        ...(known.retryable && { retryable: true }),
        ...(!known.retryable && known.status >= 500 && { retryable: false }),
      },
    };
    return c.json(body, known.status);
  };
}

export const notFoundHandler: NotFoundHandler<AppEnv> = (c) => {
  const body: ErrorBody = { error: { code: 'not_found', message: `No route for ${c.req.method} ${c.req.path}.` } };
  return c.json(body, 404);
};

/** Zod issues as `{ path, message }`, with the path in the dotted form clients show next to fields. */
export function issueDetails(issues: readonly z.core.$ZodIssue[]): Array<{ path: string; message: string }> {
  return issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}
