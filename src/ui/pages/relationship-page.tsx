import type { z } from '@hono/zod-openapi';
import type { LoopEntry, LoopState } from '../../coach/loop/loop-state.js';
import type { PlanSchema } from '../../coach/loop/relationship-schema.js';
import { dayText } from '../../coach/scenarios/partner.js';
import type { RelationshipRow } from '../../services/relationships.js';
import { ScoreFigure, VerdictText } from '../components/critique-view.js';
import { RelationshipLoop } from '../components/relationship-loop.js';
import { Layout } from '../layout.js';
import { entryTitle, nextCheckInText, RELATION_TEXT } from '../relationship-words.js';
import { CommitmentButton, CommitmentText } from './entry-page.js';

export type Plan = z.infer<typeof PlanSchema>;

export interface RelationshipPageProps {
  engine: string;
  relationship: RelationshipRow;
  state: LoopState;
  /** Every entry, oldest first, corrections applied. */
  entries: readonly LoopEntry[];
  /** The plan, or why it could not be prepared (a model failure, the rate limit). */
  plan: { ok: true; plan: Plan } | { ok: false; message: string };
  /** A refused step (marking a commitment, a rehearsal), in the API's words. */
  error?: string;
}

const preview = (text: string) => (text.length > 160 ? `${text.slice(0, 160).trimEnd()}…` : text);
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * One relationship: who they are, the stop-looping warning when it is on, where the loop stands
 * (the diagram and each step), the open commitments, the plan for the next conversation with its
 * draft and the rehearsal, and the journal's timeline.
 */
export function RelationshipPage({ engine, relationship: r, state, entries, plan, error }: RelationshipPageProps) {
  const base = `/relationships/${r.id}`;
  const byId = new Map(entries.map((e) => [e.id, e]));
  const entryLink = (id: string) => {
    const e = byId.get(id);
    return e && { href: `${base}/entries/${e.id}`, title: entryTitle(e) };
  };
  const open = state.commitments.items.filter((c) => c.status !== 'done');
  const warning = plan.ok && plan.plan.stopLooping.warning ? plan.plan.stopLooping : undefined;
  const next = nextCheckInText(state.nextCheckIn);
  return (
    <Layout title={r.name} nav="loops" engine={engine}>
      <div data-relationship-id={r.id}>
        <h1>
          {r.name}
          <span class="visually-hidden">, </span>
          <span class="subtitle">
            {r.role ? `${r.role} · ` : ''}
            {RELATION_TEXT[r.relation]}
          </span>
        </h1>
        <ul class="facts">
          <li>
            <strong>Your goal with them:</strong> {r.yourGoal ?? <span class="muted">not set yet</span>}
          </li>
          {r.knownPriorities.length > 0 ? (
            <li>
              <strong>What they care about:</strong> {r.knownPriorities.join('; ')}
            </li>
          ) : null}
          {r.style ? (
            <li>
              <strong>How they work:</strong> {r.style}
            </li>
          ) : null}
        </ul>
        <p class="actions">
          <a class="button" href={`${base}/entries/new`}>
            Log a conversation
          </a>
          <a class="button secondary" href={`${base}/edit`}>
            Edit or delete<span class="visually-hidden"> {r.name}</span>
          </a>
          <a href={`/api/relationships/${r.id}/calendar.ics`} download>
            Reminders for your calendar (.ics)
          </a>
        </p>
        <div id="form-alert" class="alert" role="alert" tabindex={-1} hidden={!error}>
          {error ?? ''}
        </div>

        {warning ? (
          <section class="card warning" aria-labelledby="stop-h" data-section="stop-looping">
            <h2 id="stop-h">The loop with {r.name} looks one-sided</h2>
            <p>{warning.reason}</p>
            <p>
              Shown in:{' '}
              {warning.evidence
                .flatMap((id) => entryLink(id) ?? [])
                .map((l, i) => (
                  <>
                    {i > 0 ? ', ' : ''}
                    <a href={l.href}>{l.title}</a>
                  </>
                ))}
              .
            </p>
            <p class="muted">{warning.caveat}</p>
            <h3>Your options</h3>
            <ul>
              {warning.options.map((o) => (
                <li>{o}</li>
              ))}
            </ul>
          </section>
        ) : null}

        <section aria-labelledby="loop-h" data-section="loop">
          <h2 id="loop-h">Where the loop stands</h2>
          <RelationshipLoop name={r.name} state={state} entryLink={entryLink} />
          <p>
            <strong>Next check-in:</strong> {next ?? 'log a conversation first.'}
          </p>
        </section>

        <section aria-labelledby="commitments-h" data-section="commitments" id="commitments">
          <h2 id="commitments-h">Open commitments</h2>
          {open.length > 0 ? (
            <ul class="list commitments" data-list="open-commitments">
              {open.map((c) => {
                const from = entryLink(c.entryId);
                return (
                  <li data-commitment-id={c.id} data-status={c.status} data-owner={c.owner}>
                    <CommitmentText commitment={c} name={r.name} />
                    {from ? (
                      <span class="muted">
                        {' '}
                        · from <a href={from.href}>{from.title}</a>
                      </span>
                    ) : null}
                    <CommitmentButton relationshipId={r.id} commitment={c} back="relationship" />
                  </li>
                );
              })}
            </ul>
          ) : (
            <p class="muted">None open. Commitments either of you make show here once you log the conversation.</p>
          )}
          {state.commitments.done > 0 ? <p class="muted">{plural(state.commitments.done, 'commitment')} done.</p> : null}
        </section>

        <section aria-labelledby="plan-h" data-section="plan">
          <h2 id="plan-h">Your next conversation</h2>
          {plan.ok ? (
            <PlanBody plan={plan.plan} name={r.name} />
          ) : (
            <p class="alert" data-plan-failed="true">
              The plan could not be prepared: {plan.message}
            </p>
          )}
          <form method="post" action={`${base}/rehearse`} class="actions rehearse">
            <label for="difficulty" class="inline-label">
              How hard
            </label>
            <select id="difficulty" name="difficulty">
              <option value="easy">Easy</option>
              <option value="medium" selected>
                Medium
              </option>
              <option value="hard">Hard</option>
            </select>
            <button type="submit">Rehearse with them</button>
          </form>
          <p class="hint-text">A rehearsal with someone playing {r.name}: their role, their manner and what you know they care about.</p>
        </section>

        <section aria-labelledby="journal-h" data-section="journal">
          <h2 id="journal-h">Journal</h2>
          {entries.length > 0 ? (
            <ol class="list timeline" data-list="entries" reversed>
              {[...entries].reverse().map((e) => {
                const reading = e.reading;
                const notes = [
                  reading.checks.length > 0 ? plural(reading.checks.length, 'move') : '',
                  reading.needs.length > 0 ? plural(reading.needs.length, 'need') : '',
                  reading.feedback.length > 0 ? 'feedback' : '',
                  reading.commitments.length > 0 ? plural(reading.commitments.length, 'commitment') : '',
                ].filter(Boolean);
                return (
                  <li data-entry-id={e.id}>
                    <a href={`${base}/entries/${e.id}`}>{entryTitle(e)}</a>
                    <span class="muted"> · {notes.length > 0 ? notes.join(', ') : 'nothing read'}</span>
                    <br />
                    <span class="entry-preview">{preview(e.text)}</span>
                  </li>
                );
              })}
            </ol>
          ) : (
            <p class="muted">
              No conversations yet. <a href={`${base}/entries/new`}>Log your last one-on-one with {r.name}</a>.
            </p>
          )}
          <p class="muted">Added {dayText(r.createdAt)}.</p>
        </section>
      </div>
    </Layout>
  );
}

function PlanBody({ plan, name }: { plan: Plan; name: string }) {
  const critique = plan.draft.critique;
  const list = (title: string, items: readonly string[], key: string) => (
    <div data-plan={key}>
      <h3>{title}</h3>
      <ul>
        {items.map((i) => (
          <li>{i}</li>
        ))}
      </ul>
    </div>
  );
  return (
    <>
      <div class="grid3">
        {list('Report', plan.report, 'report')}
        {list('Ask', plan.ask, 'ask')}
        {list('Offer', plan.offer, 'offer')}
      </div>
      <p data-step4={String(plan.step4.time)}>
        <strong>Time for the goal conversation (step 4)?</strong> {plan.step4.reason}
      </p>
      {plan.stopLooping.warning ? null : (
        <p class="muted" data-stop-looping="false">
          <strong>Is it two-way?</strong> {plan.stopLooping.reason}
        </p>
      )}
      <h3 id="draft-h">A message to {name}</h3>
      <pre id="plan-draft" class="rewrite">
        {plan.draft.text}
      </pre>
      <button type="button" class="secondary" data-copy="plan-draft" data-copied="The message is copied." hidden>
        Copy the message
      </button>
      <div class="card verdict" data-section="draft-verdict">
        <ScoreFigure score={critique.score} label="The message's score" />
        <VerdictText critique={critique} />
        {critique.topFixes.length > 0 ? (
          <>
            <h4>Before you send it</h4>
            <ul class="fixes">
              {critique.topFixes.map((f) => (
                <li>{f.fix}</li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </>
  );
}
