import { DIFFICULTIES, EMPLOYEE_PERSONA_IDS, getPersona, MANAGER_PERSONA_IDS, SCENARIOS, type Scenario } from '../../coach/scenarios/index.js';
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

const PERSONA_GROUPS = [
  { side: 'manager', label: 'Managers (you are the employee)', ids: MANAGER_PERSONA_IDS },
  { side: 'employee', label: 'People on your team (you are the manager)', ids: EMPLOYEE_PERSONA_IDS },
] as const;

export function NewSessionPage({ engine, values, error }: { engine: string; values: NewSessionValues; error?: string }) {
  const scenario = SCENARIOS[values.scenarioId];
  const side = scenario.mode === 'manager' ? 'employee' : 'manager';
  return (
    <Layout title="Rehearse" nav="sessions" engine={engine}>
      <h1>Rehearse a conversation</h1>
      <p class="lead">Pick what to practise and who with. The other side has needs of their own they will only tell you if you earn it.</p>
      <div id="form-alert" class="alert" role="alert" hidden={!error}>
        {error ?? ''}
      </div>
      <form method="post" action="/sessions" id="new-session-form">
        <label for="scenarioId">Scenario</label>
        <select id="scenarioId" name="scenarioId" aria-describedby="objective">
          {Object.values(SCENARIOS).map((s) => (
            <option value={s.id} selected={s.id === scenario.id} data-mode={s.mode} data-goal={s.suggestedGoal} data-objective={s.objective}>
              {s.title}
            </option>
          ))}
        </select>
        <p id="objective" class="hint-text">
          {scenario.objective}
        </p>

        <label for="personaId">Who you talk to</label>
        <select id="personaId" name="personaId">
          <option value="">The scenario's usual partner</option>
          {PERSONA_GROUPS.map((g) => (
            <optgroup label={g.label} data-side={g.side}>
              {g.ids.map((id) => {
                const p = getPersona(id);
                return (
                  <option value={id} selected={id === values.personaId && g.side === side}>
                    {p.name}, {p.role}: {p.description}
                  </option>
                );
              })}
            </optgroup>
          ))}
        </select>

        <fieldset>
          <legend>Difficulty</legend>
          {DIFFICULTIES.map((d) => (
            <label class="choice">
              <input type="radio" name="difficulty" value={d} checked={d === values.difficulty} /> {DIFFICULTY_TEXT[d]}
            </label>
          ))}
        </fieldset>

        <label for="goal">
          Your goal <span class="hint-text">What you want from this conversation, in your own words. Optional.</span>
        </label>
        <input
          type="text"
          id="goal"
          name="goal"
          maxlength={300}
          value={values.goal}
          data-suggested={values.goal === scenario.suggestedGoal ? values.goal : undefined}
        />

        <label for="counterpartName">
          Their name <span class="hint-text">Optional: your manager's (or report's) real name, to link this rehearsal with your drafts to them.</span>
        </label>
        <input type="text" id="counterpartName" name="counterpartName" maxlength={100} autocomplete="off" value={values.counterpartName} />

        <div class="actions">
          <button type="submit">Start the rehearsal</button>
        </div>
      </form>
    </Layout>
  );
}
