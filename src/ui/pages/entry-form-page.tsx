import { ENTRY_KINDS } from '../../coach/loop/entry-reading-schema.js';
import type { RelationshipRow } from '../../services/relationships.js';
import { CharCounter } from '../components/char-counter.js';
import { Layout } from '../layout.js';
import { KIND_TEXT } from '../relationship-words.js';

export interface EntryFormValues {
  kind: string;
  /** The day, `YYYY-MM-DD`. */
  date: string;
  text: string;
}

export const ENTRY_FIELD_LABELS = { kind: 'What it was', at: 'When', date: 'When', text: 'What was said' } as const;

const KIND_HINTS: Record<(typeof ENTRY_KINDS)[number], string> = {
  'one-on-one': 'notes of a conversation',
  message: 'a message you sent, or one they sent you',
  note: 'anything else worth keeping',
};

/** Logging a real conversation with someone: what it was, when, and what was said. */
export function EntryFormPage({
  engine,
  relationship,
  values,
  maxChars,
  today,
  error,
}: {
  engine: string;
  relationship: RelationshipRow;
  values: EntryFormValues;
  maxChars: number;
  /** `YYYY-MM-DD`: no conversation logged is in the future. */
  today: string;
  error?: string;
}) {
  const L = ENTRY_FIELD_LABELS;
  return (
    <Layout title={`Log a conversation with ${relationship.name}`} nav="loops" engine={engine}>
      <h1>
        Log a conversation<span class="visually-hidden">, </span>
        <span class="subtitle">with {relationship.name}</span>
      </h1>
      <p class="lead">
        Write down what was said, as soon after as you can. Loop Coach reads it: your moves, what {relationship.name} needs, any feedback, what each of you
        promised and by when. You can correct the reading after.
      </p>
      <div id="form-alert" class="alert" role="alert" tabindex={-1} hidden={!error}>
        {error ?? ''}
      </div>
      <form id="entry-form" method="post" action={`/relationships/${relationship.id}/entries`}>
        <fieldset>
          <legend>{L.kind}</legend>
          {ENTRY_KINDS.map((kind) => (
            <label class="choice">
              <input type="radio" name="kind" value={kind} checked={values.kind === kind} data-label={L.kind} /> {KIND_TEXT[kind]}{' '}
              <span class="muted">({KIND_HINTS[kind]})</span>
            </label>
          ))}
        </fieldset>
        <label for="date">{L.date}</label>
        <input type="date" id="date" name="date" required max={today} value={values.date} data-label={L.date} />
        <label for="text">
          {L.text}{' '}
          <span class="hint-text">
            Who said what: start lines with "Me:" and "{relationship.name.split(' ')[0]}:", or tell it ("I offered to…, she said…").
          </span>
        </label>
        <textarea id="text" name="text" rows={12} required data-max={maxChars} data-label={L.text} aria-describedby="text-count">
          {values.text}
        </textarea>
        <CharCounter id="text" max={maxChars} />
        <div class="actions">
          <button type="submit">Log it and read it</button>
          <a href={`/relationships/${relationship.id}`}>Back to {relationship.name}</a>
        </div>
      </form>
    </Layout>
  );
}
