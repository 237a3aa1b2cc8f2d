import { DIFFICULTIES, EMPLOYEE_PERSONA_IDS, getPersona, MANAGER_PERSONA_IDS, PERSONA_IDS, SCENARIOS, type Scenario } from '../../coach/scenarios/index.js';
import { Layout } from '../layout.js';

export interface NewSessionValues {
  scenarioId: Scenario['id'];
  personaId: string;
  difficulty: string;
  goal: string;
  counterpartName: string;
}

/** How a refusal names each field, by the last part of the API's path (`context.managerName` is the name field). */
export const SESSION_FIELD_LABELS = {
  scenarioId: 'The scenario',
  personaId: 'Who you talk to',
  difficulty: 'The difficulty',
  goal: 'Your goal',
  managerName: 'Their name',
  reportName: 'Their name',
} as const;

const DIFFICULTY_TEXT = { easy: 'Easy: opens up quickly', medium: 'Medium: needs a couple of good moves', hard: 'Hard: guarded, pushes back' } as const;

const PARTNER_GROUPS = [
  { side: 'manager', legend: 'Who you talk to: your manager', ids: MANAGER_PERSONA_IDS },
  { side: 'employee', legend: 'Who you talk to: someone on your team', ids: EMPLOYEE_PERSONA_IDS },
] as const;

/**
 * The set-up, top to bottom: what to practise, who with (one card per partner: name, role,
 * situation, temperament), how hard, then Start. Everything is chosen already, so one click starts;
 * the goal (suggested from the partner's world) and a name for them wait, folded, above Start.
 * Both sides' cards are on the page; the other side's are hidden and disabled, and the page's
 * script swaps them when the scenario changes.
 */
export function NewSessionPage({ engine, values, error }: { engine: string; values: NewSessionValues; error?: string }) {
  const scenario = SCENARIOS[values.scenarioId];
  const side = scenario.mode === 'manager' ? 'employee' : 'manager';
  const chosenGoal = values.personaId ? suggestedGoalOf(values.personaId) : undefined;
  const optionsOpen = Boolean(error) || values.counterpartName !== '' || (values.goal !== '' && values.goal !== chosenGoal);
  return (
    <Layout title="Rehearse" nav="sessions" engine={engine}>
      <h1>Rehearse a conversation</h1>
      <p class="lead">Pick who to talk to and how hard it should be. They have needs of their own they will only tell you if you earn it.</p>
      <div id="form-alert" class="alert" role="alert" hidden={!error}>
        {error ?? ''}
      </div>
      <form method="post" action="/sessions" id="new-session-form">
        <label for="scenarioId">What to practise</label>
        <select id="scenarioId" name="scenarioId" aria-describedby="objective">
          {Object.values(SCENARIOS).map((s) => (
            <option value={s.id} selected={s.id === scenario.id} data-mode={s.mode} data-default-persona={s.defaultPersona} data-objective={s.objective}>
              {s.title}
            </option>
          ))}
        </select>
        <p id="objective" class="hint-text">
          {scenario.objective}
        </p>

        {PARTNER_GROUPS.map((g) => (
          <fieldset class="partners" data-side={g.side} hidden={g.side !== side} disabled={g.side !== side}>
            <legend>{g.legend}</legend>
            <div class="cards">
              {g.ids.map((id) => {
                const p = getPersona(id);
                return (
                  <div class="partner-card" data-partner={id}>
                    <input
                      type="radio"
                      id={`partner-${id}`}
                      name="personaId"
                      value={id}
                      checked={id === values.personaId}
                      data-goal={p.suggestedGoal}
                      aria-describedby={`partner-${id}-about`}
                    />
                    <label for={`partner-${id}`}>{p.name}</label>
                    <span id={`partner-${id}-about`} class="about">
                      <span class="role">{p.role}</span>
                      <span class="situation">{p.situation}</span>
                      <span class="temperament">
                        <span class="visually-hidden">Temperament: </span>
                        {p.temperament}
                      </span>
                    </span>
                  </div>
                );
              })}
            </div>
          </fieldset>
        ))}

        <fieldset>
          <legend>Difficulty</legend>
          {DIFFICULTIES.map((d) => (
            <label class="choice">
              <input type="radio" name="difficulty" value={d} checked={d === values.difficulty} /> {DIFFICULTY_TEXT[d]}
            </label>
          ))}
        </fieldset>

        <details class="options" open={optionsOpen}>
          <summary>Your goal, and their name (optional)</summary>
          <label for="goal">
            Your goal <span class="hint-text">Suggested for the person you picked; keep it, change it, or clear it.</span>
          </label>
          <input type="text" id="goal" name="goal" maxlength={300} value={values.goal} data-suggested={values.goal === chosenGoal ? values.goal : undefined} />
          <label for="counterpartName">
            Their name{' '}
            <span class="hint-text">
              Optional: call them by your manager's (or report's) real name, e.g. Dana or Dana Okoye. They go by it in the rehearsal and its feedback, and your
              drafts to the same name are read with it.
            </span>
          </label>
          <input
            type="text"
            id="counterpartName"
            name="counterpartName"
            maxlength={100}
            autocomplete="off"
            value={values.counterpartName}
            data-label={SESSION_FIELD_LABELS.managerName}
          />
        </details>

        <div class="actions">
          <button type="submit">Start the rehearsal</button>
        </div>
      </form>
    </Layout>
  );
}

/** The goal the form suggests with a partner ('' for an id that is no persona's). */
export function suggestedGoalOf(personaId: string): string {
  const id = PERSONA_IDS.find((p) => p === personaId);
  return id ? getPersona(id).suggestedGoal : '';
}
