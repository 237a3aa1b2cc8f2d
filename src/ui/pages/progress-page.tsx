import type { Progress, StepProgress } from '../../coach/progress.js';
import type { Mode } from '../../coach/rubric.js';
import { SCENARIOS } from '../../coach/scenarios/index.js';
import { dayText, rehearsalTitle } from '../../coach/scenarios/partner.js';
import type { DraftView } from '../../services/drafts.js';
import type { ScoredSessionRow } from '../../services/sessions.js';
import { scoreBand } from '../components/critique-view.js';
import { LoopDiagram } from '../components/loop-diagram.js';
import { ScoreChart } from '../components/score-chart.js';
import { Layout } from '../layout.js';
import { SIDE_TEXT, stepTitle, type LoopStepKey } from '../loop-steps.js';
import { CommitmentText } from './entry-page.js';
import { suggestedGoalOf } from './new-session-page.js';

export interface ProgressPageProps {
  engine: string;
  progress: Progress;
  sessions: readonly ScoredSessionRow[];
  drafts: readonly DraftView[];
}

const preview = (text: string) => (text.length > 90 ? `${text.slice(0, 90).trimEnd()}…` : text);
const stepName = (side: Mode, step: string) => (step === 'advanced' ? stepTitle(side, step) : `Step ${step} · ${stepTitle(side, step as LoopStepKey)}`);
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** Why this drill, in words: the rule of `nextDrill` as it applied. */
function drillReason(drill: Progress['nextDrill'], practisedAny: boolean): string {
  switch (drill.reason) {
    case 'weak':
      return `Your latest score here is ${String(drill.latestScore)}, under 50: practise it before you move on.`;
    case 'new':
      return practisedAny ? 'The next step of the loop you have not practised yet.' : 'Start at the beginning of the loop.';
    case 'improve':
      return `Your lowest step, at ${String(drill.latestScore)}: get it to 80.`;
    case 'refresh':
      return 'Every step is at 80 or more; this is the one you practised longest ago.';
  }
}

export function ProgressPage({ engine, progress, sessions, drafts }: ProgressPageProps) {
  const drill = progress.nextDrill;
  const drillScenario = SCENARIOS[drill.scenarioId];
  const practisedAny = progress.steps.some((s) => s.latestScore !== null);
  return (
    <Layout title="Progress" nav="progress" engine={engine}>
      <h1>Your loop tracker</h1>

      <section class="card drill" aria-labelledby="drill-h" data-drill-side={drill.side} data-drill-step={drill.step} data-drill-reason={drill.reason}>
        <h2 id="drill-h">Your next drill</h2>
        <p>
          <strong>{stepName(drill.side, drill.step)}</strong>
          {drill.side === 'manager' ? ` (${SIDE_TEXT.manager.toLowerCase()})` : ''}. {drillReason(drill, practisedAny)}
        </p>
        {/* One click starts it: the scenario's usual partner at medium, with the goal that fits their world. */}
        <form method="post" action="/sessions" class="actions">
          <input type="hidden" name="scenarioId" value={drill.scenarioId} />
          <input type="hidden" name="personaId" value={drillScenario.defaultPersona} />
          <input type="hidden" name="difficulty" value="medium" />
          <input type="hidden" name="goal" value={suggestedGoalOf(drillScenario.defaultPersona)} />
          <button type="submit">Start: {drillScenario.title}</button>
          <a href={`/sessions/new?scenario=${drill.scenarioId}`}>Choose who to talk to first</a>
        </form>
      </section>

      <div class="grid2">
        <section aria-labelledby="loop-h">
          <h2 id="loop-h">Where you are in the loop</h2>
          <LoopDiagram steps={progress.steps.filter((s) => s.side === 'employee')} />
        </section>
        <Commitments commitments={progress.commitments} relationships={progress.relationshipCommitments} />
      </div>

      <section aria-labelledby="steps-h">
        <h2 id="steps-h">Step by step</h2>
        <p class="muted">
          Your side: each rehearsal and draft counts for the step it is for, with its score. As the manager, each one covers the whole loop, so a step scores
          the share of its moves you made.
        </p>
        {(['employee', 'manager'] as const).map((side) => (
          <StepList side={side} steps={progress.steps.filter((s) => s.side === side)} />
        ))}
      </section>

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
                  <a href={`/sessions/${s.id}`}>{rehearsalTitle(s).text}</a>
                  <br />
                  <span class="muted">
                    {s.difficulty} · {s.status === 'ended' ? `score ${s.score ?? 'none'}` : 'in progress'}
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
                    {d.mode === 'manager' ? 'as manager' : 'to your manager'} · {dayText(d.createdAt)} · score {critique?.score ?? 'none'}
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

/** What the user said they would do, gathered across their latest drafts and rehearsals, and what is open in their relationships. */
function Commitments({ commitments, relationships }: { commitments: Progress['commitments']; relationships: Progress['relationshipCommitments'] }) {
  return (
    <section aria-labelledby="open-h" class="card">
      <h2 id="open-h">What you said you would do</h2>
      {relationships.length > 0 ? (
        <>
          <h3 id="open-loops-h">Open in your loops</h3>
          <ul class="list commitments" data-list="relationship-commitments" aria-labelledby="open-loops-h">
            {relationships.map((c) => (
              <li data-commitment-id={c.id} data-status={c.status}>
                <CommitmentText commitment={c} name={c.name} />
                <br />
                <span class="muted">
                  <a href={`/relationships/${c.relationshipId}#commitments`}>With {c.name}</a>
                </span>
              </li>
            ))}
          </ul>
          <h3>From your practice</h3>
        </>
      ) : null}
      {commitments.length > 0 ? (
        <>
          <p class="muted">From your latest drafts and rehearsals, newest first. Bring these to your next real conversation.</p>
          <ul class="list commitments" data-list="commitments">
            {commitments.map((c) => (
              <li data-commitment={c.kind} data-from={c.from.id}>
                <span class={`tag ${c.kind === 'commitment' ? 'ok' : ''}`}>{c.kind === 'commitment' ? 'You committed' : 'Check-in'}</span> “{c.text}”
                <br />
                <span class="muted">
                  <a href={`/${c.from.kind === 'rehearsal' ? 'sessions' : 'drafts'}/${c.from.id}`}>{c.from.title}</a>
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p class="muted">
          Nothing yet. When you commit to something or propose a check-in, in a rehearsal or a draft, it shows here to bring to your next real conversation.
        </p>
      )}
    </section>
  );
}

/** One side's steps, each with its scores, what practised it, and a link to practise it. */
function StepList({ side, steps }: { side: Mode; steps: readonly StepProgress[] }) {
  return (
    <>
      <h3 id={`steps-${side}-h`}>{SIDE_TEXT[side]}</h3>
      <ol class="step-list" aria-labelledby={`steps-${side}-h`}>
        {steps.map((s) => {
          const practised = s.latestScore !== null;
          return (
            <li data-step-row={s.step} data-side={side} data-score={practised ? String(s.latestScore) : ''}>
              <strong>{stepName(side, s.step)}</strong>
              <span class="step-scores">
                {practised ? (
                  <>
                    <span class={`pill band-${scoreBand(s.latestScore as number)}`}>latest {s.latestScore}</span> best {s.bestScore} ·{' '}
                    {[s.rehearsals > 0 ? plural(s.rehearsals, 'rehearsal') : '', s.drafts > 0 ? plural(s.drafts, 'draft') : ''].filter(Boolean).join(', ')} ·
                    last {dayText(s.lastPractisedAt as string)}
                  </>
                ) : (
                  'not practised yet'
                )}
              </span>
              <a class="practise" href={`/sessions/new?scenario=${s.scenarioId}`}>
                Practise this step<span class="visually-hidden">: {stepName(side, s.step)}</span>
              </a>
              {side === 'employee' ? (
                <a class="practise-draft" href={`/drafts/new?purpose=${s.step}`}>
                  or write a draft for it<span class="visually-hidden"> ({stepName(side, s.step)})</span>
                </a>
              ) : null}
            </li>
          );
        })}
      </ol>
    </>
  );
}
