import type { Critique } from '../../coach/critique/critique-schema.js';
import type { DraftRow } from '../../services/drafts.js';
import { Checklist, Fixes, HighlightedText, ScoreSummary } from '../components/critique-view.js';
import { highlightQuotes } from '../highlight-quotes.js';
import { Layout } from '../layout.js';

const MODE_TEXT = { employee: 'to your manager', manager: 'to someone on your team' } as const;

export function DraftPage({ engine, draft, critique, failure }: { engine: string; draft: DraftRow; critique: Critique | undefined; failure?: string }) {
  const managerName = (draft.context as { managerName?: string }).managerName;
  const { segments, anchors } = highlightQuotes(draft.text, critique?.checks ?? []);
  return (
    <Layout title="Draft feedback" nav="drafts" engine={engine}>
      <h1>Feedback on your draft</h1>
      <p class="muted">
        A message {MODE_TEXT[draft.mode]}
        {managerName ? `, ${managerName}` : ''} · saved {draft.createdAt.toISOString().slice(0, 10)} · <a href="/drafts/new">Check another draft</a>
      </p>
      {critique ? (
        <>
          <ScoreSummary critique={critique} />
          <div class="grid2">
            <section aria-labelledby="text-h">
              <h2 id="text-h">Your draft</h2>
              <p class="hint-text">Highlighted words show a step; select one to see its check.</p>
              <HighlightedText segments={segments} mode={critique.mode} id="draft-text" />
            </section>
            <section aria-labelledby="checks-h">
              <h2 id="checks-h">The loop, step by step</h2>
              <Checklist critique={critique} anchors={anchors} />
            </section>
          </div>
          <Fixes critique={critique} rewriteTitle="A rewrite" />
        </>
      ) : (
        <>
          <div id="form-alert" class="alert" role="alert">
            {failure ?? 'The feedback did not come through.'} Your draft is saved; try again.
          </div>
          <form method="post" action={`/drafts/${draft.id}/critique`} data-api={`/api/drafts/${draft.id}/critique`} data-busy="Checking your draft…">
            <button type="submit">Try again</button>
          </form>
          <h2>Your draft</h2>
          <div class="draft-text">{draft.text}</div>
        </>
      )}
    </Layout>
  );
}
