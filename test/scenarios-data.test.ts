import { describe, expect, it } from 'vitest';
import { checksFor, type CheckId } from '../src/coach/rubric.js';
import { ANSWER_TOPICS } from '../src/coach/scenarios/content-schema.js';
import {
  BRIEFS,
  DIFFICULTIES,
  EARNED_BY,
  FACT_IDS,
  PERSONA_IDS,
  PERSONAS,
  PUSHBACK_TRIGGERS,
  pushbackLines,
  SCENARIO_IDS,
  SCENARIOS,
  getBrief,
  getPersona,
  getScenario,
  personasFor,
  type HiddenBrief,
  type Persona,
  type PersonaLines,
  type Scenario,
} from '../src/coach/scenarios/index.js';

const RUN = 8;

/** Lower-cased words, typographic apostrophes folded, punctuation dropped. */
function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[\u2018\u2019]/g, "'")
      .match(/[a-z0-9']+/g) ?? []
  );
}

/** The first run of `n` consecutive words the two texts share, if any. */
function sharedRun(a: string, b: string, n = RUN): string | undefined {
  const runs = (ws: string[]) => ws.slice(0, Math.max(0, ws.length - n + 1)).map((_, i) => ws.slice(i, i + n).join(' '));
  const inA = new Set(runs(words(a)));
  return runs(words(b)).find((r) => inA.has(r));
}

const sideFor = (scenario: Scenario): Persona['side'] => (scenario.mode === 'employee' ? 'manager' : 'employee');
const moveIds = (scenario: Scenario): Set<CheckId> =>
  new Set(
    checksFor(scenario.mode)
      .filter((c) => c.kind === 'move')
      .map((c) => c.id),
  );
const scenarios = SCENARIO_IDS.map((id) => SCENARIOS[id]);
const personas = PERSONA_IDS.map((id) => PERSONAS[id]);

describe('scenario data: scenarios', () => {
  it('has every scenario id, keyed by its own id, with every field filled in', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual([...SCENARIO_IDS].sort());
    for (const s of scenarios) {
      expect(SCENARIOS[s.id]).toBe(s);
      for (const field of ['title', 'objective', 'openingLine', 'suggestedGoal'] as const) {
        expect(s[field].trim(), `${s.id}.${field}`).not.toBe('');
      }
      expect(s.scoredChecks.length, `${s.id}.scoredChecks`).toBeGreaterThan(0);
    }
  });

  it('scores each scenario on distinct moves of its own mode', () => {
    for (const s of scenarios) {
      const moves = moveIds(s);
      for (const id of s.scoredChecks) expect(moves.has(id), `${s.id} scores ${id}, not a ${s.mode} move`).toBe(true);
      expect(new Set(s.scoredChecks).size, `${s.id} repeats a check`).toBe(s.scoredChecks.length);
    }
  });

  it('uses the manager mode only for manager-initiated, and advanced mode practises keeping the leader informed', () => {
    for (const s of scenarios) expect(s.mode).toBe(s.id === 'manager-initiated' ? 'manager' : 'employee');
    expect(SCENARIOS['advanced-update'].scoredChecks).toContain('keeps_leader_informed');
    expect(SCENARIOS['manager-initiated'].scoredChecks).toContain('asks_about_goals');
  });

  it('defaults to a persona on the other side of the conversation', () => {
    for (const s of scenarios) {
      const persona = PERSONAS[s.defaultPersona];
      expect(persona.side, `${s.id} default ${s.defaultPersona}`).toBe(sideFor(s));
      expect(personasFor(s)).toContain(persona);
    }
  });
});

describe('scenario data: briefs', () => {
  const briefsFor = (personaId: string, scenarioId: string): HiddenBrief[] => BRIEFS.filter((b) => b.personaId === personaId && b.scenarioId === scenarioId);

  it('has exactly one brief for every persona on the right side of every scenario, and none for the wrong side', () => {
    let expected = 0;
    for (const s of scenarios) {
      for (const p of personas) {
        const found = briefsFor(p.id, s.id);
        if (p.side === sideFor(s)) {
          expected++;
          expect(found.length, `${p.id} x ${s.id}`).toBe(1);
          expect(getBrief(p.id, s.id)).toBe(found[0]);
        } else {
          expect(found.length, `${p.id} x ${s.id} should have no brief`).toBe(0);
          expect(() => getBrief(p.id, s.id)).toThrow();
        }
      }
    }
    expect(expected).toBe(40);
    expect(BRIEFS.length).toBe(expected);
  });

  it('gives every brief a situation and the four facts, once each, all filled in', () => {
    for (const b of BRIEFS) {
      const where = `${b.personaId} x ${b.scenarioId}`;
      expect(b.situation.trim(), where).not.toBe('');
      expect(b.facts.map((f) => f.id).sort(), where).toEqual([...FACT_IDS].sort());
      for (const f of b.facts) {
        expect(f.fact.trim(), `${where} ${f.id}.fact`).not.toBe('');
        expect(f.revealLine.trim(), `${where} ${f.id}.revealLine`).not.toBe('');
        expect(f.earnedBy.length, `${where} ${f.id}.earnedBy`).toBeGreaterThan(0);
      }
    }
  });

  it("earns facts only with moves of the scenario's mode, following the brief's mapping", () => {
    const employee = { need: 'offers_help', perception: 'asks_for_feedback', assumption: 'states_goal', offer: 'links_goal_to_needs' } as const;
    const manager = { need: 'asks_about_goals', perception: 'clarifies_expectations', assumption: 'names_stretch_work', offer: 'offers_partnership' } as const;
    for (const b of BRIEFS) {
      const s = SCENARIOS[b.scenarioId];
      const moves = moveIds(s);
      for (const f of b.facts) {
        const where = `${b.personaId} x ${b.scenarioId} ${f.id}`;
        for (const id of f.earnedBy) expect(moves.has(id), `${where}: ${id} is not a ${s.mode} move`).toBe(true);
        expect(f.earnedBy, where).toEqual(EARNED_BY[s.id][f.id]);
        expect(f.earnedBy, where).toContain((s.mode === 'employee' ? employee : manager)[f.id]);
      }
    }
    const offer = EARNED_BY['goal-alignment'].offer;
    for (const id of ['links_goal_to_needs', 'asks_what_it_takes', 'commits_to_task'] as const) expect(offer).toContain(id);
    const advanced = Object.values(EARNED_BY['advanced-update']).flat();
    expect(advanced).toContain('keeps_leader_informed');
  });

  it('never has a reveal line quote its fact, verbatim or in a run of eight words', () => {
    for (const b of BRIEFS) {
      for (const f of b.facts) {
        const where = `${b.personaId} x ${b.scenarioId} ${f.id}`;
        expect(f.revealLine.toLowerCase().includes(f.fact.toLowerCase()), `${where} contains its fact`).toBe(false);
        expect(sharedRun(f.fact, f.revealLine), `${where} shares a ${RUN}-word run with its fact`).toBeUndefined();
      }
    }
  });

  it('never has the persona say a sentence of its own brief (what the leak guard blocks)', () => {
    const sentences = (text: string) =>
      text
        .split(/(?<=[.!?])\s+/)
        .map((t) => t.trim().toLowerCase())
        .filter((t) => t.length >= 8);
    for (const b of BRIEFS) {
      const p = PERSONAS[b.personaId];
      const secret = [...sentences(b.situation), ...b.facts.map((f) => f.fact.trim().toLowerCase())];
      const said = [
        p.lines.opening?.[b.scenarioId] ?? SCENARIOS[b.scenarioId].openingLine,
        ...b.facts.map((f) => f.revealLine),
        ...DIFFICULTIES.flatMap((d) => pushbackLines(p, d)),
        ...p.lines.neutral,
        ...p.lines.acceptCommitment,
        ...p.lines.agreeFollowUp,
        ...p.lines.close,
        ...p.lines.stayInCharacter,
      ].map((l) => l.toLowerCase());
      for (const line of said) for (const s of secret) expect(line.includes(s), `${b.personaId} x ${b.scenarioId} says "${s}"`).toBe(false);
    }
  });

  it('gives every brief three answer lines per topic, distinct, none giving a fact or the situation away', () => {
    for (const b of BRIEFS) {
      const secret = [b.situation, ...b.facts.flatMap((f) => [f.fact, f.revealLine])];
      for (const topic of ANSWER_TOPICS) {
        const lines = b.answers?.[topic] ?? [];
        const where = `${b.personaId} x ${b.scenarioId} answers.${topic}`;
        expect(lines.length, where).toBeGreaterThanOrEqual(3);
        expect(new Set(lines).size, `${where} repeats a line`).toBe(lines.length);
        for (const line of lines) for (const s of secret) expect(sharedRun(s, line), `${where}: "${line}"`).toBeUndefined();
      }
    }
  });

  it('finds no shared run where there is none, and one where there is (the checker itself)', () => {
    expect(sharedRun('one two three four five six seven eight', 'One two three four five six seven EIGHT!')).toBe('one two three four five six seven eight');
    expect(sharedRun('one two three four five six seven eight', 'one two three four five six seven nine')).toBeUndefined();
    expect(sharedRun('Priya’s one two three four five six seven', "priya's one two three four five six seven")).toBeDefined();
  });
});

describe('scenario data: personas', () => {
  it('has every persona id, keyed by its own id, on the side its id list says', () => {
    expect(Object.keys(PERSONAS).sort()).toEqual([...PERSONA_IDS].sort());
    for (const p of personas) {
      expect(PERSONAS[p.id]).toBe(p);
      expect(getPersona(p.id)).toBe(p);
      for (const field of ['name', 'role', 'description', 'style'] as const) expect(p[field].trim(), `${p.id}.${field}`).not.toBe('');
    }
    expect(personasFor('manager-initiated').map((p) => p.side)).toEqual(['employee', 'employee', 'employee', 'employee']);
    expect(personasFor('goal-alignment').map((p) => p.side)).toEqual(Array(6).fill('manager'));
  });

  it('gives every persona distinct names and non-empty lines for every state', () => {
    expect(new Set(personas.map((p) => p.name)).size).toBe(personas.length);
    const states = ['neutral', 'acceptCommitment', 'agreeFollowUp', 'close', 'stayInCharacter'] as const satisfies readonly (keyof PersonaLines)[];
    for (const p of personas) {
      for (const state of states) {
        expect(p.lines[state].length, `${p.id}.${state}`).toBeGreaterThanOrEqual(3);
        for (const line of p.lines[state]) expect(line.trim(), `${p.id}.${state}`).not.toBe('');
      }
    }
  });

  it("has pushback for every difficulty, keyed by its side's triggers, with lines for each trigger", () => {
    for (const p of personas) {
      const triggers = PUSHBACK_TRIGGERS[p.side];
      for (const d of DIFFICULTIES) {
        const byTrigger: Partial<Record<CheckId, readonly string[]>> = p.lines.pushback[d];
        const where = `${p.id}.pushback.${d}`;
        expect(Object.keys(byTrigger), where).toEqual([...triggers]);
        for (const trigger of triggers) {
          const lines = byTrigger[trigger] ?? [];
          expect(lines.length, `${where}.${trigger}`).toBeGreaterThan(0);
          for (const line of lines) expect(line.trim(), `${where}.${trigger}`).not.toBe('');
          expect(pushbackLines(p, d, [trigger]), `${where}.${trigger}`).toEqual(lines);
        }
        const pool = pushbackLines(p, d);
        expect(pool.length, where).toBeGreaterThanOrEqual(3);
        expect([...pool].sort(), where).toEqual(triggers.flatMap((t) => byTrigger[t] ?? []).sort());
      }
    }
    const priya = getPersona('supportive-busy');
    if (priya.side !== 'manager') throw new Error('supportive-busy plays a manager');
    const { easy, medium, hard } = priya.lines.pushback;
    expect(pushbackLines(priya, 'easy', ['refuses_work'])).toEqual(easy.refuses_work);
    expect(pushbackLines(priya, 'hard', ['over_hedging', 'blames_others'])).toEqual(hard.blames_others);
    expect(pushbackLines(priya, 'medium', [])).toEqual([medium.demanding[0], medium.vague_goal[0], medium.refuses_work[0], medium.blames_others[0]]);
    const colin = getPersona('disengaged');
    expect(pushbackLines(colin, 'easy', ['demanding'])).toEqual(pushbackLines(colin, 'easy', ['assumes_goal']));
  });

  it('makes the whole pushback pool by taking one line of each trigger in turn, however many each has', () => {
    const priya = getPersona('supportive-busy');
    if (priya.side !== 'manager') throw new Error('supportive-busy plays a manager');
    const easy = { demanding: ['d1', 'd2'], vague_goal: ['v1'], refuses_work: ['r1', 'r2', 'r3'], blames_others: ['b1'] };
    const uneven = { ...priya, lines: { ...priya.lines, pushback: { ...priya.lines.pushback, easy } } };
    expect(pushbackLines(uneven, 'easy')).toEqual(['d1', 'v1', 'r1', 'b1', 'd2', 'r2', 'r3']);
    expect(pushbackLines(uneven, 'easy', ['refuses_work'])).toEqual(['r1', 'r2', 'r3']);
  });

  it('opens only scenarios the persona can play, and no line repeats within a persona', () => {
    for (const p of personas) {
      for (const [scenarioId, line] of Object.entries(p.lines.opening ?? {})) {
        const s = getScenario(scenarioId as Scenario['id']);
        expect(p.side, `${p.id} opens ${scenarioId}`).toBe(sideFor(s));
        expect((line ?? '').trim()).not.toBe('');
      }
      const all = [
        ...Object.values(p.lines.opening ?? {}),
        ...DIFFICULTIES.flatMap((d) => pushbackLines(p, d)),
        ...p.lines.neutral,
        ...p.lines.acceptCommitment,
        ...p.lines.agreeFollowUp,
        ...p.lines.close,
        ...p.lines.stayInCharacter,
      ];
      expect(new Set(all).size, `${p.id} repeats a line`).toBe(all.length);
    }
  });

  it('stays in character: deflections never mention being a model, a prompt or instructions', () => {
    for (const p of personas) {
      for (const line of p.lines.stayInCharacter) {
        expect(line, p.id).not.toMatch(/\b(AI|language model|chatbot|prompt|instructions?|system message|role-?play)\b/i);
      }
    }
  });

  it('opens up more slowly as difficulty rises, within the documented bounds', () => {
    for (const p of personas) {
      const g = p.guardedness;
      expect(g.easy, p.id).toBeLessThanOrEqual(g.medium);
      expect(g.medium, p.id).toBeLessThanOrEqual(g.hard);
      expect(g.easy, p.id).toBe(1);
      expect([1, 2], p.id).toContain(g.medium);
      expect([2, 3], p.id).toContain(g.hard);
    }
  });
});

describe('scenario helpers', () => {
  it('throws for unknown ids', () => {
    expect(() => getScenario('nope' as Scenario['id'])).toThrow(/Unknown scenario/);
    expect(() => getPersona('nope' as Persona['id'])).toThrow(/Unknown persona/);
    expect(() => getBrief('nope' as Persona['id'], 'offer-help')).toThrow(/No brief/);
  });
});
