import type { CheckResult, Critique } from '../../coach/critique/critique-schema.js';
import { CHECKS_BY_MODE, type CheckId, type Mode } from '../../coach/rubric.js';
import { anchorKey, type Segment } from '../highlight-quotes.js';
import { LOOP_STEP_TEXT, type LoopStepKey } from '../loop-steps.js';

const PURPOSE_TEXT: Record<string, string> = {
  '1': 'a message asking how your work is seen (step 1)',
  '2': 'an offer of help (step 2)',
  '3': 'taking on what was asked (step 3)',
  '4': 'the goal-alignment ask (step 4)',
  '5': 'a report back that starts the next loop (step 5)',
  advanced: 'an update on something you fixed (advanced)',
};

type CheckState = 'present' | 'missing' | 'pitfall' | 'avoided';
const STATE_TEXT: Record<CheckState, string> = { present: '✓ present', missing: '✗ missing', pitfall: '⚠ pitfall', avoided: 'avoided' };

const stateOf = (c: CheckResult): CheckState => (c.kind === 'move' ? (c.present ? 'present' : 'missing') : c.present ? 'pitfall' : 'avoided');
const labelOf = (mode: Mode, id: CheckId) => CHECKS_BY_MODE[mode].find((c) => c.id === id)?.label ?? id;
const isPitfall = (mode: Mode, id: CheckId) => CHECKS_BY_MODE[mode].find((c) => c.id === id)?.kind === 'pitfall';

export function ScoreSummary({ critique }: { critique: Critique }) {
  return (
    <div class="card">
      <p class="score">
        <b data-score={critique.score}>{critique.score}</b>
        <span class="muted">out of 100</span>
      </p>
      {critique.purpose?.step ? (
        <p class="muted" data-purpose={String(critique.purpose.step)}>
          Judged as {PURPOSE_TEXT[String(critique.purpose.step)]} ({critique.purpose.source === 'given' ? 'as you chose' : 'read from your message'})
        </p>
      ) : null}
      <p>{critique.summary}</p>
      {critique.order.ok ? null : <p class="notice">{critique.order.note}</p>}
      {critique.nextStep ? (
        <p class="next-step">
          <strong>Next in the loop:</strong> {critique.nextStep}
        </p>
      ) : null}
      <p class="engine">
        Feedback by <strong>{critique.model}</strong> · prompt {critique.promptId} v{critique.promptVersion}
      </p>
    </div>
  );
}

/** The user's words with every evidence quote marked in place, each mark linking to its check. */
export function HighlightedText({
  segments,
  mode,
  id,
  className = 'draft-text',
}: {
  segments: readonly Segment[];
  mode: Mode;
  id?: string;
  className?: string;
}) {
  return (
    <div class={className} id={id}>
      {segments.map((s) =>
        s.markId ? (
          <mark
            id={s.markId}
            class={s.checks.some((c) => isPitfall(mode, c)) ? 'pitfall' : undefined}
            data-checks={s.checks.join(' ')}
            title={s.checks.map((c) => labelOf(mode, c)).join(', ')}
          >
            <a href={`#check-${s.checks[0]}`}>{s.text}</a>
          </mark>
        ) : (
          s.text
        ),
      )}
    </div>
  );
}

/** The rubric checks grouped by loop step, then the pitfalls; quotes link back to their marks. */
export function Checklist({ critique, anchors }: { critique: Critique; anchors: ReadonlyMap<string, string> }) {
  const groups: Array<{ key: string; title: string; checks: CheckResult[] }> = [];
  for (const check of critique.checks) {
    const key = check.kind === 'pitfall' ? 'pitfalls' : String(check.step);
    let group = groups.find((g) => g.key === key);
    if (!group) {
      const step = LOOP_STEP_TEXT[key as LoopStepKey] as (typeof LOOP_STEP_TEXT)[LoopStepKey] | undefined;
      const title = key === 'pitfalls' ? 'Pitfalls' : step ? (key === 'advanced' ? step.title : `Step ${key} · ${step.title}`) : 'Other';
      group = { key, title, checks: [] };
      groups.push(group);
    }
    group.checks.push(check);
  }
  // Steps in loop order, pitfalls last.
  const order = (key: string) => (key === 'pitfalls' ? 99 : key === 'advanced' ? 6 : Number(key));
  groups.sort((a, b) => order(a.key) - order(b.key));
  return (
    <div class="checklist-wrap">
      {groups.map((g) => (
        <section class="check-group" aria-label={g.title}>
          <h3>{g.title}</h3>
          <ul class="checklist">
            {g.checks.map((c) => {
              const state = stateOf(c);
              return (
                <li id={`check-${c.id}`} class={`check is-${state}`} data-check={c.id} data-present={String(c.present)} data-state={state}>
                  <span class="state">{STATE_TEXT[state]}</span> <strong>{labelOf(critique.mode, c.id)}</strong>
                  {c.present && c.evidence.length > 0 ? (
                    <ul class="quotes">
                      {c.evidence.map((quote) => {
                        const mark = anchors.get(anchorKey(c.id, quote));
                        return <li>{mark ? <a href={`#${mark}`}>“{quote}”</a> : `“${quote}”`}</li>;
                      })}
                    </ul>
                  ) : null}
                  {state === 'missing' || state === 'pitfall' ? <p class="advice">{c.advice}</p> : null}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** Top fixes, suggested replacements and the rewrite with its copy button. */
export function Fixes({ critique, rewriteTitle }: { critique: Critique; rewriteTitle: string }) {
  return (
    <>
      {critique.topFixes.length > 0 ? (
        <section aria-labelledby="fixes-h">
          <h2 id="fixes-h">Top fixes</h2>
          <ol class="fixes">
            {critique.topFixes.map((f) => (
              <li data-fix={f.check}>
                {f.fix} <a href={`#check-${f.check}`}>({labelOf(critique.mode, f.check)})</a>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {critique.suggestions.length > 0 ? (
        <section aria-labelledby="suggestions-h">
          <h2 id="suggestions-h">Suggested replacements</h2>
          <ul class="list">
            {critique.suggestions.map((s) => (
              <li class="suggestion">
                Instead of <del>“{s.quote}”</del> try <ins>“{s.replacement}”</ins>
                <br />
                <span class="muted">{s.why}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {critique.rewrite ? (
        <section aria-labelledby="rewrite-h">
          <h2 id="rewrite-h">{rewriteTitle}</h2>
          <pre id="rewrite" class="rewrite">
            {critique.rewrite}
          </pre>
          <button type="button" class="secondary" data-copy="rewrite" hidden>
            Copy the rewrite
          </button>
        </section>
      ) : null}
    </>
  );
}
