import type { z } from '@hono/zod-openapi';
import type { Commitment } from '../../coach/loop/loop-state.js';
import { modeFor } from '../../coach/loop/read-entry.js';
import type { EntrySchema } from '../../coach/loop/relationship-schema.js';
import { CHECKS_BY_MODE, type CheckId } from '../../coach/rubric.js';
import type { RelationshipRow } from '../../services/relationships.js';
import { HighlightedText, HighlightLegend, labelOf } from '../components/critique-view.js';
import { anchorKey, highlightQuotes } from '../highlight-quotes.js';
import { Layout } from '../layout.js';
import { coachName } from '../render.js';
import { dueText, entryTitle, ownerText, STATUS_TEXT } from '../relationship-words.js';

export type EntryView = z.infer<typeof EntrySchema>;

/** The correction form as typed: one row per move and per commitment (a blank one to add), the lists one item a line. */
export interface CorrectionValues {
  checks: Array<{ id: string; quotes: string; remove: boolean }>;
  needs: string;
  feedback: string;
  goalEngaged: 'yes' | 'no' | 'unknown';
  commitments: Array<{ text: string; owner: string; due: string; status: string; when: string; wasDue: string; remove: boolean }>;
}

const BLANK_CHECK = { id: '', quotes: '', remove: false };
const BLANK_COMMITMENT = { text: '', owner: 'me', due: '', status: 'open', when: '', wasDue: '', remove: false };

/** The form as it opens: the reading as it stands (the user's corrections applied), and a blank row each to add one. */
export function correctionValues(entry: EntryView): CorrectionValues {
  const r = entry.reading;
  return {
    checks: [...r.checks.map((c) => ({ id: c.id, quotes: c.evidence.join('\n'), remove: false })), BLANK_CHECK],
    needs: r.needs.join('\n'),
    feedback: r.feedback.join('\n'),
    goalEngaged: r.goalEngaged === null ? 'unknown' : r.goalEngaged ? 'yes' : 'no',
    commitments: [
      ...r.commitments.map((c) => ({
        text: c.text,
        owner: c.owner,
        due: c.due ?? '',
        status: c.status === 'done' ? 'done' : 'open',
        when: c.when ?? '',
        wasDue: c.due ?? '',
        remove: false,
      })),
      BLANK_COMMITMENT,
    ],
  };
}

/** A row's name in the form and in a refusal: "Move 2", "Commitment 1"; the blank row is the one to add. */
export const rowName = (kind: 'Move' | 'Commitment', i: number, rows: number) => (i === rows - 1 ? `New ${kind.toLowerCase()}` : `${kind} ${i + 1}`);

const CORRECTED_TEXT: Record<string, string> = {
  checks: 'your moves',
  needs: 'what they need',
  feedback: 'feedback',
  commitments: 'commitments',
  goalEngaged: 'your goal',
};

export interface EntryPageProps {
  engine: string;
  relationship: RelationshipRow;
  entry: EntryView;
  values: CorrectionValues;
  error?: string;
  deleteError?: string;
}

/** One entry of the journal: what was written, the reading of it (corrections applied), and the forms to correct it or delete it. */
export function EntryPage({ engine, relationship, entry, values, error, deleteError }: EntryPageProps) {
  const r = entry.reading;
  const name = relationship.name;
  const mode = modeFor(relationship.relation);
  const base = `/relationships/${relationship.id}`;
  const { segments, anchors } = highlightQuotes(
    entry.text,
    r.checks.map((c) => ({ ...c, present: true })),
  );
  const title = entryTitle({ kind: entry.kind, at: entry.at });
  const reader = r.source === 'model' ? coachName(entry.model) : coachName('offline');
  return (
    <Layout title={`${title} with ${name}`} nav="loops" engine={engine}>
      <h1>
        {title}
        <span class="visually-hidden">, </span>
        <span class="subtitle">with {name}</span>
      </h1>
      <p class="muted">
        Read by {reader}
        {entry.corrected.length > 0 ? ` · you corrected ${entry.corrected.map((f) => CORRECTED_TEXT[f] ?? f).join(', ')}` : ''} ·{' '}
        <a href={base}>Back to {name}</a>
      </p>

      <section aria-labelledby="reading-h" data-section="reading">
        <h2 id="reading-h">What Loop Coach read</h2>
        <div class="grid2">
          <div>
            <h3 id="text-h">What you wrote</h3>
            <HighlightLegend />
            <HighlightedText segments={segments} mode={mode} id="entry-text" className="draft-text entry-text" />
          </div>
          <div>
            <h3>Your moves</h3>
            {r.checks.length > 0 ? (
              <ul class="checklist" data-list="moves">
                {r.checks.map((c) => (
                  <li id={`check-${c.id}`} class="check is-present" tabindex={-1} data-check={c.id}>
                    <strong>{labelOf(mode, c.id)}</strong>
                    <ul class="quotes">
                      {c.evidence.map((q) => {
                        const mark = anchors.get(anchorKey(c.id, q));
                        return <li>{mark ? <a href={`#${mark}`}>“{q}”</a> : `“${q}”`}</li>;
                      })}
                    </ul>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="muted">None found in your words.</p>
            )}
            <Quotes title={`What ${name} needs`} items={r.needs} list="needs" none="Nothing found." />
            <Quotes title={`Feedback from ${name}`} items={r.feedback} list="feedback" none="None found." />
            <h3>Commitments</h3>
            {r.commitments.length > 0 ? (
              <ul class="list commitments" data-list="entry-commitments">
                {r.commitments.map((c) => (
                  <li data-commitment-id={c.id} data-status={c.status}>
                    <CommitmentText commitment={c} name={name} />
                    <CommitmentButton relationshipId={relationship.id} commitment={c} back="entry" />
                  </li>
                ))}
              </ul>
            ) : (
              <p class="muted">No promises found, on either side.</p>
            )}
            <h3>Your goal</h3>
            <p data-goal-engaged={String(r.goalEngaged)}>
              {r.goalEngaged === null
                ? 'It did not come up (or their answer is not in what you wrote).'
                : r.goalEngaged
                  ? `${name} engaged with it.`
                  : `${name} did not engage with it.`}
            </p>
          </div>
        </div>
      </section>

      <section aria-labelledby="correct-h">
        <h2 id="correct-h">Correct the reading</h2>
        <p class="muted">What you correct replaces the reading, and the loop, the plan and the reminders follow it.</p>
        <div id="form-alert" class="alert" role="alert" tabindex={-1} hidden={!error}>
          {error ?? ''}
        </div>
        <CorrectionForm action={`${base}/entries/${entry.id}`} name={name} mode={mode} values={values} />
      </section>

      <section aria-labelledby="delete-h" class="card">
        <h2 id="delete-h">Delete this entry</h2>
        <div id="delete-alert" class="alert" role="alert" tabindex={-1} hidden={!deleteError}>
          {deleteError ?? ''}
        </div>
        <form method="post" action={`${base}/entries/${entry.id}/delete`}>
          <label class="choice">
            <input type="checkbox" name="confirm" value="yes" /> Yes, delete this entry and its reading
          </label>
          <div class="actions">
            <button type="submit" class="danger">
              Delete the entry
            </button>
          </div>
        </form>
      </section>
    </Layout>
  );
}

function Quotes({ title, items, list, none }: { title: string; items: readonly string[]; list: string; none: string }) {
  return (
    <>
      <h3>{title}</h3>
      {items.length > 0 ? (
        <ul class="quotes" data-list={list}>
          {items.map((q) => (
            <li>“{q}”</li>
          ))}
        </ul>
      ) : (
        <p class="muted">{none}</p>
      )}
    </>
  );
}

/** A commitment in words: its status, whose it is, what, and when it is due. */
export function CommitmentText({ commitment: c, name }: { commitment: Commitment; name: string }) {
  return (
    <>
      <span class={`tag ${c.status === 'done' ? 'ok' : c.status === 'overdue' ? 'miss' : ''}`}>{STATUS_TEXT[c.status]}</span>{' '}
      <strong>{ownerText(c, name)}:</strong> {c.text} <span class="muted">({dueText(c)})</span>
    </>
  );
}

/** Marks a commitment done, or open again: a form of its own, so it works without the script. */
export function CommitmentButton({
  relationshipId,
  commitment,
  back,
}: {
  relationshipId: string;
  commitment: { id: string; text: string; status: string };
  back: 'entry' | 'relationship';
}) {
  const done = commitment.status === 'done';
  return (
    <form method="post" action={`/relationships/${relationshipId}/commitments/${commitment.id}`} class="inline-form">
      <input type="hidden" name="status" value={done ? 'open' : 'done'} />
      <input type="hidden" name="back" value={back} />
      <button type="submit" class="secondary small">
        {done ? 'Mark open again' : 'Mark done'}
        <span class="visually-hidden">: {commitment.text}</span>
      </button>
    </form>
  );
}

function CorrectionForm({ action, name, mode, values }: { action: string; name: string; mode: 'employee' | 'manager'; values: CorrectionValues }) {
  const checks = CHECKS_BY_MODE[mode];
  const moves = checks.filter((c) => c.kind === 'move');
  const pitfalls = checks.filter((c) => c.kind === 'pitfall');
  const option = (id: CheckId, label: string, selected: string) => (
    <option value={id} selected={selected === id}>
      {label}
    </option>
  );
  return (
    <form id="correct-form" method="post" action={action}>
      <fieldset>
        <legend>Your moves</legend>
        <p class="hint-text">Each with quotes copied from what you wrote, one a line. Tick Remove to drop one.</p>
        <input type="hidden" name="checkRows" value={String(values.checks.length)} />
        {values.checks.map((c, i) => {
          const row = rowName('Move', i, values.checks.length);
          return (
            <fieldset class="row" data-row={`check-${i}`}>
              <legend>{row}</legend>
              <label for={`check-${i}-id`}>The move</label>
              <select id={`check-${i}-id`} name={`check-${i}-id`}>
                <option value="" selected={c.id === ''}>
                  Choose a move
                </option>
                <optgroup label="Moves">{moves.map((m) => option(m.id, m.label, c.id))}</optgroup>
                <optgroup label="Pitfalls">{pitfalls.map((m) => option(m.id, m.label, c.id))}</optgroup>
              </select>
              <label for={`check-${i}-quotes`}>Quotes, one a line</label>
              <textarea id={`check-${i}-quotes`} name={`check-${i}-quotes`} rows={2}>
                {c.quotes}
              </textarea>
              {i < values.checks.length - 1 ? (
                <label class="choice">
                  <input type="checkbox" name={`check-${i}-remove`} value="yes" checked={c.remove} /> Remove {row.toLowerCase()}
                </label>
              ) : null}
            </fieldset>
          );
        })}
      </fieldset>
      <label for="needs">
        What {name} needs <span class="hint-text">One a line, in their words.</span>
      </label>
      <textarea id="needs" name="needs" rows={3}>
        {values.needs}
      </textarea>
      <label for="feedback">
        Feedback from {name} <span class="hint-text">One a line, in their words.</span>
      </label>
      <textarea id="feedback" name="feedback" rows={3}>
        {values.feedback}
      </textarea>
      <fieldset>
        <legend>When your goal came up, did {name} engage with it?</legend>
        {(
          [
            ['yes', 'Yes'],
            ['no', 'No'],
            ['unknown', 'It did not come up'],
          ] as const
        ).map(([value, label]) => (
          <label class="choice">
            <input type="radio" name="goalEngaged" value={value} checked={values.goalEngaged === value} /> {label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Commitments</legend>
        <p class="hint-text">What each of you promised, and by when. Tick Remove to drop one.</p>
        <input type="hidden" name="commitmentRows" value={String(values.commitments.length)} />
        {values.commitments.map((c, i) => {
          const row = rowName('Commitment', i, values.commitments.length);
          const id = (field: string) => `commitment-${i}-${field}`;
          return (
            <fieldset class="row" data-row={`commitment-${i}`}>
              <legend>{row}</legend>
              <label for={id('text')}>What was promised</label>
              <input type="text" id={id('text')} name={id('text')} autocomplete="off" value={c.text} />
              <div class="row-fields">
                <div>
                  <label for={id('owner')}>Who promised it</label>
                  <select id={id('owner')} name={id('owner')}>
                    <option value="me" selected={c.owner === 'me'}>
                      You
                    </option>
                    <option value="them" selected={c.owner === 'them'}>
                      {name}
                    </option>
                  </select>
                </div>
                <div>
                  <label for={id('due')}>Due</label>
                  <input type="date" id={id('due')} name={id('due')} value={c.due} />
                </div>
                <div>
                  <label for={id('status')}>Status</label>
                  <select id={id('status')} name={id('status')}>
                    <option value="open" selected={c.status !== 'done'}>
                      Open
                    </option>
                    <option value="done" selected={c.status === 'done'}>
                      Done
                    </option>
                  </select>
                </div>
              </div>
              {/* The words that set the date ("by Friday"), kept while the date is the one they set. */}
              <input type="hidden" name={id('when')} value={c.when} />
              <input type="hidden" name={id('wasDue')} value={c.wasDue} />
              {i < values.commitments.length - 1 ? (
                <label class="choice">
                  <input type="checkbox" name={id('remove')} value="yes" checked={c.remove} /> Remove {row.toLowerCase()}
                </label>
              ) : null}
            </fieldset>
          );
        })}
      </fieldset>
      <div class="actions">
        <button type="submit">Save the corrections</button>
      </div>
    </form>
  );
}
