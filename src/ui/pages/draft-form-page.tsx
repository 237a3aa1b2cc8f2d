import type { Mode } from '../../coach/rubric.js';
import { Layout } from '../layout.js';

export interface DraftFormValues {
  text: string;
  mode: Mode;
  managerName: string;
}

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
