import type { Child } from 'hono/jsx';
import type { CheckResult, Critique } from '../../coach/critique/critique-schema.js';
import { movesFor } from '../../coach/critique/purpose.js';
import { CHECKS_BY_MODE, type CheckId, type Mode } from '../../coach/rubric.js';
import { anchorKey, type Segment } from '../highlight-quotes.js';
import { LOOP_STEP_TEXT, type LoopStepKey } from '../loop-steps.js';
import { coachName, engineName } from '../render.js';

const PURPOSE_TEXT: Record<string, string> = {
  '1': 'a message asking how your work is seen (step 1)',
  '2': 'an offer of help (step 2)',
  '3': 'taking on what was asked (step 3)',
  '4': 'the goal-alignment ask (step 4)',
  '5': 'a report back that starts the next loop (step 5)',
  advanced: 'an update on something you fixed (advanced)',
};

type CheckState = 'present' | 'missing' | 'pitfall' | 'avoided';
/** Each state in words; the symbol beside them is decoration, hidden from screen readers, which read the word. */
const STATE_TEXT: Record<CheckState, { symbol: string; word: string }> = {
  present: { symbol: '✓', word: 'present' },
  missing: { symbol: '✗', word: 'missing' },
  pitfall: { symbol: '⚠', word: 'pitfall' },
  avoided: { symbol: '', word: 'avoided' },
};

const stateOf = (c: CheckResult): CheckState => (c.kind === 'move' ? (c.present ? 'present' : 'missing') : c.present ? 'pitfall' : 'avoided');
const specOf = (mode: Mode, id: CheckId) => CHECKS_BY_MODE[mode].find((c) => c.id === id);
export const labelOf = (mode: Mode, id: CheckId) => specOf(mode, id)?.label ?? id;

/** Score bands: the colour repeats the words, never replaces them. */
export type ScoreBand = 'low' | 'mid' | 'high';
export const scoreBand = (score: number): ScoreBand => (score >= 80 ? 'high' : score >= 50 ? 'mid' : 'low');
const BAND_TEXT: Record<ScoreBand, string> = { high: 'Strong (80 or more)', mid: 'Getting there (50 to 79)', low: 'Needs work (under 50)' };

/**
 * The checks a result lists: a draft's are those that count for its purpose (its purpose's moves,
 * scored or bonus, every pitfall, and any a top fix names); a rehearsal is scored on exactly its
 * scenario's checks, so all of them. Critiques stored before purposes list every check.
 */
export function countingChecks(critique: Critique): CheckResult[] {
  if (critique.sessionId !== undefined || !critique.purpose) return critique.checks;
  const moves = movesFor(critique.mode, critique.purpose.step);
  const counted = new Set<CheckId>([...moves.counts, ...moves.bonus, ...critique.topFixes.map((f) => f.check)]);
  return critique.checks.filter((c) => c.kind === 'pitfall' || counted.has(c.id));
}

export function ScoreFigure({ score, label, children }: { score: number; label: string; children?: Child }) {
  const band = scoreBand(score);
  return (
    <div class="figure" data-figure="score">
      <p class="figure-label">{label}</p>
      <p class={`score band-${band}`}>
        <b data-score={score} data-band={band}>
          {score}
        </b>
        <span class="muted">out of 100</span>
        <span class="band">{BAND_TEXT[band]}</span>
      </p>
      {children}
    </div>
  );
}

/** What the critique says in words: its purpose, summary, order note, the next step and who gave it. */
export function VerdictText({ critique }: { critique: Critique }) {
  return (
    <>
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
        Feedback by <strong>{coachName(engineName(critique))}</strong>
      </p>
    </>
  );
}

/** The steps (1-5, A for advanced) or ⚠ (pitfall) a highlight shows, as the chip beside it. */
function chipOf(mode: Mode, checks: readonly CheckId[]): string {
  const parts = checks.map((id) => {
    const spec = specOf(mode, id);
    return spec?.kind === 'pitfall' ? '⚠' : spec?.step === 'advanced' ? 'A' : String(spec?.step ?? '');
  });
  return [...new Set(parts)].filter(Boolean).join(' ');
}

/** How one check reads in a highlight's accessible name: "step 2: Offers help", "pitfall: Demanding". */
function checkWords(mode: Mode, id: CheckId): string {
  const spec = specOf(mode, id);
  const where = spec?.kind === 'pitfall' ? 'pitfall' : spec?.step === 'advanced' ? 'advanced' : `step ${String(spec?.step)}`;
  return `${where}: ${labelOf(mode, id)}`;
}

/**
 * The user's words with every evidence quote marked in place, each mark linking to its check. The
 * step chip is drawn by the stylesheet from `data-chip`, so the text itself stays exactly as written.
 */
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
            class={s.checks.some((c) => specOf(mode, c)?.kind === 'pitfall') ? 'pitfall' : undefined}
            data-checks={s.checks.join(' ')}
            data-chip={chipOf(mode, s.checks)}
            title={s.checks.map((c) => labelOf(mode, c)).join(', ')}
          >
            <a href={`#check-${s.checks[0]}`} aria-label={`${s.text} (${s.checks.map((c) => checkWords(mode, c)).join('; ')})`}>
              {s.text}
            </a>
          </mark>
        ) : (
          s.text
        ),
      )}
    </div>
  );
}

export function HighlightLegend() {
  return (
    <ul class="hl-legend" aria-label="How to read the highlights">
      <li>
        <mark class="sample" data-chip="2">
          words
        </mark>{' '}
        make a step of the loop (the number; A is advanced mode)
      </li>
      <li>
        <mark class="sample pitfall" data-chip="⚠">
          words
        </mark>{' '}
        fall into a pitfall
      </li>
      <li>Select a highlight to go to its check.</li>
    </ul>
  );
}

/** The given checks grouped by loop step, then the pitfalls; quotes link back to their marks. */
function Checklist({ mode, checks, anchors }: { mode: Mode; checks: readonly CheckResult[]; anchors: ReadonlyMap<string, string> }) {
  const groups: Array<{ key: string; title: string; checks: CheckResult[] }> = [];
  for (const check of checks) {
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
                <li id={`check-${c.id}`} class={`check is-${state}`} tabindex={-1} data-check={c.id} data-present={String(c.present)} data-state={state}>
                  <span class="state">
                    {STATE_TEXT[state].symbol ? <span aria-hidden="true">{STATE_TEXT[state].symbol} </span> : null}
                    {STATE_TEXT[state].word}
                  </span>{' '}
                  <strong>{labelOf(mode, c.id)}</strong>
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

/** The top fixes (1-3) and suggested replacements: what to change first. */
export function FixesSection({ critique, links }: { critique: Critique; links: ReadonlySet<CheckId> }) {
  return (
    <section data-section="fixes" aria-labelledby="fixes-h">
      <h2 id="fixes-h">What to fix first</h2>
      {critique.topFixes.length > 0 ? (
        <ol class="fixes">
          {critique.topFixes.map((f) => (
            <li data-fix={f.check}>
              {f.fix} {links.has(f.check) ? <a href={`#check-${f.check}`}>({labelOf(critique.mode, f.check)})</a> : `(${labelOf(critique.mode, f.check)})`}
            </li>
          ))}
        </ol>
      ) : (
        <p>Nothing to fix first: every move that counts here is made, with no pitfall.</p>
      )}
      {critique.suggestions.length > 0 ? (
        <>
          <h3>Suggested replacements</h3>
          <ul class="list">
            {critique.suggestions.map((s) => (
              <li class="suggestion">
                Instead of <del>“{s.quote}”</del> try <ins>“{s.replacement}”</ins>
                <br />
                <span class="muted">{s.why}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** The rewrite with its copy button. */
export function RewriteSection({ critique, title }: { critique: Critique; title: string }) {
  return (
    <section data-section="rewrite" aria-labelledby="rewrite-h">
      <h2 id="rewrite-h">{title}</h2>
      {critique.rewrite ? (
        <>
          <pre id="rewrite" class="rewrite">
            {critique.rewrite}
          </pre>
          <button type="button" class="secondary" data-copy="rewrite" hidden>
            Copy the rewrite
          </button>
        </>
      ) : (
        <p class="muted">No rewrite this time.</p>
      )}
    </section>
  );
}

/** The full checklist, collapsed: everything above already says what to do. `children` come first inside it (the marked text). */
export function ChecksSection({
  critique,
  checks,
  anchors,
  note,
  children,
}: {
  critique: Critique;
  checks: readonly CheckResult[];
  anchors: ReadonlyMap<string, string>;
  note?: string;
  children?: Child;
}) {
  const count = (state: CheckState) => checks.filter((c) => stateOf(c) === state).length;
  const pitfalls = count('pitfall');
  return (
    <section data-section="checks" aria-labelledby="checks-h">
      <h2 id="checks-h">The loop, step by step</h2>
      <details class="checks">
        <summary>
          All {checks.length} checks: {count('present')} made, {count('missing')} missing,{' '}
          {pitfalls === 0 ? 'no pitfall' : pitfalls === 1 ? '1 pitfall' : `${pitfalls} pitfalls`}
        </summary>
        {note ? <p class="hint-text">{note}</p> : null}
        {children ? (
          <div class="grid2">
            <div>{children}</div>
            <Checklist mode={critique.mode} checks={checks} anchors={anchors} />
          </div>
        ) : (
          <Checklist mode={critique.mode} checks={checks} anchors={anchors} />
        )}
      </details>
    </section>
  );
}

/** The purpose as the checklist note names it, when some checks are left out for it. */
export const purposeNote = (critique: Critique, shown: number) =>
  shown < critique.checks.length && critique.purpose?.step
    ? `Only the checks that count for ${PURPOSE_TEXT[String(critique.purpose.step)]} are listed.`
    : undefined;
