import type { Mode } from '../../coach/rubric.js';
import { CharCounter } from '../components/char-counter.js';
import { Layout } from '../layout.js';

export interface DraftFormValues {
  text: string;
  mode: Mode;
  managerName: string;
  /** '' lets Loop Coach decide. */
  purpose: string;
}

/** How a refusal names each field (`data-label`, and the form route's no-script refusals). */
export const DRAFT_FIELD_LABELS = {
  text: 'Your draft',
  mode: 'Who is writing',
  managerName: "The manager's name",
  purpose: 'What the message is for',
} as const;

/** The choices for "What is this message for?", in the loop's order. */
export const PURPOSE_CHOICES: ReadonlyArray<[string, string]> = [
  ['', 'Let Loop Coach decide'],
  ['1', 'Finding out how my work is seen (step 1)'],
  ['2', 'Offering to help (step 2)'],
  ['3', 'Taking on what I was asked to do (step 3)'],
  ['4', 'Asking about my goal and what it takes (step 4)'],
  ['5', 'Reporting back and starting the next round (step 5)'],
  ['advanced', 'Telling them about something I already fixed (advanced)'],
];

export function DraftFormPage({ engine, values, error, maxChars }: { engine: string; values: DraftFormValues; error?: string; maxChars: number }) {
  return (
    <Layout title="Draft feedback" nav="drafts" engine={engine}>
      <h1>Get feedback on a draft</h1>
      <p class="lead">Paste the message you are about to send. You will see which steps of the loop it makes, what it misses, and a rewrite.</p>
      <div id="form-alert" class="alert" role="alert" tabindex={-1} hidden={!error}>
        {error ?? ''}
      </div>
      <form id="draft-form" method="post" action="/drafts">
        <fieldset>
          <legend>Who is writing?</legend>
          <label class="choice">
            <input type="radio" name="mode" value="employee" checked={values.mode === 'employee'} data-label={DRAFT_FIELD_LABELS.mode} /> I am writing to my
            manager
          </label>
          <label class="choice">
            <input type="radio" name="mode" value="manager" checked={values.mode === 'manager'} data-label={DRAFT_FIELD_LABELS.mode} /> I am the manager,
            writing to someone on my team
          </label>
        </fieldset>
        <label for="purpose">
          What is this message for? <span class="hint-text">Messages to your manager only. It is judged on what it is for, not on every step.</span>
        </label>
        <select id="purpose" name="purpose" data-label={DRAFT_FIELD_LABELS.purpose}>
          {PURPOSE_CHOICES.map(([value, label]) => (
            <option value={value} selected={values.purpose === value}>
              {label}
            </option>
          ))}
        </select>
        <label for="managerName">
          Manager's name <span class="hint-text">Optional. Drafts to the same person are read together: help offered earlier earns a later ask.</span>
        </label>
        <input
          type="text"
          id="managerName"
          name="managerName"
          maxlength={100}
          autocomplete="off"
          value={values.managerName}
          data-label={DRAFT_FIELD_LABELS.managerName}
        />
        <label for="text">
          Your draft <span class="hint-text">Only your own words are judged.</span>
        </label>
        <textarea id="text" name="text" rows={12} required data-max={maxChars} data-label={DRAFT_FIELD_LABELS.text} aria-describedby="text-count">
          {values.text}
        </textarea>
        <CharCounter id="text" max={maxChars} />
        <div class="actions">
          <button type="submit">Get feedback</button>
        </div>
      </form>
    </Layout>
  );
}
