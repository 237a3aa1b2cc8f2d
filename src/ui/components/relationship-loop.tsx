import type { LoopState } from '../../coach/loop/loop-state.js';
import { LOOP_STEP_TEXT } from '../loop-steps.js';
import { relationshipSteps, STEP_STATE_TEXT, stepName, type StepState } from '../relationship-words.js';
import { LoopRing, type RingNode } from './loop-diagram.js';

const BAND: Record<StepState, RingNode['band']> = { done: 'high', next: 'mid', 'not-yet': 'none' };

/**
 * Where the loop stands with one person: the five steps as a ring, each node saying its state in a
 * word, then the same steps as a list with what shows each and links to the entries that show it.
 */
export function RelationshipLoop({
  name,
  state,
  entryLink,
}: {
  name: string;
  state: LoopState;
  /** The link to an entry of the relationship, by id, and its title. */
  entryLink: (id: string) => { href: string; title: string } | undefined;
}) {
  const steps = relationshipSteps(state);
  return (
    <div class="grid2">
      <LoopRing
        title={`The Magic Loop with ${name}: where each step stands`}
        caption={`with ${name}`}
        description={steps.map((s) => `Step ${s.step}, ${LOOP_STEP_TEXT[s.step].title}: ${STEP_STATE_TEXT[s.state]}`).join('. ')}
        nodes={steps.map((s) => ({ value: STEP_STATE_TEXT[s.state], band: BAND[s.state], data: { 'data-state': s.state } }))}
      />
      <ol class="step-list loop-steps" aria-label={`The steps with ${name}`}>
        {steps.map((s) => {
          const links = s.evidence.flatMap((id) => entryLink(id) ?? []);
          return (
            <li data-loop-step={s.step} data-state={s.state}>
              <strong>{stepName(s.step)}</strong>
              <span class={`tag ${s.state === 'done' ? 'ok' : s.state === 'next' ? 'miss' : ''}`}>{STEP_STATE_TEXT[s.state]}</span>
              <span class="step-detail">
                {s.detail}
                {links.length > 0 ? (
                  <>
                    {' '}
                    Shown in:{' '}
                    {links.map((l, i) => (
                      <>
                        {i > 0 ? ', ' : ''}
                        <a href={l.href}>{l.title}</a>
                      </>
                    ))}
                    .
                  </>
                ) : null}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
