import { createRoute, z } from '@hono/zod-openapi';
import { CheckIdSchema, ModeSchema } from '../coach/rubric.js';
import { DifficultySchema, PersonaIdSchema, ScenarioIdSchema } from '../coach/roleplay/session-schema.js';
import { PERSONAS, personasFor, SCENARIOS } from '../coach/scenarios/index.js';
import { createRouter } from '../http/router.js';

const ScenarioInfoSchema = z
  .object({
    id: ScenarioIdSchema,
    mode: ModeSchema,
    step: z.union([z.number().int(), z.literal('advanced'), z.null()]),
    title: z.string(),
    objective: z.string(),
    scoredChecks: z.array(CheckIdSchema),
    openingLine: z.string(),
    suggestedGoal: z.string(),
    defaultPersona: PersonaIdSchema,
    personas: z.array(PersonaIdSchema),
    difficulties: z.array(DifficultySchema),
  })
  .openapi('Scenario');

const PersonaInfoSchema = z
  .object({
    id: PersonaIdSchema,
    side: z.enum(['manager', 'employee']),
    name: z.string(),
    role: z.string(),
    description: z.string(),
    /** What the set-up page's card says of them, and the goal it suggests with them. */
    situation: z.string(),
    temperament: z.string(),
    suggestedGoal: z.string(),
  })
  .openapi('Persona');

const scenarios = Object.values(SCENARIOS).map((s) => ({
  id: s.id,
  mode: s.mode,
  step: s.step,
  title: s.title,
  objective: s.objective,
  scoredChecks: [...s.scoredChecks],
  openingLine: s.openingLine,
  suggestedGoal: s.suggestedGoal,
  defaultPersona: s.defaultPersona,
  personas: personasFor(s).map((p) => p.id),
  difficulties: ['easy', 'medium', 'hard'] as Array<'easy' | 'medium' | 'hard'>,
}));
// Public: what a persona is like, never its style prompt or its briefs.
const personas = Object.values(PERSONAS).map(({ id, side, name, role, description, situation, temperament, suggestedGoal }) => ({
  id,
  side,
  name,
  role,
  description,
  situation,
  temperament,
  suggestedGoal,
}));

const list = <T extends z.ZodType>(schema: T) => ({
  200: { description: 'All of them', content: { 'application/json': { schema: z.object({ items: z.array(schema), nextCursor: z.null() }) } } },
});

/** The public catalogue: no token needed, the same for everyone. */
export function catalogueRoutes() {
  return createRouter()
    .openapi(
      createRoute({ method: 'get', path: '/scenarios', tags: ['catalogue'], summary: 'Role-play scenarios', responses: list(ScenarioInfoSchema) }),
      (c) => c.json({ items: scenarios, nextCursor: null }, 200),
    )
    .openapi(
      createRoute({ method: 'get', path: '/personas', tags: ['catalogue'], summary: 'Personas to rehearse with', responses: list(PersonaInfoSchema) }),
      (c) => c.json({ items: personas, nextCursor: null }, 200),
    );
}
