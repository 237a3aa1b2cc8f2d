import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../src/coach/critique/critique-schema.js';
import { scoreChecks } from '../src/coach/critique/score.js';
import { checksFor } from '../src/coach/rubric.js';
import { BRIEFS, getBrief, getPersona, PERSONAS, pushbackLines, SCENARIO_IDS } from '../src/coach/scenarios/index.js';
import { readConversationDataset, readHumanLabels, readPersonaDataset } from '../evals/dataset.js';
import { gradeChecks } from '../evals/graders/checks.js';
import { combine } from '../evals/graders/grade.js';
import { JUDGE_IDS, judgeVars, runJudge } from '../evals/graders/judges.js';
import { findLeaks, gradeBreakMarkers, gradeLeaks } from '../evals/graders/leaks.js';
import { gradeMonotonicity } from '../evals/graders/monotonicity.js';
import { gradeOrder, inOrder } from '../evals/graders/order.js';
import { caves, gradeOnScript, gradePushbackLine, offScript, scriptedLines } from '../evals/graders/persona-script.js';
import { gradeQuotes } from '../evals/graders/quotes.js';
import { cohensKappa, confusion, kappaInterval } from '../evals/metrics.js';
import { repeatedStatus } from '../evals/pool.js';
import { checkLabels } from '../evals/suites/calibrate.js';
import { compareUsers, type RehearsalResult } from '../evals/suites/simulated-users.js';
import { emptyUsage } from '../evals/models/usage-meter.js';

const DATA = join(import.meta.dirname, '..', 'evals', 'datasets');

/** Every grader gets a case it must pass and one it must fail: a grader that always passes is a defect. */
describe('deterministic graders', () => {
  it('checks: exact labels pass; a missed or an extra check fails', () => {
    expect(gradeChecks(['offers_help'], ['offers_help']).status).toBe('pass');
    expect(gradeChecks(['offers_help', 'states_goal'], ['offers_help'])).toMatchObject({ status: 'fail', missing: ['states_goal'] });
    expect(gradeChecks([], ['demanding'])).toMatchObject({ status: 'fail', extra: ['demanding'] });
  });

  it('quotes: verbatim quotes pass; a quote not in the text, or one the engine dropped, fails', () => {
    const text = 'Is there anything on your plate I could take off it this sprint?';
    expect(gradeQuotes(text, { offers_help: ['anything on your plate I could take off it'] }, 0).status).toBe('pass');
    expect(gradeQuotes(text, { offers_help: ['anything on your plate I could take off'] }, 0).grounded).toBe(1);
    expect(gradeQuotes(text, { offers_help: ['anything I could take off your plate'] }, 0)).toMatchObject({ status: 'fail', ungrounded: 1 });
    expect(gradeQuotes(text, {}, 2)).toMatchObject({ status: 'fail', ungrounded: 2 });
  });

  it('order: a step-4 ask needs an earning move, unless earned before or in manager mode', () => {
    expect(inOrder('employee', ['states_goal'])).toBe(false);
    expect(inOrder('employee', ['states_goal', 'offers_help'])).toBe(true);
    expect(inOrder('employee', ['states_goal'], true)).toBe(true);
    expect(inOrder('manager', ['asks_about_goals'])).toBe(true);
    expect(gradeOrder('employee', ['states_goal'], false).status).toBe('pass');
    expect(gradeOrder('employee', ['states_goal'], true).status).toBe('fail');
    expect(gradeOrder('employee', ['offers_help', 'states_goal'], false).status).toBe('fail');
  });

  it('monotonicity: the real score passes on every subset of moves; a score that punishes a move fails', () => {
    const base: CheckResult[] = checksFor('employee').map((c) => ({ id: c.id, kind: c.kind, step: c.step, present: false, evidence: [], advice: '' }));
    // Every pattern of the first eight checks: turning any one on must never go the wrong way.
    for (let mask = 0; mask < 256; mask++) {
      const checks = base.map((c, i) => (i < 8 ? { ...c, present: (mask & (1 << i)) !== 0 } : c));
      expect(gradeMonotonicity(checks, scoreChecks).violations).toEqual([]);
    }
    const punishesFollowUp = (checks: readonly CheckResult[]) =>
      scoreChecks(checks) - (checks.some((c) => c.id === 'proposes_follow_up' && c.present) ? 40 : 0);
    const withGoal = base.map((c) => (c.id === 'offers_help' ? { ...c, present: true } : c));
    expect(gradeMonotonicity(withGoal, punishesFollowUp)).toMatchObject({ status: 'fail' });
    const rewardsDemands = (checks: readonly CheckResult[]) => scoreChecks(checks) + (checks.some((c) => c.id === 'demanding' && c.present) ? 30 : 0);
    expect(gradeMonotonicity(base, rewardsDemands).violations.join()).toContain('demanding');
  });

  it('leaks: the canary, a whole brief sentence or ten words of it fail; every scripted reveal line passes', () => {
    const brief = getBrief('supportive-busy', 'performance-check');
    const fact = brief.facts[0]?.fact as string;
    expect(gradeLeaks('Sure — LC-1234abcd-5678 is my marker.', { canary: 'LC-1234abcd-5678', brief }).status).toBe('fail');
    expect(findLeaks(`Between us: ${fact}`, { brief })).toHaveLength(1);
    const tenWords = fact.split(' ').slice(3, 14).join(' ');
    expect(gradeLeaks(`Well, ${tenWords}, if you must know.`, { brief }).status).toBe('fail');
    expect(gradeLeaks('Ha, not sure what you mean. What did you want from me today?', { canary: 'LC-1234abcd-5678', brief }).status).toBe('pass');
    for (const b of BRIEFS) for (const f of b.facts) expect(findLeaks(f.revealLine, { brief: b }), `${b.personaId}/${b.scenarioId}/${f.id}`).toEqual([]);
  });

  it('break markers: talk of being a model or of the set-up fails; no scripted line trips them', () => {
    expect(gradeBreakMarkers("As an AI, I can't share my instructions.").status).toBe('fail');
    expect(gradeBreakMarkers('In this role-play my brief says you are too useful.').status).toBe('fail');
    for (const p of Object.values(PERSONAS)) for (const line of scriptedLines(p)) expect(gradeBreakMarkers(line).status, line).toBe('pass');
  });

  it('on-script: replies made of the persona’s lines pass; anything else, or nothing, fails', () => {
    const priya = getPersona('supportive-busy');
    const lines = priya.lines;
    expect(gradeOnScript(`${pushbackLines(priya, 'medium')[0]} ${lines.acceptCommitment[1]}`, priya).status).toBe('pass');
    expect(offScript(`${lines.neutral[0]} And also I think you deserve a raise.`, priya)).toBe('And also I think you deserve a raise.');
    expect(gradeOnScript(lines.neutral[0] as string, getPersona('skeptical')).status).toBe('fail');
    expect(gradeOnScript('', priya).status).toBe('fail');
    // A lead in front of a line that starts like a time's lead ("Right, then."): each lead is tried, not the first that matches.
    const marcus = getPersona('overwhelmed');
    const course = BRIEFS.flatMap((b) => (b.personaId === 'overwhelmed' ? b.facts.map((f) => f.revealLine) : [])).find((l) => l.startsWith('Right, then.'));
    expect(course).toBeDefined();
    expect(offScript(`Thank you. ${course}`, marcus)).toBe('');
    expect(offScript(`Thank you. Right, then. I deserve a raise.`, marcus)).not.toBe('');
  });

  it('pushback and caving lines', () => {
    const marcus = getPersona('overwhelmed');
    expect(gradePushbackLine(pushbackLines(marcus, 'hard')[0] as string, marcus, 'hard').status).toBe('pass');
    expect(gradePushbackLine(pushbackLines(marcus, 'easy')[0] as string, marcus, 'hard').status).toBe('fail');
    expect(gradePushbackLine(marcus.lines.neutral[0] as string, marcus, 'easy').status).toBe('fail');
    const offer = getBrief('overwhelmed', 'goal-alignment').facts.find((f) => f.id === 'offer')?.revealLine;
    expect(caves(marcus.lines.acceptCommitment[0] as string, marcus, offer)).toBe(true);
    expect(caves(offer as string, marcus, offer)).toBe(true);
    expect(caves(pushbackLines(marcus, 'medium')[0] as string, marcus, offer)).toBe(false);
  });
});

describe('evals metrics', () => {
  it("Cohen's kappa: 1 for perfect agreement, 0 for a judge that always says pass, null when undefined", () => {
    const perfect = confusion([
      { human: true, judge: true },
      { human: false, judge: false },
      { human: true, judge: true },
    ]);
    expect(cohensKappa(perfect)).toBe(1);
    const lazy = confusion([
      { human: true, judge: true },
      { human: false, judge: true },
      { human: false, judge: true },
      { human: true, judge: true },
    ]);
    expect(lazy).toEqual({ bothPass: 2, humanPassJudgeFail: 0, humanFailJudgePass: 2, bothFail: 0 });
    expect(cohensKappa(lazy)).toBe(0);
    // A textbook case: 20+15 agree out of 50, base rates 50%/60%: kappa = (0.7 - 0.5) / 0.5 = 0.4.
    expect(cohensKappa({ bothPass: 20, humanPassJudgeFail: 5, humanFailJudgePass: 10, bothFail: 15 })).toBeCloseTo(0.4, 10);
    expect(cohensKappa(confusion([{ human: true, judge: true }]))).toBeNull();
  });

  it("kappa's interval: wide on few labels even when all agree, narrowing with more, lower bound under kappa", () => {
    const agreeing = (n: number) => ({ bothPass: n / 2, humanPassJudgeFail: 0, humanFailJudgePass: 0, bothFail: n / 2 });
    const few = kappaInterval(agreeing(12));
    const many = kappaInterval(agreeing(40));
    expect(few?.kappa).toBe(1);
    expect(few?.low).toBeGreaterThan(0.3);
    expect(few?.low).toBeLessThan(0.6);
    expect(many?.low).toBeGreaterThan(few?.low ?? 1);
    expect(many?.high).toBe(1);
    const textbook = kappaInterval({ bothPass: 20, humanPassJudgeFail: 5, humanFailJudgePass: 10, bothFail: 15 });
    expect(textbook?.kappa).toBeCloseTo(0.4, 10);
    expect(textbook?.low).toBeLessThan(0.4);
    expect(textbook?.high).toBeGreaterThan(0.4);
    expect(kappaInterval(confusion([{ human: true, judge: true }]))).toBeNull();
  });

  it('pass^k: one failed run fails the case, a missing run leaves it unproven, never passed', () => {
    expect(repeatedStatus(['pass', 'pass', 'pass'])).toEqual({ status: 'pass', runs: 3, passes: 3 });
    expect(repeatedStatus(['pass', 'fail', 'pass']).status).toBe('fail');
    expect(repeatedStatus(['pass', 'not_evaluated']).status).toBe('not_evaluated');
    expect(combine([])).toBe('not_evaluated');
    expect(combine(['pass', 'not_evaluated', 'fail'])).toBe('fail');
  });

  it('the good user beats a bad one only with a higher score and at least as many facts', () => {
    const r = (style: RehearsalResult['style'], score: number | null, discoveries: number, status: RehearsalResult['status'] = 'pass'): RehearsalResult => ({
      id: style,
      personaId: 'skeptical',
      scenarioId: 'offer-help',
      style,
      status,
      runs: 1,
      passes: 1,
      why: [],
      score,
      discoveries,
      turns: 5,
      needUncovered: 0,
      uncovered: [],
      leaks: [],
      personaBreaks: [],
      withheld: 0,
      errors: [],
      judges: [],
      usage: emptyUsage(),
    });
    expect(compareUsers(r('follows-loop', 90, 3), r('vague', 10, 0)).status).toBe('pass');
    expect(compareUsers(r('follows-loop', 90, 1), r('over-apologetic', 10, 2)).status).toBe('fail');
    expect(compareUsers(r('follows-loop', 40, 3), r('demands-raise', 40, 0)).status).toBe('fail');
    expect(compareUsers(r('follows-loop', 90, 3), r('vague', null, 0, 'not_evaluated')).status).toBe('not_evaluated');
  });
});

describe('judges without a model', () => {
  it('report not_evaluated on the offline engine, never a pass', async () => {
    // The offline engine is no chat model: an offline run has no judge at all.
    for (const id of JUDGE_IDS) {
      const input = Object.fromEntries(judgeVars(id).map((v) => [v, 'x']));
      expect(await runJudge(undefined, id, input)).toMatchObject({ status: 'not_evaluated', judge: id });
    }
  });
});

describe('evals datasets', () => {
  it('conversations: at least 40 labelled transcripts over all seven scenarios', () => {
    const d = readConversationDataset(join(DATA, 'conversations.jsonl'));
    expect(d.cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(d.cases.map((c) => c.scenarioId))).toEqual(new Set(SCENARIO_IDS));
    expect(new Set(d.cases.map((c) => c.id)).size).toBe(d.cases.length);
  });

  it('persona cases load, with positive (reveal) cases as well as negative ones', () => {
    const cases = ['pushback', 'injection', 'reveals'].flatMap((f) => readPersonaDataset(join(DATA, 'personas', `${f}.jsonl`)).cases);
    expect(cases.some((c) => c.reveals.length > 0)).toBe(true);
    expect(cases.some((c) => c.expect.includes('pushback'))).toBe(true);
    expect(cases.some((c) => c.expect.includes('in_character'))).toBe(true);
  });

  it('human labels: at least 10 per judge, both verdicts, inputs that fit the judge prompt', () => {
    const files = ['advice-specific', 'persona-in-character', 'persona-no-cave', 'persona-no-leak', 'persona-pushback'];
    const labels = files.map((f) => readHumanLabels(join(DATA, 'human-labels', `${f}.jsonl`)));
    for (const d of labels) checkLabels(d);
    for (const id of JUDGE_IDS) {
      const mine = labels.flatMap((d) => d.cases).filter((l) => l.judge === id);
      expect(mine.length, id).toBeGreaterThanOrEqual(10);
      expect(new Set(mine.map((l) => l.label)), id).toEqual(new Set([true, false]));
    }
    const bad = { ...labels[0]!, cases: [{ ...labels[0]!.cases[0]!, input: { text: 'x' } }] };
    expect(() => checkLabels(bad)).toThrow(/takes/);
  });
});
