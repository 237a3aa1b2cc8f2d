import type { Persona, Scenario } from '../../src/coach/scenarios/index.js';
import type { ChatModel } from '../../src/llm/chat-model.js';
import { newMarker } from '../../src/prompts/data-block.js';
import { getPrompt, renderPrompt } from '../../src/prompts/render-prompt.js';
import { transcriptData, transcriptLines } from '../graders/transcript-data.js';
import type { TranscriptTurn } from '../rehearsal.js';

const SIMULATED_USER_PROMPT = getPrompt('simulated-user');
export const MODEL_STYLE = 'model-user';

const SIDE = {
  employee: 'an employee talking to your manager',
  manager: 'a manager talking to someone who reports to you',
} as const;

/** The simulated user's prompt: the scene, and the conversation so far as JSON lines in a block closed by this request's marker. */
export function simulatedUserPrompt(scenario: Scenario, persona: Persona, turns: readonly TranscriptTurn[], marker = newMarker()) {
  return renderPrompt(SIMULATED_USER_PROMPT, {
    side: SIDE[scenario.mode],
    personaName: persona.name,
    personaRole: persona.role,
    scenarioTitle: scenario.title,
    objective: scenario.objective,
    goal: scenario.suggestedGoal,
    marker,
    transcript: transcriptData(transcriptLines(turns), marker),
  });
}

/**
 * The model-driven user: a model plays the user's side with the scenario's objective, reacting to
 * what the persona says, the way a real person would (imperfectly). Returns null when it ends the
 * conversation. Needs a model provider; the offline engine is no chat model.
 */
export async function modelUserLine(model: ChatModel, scenario: Scenario, persona: Persona, turns: readonly TranscriptTurn[]): Promise<string | null> {
  const { text, ref } = simulatedUserPrompt(scenario, persona, turns);
  const reply = await model.complete({ messages: [{ role: 'user', content: text }], prompt: ref, temperature: 0.7, maxTokens: 200 });
  const line = reply.text.trim();
  return line === '' || line === 'END' ? null : line;
}
