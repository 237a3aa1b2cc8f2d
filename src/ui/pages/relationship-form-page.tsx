import { RELATIONS } from '../../coach/loop/entry-reading-schema.js';
import type { RelationshipRow } from '../../services/relationships.js';
import { Layout } from '../layout.js';
import { RELATION_TEXT } from '../relationship-words.js';

/** The form as typed: every field as text, what they care about one item a line. */
export interface RelationshipFormValues {
  name: string;
  relation: string;
  role: string;
  yourGoal: string;
  knownPriorities: string;
  style: string;
}

/** How a refusal names each field (the API's field names, the form's labels). */
export const RELATIONSHIP_FIELD_LABELS = {
  name: 'Their name',
  relation: 'Who they are to you',
  role: 'Their role',
  yourGoal: 'Your goal',
  knownPriorities: 'What they care about',
  style: 'How they work and talk',
} as const;

export const relationshipFormValues = (r: RelationshipRow): RelationshipFormValues => ({
  name: r.name,
  relation: r.relation,
  role: r.role ?? '',
  yourGoal: r.yourGoal ?? '',
  knownPriorities: r.knownPriorities.join('\n'),
  style: r.style ?? '',
});

export const BLANK_RELATIONSHIP: RelationshipFormValues = { name: '', relation: 'manager', role: '', yourGoal: '', knownPriorities: '', style: '' };

/**
 * Adding someone, or changing what is known about them (`editing`: the relationship, whose page
 * also offers to delete it). A refusal comes back in `error`, with everything typed kept.
 */
export function RelationshipFormPage({
  engine,
  values,
  editing,
  error,
  deleteError,
}: {
  engine: string;
  values: RelationshipFormValues;
  editing?: RelationshipRow;
  error?: string;
  deleteError?: string;
}) {
  const L = RELATIONSHIP_FIELD_LABELS;
  return (
    <Layout title={editing ? `Edit ${editing.name}` : 'Add someone'} nav="loops" engine={engine}>
      <h1>{editing ? `Edit ${editing.name}` : 'Add someone you work with'}</h1>
      <p class="lead">
        {editing ? (
          <a href={`/relationships/${editing.id}`}>Back to {editing.name}</a>
        ) : (
          'Who you run the loop with: your manager, a skip-level, someone on your team, anyone. ' +
          'Only their name is needed; the rest makes the plan and the rehearsal fit them.'
        )}
      </p>
      <div id="form-alert" class="alert" role="alert" tabindex={-1} hidden={!error}>
        {error ?? ''}
      </div>
      <form id="relationship-form" method="post" action={editing ? `/relationships/${editing.id}` : '/relationships'}>
        <label for="name">
          {L.name} <span class="hint-text">Letters, spaces and . ' ( ) - only, e.g. Helen Park.</span>
        </label>
        <input type="text" id="name" name="name" required maxlength={60} autocomplete="off" value={values.name} data-label={L.name} />
        <fieldset>
          <legend>{L.relation}</legend>
          {RELATIONS.map((relation) => (
            <label class="choice">
              <input type="radio" name="relation" value={relation} checked={values.relation === relation} data-label={L.relation} /> {RELATION_TEXT[relation]}
            </label>
          ))}
        </fieldset>
        <label for="role">
          {L.role} <span class="hint-text">Optional, e.g. Head of Platform.</span>
        </label>
        <input type="text" id="role" name="role" maxlength={100} autocomplete="off" value={values.role} data-label={L.role} />
        <label for="yourGoal">
          {L.yourGoal} <span class="hint-text">Optional. The concrete goal you want to work toward with them: a role, a level, a skill, a project.</span>
        </label>
        <input type="text" id="yourGoal" name="yourGoal" maxlength={300} autocomplete="off" value={values.yourGoal} data-label={L.yourGoal} />
        <label for="knownPriorities">
          {L.knownPriorities} <span class="hint-text">Optional. What you already know matters to them, one item a line (up to 10).</span>
        </label>
        <textarea id="knownPriorities" name="knownPriorities" rows={3} data-label={L.knownPriorities}>
          {values.knownPriorities}
        </textarea>
        <label for="style">
          {L.style} <span class="hint-text">Optional, in your own words, e.g. blunt, numbers first. The rehearsal plays them so.</span>
        </label>
        <input type="text" id="style" name="style" maxlength={300} autocomplete="off" value={values.style} data-label={L.style} />
        <div class="actions">
          <button type="submit">{editing ? 'Save' : 'Add them'}</button>
        </div>
      </form>
      {editing ? (
        <section aria-labelledby="delete-h" class="card">
          <h2 id="delete-h">Delete {editing.name}</h2>
          <p>This deletes the relationship and its journal of conversations. Rehearsals you started from it stay.</p>
          <div id="delete-alert" class="alert" role="alert" tabindex={-1} hidden={!deleteError}>
            {deleteError ?? ''}
          </div>
          <form method="post" action={`/relationships/${editing.id}/delete`}>
            <label class="choice">
              <input type="checkbox" name="confirm" value="yes" /> Yes, delete {editing.name} and the journal
            </label>
            <div class="actions">
              <button type="submit" class="danger">
                Delete
              </button>
            </div>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}
