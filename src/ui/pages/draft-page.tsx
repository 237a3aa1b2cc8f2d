import type { Critique } from '../../coach/critique/critique-schema.js';
import type { DraftRow } from '../../services/drafts.js';
import {
  ChecksSection,
  countingChecks,
  FixesSection,
  HighlightedText,
  HighlightLegend,
  purposeNote,
  RewriteSection,
  ScoreFigure,
  VerdictText,
} from '../components/critique-view.js';
import { highlightQuotes } from '../highlight-quotes.js';
import { Layout } from '../layout.js';

const MODE_TEXT = { employee: 'to your manager', manager: 'to someone on your team' } as const;

/** A draft's result leads with what to do: the verdict, the fixes, the rewrite; the full checklist last, collapsed. */
export function DraftPage({ engine, draft, critique, failure }: { engine: string; draft: DraftRow; critique: Critique | undefined; failure?: string }) {
  const managerName = (draft.context as { managerName?: string }).managerName;
  return (
    <Layout title="Draft feedback" nav="drafts" engine={engine}>
      <h1>Feedback on your draft</h1>
      <p class="muted">
        A message {MODE_TEXT[draft.mode]}
        {managerName ? `, ${managerName}` : ''} · saved {draft.createdAt.toISOString().slice(0, 10)} · <a href="/drafts/new">Check another draft</a>
      </p>
      {critique ? (
        <DraftResult draft={draft} critique={critique} />
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

function DraftResult({ draft, critique }: { draft: DraftRow; critique: Critique }) {
  const checks = countingChecks(critique);
  const { segments, anchors } = highlightQuotes(draft.text, checks);
  const note = purposeNote(critique, checks.length);
  return (
    <>
      <section data-section="verdict" class="card verdict" aria-label="Verdict">
        <ScoreFigure score={critique.score} label="Score" />
        <VerdictText critique={critique} />
      </section>
      <FixesSection critique={critique} links={new Set(checks.map((c) => c.id))} />
      <RewriteSection critique={critique} title="A rewrite" />
      <ChecksSection critique={critique} checks={checks} anchors={anchors} {...(note && { note })}>
        <h3 id="text-h">Your draft</h3>
        <HighlightLegend />
        <HighlightedText segments={segments} mode={critique.mode} id="draft-text" />
      </ChecksSection>
    </>
  );
}
