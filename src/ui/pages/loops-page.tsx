import type { LoopState } from '../../coach/loop/loop-state.js';
import { dayText } from '../../coach/scenarios/partner.js';
import type { RelationshipRow } from '../../services/relationships.js';
import { Layout } from '../layout.js';
import { FIVE_STEPS } from '../loop-steps.js';
import { nextCheckInText, RELATION_TEXT, stepName } from '../relationship-words.js';

export interface LoopSummary {
  relationship: RelationshipRow;
  state: LoopState;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "My loops": every relationship and where its loop stands, at a glance. */
export function LoopsPage({
  engine,
  loops,
  nextCursor,
  deleted,
}: {
  engine: string;
  loops: readonly LoopSummary[];
  nextCursor: string | null;
  deleted: boolean;
}) {
  return (
    <Layout title="My loops" nav="loops" engine={engine}>
      {deleted ? (
        <p class="notice" role="status">
          Deleted, with its journal. Rehearsals you started from it are still in your progress.
        </p>
      ) : null}
      <h1>My loops</h1>
      <p class="lead">
        The people you run the loop with in real life. Log your conversations with them, and Loop Coach keeps track of where the loop stands, what each of you
        promised, and what to say next.
      </p>
      <p class="actions">
        <a class="button" href="/relationships/new">
          Add someone
        </a>
      </p>
      {loops.length > 0 ? (
        <ul class="list loops" data-list="relationships">
          {loops.map(({ relationship: r, state }) => {
            const c = state.commitments;
            const open = c.open + c.overdue;
            const next = nextCheckInText(state.nextCheckIn);
            return (
              <li data-relationship={r.id} data-next-step={String(state.nextStep)}>
                <a class="loop-name" href={`/relationships/${r.id}`}>
                  {r.name}
                </a>{' '}
                <span class="muted">
                  {r.role ? `${r.role} · ` : ''}
                  {RELATION_TEXT[r.relation]}
                </span>
                <br />
                <span>
                  <strong>Next:</strong> {stepName(FIVE_STEPS[state.nextStep - 1] ?? '1')}
                </span>
                <br />
                <span class="muted">
                  {state.entries === 0
                    ? 'No conversations logged yet'
                    : `${plural(state.entries, 'entry', 'entries')}, the last ${dayText(state.lastConversationAt ?? '')}`}
                  {' · '}
                  {open === 0 ? 'no open commitments' : `${plural(open, 'open commitment')}${c.overdue > 0 ? `, ${c.overdue} late` : ''}`}
                  {next ? ` · next check-in ${next}` : ''}
                </span>
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="muted">No one yet. Add your manager (or anyone you work with), then log your one-on-ones and the messages you send them.</p>
      )}
      {nextCursor ? (
        <p>
          <a href={`/relationships?cursor=${encodeURIComponent(nextCursor)}`}>More people</a>
        </p>
      ) : null}
    </Layout>
  );
}
