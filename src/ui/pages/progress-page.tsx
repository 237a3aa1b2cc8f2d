import type { Progress } from '../../coach/progress.js';
import { getPersona, SCENARIOS, type PersonaId, type ScenarioId } from '../../coach/scenarios/index.js';
import type { DraftView } from '../../services/drafts.js';
import type { ScoredSessionRow } from '../../services/sessions.js';
import { LoopDiagram } from '../components/loop-diagram.js';
import { ScoreChart } from '../components/score-chart.js';
import { Layout } from '../layout.js';
import { LOOP_STEP_TEXT, type LoopStepKey } from '../loop-steps.js';

export interface ProgressPageProps {
  engine: string;
  progress: Progress;
  sessions: readonly ScoredSessionRow[];
  drafts: readonly DraftView[];
}

const day = (d: Date | string) => (typeof d === 'string' ? d : d.toISOString()).slice(0, 10);
const preview = (text: string) => (text.length > 90 ? `${text.slice(0, 90).trimEnd()}…` : text);

export function ProgressPage({ engine, progress, sessions, drafts }: ProgressPageProps) {
  const open = progress.openLoop;
  return (
    <Layout title="Progress" nav="progress" engine={engine}>
      <h1>Your loop tracker</h1>
      <div class="grid2">
        <section aria-labelledby="loop-h">
          <h2 id="loop-h">Where you are in the loop</h2>
          <LoopDiagram steps={progress.steps} />
        </section>
        <section aria-labelledby="open-h" class="card">
          <h2 id="open-h">Your open loop</h2>
          {open ? (
            <>
              <p class="muted">
                From <a href={`/sessions/${open.sessionId}`}>{SCENARIOS[open.scenarioId as ScenarioId]?.title ?? open.scenarioId}</a> on {day(open.at)}. Bring
                this to your next real conversation:
              </p>
              <h3>You committed to</h3>
              {open.commitments.length > 0 ? (
                <ul data-open="commitments">
                  {open.commitments.map((q) => (
                    <li>“{q}”</li>
                  ))}
                </ul>
              ) : (
                <p class="muted">Nothing specific yet. Next time, commit plainly to the work your manager needs.</p>
              )}
              <h3>You agreed to follow up</h3>
              {open.followUps.length > 0 ? (
                <ul data-open="follow-ups">
                  {open.followUps.map((q) => (
                    <li>“{q}”</li>
                  ))}
                </ul>
              ) : (
                <p class="muted">No check-in set. Close the loop by proposing when you will come back.</p>
              )}
            </>
          ) : (
            <p class="muted">
              Finish a rehearsal to see what to bring to your next conversation. <a href="/sessions/new?scenario=goal-alignment">Start one</a>.
            </p>
          )}
        </section>
      </div>

      <div class="table-wrap">
        <table>
          <caption class="muted">Each step's score is the latest score of the scenarios that practise it.</caption>
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">Latest</th>
              <th scope="col">Best</th>
              <th scope="col">Last practised</th>
            </tr>
          </thead>
          <tbody>
            {progress.steps.map((s) => (
              <tr data-step-row={s.step}>
                <th scope="row">{(s.step === 'advanced' ? '' : `${s.step}. `) + LOOP_STEP_TEXT[s.step as LoopStepKey].title}</th>
                <td>{s.latestScore ?? '–'}</td>
                <td>{s.bestScore ?? '–'}</td>
                <td>{s.lastPractisedAt ? day(s.lastPractisedAt) : 'not yet'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section aria-labelledby="chart-h">
        <h2 id="chart-h">Scores over time</h2>
        {progress.scenarios.length > 0 ? (
          <ScoreChart scenarios={progress.scenarios} />
        ) : (
          <p class="muted">No finished rehearsals yet: end one to get its score.</p>
        )}
      </section>

      <div class="grid2">
        <section aria-labelledby="sessions-h">
          <h2 id="sessions-h">Rehearsals</h2>
          {sessions.length > 0 ? (
            <ul class="list" data-list="sessions">
              {sessions.map((s) => (
                <li>
                  <a href={`/sessions/${s.id}`}>{SCENARIOS[s.scenarioId as ScenarioId]?.title ?? s.scenarioId}</a>
                  <br />
                  <span class="muted">
                    {getPersona(s.personaId as PersonaId).name} · {s.difficulty} · {day(s.createdAt)} ·{' '}
                    {s.status === 'ended' ? `score ${s.score ?? '–'}` : 'in progress'}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">None yet.</p>
          )}
        </section>
        <section aria-labelledby="drafts-h">
          <h2 id="drafts-h">Drafts</h2>
          {drafts.length > 0 ? (
            <ul class="list" data-list="drafts">
              {drafts.map(({ draft: d, critique }) => (
                <li>
                  <a href={`/drafts/${d.id}`}>{preview(d.text)}</a>
                  <br />
                  <span class="muted">
                    {d.mode === 'manager' ? 'as manager' : 'to your manager'} · {day(d.createdAt)} · score {critique?.score ?? '–'}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">
              None yet. <a href="/drafts/new">Get feedback on a draft</a>.
            </p>
          )}
        </section>
      </div>
    </Layout>
  );
}
