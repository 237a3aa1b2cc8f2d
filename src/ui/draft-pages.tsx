import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { CritiqueDraftBodySchema } from '../coach/critique/draft-schema.js';
import { MODES, type Mode } from '../coach/rubric.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { critiqueDraft, findDraft, saveDraft, viewDraft, type DraftRow } from '../services/drafts.js';
import { formFields, issuesText } from './form-fields.js';
import { DRAFT_FIELD_LABELS, DraftFormPage, PURPOSE_CHOICES, type DraftFormValues } from './pages/draft-form-page.js';
import { DraftPage } from './pages/draft-page.js';
import { ErrorPage } from './pages/error-page.js';
import { engineName, render, setRetryAfter } from './render.js';
import { withinRateLimit } from './within-rate-limit.js';

const asMode = (value: string | undefined): Mode => ((MODES as readonly string[]).includes(value ?? '') ? (value as Mode) : 'employee');

/** Draft feedback: the form, and one draft with its critique, through the same services as the API. */
export function draftPages(deps: Deps) {
  const engine = engineName(deps.engine);
  const limited = withinRateLimit(deps);
  const notFound = (c: Context) => render(c, <ErrorPage engine={engine} status={404} />, 404);
  const form = (c: Context, values: DraftFormValues, error: string | undefined, status: ContentfulStatusCode = 200) =>
    render(c, <DraftFormPage engine={engine} values={values} maxChars={deps.config.draftMaxChars} {...(error && { error })} />, status);
  const showDraft = async (c: Context<AppEnv>, draft: DraftRow, failure?: AppError) => {
    const { critique } = await viewDraft(deps, draft);
    const page = <DraftPage engine={engine} draft={draft} critique={critique} {...(failure && { failure: failure.message })} />;
    return render(c, page, failure?.status ?? 200);
  };

  return new Hono<AppEnv>()
    .get('/drafts/new', (c) => {
      // `?purpose=` (a progress page's "write a draft for it") picks what the message is for; an unknown one is left to Loop Coach.
      const purpose = PURPOSE_CHOICES.some(([value]) => value === c.req.query('purpose')) ? (c.req.query('purpose') ?? '') : '';
      return form(c, { text: '', mode: asMode(c.req.query('mode')), managerName: '', purpose }, undefined);
    })
    .post('/drafts', async (c) => {
      const field = await formFields(c);
      const values = { text: field('text'), mode: asMode(field('mode')), managerName: field('managerName').trim(), purpose: field('purpose') };
      // A purpose is for messages to one's manager; chosen with the manager mode, it is left to Loop Coach.
      const purpose = values.mode === 'employee' && values.purpose ? (values.purpose === 'advanced' ? 'advanced' : Number(values.purpose)) : undefined;
      const parsed = CritiqueDraftBodySchema.safeParse({
        text: values.text,
        mode: values.mode,
        ...(values.managerName && { context: { managerName: values.managerName } }),
        ...(purpose !== undefined && { purpose }),
      });
      if (!parsed.success) return form(c, values, issuesText(parsed.error.issues, DRAFT_FIELD_LABELS), 400);
      const userId = c.get('user').id;
      const saved: { draft?: DraftRow } = {};
      try {
        const draft = await limited(c, async () => {
          saved.draft = await saveDraft(deps, userId, parsed.data);
          await critiqueDraft(deps, userId, saved.draft, parsed.data.purpose);
          return saved.draft;
        });
        return c.redirect(`/drafts/${draft.id}`, 303);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        setRetryAfter(c, err);
        // Refused before the draft was saved: the form again, text kept. After: the draft, with a retry.
        return saved.draft ? showDraft(c, saved.draft, err) : form(c, values, err.message, err.status);
      }
    })
    .get('/drafts/:id', async (c) => {
      const draft = await findDraft(deps, c.get('user').id, c.req.param('id'));
      return draft ? showDraft(c, draft) : notFound(c);
    })
    .post('/drafts/:id/critique', async (c) => {
      const userId = c.get('user').id;
      const draft = await findDraft(deps, userId, c.req.param('id'));
      if (!draft) return notFound(c);
      try {
        await limited(c, () => critiqueDraft(deps, userId, draft));
      } catch (err) {
        if (err instanceof AppError) return showDraft(c, draft, err);
        throw err;
      }
      return c.redirect(`/drafts/${draft.id}`, 303);
    })
    .get('/drafts/*', notFound);
}
