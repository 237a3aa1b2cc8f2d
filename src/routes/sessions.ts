import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import {
  CreateSessionSchema,
  EndResultSchema,
  MessageSchema,
  SessionSchema,
  SessionSummarySchema,
  TurnBodySchema,
  TurnResultSchema,
} from '../coach/roleplay/session-schema.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { PageQuerySchema, pageSchema } from '../http/pagination.js';
import { errorResponses } from '../http/problem.js';
import { rateLimit } from '../http/rate-limit.js';
import { createRouter } from '../http/router.js';
import { messageId, messageJson, sessionJson, sessionSummaryJson } from '../services/session-view.js';
import {
  deleteSession,
  endSession,
  giveHint,
  listSessions,
  ownSession,
  startSession,
  viewSession,
  type MessageRow,
  type SessionView,
} from '../services/sessions.js';
import { beginRetry, beginTurn, produceReply, type PreparedReply } from '../services/turns.js';

const IdParams = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const security = [{ bearer: [] }];
const STREAM_NOTE =
  'With "Accept: text/event-stream" the reply streams as SSE: `delta` {text}, then `done` {userMessageId, messageId} or `error` {code, message, retryable}.';
const streamed = <T extends z.ZodType>(schema: T, description: string) => ({
  description: `${description}. ${STREAM_NOTE}`,
  content: { 'application/json': { schema }, 'text/event-stream': { schema: z.string() } },
});

const routes = {
  create: createRoute({
    method: 'post',
    path: '/',
    tags: ['sessions'],
    summary: 'Start a rehearsal: the persona opens the conversation',
    security,
    request: { body: { required: true, content: { 'application/json': { schema: CreateSessionSchema } } } },
    responses: { 201: json(SessionSchema, 'The new session with the opening line'), ...errorResponses(400, 401, 413, 422, 429) },
  }),
  list: createRoute({
    method: 'get',
    path: '/',
    tags: ['sessions'],
    summary: 'Your rehearsals, newest first',
    security,
    request: { query: PageQuerySchema },
    responses: { 200: json(pageSchema(SessionSummarySchema), 'A page of sessions'), ...errorResponses(400, 401) },
  }),
  get: createRoute({
    method: 'get',
    path: '/{id}',
    tags: ['sessions'],
    summary: 'One rehearsal with its transcript (and, once ended, critique, discoveries and brief)',
    security,
    request: { params: IdParams },
    responses: { 200: json(SessionSchema, 'The session'), ...errorResponses(401, 404) },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/{id}',
    tags: ['sessions'],
    summary: 'Delete a rehearsal',
    security,
    request: { params: IdParams },
    responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 404) },
  }),
  turn: createRoute({
    method: 'post',
    path: '/{id}/messages',
    tags: ['sessions'],
    summary: 'Say your next line; the persona replies',
    security,
    request: { params: IdParams, body: { required: true, content: { 'application/json': { schema: TurnBodySchema } } } },
    responses: { 200: streamed(TurnResultSchema, 'Your line and the reply'), ...errorResponses(400, 401, 404, 409, 413, 422, 429, 502, 503, 504) },
  }),
  retry: createRoute({
    method: 'post',
    path: '/{id}/retry',
    tags: ['sessions'],
    summary: 'Regenerate the last reply after it failed',
    security,
    request: { params: IdParams },
    responses: { 200: streamed(z.object({ reply: MessageSchema }), 'The new reply'), ...errorResponses(401, 404, 409, 422, 429, 502, 503, 504) },
  }),
  hint: createRoute({
    method: 'post',
    path: '/{id}/hint',
    tags: ['sessions'],
    summary: 'Ask the coach, out of character, for the next move',
    security,
    request: { params: IdParams },
    responses: {
      200: json(z.object({ hint: MessageSchema }), 'The hint, also stored in the transcript'),
      ...errorResponses(401, 404, 422, 429, 502, 503, 504),
    },
  }),
  end: createRoute({
    method: 'post',
    path: '/{id}/end',
    tags: ['sessions'],
    summary: 'End the rehearsal: critique of your turns, discoveries, hints and the hidden brief',
    security,
    request: { params: IdParams },
    responses: { 200: json(EndResultSchema, 'The debrief'), ...errorResponses(401, 404, 409, 422, 429, 502, 503, 504) },
  }),
};

function wantsStream(c: Context): boolean {
  return (c.req.header('accept') ?? '').includes('text/event-stream');
}

/** Mounted behind `requireUser`: every query is scoped to `c.get('user')`. */
export function sessionRoutes(deps: Deps) {
  const app = createRouter();
  for (const path of ['/:id/messages', '/:id/retry', '/:id/hint', '/:id/end']) app.use(path, rateLimit(deps));

  const own = (c: Context<AppEnv>, id: string) => ownSession(deps, c.get('user').id, id);
  const viewJson = (view: SessionView) => sessionJson(view.session, view.messages, view.debrief?.critique);

  /** Streams a prepared reply as SSE; client errors were raised (with their status) before this point. */
  const streamReply = (c: Context<AppEnv>, prepared: PreparedReply) =>
    streamSSE(c, async (stream) => {
      try {
        const r = await produceReply(deps, prepared, {
          onDelta: (text) => stream.writeSSE({ event: 'delta', data: JSON.stringify({ text }) }),
          signal: c.req.raw.signal,
        });
        const ids = {
          messageId: messageId(r.sessionId, r.seq),
          ...(prepared.userMessage && { userMessageId: messageId(prepared.userMessage.sessionId, prepared.userMessage.seq) }),
        };
        await stream.writeSSE({ event: 'done', data: JSON.stringify(ids) });
      } catch (err) {
        const known = err instanceof AppError ? err : undefined;
        if (!known) deps.log({ level: 'error', msg: 'stream failed', requestId: c.get('requestId'), error: String(err) });
        // The reply is marked failed and the lock released, so a retry is always allowed; `retryable`
        // says whether it can help (a refused key or an unknown model cannot), as the JSON answer does.
        const body = known
          ? { code: known.code, message: known.message, retryable: known.retryable }
          : { code: 'internal_error', message: 'Something went wrong on our side.', retryable: true };
        await stream.writeSSE({ event: 'error', data: JSON.stringify(body) });
      }
    });

  return app
    .openapi(routes.create, async (c) => {
      const created = await startSession(deps, c.get('user').id, c.req.valid('json'));
      return c.json(viewJson(await viewSession(deps, created)), 201);
    })
    .openapi(routes.list, async (c) => {
      const page = await listSessions(deps, c.get('user').id, c.req.valid('query'));
      return c.json({ items: page.items.map((s) => sessionSummaryJson(s, s.score)), nextCursor: page.nextCursor }, 200);
    })
    .openapi(routes.get, async (c) => {
      const session = await own(c, c.req.valid('param').id);
      return c.json(viewJson(await viewSession(deps, session)), 200);
    })
    .openapi(routes.remove, async (c) => {
      await deleteSession(deps, c.get('user').id, c.req.valid('param').id);
      return c.body(null, 204);
    })
    .openapi(routes.turn, async (c) => {
      const prepared = await beginTurn(deps, c.get('user').id, c.req.valid('param').id, c.req.valid('json').text);
      if (wantsStream(c)) return streamReply(c, prepared);
      const r = await produceReply(deps, prepared);
      return c.json({ userMessage: messageJson(prepared.userMessage as MessageRow), reply: messageJson(r) }, 200);
    })
    .openapi(routes.retry, async (c) => {
      const session = await own(c, c.req.valid('param').id);
      const prepared = await beginRetry(deps, session);
      if (wantsStream(c)) return streamReply(c, prepared);
      return c.json({ reply: messageJson(await produceReply(deps, prepared)) }, 200);
    })
    .openapi(routes.hint, async (c) => {
      const hint = await giveHint(deps, await own(c, c.req.valid('param').id));
      return c.json({ hint: messageJson(hint) }, 200);
    })
    .openapi(routes.end, async (c) => {
      const ended = await endSession(deps, await own(c, c.req.valid('param').id));
      return c.json({ session: viewJson(ended), ...ended.debrief }, 200);
    });
}
