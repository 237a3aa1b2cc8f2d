import { Hono, type Context } from 'hono';
import { endRoleplay } from '../coach/roleplay/end-roleplay.js';
import { giveHint } from '../coach/roleplay/hint.js';
import { CreateSessionSchema } from '../coach/roleplay/session-schema.js';
import { startSession } from '../coach/roleplay/start-session.js';
import { beginRetry, beginTurn, produceReply } from '../coach/roleplay/take-turn.js';
import { getPersona, getScenario, SCENARIO_IDS, SCENARIOS, type PersonaId, type ScenarioId } from '../coach/scenarios/index.js';
import { getMessages, getSession, type SessionRow } from '../db/queries/sessions.js';
import type { Deps } from '../deps.js';
import { AppError, ValidationError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { formFields } from './form-fields.js';
import { ErrorPage } from './pages/error-page.js';
import { NewSessionPage, type NewSessionValues } from './pages/new-session-page.js';
import { SessionPage } from './pages/session-page.js';
import { engineName, render, setRetryAfter } from './render.js';
import { withinRateLimit } from './within-rate-limit.js';

const asScenario = (value: string | undefined): ScenarioId =>
  (SCENARIO_IDS as readonly string[]).includes(value ?? '') ? (value as ScenarioId) : 'goal-alignment';

/**
 * Rehearsals: the set-up form, the chat, and the debrief once it ends. With the page's script the
 * chat talks to the JSON API (streaming); these form posts are the same steps without it.
 */
export function sessionPages(deps: Deps) {
  const engine = engineName(deps.model);
  const notFound = (c: Context) => render(c, <ErrorPage engine={engine} status={404} />, 404);

  const limited = withinRateLimit(deps);
  const own = (c: Context<AppEnv>) => getSession(deps.db, c.get('user').id, c.req.param('id') ?? '');

  /** The session page; after a refused step it says why and keeps what the user typed. */
  const show = async (c: Context<AppEnv>, session: SessionRow, problem?: { error: AppError; keptText?: string }) => {
    const scenario = getScenario(session.scenarioId as ScenarioId);
    const persona = getPersona(session.personaId as PersonaId);
    const debrief = session.status === 'ended' ? await endRoleplay(deps, session) : undefined;
    const page = (
      <SessionPage
        engine={engine}
        session={session}
        messages={await getMessages(deps.db, session.userId, session.id)}
        scenario={scenario}
        persona={persona}
        turnMaxChars={deps.config.turnMaxChars}
        {...(debrief && { debrief })}
        {...(problem && { error: problem.error.message, ...(problem.keptText !== undefined && { keptText: problem.keptText }) })}
      />
    );
    if (problem) setRetryAfter(c, problem.error);
    return render(c, page, problem?.error.status ?? 200);
  };

  /** Runs one model-calling step on the user's session, then shows the session again (with the error, if refused). */
  const step = async (c: Context<AppEnv>, run: (session: SessionRow) => Promise<unknown>, keptText?: string) => {
    const session = await own(c);
    if (!session) return notFound(c);
    try {
      await limited(c, () => run(session));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return show(c, (await own(c)) ?? session, { error: err, ...(keptText !== undefined && { keptText }) });
    }
    return c.redirect(`/sessions/${session.id}`, 303);
  };

  const newForm = (c: Context, values: NewSessionValues, error?: string) =>
    render(c, <NewSessionPage engine={engine} values={values} {...(error && { error })} />, error ? 400 : 200);

  return new Hono<AppEnv>()
    .get('/sessions/new', (c) => {
      const scenarioId = asScenario(c.req.query('scenario'));
      return newForm(c, { scenarioId, personaId: '', difficulty: 'medium', goal: SCENARIOS[scenarioId].suggestedGoal, counterpartName: '' });
    })
    .post('/sessions', async (c) => {
      const field = await formFields(c);
      const values = {
        scenarioId: asScenario(field('scenarioId')),
        personaId: field('personaId'),
        difficulty: field('difficulty') || 'medium',
        goal: field('goal').trim(),
        counterpartName: field('counterpartName').trim(),
      };
      const name =
        values.counterpartName &&
        (SCENARIOS[values.scenarioId].mode === 'employee' ? { managerName: values.counterpartName } : { reportName: values.counterpartName });
      const parsed = CreateSessionSchema.safeParse({
        scenarioId: values.scenarioId,
        difficulty: values.difficulty,
        ...(values.personaId && { personaId: values.personaId }),
        ...(values.goal && { goal: values.goal }),
        ...(name && { context: name }),
      });
      if (!parsed.success) return newForm(c, values, `Check the form: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}.`);
      try {
        const session = await startSession(deps, c.get('user').id, parsed.data);
        return c.redirect(`/sessions/${session.id}`, 303);
      } catch (err) {
        if (err instanceof ValidationError) return newForm(c, values, `${err.message} Pick someone from the list that matches it.`);
        throw err;
      }
    })
    .get('/sessions/:id', async (c) => {
      const session = await own(c);
      return session ? show(c, session) : notFound(c);
    })
    .post('/sessions/:id/turn', async (c) => {
      const text = (await formFields(c))('text');
      return step(
        c,
        async (session) => {
          if (!text.trim()) throw new ValidationError('Type what you want to say first.');
          await produceReply(deps, await beginTurn(deps, session.userId, session.id, text));
        },
        text,
      );
    })
    .post('/sessions/:id/retry', (c) => step(c, async (session) => produceReply(deps, await beginRetry(deps, session))))
    .post('/sessions/:id/hint', (c) => step(c, (session) => giveHint(deps, session)))
    .post('/sessions/:id/end', (c) => step(c, (session) => endRoleplay(deps, session)))
    .get('/sessions/*', notFound);
}
