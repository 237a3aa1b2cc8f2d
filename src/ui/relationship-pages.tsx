import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  CommitmentStatusSchema,
  CorrectEntrySchema,
  CreateEntrySchema,
  CreateRelationshipSchema,
  RehearseBodySchema,
  UpdateRelationshipSchema,
} from '../coach/loop/relationship-schema.js';
import type { Deps } from '../deps.js';
import { AppError, NotFoundError, ValidationError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { limitModelCalls } from '../services/rate-limits.js';
import {
  addEntry,
  correctEntry,
  createRelationship,
  deleteEntry,
  deleteRelationship,
  entryJson,
  findRelationship,
  listRelationships,
  ownEntry,
  planFor,
  rehearse,
  relationshipState,
  setCommitmentStatus,
  updateRelationship,
  type EntryRow,
  type RelationshipRow,
} from '../services/relationships.js';
import { formFields, issuesText } from './form-fields.js';
import { ENTRY_FIELD_LABELS, EntryFormPage, type EntryFormValues } from './pages/entry-form-page.js';
import { correctionValues, EntryPage, rowName, type CorrectionValues, type EntryView } from './pages/entry-page.js';
import { ErrorPage } from './pages/error-page.js';
import { LoopsPage } from './pages/loops-page.js';
import {
  BLANK_RELATIONSHIP,
  RELATIONSHIP_FIELD_LABELS,
  RelationshipFormPage,
  relationshipFormValues,
  type RelationshipFormValues,
} from './pages/relationship-form-page.js';
import { RelationshipPage, type RelationshipPageProps } from './pages/relationship-page.js';
import { engineName, render, setRetryAfter } from './render.js';
import { withinRateLimit } from './within-rate-limit.js';

const LIST_LIMIT = 50;
/** The most rows a correction form has: the API's 20 of each, and the blank one to add. */
const MAX_ROWS = 21;
const CURSOR = /^[a-z]{3}_[0-9a-z]{21}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CONFIRM = 'Tick the box to confirm, then delete.';

type Field = (name: string) => string;
type Issue = { path: readonly PropertyKey[]; message: string };

/** One item a line, each trimmed, blank lines left out. */
const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const rowCount = (value: string) => Math.min(MAX_ROWS, Math.max(0, Number.parseInt(value, 10) || 0));

const relationshipValues = (field: Field): RelationshipFormValues => ({
  name: field('name'),
  relation: field('relation'),
  role: field('role'),
  yourGoal: field('yourGoal'),
  knownPriorities: field('knownPriorities'),
  style: field('style'),
});

/** A refusal's issues, each named by its field's label; a list's items by their place in it ("What they care about, line 2"). */
function relationshipRefusal(issues: readonly Issue[]): string {
  const labels: Readonly<Record<string, string>> = RELATIONSHIP_FIELD_LABELS;
  return issuesText(
    issues.map((i) => {
      const [field, item] = i.path;
      const label = labels[String(field)] ?? 'The form';
      return { path: [typeof item === 'number' ? `${label}, line ${item + 1}` : label], message: i.message };
    }),
    {},
  );
}

/** What the user typed in the correction form, and the correction it makes: only the fields that differ from the reading as it stands. */
function readCorrection(field: Field, current: EntryView) {
  const checkRows = rowCount(field('checkRows'));
  const commitmentRows = rowCount(field('commitmentRows'));
  const goal = field('goalEngaged');
  const values: CorrectionValues = {
    checks: Array.from({ length: checkRows }, (_, i) => ({
      id: field(`check-${i}-id`),
      quotes: field(`check-${i}-quotes`),
      remove: field(`check-${i}-remove`) === 'yes',
    })),
    needs: field('needs'),
    feedback: field('feedback'),
    goalEngaged: goal === 'yes' || goal === 'no' ? goal : 'unknown',
    commitments: Array.from({ length: commitmentRows }, (_, i) => {
      const at = (name: string) => field(`commitment-${i}-${name}`);
      return {
        text: at('text'),
        owner: at('owner'),
        due: at('due'),
        status: at('status'),
        when: at('when'),
        wasDue: at('wasDue'),
        remove: at('remove') === 'yes',
      };
    }),
  };
  // Rows left blank, or ticked to remove, are not sent; the `…RowsKept` lists say which form row each sent item came from.
  const checkRowsKept = values.checks.flatMap((c, i) => (c.remove || (c.id === '' && c.quotes.trim() === '') ? [] : [i]));
  const commitmentRowsKept = values.commitments.flatMap((c, i) => (c.remove || (c.text.trim() === '' && c.due === '') ? [] : [i]));
  const checks = checkRowsKept.map((i) => {
    const c = values.checks[i] as CorrectionValues['checks'][number];
    return { id: c.id, evidence: lines(c.quotes) };
  });
  const commitments = commitmentRowsKept.map((i) => {
    const c = values.commitments[i] as CorrectionValues['commitments'][number];
    const due = c.due || null;
    // The words that set the date ("by Friday") stay only while the date is still the one they set.
    return { text: c.text.trim(), owner: c.owner, due, when: c.when && due === (c.wasDue || null) ? c.when : null, status: c.status };
  });
  const r = current.reading;
  const stored = r.commitments.map((c) => ({ text: c.text, owner: c.owner, due: c.due, when: c.when, status: c.status === 'done' ? 'done' : 'open' }));
  const engaged = values.goalEngaged === 'unknown' ? null : values.goalEngaged === 'yes';
  const body = {
    ...(!same(
      checks,
      r.checks.map((c) => ({ id: c.id, evidence: c.evidence })),
    ) && { checks }),
    ...(!same(lines(values.needs), r.needs) && { needs: lines(values.needs) }),
    ...(!same(lines(values.feedback), r.feedback) && { feedback: lines(values.feedback) }),
    ...(goal !== '' && engaged !== r.goalEngaged && { goalEngaged: engaged }),
    ...(!same(commitments, stored) && { commitments }),
  };
  /** An issue's field in the form's words: "Move 2, quote 1", "Commitment 1: due", "What they need, line 3". */
  const labelOf = (path: readonly PropertyKey[]): string => {
    const [group, index, part, item] = path;
    const n = typeof index === 'number' ? index : Number(index);
    if (group === 'checks') {
      const row = rowName('Move', checkRowsKept[n] ?? n, checkRows);
      return part === 'evidence' ? (item === undefined ? `${row}: the quotes` : `${row}, quote ${Number(item) + 1}`) : `${row}: the move`;
    }
    if (group === 'commitments') {
      const words: Record<string, string> = { text: 'what was promised', owner: 'who promised it', due: 'the date due', status: 'the status', when: 'when' };
      return `${rowName('Commitment', commitmentRowsKept[n] ?? n, commitmentRows)}: ${words[String(part)] ?? 'the row'}`;
    }
    const list = { needs: 'What they need', feedback: 'Feedback', goalEngaged: 'Your goal' }[String(group)] ?? 'The form';
    return Number.isInteger(n) ? `${list}, line ${n + 1}` : list;
  };
  const refusal = (issues: readonly Issue[]) =>
    issuesText(
      issues.map((i) => ({ path: [labelOf(i.path)], message: i.message })),
      {},
    );
  return { values, body, refusal };
}

/**
 * "My loops": the relationships, each relationship's page, its journal's entries and their
 * readings, through the same services as `/api/relationships`. Every form posts and redirects, so
 * the pages work without the script; a refusal shows the form again with what was typed.
 */
export function relationshipPages(deps: Deps) {
  const engine = engineName(deps.engine);
  const limited = withinRateLimit(deps);
  const notFound = (c: Context) => render(c, <ErrorPage engine={engine} status={404} />, 404);
  const own = (c: Context<AppEnv>) => findRelationship(deps, c.get('user').id, c.req.param('id') ?? '');
  /** The relationship's entry, or undefined: another relationship's (or user's) entry is as missing as one never made. */
  const ownedEntry = (r: RelationshipRow, id: string) =>
    ownEntry(deps, r, id).catch((err: unknown) => {
      if (err instanceof NotFoundError) return undefined;
      throw err;
    });
  const today = () => new Date(deps.now()).toISOString().slice(0, 10);

  const relationshipForm = (
    c: Context,
    values: RelationshipFormValues,
    extra: { editing?: RelationshipRow; error?: string; deleteError?: string },
    status: ContentfulStatusCode = 200,
  ) => render(c, <RelationshipFormPage engine={engine} values={values} {...extra} />, status);

  /** The relationship page. Preparing its plan critiques a draft (a model call on a model), so it counts against the limit as `GET …/plan` does. */
  const showRelationship = async (c: Context<AppEnv>, r: RelationshipRow, problem?: AppError) => {
    const { state, entries } = await relationshipState(deps, r);
    let plan: RelationshipPageProps['plan'];
    let status: ContentfulStatusCode = problem?.status ?? 200;
    try {
      if (deps.config.rateLimitPerMinute > 0) await limitModelCalls(deps, r.userId, deps.clientAddress?.(c));
      plan = { ok: true, plan: await planFor(deps, r) };
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      plan = { ok: false, message: err.message };
      if (!problem) status = err.status;
      setRetryAfter(c, err);
    }
    if (problem) setRetryAfter(c, problem);
    const page = <RelationshipPage engine={engine} relationship={r} state={state} entries={entries} plan={plan} {...(problem && { error: problem.message })} />;
    return render(c, page, status);
  };

  const entryForm = (c: Context, r: RelationshipRow, values: EntryFormValues, error?: AppError | string) => {
    if (error instanceof AppError) setRetryAfter(c, error);
    const message = error instanceof AppError ? error.message : error;
    const page = (
      <EntryFormPage
        engine={engine}
        relationship={r}
        values={values}
        maxChars={deps.config.draftMaxChars}
        today={today()}
        {...(message && { error: message })}
      />
    );
    return render(c, page, error === undefined ? 200 : error instanceof AppError ? error.status : 400);
  };

  const showEntry = (
    c: Context,
    r: RelationshipRow,
    row: EntryRow,
    problem?: { values?: CorrectionValues; error?: string; deleteError?: string; status: ContentfulStatusCode },
  ) => {
    const entry = entryJson(row, deps.now());
    const page = (
      <EntryPage
        engine={engine}
        relationship={r}
        entry={entry}
        values={problem?.values ?? correctionValues(entry)}
        {...(problem?.error && { error: problem.error })}
        {...(problem?.deleteError && { deleteError: problem.deleteError })}
      />
    );
    return render(c, page, problem?.status ?? 200);
  };

  return new Hono<AppEnv>()
    .get('/relationships', async (c) => {
      const cursor = c.req.query('cursor');
      const page = await listRelationships(deps, c.get('user').id, { limit: LIST_LIMIT, ...(cursor && CURSOR.test(cursor) && { cursor }) });
      const loops = await Promise.all(page.items.map(async (relationship) => ({ relationship, state: (await relationshipState(deps, relationship)).state })));
      return render(c, <LoopsPage engine={engine} loops={loops} nextCursor={page.nextCursor} deleted={c.req.query('deleted') !== undefined} />);
    })
    .get('/relationships/new', (c) => relationshipForm(c, BLANK_RELATIONSHIP, {}))
    .post('/relationships', async (c) => {
      const values = relationshipValues(await formFields(c));
      const priorities = lines(values.knownPriorities);
      const parsed = CreateRelationshipSchema.safeParse({
        name: values.name,
        relation: values.relation,
        ...(values.role.trim() && { role: values.role }),
        ...(values.style.trim() && { style: values.style }),
        ...(priorities.length > 0 && { knownPriorities: priorities }),
        ...(values.yourGoal.trim() && { yourGoal: values.yourGoal }),
      });
      if (!parsed.success) return relationshipForm(c, values, { error: relationshipRefusal(parsed.error.issues) }, 400);
      try {
        const r = await createRelationship(deps, c.get('user').id, parsed.data);
        return c.redirect(`/relationships/${r.id}`, 303);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        return relationshipForm(c, values, { error: err.message }, err.status);
      }
    })
    .get('/relationships/:id', async (c) => {
      const r = await own(c);
      return r ? showRelationship(c, r) : notFound(c);
    })
    .get('/relationships/:id/edit', async (c) => {
      const r = await own(c);
      return r ? relationshipForm(c, relationshipFormValues(r), { editing: r }) : notFound(c);
    })
    .post('/relationships/:id', async (c) => {
      const r = await own(c);
      if (!r) return notFound(c);
      const values = relationshipValues(await formFields(c));
      // The whole form is sent: an emptied field clears what was stored.
      const parsed = UpdateRelationshipSchema.safeParse({
        name: values.name,
        relation: values.relation,
        role: values.role.trim() ? values.role : null,
        style: values.style.trim() ? values.style : null,
        knownPriorities: lines(values.knownPriorities),
        yourGoal: values.yourGoal.trim() ? values.yourGoal : null,
      });
      if (!parsed.success) return relationshipForm(c, values, { editing: r, error: relationshipRefusal(parsed.error.issues) }, 400);
      await updateRelationship(deps, r.userId, r.id, parsed.data);
      return c.redirect(`/relationships/${r.id}`, 303);
    })
    .post('/relationships/:id/delete', async (c) => {
      const r = await own(c);
      if (!r) return notFound(c);
      if ((await formFields(c))('confirm') !== 'yes') return relationshipForm(c, relationshipFormValues(r), { editing: r, deleteError: CONFIRM }, 400);
      await deleteRelationship(deps, r.userId, r.id);
      return c.redirect('/relationships?deleted=1', 303);
    })
    .get('/relationships/:id/entries/new', async (c) => {
      const r = await own(c);
      return r ? entryForm(c, r, { kind: 'one-on-one', date: today(), text: '' }) : notFound(c);
    })
    .post('/relationships/:id/entries', async (c) => {
      const r = await own(c);
      if (!r) return notFound(c);
      const field = await formFields(c);
      const values = { kind: field('kind'), date: field('date'), text: field('text') };
      // A day is taken at noon UTC, so "by Friday" counts from the day the user chose wherever they are.
      const at = DAY.test(values.date) ? `${values.date}T12:00:00.000Z` : values.date;
      const parsed = CreateEntrySchema.safeParse({ kind: values.kind, at, text: values.text });
      if (!parsed.success) return entryForm(c, r, values, issuesText(parsed.error.issues, ENTRY_FIELD_LABELS));
      try {
        const entry = await limited(c, () => addEntry(deps, r, parsed.data));
        return c.redirect(`/relationships/${r.id}/entries/${entry.id}`, 303);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        return entryForm(c, r, values, err);
      }
    })
    .get('/relationships/:id/entries/:entryId', async (c) => {
      const r = await own(c);
      const row = r && (await ownedEntry(r, c.req.param('entryId')));
      return r && row ? showEntry(c, r, row) : notFound(c);
    })
    .post('/relationships/:id/entries/:entryId', async (c) => {
      const r = await own(c);
      const row = r && (await ownedEntry(r, c.req.param('entryId')));
      if (!r || !row) return notFound(c);
      const field = await formFields(c);
      // The form always says how many rows it has: without that, this is not the form, and an empty field must not clear a reading.
      if (field('checkRows') === '' || field('commitmentRows') === '') {
        return showEntry(c, r, row, { error: 'The form could not be read; send it again from the page.', status: 400 });
      }
      const { values, body, refusal } = readCorrection(field, entryJson(row, deps.now()));
      const back = `/relationships/${r.id}/entries/${row.id}`;
      if (Object.keys(body).length === 0) return c.redirect(back, 303);
      const parsed = CorrectEntrySchema.safeParse(body);
      if (!parsed.success) return showEntry(c, r, row, { values, error: refusal(parsed.error.issues), status: 400 });
      try {
        await correctEntry(deps, r, row.id, parsed.data);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const details = err instanceof ValidationError && Array.isArray(err.details) ? (err.details as Array<{ path: string; message: string }>) : [];
        const error = [err.message, refusal(details.map((d) => ({ path: d.path.split('.'), message: d.message })))].filter(Boolean).join(' ');
        return showEntry(c, r, row, { values, error, status: err.status });
      }
      return c.redirect(back, 303);
    })
    .post('/relationships/:id/entries/:entryId/delete', async (c) => {
      const r = await own(c);
      const row = r && (await ownedEntry(r, c.req.param('entryId')));
      if (!r || !row) return notFound(c);
      if ((await formFields(c))('confirm') !== 'yes') return showEntry(c, r, row, { deleteError: CONFIRM, status: 400 });
      await deleteEntry(deps, r, row.id);
      return c.redirect(`/relationships/${r.id}`, 303);
    })
    .post('/relationships/:id/commitments/:commitmentId', async (c) => {
      const r = await own(c);
      if (!r) return notFound(c);
      const field = await formFields(c);
      const parsed = CommitmentStatusSchema.safeParse({ status: field('status') });
      if (!parsed.success) return showRelationship(c, r, new ValidationError(issuesText(parsed.error.issues, { status: 'The status' })));
      let entry: EntryRow;
      try {
        entry = await setCommitmentStatus(deps, r, c.req.param('commitmentId'), parsed.data.status);
      } catch (err) {
        if (err instanceof NotFoundError) return notFound(c);
        throw err;
      }
      return c.redirect(field('back') === 'entry' ? `/relationships/${r.id}/entries/${entry.id}` : `/relationships/${r.id}#commitments`, 303);
    })
    .post('/relationships/:id/rehearse', async (c) => {
      const r = await own(c);
      if (!r) return notFound(c);
      const parsed = RehearseBodySchema.safeParse({ difficulty: (await formFields(c))('difficulty') || 'medium' });
      if (!parsed.success) return showRelationship(c, r, new ValidationError(issuesText(parsed.error.issues, { difficulty: 'How hard' })));
      try {
        const session = await limited(c, () => rehearse(deps, r, parsed.data));
        return c.redirect(`/sessions/${session.id}`, 303);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        return showRelationship(c, r, err);
      }
    })
    .get('/relationships/*', notFound);
}
