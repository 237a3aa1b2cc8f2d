import { newMarker } from '../../prompts/data-block.js';
import { getPrompt, renderPrompt } from '../../prompts/render-prompt.js';
import type { HintInput } from '../engine.js';
import { checksFor, type CheckId, type ModeCheck } from '../rubric.js';
import type { Scenario } from '../scenarios/index.js';
import { transcriptJson } from './running-summary.js';
import type { RoleplayState } from './turn-state.js';

export const HINT_PROMPT = getPrompt('hint');

/**
 * The scenario's next move for where the conversation is: the first move not made yet at or after
 * the furthest step the user has reached (a conversation already at its goal is not sent back to
 * ask for feedback), else the first move not made at all, in the loop's order.
 */
export function nextMove(scenario: Scenario, state: RoleplayState): ModeCheck | null {
  const moves = checksFor(scenario.mode).filter((c) => scenario.scoredChecks.includes(c.id));
  const order = (c: ModeCheck) => (typeof c.step === 'number' ? c.step : 6);
  const missing = moves.filter((c) => state.seen[c.id] === undefined).sort((a, b) => order(a) - order(b));
  const reached = Math.max(0, ...moves.filter((c) => state.seen[c.id] !== undefined).map(order));
  return missing.find((c) => order(c) >= reached) ?? missing[0] ?? null;
}

/** The offline hint: the rubric's advice for the next move. */
export function offlineHint(input: Pick<HintInput, 'scenario' | 'state'>): string {
  const next = nextMove(input.scenario, input.state);
  if (!next) {
    return (
      'You have made every move this scenario practises. ' +
      'Close the loop: recap what you agreed and when you will check back, then end the session for your feedback.'
    );
  }
  return `Next, try this: ${next.label}. ${next.advice}`;
}

/** The hint prompt as a model is asked it: the moves made so far, the next one, and the transcript as data. */
export function hintPrompt(input: HintInput) {
  const marker = newMarker();
  const next = nextMove(input.scenario, input.state);
  const moves = checksFor(input.scenario.mode).filter((c) => input.scenario.scoredChecks.includes(c.id));
  return renderPrompt(HINT_PROMPT, {
    scenarioTitle: input.scenario.title,
    objective: input.scenario.objective,
    moves: moves.map((m) => `- ${m.label}: ${input.state.seen[m.id as CheckId] ? 'made' : 'not yet'}`).join('\n'),
    nextMove: next ? `${next.label} (${next.description})` : 'none left: recap and agree when to check back',
    personaName: input.personaName,
    marker,
    transcript: transcriptJson(input.transcript, marker),
  });
}
