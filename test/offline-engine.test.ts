import { describe, expect, it } from 'vitest';
import { CRITIQUE_PROMPT } from '../src/coach/critique/critique-prompt.js';
import { EngineCritiqueSchema } from '../src/coach/critique/critique-schema.js';
import type { PersonaTurn } from '../src/coach/engine.js';
import { createOfflineEngine } from '../src/coach/engines/offline-engine.js';
import { INITIAL_STATE } from '../src/coach/roleplay/turn-state.js';
import { checksFor } from '../src/coach/rubric.js';
import { getBrief, getPersona, getScenario } from '../src/coach/scenarios/index.js';
import type { ChatStreamEvent } from '../src/llm/chat-model.js';

const engine = createOfflineEngine();
const scenario = getScenario('goal-alignment');
const persona = getPersona('supportive-busy');
const turn: PersonaTurn = {
  scenario,
  persona,
  brief: getBrief(persona.id, scenario.id),
  difficulty: 'medium',
  canary: 'LC-test',
  state: INITIAL_STATE,
  reactions: [{ kind: 'neutral' }, { kind: 'commitment' }],
  summary: '',
  window: [],
  turn: 1,
  line: 0,
};

async function collect(events: AsyncIterable<ChatStreamEvent>): Promise<ChatStreamEvent[]> {
  const out: ChatStreamEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

describe('offline engine', () => {
  it('critiques with the analyzer, in the engine answer shape, labelled offline and with the critique prompt it stands in for', async () => {
    const text = 'How are my projects landing with you? Is there anything I could take off your plate this month?';
    const answer = await engine.critique({ text, mode: 'employee', checks: checksFor('employee'), context: {} });
    expect(answer).toMatchObject({ provider: 'offline', model: 'offline', prompt: { id: CRITIQUE_PROMPT.id, version: CRITIQUE_PROMPT.version } });
    expect(EngineCritiqueSchema.safeParse(answer.value).success).toBe(true);
    expect(answer.value.checks.find((c) => c.id === 'asks_for_feedback')).toMatchObject({ present: true });
    expect(await engine.critique({ text, mode: 'employee', checks: checksFor('employee'), context: {} })).toEqual(answer);
  });

  it('streams the persona in word-sized deltas that add up to the whole reply, the same each time', async () => {
    const events = await collect(engine.personaReply(turn, { stream: true }));
    const deltas = events.filter((e) => e.type === 'delta');
    expect(deltas.length).toBeGreaterThan(2);
    const done = events.at(-1);
    expect(done).toMatchObject({ type: 'done', provider: 'offline', model: 'offline' });
    expect(deltas.map((d) => d.text).join('')).toBe(done?.text);
    expect(await collect(engine.personaReply(turn, { stream: true }))).toEqual(events);
  });

  it('answers whole in one delta when not streaming', async () => {
    const events = await collect(engine.personaReply(turn, { stream: false }));
    expect(events.map((e) => e.type)).toEqual(['delta', 'done']);
    expect(events[0]?.text).toBe(events[1]?.text);
  });

  it('stops a stream whose signal was aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(collect(engine.personaReply(turn, { stream: true, signal: controller.signal }))).rejects.toThrow();
  });

  it('hints at the next move the user has not made, and sums up from the state', async () => {
    expect(await engine.hint({ scenario, state: INITIAL_STATE, transcript: [], personaName: persona.name })).toMatch(/^Next, try this: /);
    const summary = await engine.summary({ previous: '', turns: [], personaName: persona.name, mode: 'employee', state: INITIAL_STATE });
    expect(summary).toBe(`So far the user has made no move of the loop. ${persona.name} has not shared anything private yet.`);
  });
});
