import type { Mode } from '../../coach/rubric.js';
import { Layout } from '../layout.js';

export interface DraftFormValues {
  text: string;
  mode: Mode;
  managerName: string;
  /** '' lets Loop Coach decide. */
  purpose: string;
}

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
            <input type="radio" name="mode" value="employee" checked={values.mode === 'employee'} /> I am writing to my manager
          </label>
          <label class="choice">
            <input type="radio" name="mode" value="manager" checked={values.mode === 'manager'} /> I am the manager, writing to someone on my team
          </label>
        </fieldset>
        <label for="purpose">
          What is this message for? <span class="hint-text">Messages to your manager only. It is judged on what it is for, not on every step.</span>
        </label>
        <select id="purpose" name="purpose">
          {PURPOSE_CHOICES.map(([value, label]) => (
            <option value={value} selected={values.purpose === value}>
              {label}
            </option>
          ))}
        </select>
        <label for="managerName">
          Manager's name <span class="hint-text">Optional. Drafts to the same person are read together: help offered earlier earns a later ask.</span>
        </label>
        <input type="text" id="managerName" name="managerName" maxlength={100} autocomplete="off" value={values.managerName} />
        <label for="text">Your draft</label>
        <textarea id="text" name="text" rows={12} required maxlength={maxChars} aria-describedby="text-help">
          {values.text}
        </textarea>
        <p id="text-help" class="hint-text">
          Up to {maxChars.toLocaleString('en')} characters. Only your own words are judged.
        </p>
        <div class="actions">
          <button type="submit">Get feedback</button>
        </div>
      </form>
    </Layout>
  );
}
