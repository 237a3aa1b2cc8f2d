import { checksFor } from '../../src/coach/rubric.js';
import { getBrief, getPersona, getScenario, type BriefFact } from '../../src/coach/scenarios/index.js';
import type { EvalContext } from '../context.js';
import type { Dataset, PersonaCase } from '../dataset.js';
import { combine, fail, notEvaluated, pass, type Grade, type Status } from '../graders/grade.js';
import { counts, runJudge, type JudgeGrade, type JudgeId, type JudgeInput } from '../graders/judges.js';
import { gradeBreakMarkers, gradeLeaks } from '../graders/leaks.js';
import { caves, gradeOnScript, gradePushbackLine } from '../graders/persona-script.js';
import { transcriptLines } from '../graders/transcript-data.js';
import { wilson } from '../metrics.js';
import { addUsage, emptyUsage, meterEngine, meterModel, type UsageTotals } from '../models/usage-meter.js';
import { mapPool, repeatedStatus } from '../pool.js';
import { say, sessionSecrets, startSession, type EvalApps } from '../rehearsal.js';

type Labelled = Grade & { expectation: string };

export interface PersonaCaseResult {
  id: string;
  scenarioId: PersonaCase['scenarioId'];
  personaId: PersonaCase['personaId'];
  difficulty: PersonaCase['difficulty'];
  expect: string[];
  status: Status;
  runs: number;
  passes: number;
  /** The grades of the first run that did not pass (or of the first run). */
  grades: Labelled[];
  judges: JudgeGrade[];
  reply: string;
  usage: UsageTotals;
}

export interface PersonaCaseMetrics {
  cases: number;
  notEvaluated: number;
  passed: number;
  passRate: number;
  interval: { low: number; high: number };
  /** Per expectation: cases whose grades for it all passed, of those evaluated. */
  byExpectation: Record<string, { k: number; n: number }>;
  leaks: number;
  personaBreaks: number;
}

interface Run {
  status: Status;
  grades: Labelled[];
  judges: JudgeGrade[];
  reply: string;
  usage: UsageTotals;
}

const tag = (expectation: string, g: Grade): Labelled => ({ ...g, expectation });

async function runCase(ctx: EvalContext, apps: EvalApps, c: PersonaCase): Promise<Run> {
  const scenario = getScenario(c.scenarioId);
  const persona = getPersona(c.personaId);
  const brief = getBrief(persona.id, scenario.id);
  const offline = ctx.model === null;
  const coach = meterEngine(ctx.model);
  const judgeMeter = ctx.judge ? meterModel(ctx.judge) : undefined;
  const app = apps.appFor(coach.engine);
  const session = await startSession(app, { scenarioId: c.scenarioId, personaId: c.personaId, difficulty: c.difficulty });
  for (const line of c.setup) await say(app, session, line);
  const probeTurn = c.setup.length + 1;
  const reply = await say(app, session, c.probe);
  const { canary, state } = await sessionSecrets(apps.db, session);
  const usage = () => addUsage(coach.usage, judgeMeter?.usage ?? emptyUsage());

  if (coach.usage.cassetteMisses > 0) {
    return { status: 'not_evaluated', grades: [tag('reply', notEvaluated('reply', 'replay miss'))], judges: [], reply: '', usage: usage() };
  }
  if (reply.error) {
    // A reply the leak guard withheld leaked nothing, but it is not the reply the case asks for either.
    return { status: 'fail', grades: [tag('reply', fail('reply', `no reply: ${reply.error}`))], judges: [], reply: '', usage: usage() };
  }
  const text = reply.text;
  const judges = new Map<JudgeId, Promise<JudgeGrade>>();
  const judge = (id: JudgeId, input: JudgeInput) => {
    if (!judges.has(id)) judges.set(id, runJudge(judgeMeter?.model, id, input));
    return judges.get(id) as Promise<JudgeGrade>;
  };
  const revealedNow = state.revealed.filter((r) => r.turn === probeTurn).map((r) => r.id);
  const unearned = brief.facts.filter((f) => !state.revealed.some((r) => r.id === f.id));
  const revealLineShown = (facts: readonly BriefFact[]) => facts.filter((f) => text.includes(f.revealLine)).map((f) => f.id);
  const noLeakJudge = () =>
    judge('judge-persona-no-leak', { personaName: persona.name, unearnedFacts: unearned.map((f) => `- ${f.fact}`).join('\n') || '(none)', reply: text });

  // Every reply, whatever the case is about: no leak, no break.
  const grades: Labelled[] = [tag('no_leak', gradeLeaks(text, { canary, brief })), tag('in_character', gradeBreakMarkers(text))];
  if (offline) grades.push(tag('in_character', gradeOnScript(text, persona, c.probe)));

  for (const expectation of c.expect) {
    switch (expectation) {
      case 'pushback':
        if (offline) grades.push(tag(expectation, gradePushbackLine(text, persona, c.difficulty)));
        else {
          const pitfall = checksFor(scenario.mode).find((k) => k.id === c.pitfall);
          grades.push(
            tag(
              expectation,
              await judge('judge-persona-pushback', {
                personaName: persona.name,
                personaRole: persona.role,
                pitfall: pitfall ? `${pitfall.label}: ${pitfall.description}` : String(c.pitfall),
                userLine: c.probe,
                reply: text,
              }),
            ),
          );
        }
        break;
      case 'no_cave': {
        const offerNow = revealedNow.includes('offer');
        grades.push(tag(expectation, offerNow ? fail('no-cave-state', 'the demand earned the offer') : pass('no-cave-state')));
        const offerLine = brief.facts.find((f) => f.id === 'offer')?.revealLine;
        if (offline)
          grades.push(
            tag(expectation, caves(text, persona, offerLine) ? fail('no-cave-line', 'the reply accepts or rewards the demand') : pass('no-cave-line')),
          );
        else
          grades.push(
            tag(expectation, await judge('judge-persona-no-cave', { personaName: persona.name, personaRole: persona.role, userLine: c.probe, reply: text })),
          );
        break;
      }
      case 'no_early_reveal': {
        const early = revealedNow.filter((id) => !c.reveals.includes(id));
        grades.push(tag(expectation, early.length > 0 ? fail('no-early-reveal-state', `revealed ${early.join(', ')}`) : pass('no-early-reveal-state')));
        if (offline) {
          const shown = revealLineShown(unearned);
          grades.push(
            tag(expectation, shown.length > 0 ? fail('no-early-reveal-line', `said the reveal line of ${shown.join(', ')}`) : pass('no-early-reveal-line')),
          );
        } else grades.push(tag(expectation, await noLeakJudge()));
        break;
      }
      case 'in_character':
        if (!offline) {
          const transcript = transcriptLines(session.turns);
          grades.push(tag(expectation, await judge('judge-persona-in-character', { personaName: persona.name, personaRole: persona.role, transcript })));
        }
        break;
      case 'no_leak':
        if (!offline) grades.push(tag(expectation, await noLeakJudge()));
        break;
    }
  }
  for (const fact of c.reveals) {
    const earned = revealedNow.includes(fact);
    grades.push(tag(`reveals:${fact}`, earned ? pass('reveal-state') : fail('reveal-state', `${fact} was not earned by the probe`)));
    const line = brief.facts.find((f) => f.id === fact)?.revealLine ?? '';
    if (offline) grades.push(tag(`reveals:${fact}`, text.includes(line) ? pass('reveal-line') : fail('reveal-line', `the reply does not share ${fact}`)));
  }
  const judged = await Promise.all(judges.values());
  const counted = grades.filter((g) => counts(g, ctx.trustedJudges));
  return { status: combine(counted.map((g) => g.status)), grades: counted, judges: judged, reply: text, usage: usage() };
}

export async function runPersonaCases(ctx: EvalContext, dataset: Dataset<PersonaCase>): Promise<{ cases: PersonaCaseResult[]; metrics: PersonaCaseMetrics }> {
  const apps = await ctx.apps();
  const tick = ctx.progress.phase('persona cases', dataset.cases.length * ctx.repeats);
  const cases = await mapPool(dataset.cases, ctx.concurrency, async (c) => {
    const runs: Run[] = [];
    for (let r = 0; r < ctx.repeats; r++) {
      runs.push(await runCase(ctx, apps, c));
      tick();
    }
    const shown = runs.find((r) => r.status !== 'pass') ?? (runs[0] as Run);
    return {
      id: `persona:${c.id}`,
      scenarioId: c.scenarioId,
      personaId: c.personaId,
      difficulty: c.difficulty,
      expect: [...c.expect, ...c.reveals.map((f) => `reveals:${f}`)],
      ...repeatedStatus(runs.map((r) => r.status)),
      grades: shown.grades,
      judges: runs.flatMap((r) => r.judges),
      reply: shown.reply,
      usage: runs.reduce((u, r) => addUsage(u, r.usage), emptyUsage()),
    };
  });
  return { cases, metrics: personaCaseMetrics(cases) };
}

function personaCaseMetrics(cases: readonly PersonaCaseResult[]): PersonaCaseMetrics {
  const evaluated = cases.filter((c) => c.status !== 'not_evaluated');
  const passed = evaluated.filter((c) => c.status === 'pass').length;
  const byExpectation: Record<string, { k: number; n: number }> = {};
  for (const c of evaluated) {
    for (const e of c.expect) {
      const entry = (byExpectation[e] ??= { k: 0, n: 0 });
      entry.n += 1;
      if (c.status === 'pass' || c.grades.filter((g) => g.expectation === e).every((g) => g.status === 'pass')) entry.k += 1;
    }
  }
  const failing = (c: PersonaCaseResult, e: string) => c.grades.some((g) => g.expectation === e && g.status === 'fail');
  return {
    cases: cases.length,
    notEvaluated: cases.length - evaluated.length,
    passed,
    passRate: evaluated.length === 0 ? 0 : passed / evaluated.length,
    interval: wilson(passed, evaluated.length),
    byExpectation,
    leaks: evaluated.filter((c) => failing(c, 'no_leak')).length,
    personaBreaks: evaluated.filter((c) => failing(c, 'in_character')).length,
  };
}
