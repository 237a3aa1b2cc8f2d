import type { CheckResult } from '../../coach/critique/critique-schema.js';
import type { CheckId, Mode } from '../../coach/rubric.js';
import type { Persona, Scenario } from '../../coach/scenarios/index.js';
import { partnerOf, rehearsalTitle } from '../../coach/scenarios/partner.js';
import type { Debrief, MessageRow, SessionRow } from '../../services/sessions.js';
import { CharCounter } from '../components/char-counter.js';
import {
  ChecksSection,
  countingChecks,
  FixesSection,
  HighlightedText,
  HighlightLegend,
  labelOf,
  RewriteSection,
  ScoreFigure,
  VerdictText,
} from '../components/critique-view.js';
import { highlightQuotes } from '../highlight-quotes.js';
import { Layout } from '../layout.js';
import { coachName } from '../render.js';

export interface SessionPageProps {
  engine: string;
  session: SessionRow;
  messages: readonly MessageRow[];
  scenario: Scenario;
  /** The persona as played: under the name the user gave them, if any (`partnerOf`). */
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
  const title = rehearsalTitle(session);
  const last = props.messages.at(-1);
  const retryable = session.status === 'active' && last?.role === 'persona' && last.status !== 'complete';

  const transcript = (
    <ol id="transcript" class="transcript" aria-label="Conversation">
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
    <details class="brief">
      <summary>
        The brief: with {persona.name} · {session.difficulty}
      </summary>
      <p class="muted">
        With <strong>{persona.name}</strong>, {persona.role} · {session.difficulty} · coach:{' '}
        {coachName(session.provider === 'offline' ? 'offline' : session.model)}
      </p>
      <p>
        {persona.situation} {persona.temperament}.
      </p>
      <p>{scenario.objective}</p>
      {session.goal ? (
        <p>
          <strong>Your goal:</strong> {session.goal}
        </p>
      ) : null}
    </details>
  );

  return (
    <Layout title={debrief ? `Feedback: ${title.text}` : title.text} nav="sessions" engine={props.engine}>
      <div data-session-id={session.id} data-status={session.status} data-persona-name={persona.name}>
        {debrief ? (
          <>
            {/* The script moves focus here when a rehearsal ends, so the debrief is read from its top. */}
            <h1 id="feedback-h" tabindex={-1}>
              Feedback: <Title title={title} />
            </h1>
            {header}
            <DebriefBody {...props} debrief={debrief} anchors={anchors} />
            <h2>The conversation</h2>
            <HighlightLegend />
            {transcript}
          </>
        ) : (
          <>
            <h1>
              <Title title={title} />
            </h1>
            {header}
            {transcript}
            <div id="session-alert" class="alert" role="alert" hidden={!props.error}>
              {props.error ?? ''}
            </div>
            <form id="turn-form" class="composer" method="post" action={`/sessions/${session.id}/turn`}>
              <label for="turn-text">
                Your next line <span class="hint-text kbd-hint">Ctrl+Enter sends.</span>
              </label>
              <textarea id="turn-text" name="text" rows={3} required data-max={props.turnMaxChars} aria-describedby="turn-text-count">
                {props.keptText ?? ''}
              </textarea>
              <CharCounter id="turn-text" max={props.turnMaxChars} />
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

/** A rehearsal's title in a heading: the scenario, then the partner and the date on a line of their own. */
function Title({ title }: { title: ReturnType<typeof rehearsalTitle> }) {
  return (
    <>
      {title.scenario}
      <span class="visually-hidden">, </span>
      <span class="subtitle">
        with {title.partner}, {title.date}
      </span>
    </>
  );
}

/**
 * The debrief, leading with what to do: the verdict (the skill score and what was uncovered, apart),
 * the fixes, the rewrite, what was found out and how, then the full checklist, collapsed.
 */
function DebriefBody(props: SessionPageProps & { debrief: Debrief; anchors: ReadonlyMap<string, string> }) {
  const { session, persona, debrief } = props;
  const { critique } = debrief;
  const context = session.context as { managerName?: string; reportName?: string };
  const checks = countingChecks(critique);
  const checkOf = new Map(checks.map((c) => [c.id, c]));
  const uncovered = debrief.discoveries.filter((d) => d.uncovered).length;
  const facts = partnerOf(session).brief.facts;
  const earnedBy = (id: string) => facts.find((f) => f.id === id)?.earnedBy ?? [];
  // The hints that are not already top fixes: how to find out what was missed.
  const nextTime = debrief.hints.filter((h) => !critique.topFixes.some((f) => f.fix === h));
  return (
    <>
      <section data-section="verdict" class="card verdict" aria-label="Verdict">
        <div class="figures">
          <ScoreFigure score={critique.score} label="Skill score">
            <p class="hint-text">How well your lines made the moves of the loop, check by check (the checklist below).</p>
          </ScoreFigure>
          <div class="figure" data-figure="uncovered">
            <p class="figure-label">What you uncovered</p>
            <p class="score">
              <b data-uncovered={String(uncovered)}>{uncovered}</b>
              <span class="muted">of {debrief.discoveries.length}</span>
            </p>
            <p class="hint-text">
              What {persona.name} kept to themselves and told you because your moves earned it. <a href="#discoveries-h">See each</a>.
            </p>
          </div>
        </div>
        <VerdictText critique={critique} />
      </section>
      <FixesSection critique={critique} links={new Set(checks.map((c) => c.id))} />
      <RewriteSection critique={critique} title="Your lines, stronger" />
      <section data-section="discoveries" aria-labelledby="discoveries-h" class="card">
        <h2 id="discoveries-h">What you found out</h2>
        <p class="muted">{persona.name} had needs of their own, revealed only when your moves earned them.</p>
        <ul class="list discoveries">
          {debrief.discoveries.map((d) => (
            <li data-discovery={d.id} data-uncovered={String(d.uncovered)}>
              <span class={`tag ${d.uncovered ? 'ok' : 'miss'}`}>{d.uncovered ? 'uncovered' : d.heldBack ? 'held back' : 'missed'}</span>{' '}
              <strong>{FACT_TITLES[d.id]}:</strong> {d.fact}
              {d.evidence.length > 0 ? <span class="muted"> Earned by: “{d.evidence.join('”, “')}”</span> : null}
              <EarnedBy mode={critique.mode} ids={earnedBy(d.id)} checks={checkOf} />
            </li>
          ))}
        </ul>
        {nextTime.length > 0 ? (
          <>
            <h3>For next time</h3>
            <ul>
              {nextTime.map((h) => (
                <li>{h}</li>
              ))}
            </ul>
          </>
        ) : null}
        <p class="muted">
          <strong>The situation:</strong> {debrief.brief.situation}
        </p>
      </section>
      <form method="post" action="/sessions" class="actions">
        <input type="hidden" name="scenarioId" value={session.scenarioId} />
        <input type="hidden" name="personaId" value={session.personaId} />
        <input type="hidden" name="difficulty" value={session.difficulty} />
        <input type="hidden" name="goal" value={session.goal ?? ''} />
        <input type="hidden" name="counterpartName" value={context.managerName ?? context.reportName ?? ''} />
        <button type="submit">Try again with the same setup</button>
        <a class="button secondary" href={`/sessions/new?scenario=${session.scenarioId}&partner=${session.personaId}`}>
          Change the setup
        </a>
      </form>
      <ChecksSection critique={critique} checks={checks} anchors={props.anchors} />
    </>
  );
}

/** The moves that earn a fact, each with its state in the checklist below, so the two read the same. */
function EarnedBy({ mode, ids, checks }: { mode: Mode; ids: readonly CheckId[]; checks: ReadonlyMap<CheckId, CheckResult> }) {
  if (ids.length === 0) return null;
  return (
    <span class="earned-by">
      {' '}
      Moves that earn it:{' '}
      {ids.map((id, i) => {
        const check = checks.get(id);
        return (
          <>
            {i > 0 ? ', ' : ''}
            {check ? <a href={`#check-${id}`}>{labelOf(mode, id)}</a> : labelOf(mode, id)}
            {check ? ` (${check.present ? 'made' : 'not made'})` : ''}
          </>
        );
      })}
      .
    </span>
  );
}
