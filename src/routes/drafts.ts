import { createRoute, z } from '@hono/zod-openapi';
import { CritiqueSchema } from '../coach/critique/critique-schema.js';
import { CritiqueAgainBodySchema, CritiqueDraftBodySchema, DraftContextSchema } from '../coach/critique/draft-schema.js';
import type { Purpose } from '../coach/critique/purpose.js';
import { ModeSchema, type Mode } from '../coach/rubric.js';
import type { Deps } from '../deps.js';
import { PageQuerySchema, pageSchema } from '../http/pagination.js';
import { errorResponses } from '../http/problem.js';
import { rateLimit } from '../http/rate-limit.js';
import { createRouter } from '../http/router.js';
import { ValidationError } from '../errors.js';
import { critiqueDraft, deleteDraft, listDrafts, ownDraft, saveDraft, viewDraft, type DraftView } from '../services/drafts.js';

const DraftSchema = z
  .object({
    id: z.string(),
    mode: ModeSchema,
    text: z.string(),
    context: DraftContextSchema,
    createdAt: z.iso.datetime(),
    /** The latest critique, or null when every attempt failed (retry with POST /api/drafts/{id}/critique). */
    critique: CritiqueSchema.nullable(),
  })
  .openapi('Draft');

const IdParams = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const security = [{ bearer: [] }];

const critiqueNew = createRoute({
  method: 'post',
  path: '/critique',
  tags: ['drafts'],
  summary: 'Save a draft message and critique it against the Magic Loop rubric',
  security,
  request: { body: { required: true, content: { 'application/json': { schema: CritiqueDraftBodySchema } } } },
  responses: { 201: json(CritiqueSchema, 'The critique; `draftId` names the saved draft'), ...errorResponses(400, 401, 413, 422, 429, 502, 503, 504) },
});
const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['drafts'],
  summary: 'Your drafts, newest first',
  security,
  request: { query: PageQuerySchema },
  responses: { 200: json(pageSchema(DraftSchema), 'A page of drafts'), ...errorResponses(400, 401) },
});
const get = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['drafts'],
  summary: 'One of your drafts with its latest critique',
  security,
  request: { params: IdParams },
  responses: { 200: json(DraftSchema, 'The draft'), ...errorResponses(401, 404) },
});
const remove = createRoute({
  method: 'delete',
  path: '/{id}',
  tags: ['drafts'],
  summary: 'Delete a draft and its critiques',
  security,
  request: { params: IdParams },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 404) },
});
const critiqueAgain = createRoute({
  method: 'post',
  path: '/{id}/critique',
  tags: ['drafts'],
  summary: 'Critique a saved draft again (after a model failure, with another engine, or against a purpose you name)',
  security,
  request: { params: IdParams, body: { required: false, content: { 'application/json': { schema: CritiqueAgainBodySchema } } } },
  responses: { 201: json(CritiqueSchema, 'The new critique'), ...errorResponses(400, 401, 404, 429, 502, 503, 504) },
});

/** Mounted behind `requireUser`: every handler reads and writes only `c.get('user')`'s rows. */
export function draftRoutes(deps: Deps) {
  const app = createRouter();
  app.use('/critique', rateLimit(deps));
  app.use('/:id/critique', rateLimit(deps));
  // The body is optional here, and clients that always send a JSON content type send none: an
  // empty body reads as {} rather than malformed JSON (the validator parses Hono's cached text,
  // which Hono keeps as a promise though it types it as the value).
  app.use('/:id/critique', async (c, next) => {
    if (c.req.method === 'POST' && (await c.req.text()).trim() === '') c.req.bodyCache.text = Promise.resolve('{}') as unknown as string;
    await next();
  });

  return app
    .openapi(critiqueNew, async (c) => {
      const userId = c.get('user').id;
      const body = c.req.valid('json');
      const draft = await saveDraft(deps, userId, body);
      return c.json(await critiqueDraft(deps, userId, draft, body.purpose), 201);
    })
    .openapi(list, async (c) => {
      const page = await listDrafts(deps, c.get('user').id, c.req.valid('query'));
      return c.json({ items: page.items.map(draftJson), nextCursor: page.nextCursor }, 200);
    })
    .openapi(get, async (c) => {
      const draft = await ownDraft(deps, c.get('user').id, c.req.valid('param').id);
      return c.json(draftJson(await viewDraft(deps, draft)), 200);
    })
    .openapi(remove, async (c) => {
      await deleteDraft(deps, c.get('user').id, c.req.valid('param').id);
      return c.body(null, 204);
    })
    .openapi(critiqueAgain, async (c) => {
      const userId = c.get('user').id;
      const draft = await ownDraft(deps, userId, c.req.valid('param').id);
      const purpose = (c.req.valid('json') as { purpose?: Purpose } | undefined)?.purpose;
      if (purpose !== undefined && draft.mode !== 'employee') {
        throw new ValidationError('A purpose applies to messages to your manager.', {
          details: [{ path: 'purpose', message: 'applies to messages to your manager (mode employee); a manager-mode message has one purpose' }],
        });
      }
      return c.json(await critiqueDraft(deps, userId, draft, purpose), 201);
    });
}

function draftJson({ draft, critique }: DraftView): z.infer<typeof DraftSchema> {
  return {
    id: draft.id,
    mode: draft.mode as Mode,
    text: draft.text,
    context: draft.context,
    createdAt: draft.createdAt.toISOString(),
    critique: critique ?? null,
  };
}
