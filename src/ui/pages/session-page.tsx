import type { Persona, Scenario } from '../../coach/scenarios/index.js';
import type { Debrief, MessageRow, SessionRow } from '../../services/sessions.js';
import { Checklist, Fixes, HighlightedText, ScoreSummary } from '../components/critique-view.js';
import { highlightQuotes } from '../highlight-quotes.js';
import { Layout } from '../layout.js';

export interface SessionPageProps {
  engine: string;
  session: SessionRow;
  messages: readonly MessageRow[];
  scenario: Scenario;
  persona: Persona;
  /** Present once the session has ended. */
  debrief?: Debrief;
  /** What the user typed when their turn was refused (no-script form posts), kept in the box. */
  keptText?: string;
  error?: string;
  turnMaxChars: number;
}

const FACT_TITLES = {
  need: 'What they need',
  perception: 'How they see your work',
  assumption: 'What they assume about you',
  offer: 'What they could offer you',
} as const;

export function SessionPage(props: SessionPageProps) {
  const { session, scenario, persona, debrief } = props;
  const context = session.context as { managerName?: string; reportName?: string };
  // Quotes are marked in the user's own turns; the first place a quote appears is where its check links.
  const anchors = new Map<string, string>();
  const userSegments = new Map(
    props.messages
      .filter((m) => m.role === 'user')
      .map((m) => {
        const { segments, anchors: found } = highlightQuotes(m.content, debrief?.critique.checks ?? [], `q${m.seq}`);
        for (const [key, markId] of found) if (!anchors.has(key)) anchors.set(key, markId);
        return [m.seq, segments] as const;
      }),
  );
  const last = props.messages.at(-1);
  const retryable = session.status === 'active' && last?.role === 'persona' && last.status !== 'complete';

  const transcript = (
    <ol id="transcript" class="transcript" aria-live="polite" aria-label="Conversation">
      {props.messages.map((m) => (
        <li id={`m-${m.seq}`} class={`msg ${m.role}${m.status === 'complete' ? '' : ' failed'}`} tabindex={-1} data-role={m.role} data-status={m.status}>
          <span class="who">{m.role === 'user' ? 'You' : m.role === 'coach' ? 'Coach hint' : persona.name}</span>
          {m.role === 'user' && debrief ? (
            <HighlightedText segments={userSegments.get(m.seq) ?? []} mode={scenario.mode} className="text" />
          ) : (
            <span class="text">{m.content}</span>
          )}
          {m.status === 'complete' ? null : <p class="failed-note">{m.status === 'failed' ? 'This reply failed.' : 'This reply did not finish.'}</p>}
          {retryable && m === last ? (
            <form method="post" action={`/sessions/${session.id}/retry`} class="retry-form">
              <button type="submit" class="secondary retry">
                Retry the reply
              </button>
            </form>
          ) : null}
        </li>
      ))}
    </ol>
  );

  const header = (
    <>
      <p class="muted">
        With <strong>{persona.name}</strong>, {persona.role} · {session.difficulty} · engine <strong>{session.model}</strong>
      </p>
      <p>{scenario.objective}</p>
      {session.goal ? (
        <p>
          <strong>Your goal:</strong> {session.goal}
        </p>
      ) : null}
    </>
  );

  return (
    <Layout title={debrief ? 'Rehearsal feedback' : 'Rehearsal'} nav="sessions" engine={props.engine}>
      <div data-session-id={session.id} data-status={session.status} data-persona-name={persona.name}>
        {debrief ? (
          <>
            <h1>Feedback: {scenario.title}</h1>
            {header}
            <ScoreSummary critique={debrief.critique} />
            <section aria-labelledby="discoveries-h" class="card">
              <h2 id="discoveries-h">What you found out</h2>
              <p class="muted">{persona.name} had needs of their own, revealed only when your moves earned them.</p>
              <ul class="list discoveries">
                {debrief.discoveries.map((d) => (
                  <li data-discovery={d.id} data-uncovered={String(d.uncovered)}>
                    <span class={`tag ${d.uncovered ? 'ok' : 'miss'}`}>{d.uncovered ? 'uncovered' : d.heldBack ? 'held back' : 'missed'}</span>{' '}
                    <strong>{FACT_TITLES[d.id]}:</strong> {d.fact}
                    {d.evidence.length > 0 ? <span class="muted"> Earned by: “{d.evidence.join('”, “')}”</span> : null}
                  </li>
                ))}
              </ul>
              <p class="muted">
                <strong>The situation:</strong> {debrief.brief.situation}
              </p>
            </section>
            {debrief.hints.length > 0 ? (
              <section aria-labelledby="next-h">
                <h2 id="next-h">For next time</h2>
                <ul>
                  {debrief.hints.map((h) => (
                    <li>{h}</li>
                  ))}
                </ul>
              </section>
            ) : null}
            <form method="post" action="/sessions" class="actions">
              <input type="hidden" name="scenarioId" value={session.scenarioId} />
              <input type="hidden" name="personaId" value={session.personaId} />
              <input type="hidden" name="difficulty" value={session.difficulty} />
              <input type="hidden" name="goal" value={session.goal ?? ''} />
              <input type="hidden" name="counterpartName" value={context.managerName ?? context.reportName ?? ''} />
              <button type="submit">Try again with the same setup</button>
              <a class="button secondary" href={`/sessions/new?scenario=${session.scenarioId}`}>
                Change the setup
              </a>
            </form>
            <section aria-labelledby="checks-h">
              <h2 id="checks-h">The loop, step by step</h2>
              <Checklist critique={debrief.critique} anchors={anchors} />
            </section>
            <Fixes critique={debrief.critique} rewriteTitle="Your lines, stronger" />
            <h2>The conversation</h2>
            {transcript}
          </>
        ) : (
          <>
            <h1>{scenario.title}</h1>
            {header}
            {transcript}
            <div id="session-alert" class="alert" role="alert" hidden={!props.error}>
              {props.error ?? ''}
            </div>
            <form id="turn-form" class="composer" method="post" action={`/sessions/${session.id}/turn`}>
              <label for="turn-text">
                Your next line <span class="hint-text">Ctrl+Enter sends.</span>
              </label>
              <textarea id="turn-text" name="text" rows={3} required maxlength={props.turnMaxChars}>
                {props.keptText ?? ''}
              </textarea>
              <div class="actions">
                <button type="submit">Send</button>
                {/* Their own forms (below), so a hint or the end never posts the text box. */}
                <button type="submit" form="hint-form" class="secondary">
                  Hint
                </button>
                <button type="submit" form="end-form" class="secondary">
                  End and get feedback
                </button>
              </div>
            </form>
            <form id="hint-form" method="post" action={`/sessions/${session.id}/hint`} hidden></form>
            <form id="end-form" method="post" action={`/sessions/${session.id}/end`} hidden></form>
          </>
        )}
      </div>
    </Layout>
  );
}
