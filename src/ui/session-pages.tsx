import { Hono, type Context } from 'hono';
import { CreateSessionSchema, ScenarioIdSchema } from '../coach/roleplay/session-schema.js';
import { getScenario, PERSONA_IDS, personasFor, SCENARIOS, type ScenarioId } from '../coach/scenarios/index.js';
import { isPartnerName, partnerOf } from '../coach/scenarios/partner.js';
import type { Deps } from '../deps.js';
import { AppError, ValidationError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { endSession, findSession, giveHint, startSession, viewSession, type SessionRow } from '../services/sessions.js';
import { beginRetry, beginTurn, produceReply } from '../services/turns.js';
import { formFields, issuesText } from './form-fields.js';
import { ErrorPage } from './pages/error-page.js';
import { NewSessionPage, SESSION_FIELD_LABELS, suggestedGoalOf, type NewSessionValues } from './pages/new-session-page.js';
import { SessionPage } from './pages/session-page.js';
import { engineName, render, setRetryAfter } from './render.js';
import { withinRateLimit } from './within-rate-limit.js';

const DEFAULT_SCENARIO: ScenarioId = 'goal-alignment';
const UNKNOWN_SCENARIO = 'That scenario does not exist; pick one from the list.';
const NOT_A_NAME = 'Their name: use just their name, one to three words, e.g. Dana or Dana Okoye.';

/** Every goal the form may have suggested: one left as it was follows the partner chosen. */
const SUGGESTED_GOALS = new Set(PERSONA_IDS.map(suggestedGoalOf));

/** A name as typed, tidied: single spaces, each word capitalised ("dana okoye" is "Dana Okoye"). */
const tidyName = (name: string) =>
  name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toLocaleUpperCase('en') + w.slice(1))
    .join(' ');

/**
 * Rehearsals: the set-up form, the chat, and the debrief once it ends. With the page's script the
 * chat talks to the JSON API (streaming); these form posts are the same steps through the same services.
 */
export function sessionPages(deps: Deps) {
  const engine = engineName(deps.engine);
  const notFound = (c: Context) => render(c, <ErrorPage engine={engine} status={404} />, 404);

  const limited = withinRateLimit(deps);
  const own = (c: Context<AppEnv>) => findSession(deps, c.get('user').id, c.req.param('id') ?? '');

  /** The session page; after a refused step it says why and keeps what the user typed. */
  const show = async (c: Context<AppEnv>, session: SessionRow, problem?: { error: AppError; keptText?: string }) => {
    const view = await viewSession(deps, session);
    const page = (
      <SessionPage
        engine={engine}
        session={session}
        messages={view.messages}
        scenario={getScenario(session.scenarioId as ScenarioId)}
        persona={partnerOf(session).persona}
        turnMaxChars={deps.config.turnMaxChars}
        {...(view.debrief && { debrief: view.debrief })}
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
  /** The form as it opens: the scenario's usual partner (or the one asked for, if they play it) and the goal that fits their world. */
  const blankForm = (scenarioId: ScenarioId, partner?: string): NewSessionValues => {
    const personaId = personasFor(scenarioId).some((p) => p.id === partner) ? (partner as string) : SCENARIOS[scenarioId].defaultPersona;
    return { scenarioId, personaId, difficulty: 'medium', goal: suggestedGoalOf(personaId), counterpartName: '' };
  };

  return new Hono<AppEnv>()
    .get('/sessions/new', (c) => {
      const asked = c.req.query('scenario');
      const partner = c.req.query('partner');
      if (asked === undefined) return newForm(c, blankForm(DEFAULT_SCENARIO, partner));
      // Refused as the API refuses it, not quietly swapped for another scenario.
      const parsed = ScenarioIdSchema.safeParse(asked);
      return parsed.success ? newForm(c, blankForm(parsed.data, partner)) : newForm(c, blankForm(DEFAULT_SCENARIO), UNKNOWN_SCENARIO);
    })
    .post('/sessions', async (c) => {
      const field = await formFields(c);
      const scenario = ScenarioIdSchema.safeParse(field('scenarioId'));
      const scenarioId = scenario.success ? scenario.data : DEFAULT_SCENARIO;
      const personaId = field('personaId') || SCENARIOS[scenarioId].defaultPersona;
      const goal = field('goal').trim();
      const values = {
        scenarioId,
        personaId,
        difficulty: field('difficulty') || 'medium',
        // A suggestion left as it was (say, with the script off and another partner picked) is the chosen partner's.
        goal: SUGGESTED_GOALS.has(goal) ? suggestedGoalOf(personaId) || goal : goal,
        counterpartName: tidyName(field('counterpartName')),
      };
      if (!scenario.success) return newForm(c, values, UNKNOWN_SCENARIO);
      // The name is used in the rehearsal itself (its replies, prompt included), so only a name will do.
      if (values.counterpartName && !isPartnerName(values.counterpartName)) return newForm(c, values, NOT_A_NAME);
      const name =
        values.counterpartName &&
        (SCENARIOS[values.scenarioId].mode === 'employee' ? { managerName: values.counterpartName } : { reportName: values.counterpartName });
      const parsed = CreateSessionSchema.safeParse({
        scenarioId: values.scenarioId,
        difficulty: values.difficulty,
        personaId: values.personaId,
        ...(values.goal && { goal: values.goal }),
        ...(name && { context: name }),
      });
      if (!parsed.success) return newForm(c, values, issuesText(parsed.error.issues, SESSION_FIELD_LABELS));
      try {
        // Limited as POST /api/sessions is: starting a rehearsal is a write like a turn.
        const session = await limited(c, () => startSession(deps, c.get('user').id, parsed.data));
        return c.redirect(`/sessions/${session.id}`, 303);
      } catch (err) {
        if (err instanceof ValidationError) return newForm(c, values, `${err.message} Pick someone from the list that matches it.`);
        if (err instanceof AppError) {
          setRetryAfter(c, err);
          return render(c, <NewSessionPage engine={engine} values={values} error={err.message} />, err.status);
        }
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
    .post('/sessions/:id/end', (c) => step(c, (session) => endSession(deps, session)))
    .get('/sessions/*', notFound);
}
