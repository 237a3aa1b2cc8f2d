import { createRoute, z } from '@hono/zod-openapi';
import {
  CommitmentStatusSchema,
  CorrectEntrySchema,
  CreateEntrySchema,
  CreateRelationshipSchema,
  EntrySchema,
  PlanSchema,
  RehearseBodySchema,
  RelationshipSchema,
  RelationshipWithStateSchema,
  UpdateRelationshipSchema,
} from '../coach/loop/relationship-schema.js';
import { SessionSchema } from '../coach/roleplay/session-schema.js';
import type { Deps } from '../deps.js';
import { PageQuerySchema, pageSchema } from '../http/pagination.js';
import { errorResponses } from '../http/problem.js';
import { rateLimit } from '../http/rate-limit.js';
import { createRouter } from '../http/router.js';
import { limitModelCalls } from '../services/rate-limits.js';
import {
  addEntry,
  calendarFor,
  correctEntry,
  createRelationship,
  deleteEntry,
  deleteRelationship,
  entryJson,
  listEntries,
  listRelationships,
  ownRelationship,
  planFor,
  rehearse,
  relationshipJson,
  relationshipState,
  setCommitmentStatus,
  updateRelationship,
} from '../services/relationships.js';
import { sessionJson } from '../services/session-view.js';
import { viewSession } from '../services/sessions.js';

const param = (name: string) =>
  z
    .string()
    .max(64)
    .openapi({ param: { name, in: 'path' } });
const IdParams = z.object({ id: param('id') });
const EntryParams = z.object({ id: param('id'), entryId: param('entryId') });
const CommitmentParams = z.object({ id: param('id'), commitmentId: param('commitmentId') });
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });
const security = [{ bearer: [] }];
const tags = ['relationships'];

const routes = {
  create: createRoute({
    method: 'post',
    path: '/',
    tags,
    summary: 'Add a person you run the loop with (a manager, a skip-level, a report, anyone)',
    security,
    request: body(CreateRelationshipSchema),
    responses: { 201: json(RelationshipSchema, 'The new relationship'), ...errorResponses(400, 401, 413, 422) },
  }),
  list: createRoute({
    method: 'get',
    path: '/',
    tags,
    summary: 'Your relationships, newest first',
    security,
    request: { query: PageQuerySchema },
    responses: { 200: json(pageSchema(RelationshipSchema), 'A page of relationships'), ...errorResponses(400, 401) },
  }),
  get: createRoute({
    method: 'get',
    path: '/{id}',
    tags,
    summary: 'One relationship, with where the loop stands (`state`)',
    security,
    request: { params: IdParams },
    responses: { 200: json(RelationshipWithStateSchema, 'The relationship and its loop state'), ...errorResponses(401, 404) },
  }),
  update: createRoute({
    method: 'patch',
    path: '/{id}',
    tags,
    summary: 'Change a relationship: the fields given replace the stored ones',
    security,
    request: { params: IdParams, ...body(UpdateRelationshipSchema) },
    responses: { 200: json(RelationshipSchema, 'The relationship as stored'), ...errorResponses(400, 401, 404, 413) },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/{id}',
    tags,
    summary: 'Delete a relationship and its journal (rehearsals started from it stay)',
    security,
    request: { params: IdParams },
    responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 404) },
  }),
  addEntry: createRoute({
    method: 'post',
    path: '/{id}/entries',
    tags,
    summary: 'Record a real conversation (notes of a one-on-one, a message sent, a note) and read it',
    security,
    request: { params: IdParams, ...body(CreateEntrySchema) },
    responses: { 201: json(EntrySchema, 'The entry and its reading'), ...errorResponses(400, 401, 404, 413, 422, 429) },
  }),
  listEntries: createRoute({
    method: 'get',
    path: '/{id}/entries',
    tags,
    summary: "The relationship's journal, newest entry first",
    security,
    request: { params: IdParams, query: PageQuerySchema },
    responses: { 200: json(pageSchema(EntrySchema), 'A page of entries'), ...errorResponses(400, 401, 404) },
  }),
  correctEntry: createRoute({
    method: 'patch',
    path: '/{id}/entries/{entryId}',
    tags,
    summary: "Correct an entry's reading: each field given replaces the reading's",
    security,
    request: { params: EntryParams, ...body(CorrectEntrySchema) },
    responses: { 200: json(EntrySchema, 'The entry with the corrected reading'), ...errorResponses(400, 401, 404, 413) },
  }),
  removeEntry: createRoute({
    method: 'delete',
    path: '/{id}/entries/{entryId}',
    tags,
    summary: 'Delete an entry',
    security,
    request: { params: EntryParams },
    responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 404) },
  }),
  commitment: createRoute({
    method: 'patch',
    path: '/{id}/commitments/{commitmentId}',
    tags,
    summary: 'Mark a commitment done (or open again)',
    security,
    request: { params: CommitmentParams, ...body(CommitmentStatusSchema) },
    responses: { 200: json(EntrySchema, 'The entry the commitment belongs to'), ...errorResponses(400, 401, 404) },
  }),
  plan: createRoute({
    method: 'get',
    path: '/{id}/plan',
    tags,
    summary: 'Prepare the next conversation: report, ask, offer, the step-4 question, a critiqued draft, and the stop-looping check',
    security,
    request: { params: IdParams },
    responses: { 200: json(PlanSchema, 'The plan'), ...errorResponses(401, 404, 429, 502, 503, 504) },
  }),
  rehearse: createRoute({
    method: 'post',
    path: '/{id}/rehearse',
    tags,
    summary: 'Rehearse the next conversation with a persona built from the relationship',
    security,
    request: { params: IdParams, body: { required: false, content: { 'application/json': { schema: RehearseBodySchema } } } },
    responses: { 201: json(SessionSchema, 'The new rehearsal (a session) with the opening line'), ...errorResponses(400, 401, 404, 413, 422, 429) },
  }),
  calendar: createRoute({
    method: 'get',
    path: '/{id}/calendar.ics',
    tags,
    summary: 'Reminders as an iCalendar feed: the next check-in and the commitments with a date',
    security,
    request: { params: IdParams },
    responses: { 200: { description: 'An iCalendar (RFC 5545) document', content: { 'text/calendar': { schema: z.string() } } }, ...errorResponses(401, 404) },
  }),
};

/** Mounted behind `requireUser`: every handler reads and writes only `c.get('user')`'s rows. */
export function relationshipRoutes(deps: Deps) {
  const app = createRouter();
  // The routes that call the engine: reading an entry, the plan's critique, a rehearsal's session.
  for (const path of ['/:id/entries', '/:id/rehearse']) app.use(path, rateLimit(deps));
  // The plan is read with GET, which `rateLimit` lets through: it critiques, so it counts here.
  app.use('/:id/plan', async (c, next) => {
    if (deps.config.rateLimitPerMinute > 0) await limitModelCalls(deps, c.get('user').id, deps.clientAddress?.(c));
    await next();
  });
  // The body is optional, and clients that always send a JSON content type send none: empty reads as {}.
  app.use('/:id/rehearse', async (c, next) => {
    if (c.req.method === 'POST' && (await c.req.text()).trim() === '') c.req.bodyCache.text = Promise.resolve('{}') as unknown as string;
    await next();
  });
  const own = (c: { get: (key: 'user') => { id: string } }, id: string) => ownRelationship(deps, c.get('user').id, id);

  return app
    .openapi(routes.create, async (c) => c.json(relationshipJson(await createRelationship(deps, c.get('user').id, c.req.valid('json'))), 201))
    .openapi(routes.list, async (c) => {
      const page = await listRelationships(deps, c.get('user').id, c.req.valid('query'));
      return c.json({ items: page.items.map(relationshipJson), nextCursor: page.nextCursor }, 200);
    })
    .openapi(routes.get, async (c) => {
      const relationship = await own(c, c.req.valid('param').id);
      const { state } = await relationshipState(deps, relationship);
      return c.json({ ...relationshipJson(relationship), state }, 200);
    })
    .openapi(routes.update, async (c) =>
      c.json(relationshipJson(await updateRelationship(deps, c.get('user').id, c.req.valid('param').id, c.req.valid('json'))), 200),
    )
    .openapi(routes.remove, async (c) => {
      await deleteRelationship(deps, c.get('user').id, c.req.valid('param').id);
      return c.body(null, 204);
    })
    .openapi(routes.addEntry, async (c) => {
      const relationship = await own(c, c.req.valid('param').id);
      return c.json(entryJson(await addEntry(deps, relationship, c.req.valid('json')), deps.now()), 201);
    })
    .openapi(routes.listEntries, async (c) => {
      const page = await listEntries(deps, await own(c, c.req.valid('param').id), c.req.valid('query'));
      return c.json({ items: page.items.map((e) => entryJson(e, deps.now())), nextCursor: page.nextCursor }, 200);
    })
    .openapi(routes.correctEntry, async (c) => {
      const { id, entryId } = c.req.valid('param');
      return c.json(entryJson(await correctEntry(deps, await own(c, id), entryId, c.req.valid('json')), deps.now()), 200);
    })
    .openapi(routes.removeEntry, async (c) => {
      const { id, entryId } = c.req.valid('param');
      await deleteEntry(deps, await own(c, id), entryId);
      return c.body(null, 204);
    })
    .openapi(routes.commitment, async (c) => {
      const { id, commitmentId } = c.req.valid('param');
      return c.json(entryJson(await setCommitmentStatus(deps, await own(c, id), commitmentId, c.req.valid('json').status), deps.now()), 200);
    })
    .openapi(routes.plan, async (c) => c.json(await planFor(deps, await own(c, c.req.valid('param').id)), 200))
    .openapi(routes.rehearse, async (c) => {
      const relationship = await own(c, c.req.valid('param').id);
      const options = RehearseBodySchema.parse(c.req.valid('json') ?? {});
      const view = await viewSession(deps, await rehearse(deps, relationship, options));
      return c.json(sessionJson(view.session, view.messages, undefined), 201);
    })
    .openapi(routes.calendar, async (c) => {
      const relationship = await own(c, c.req.valid('param').id);
      const feed = await calendarFor(deps, relationship);
      const file = `loop-${
        relationship.name
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '') || 'reminders'
      }.ics`;
      return c.body(feed, 200, { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `inline; filename="${file}"` });
    });
}
