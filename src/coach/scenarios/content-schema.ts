import { z } from 'zod';
import { CheckIdSchema, checksFor, ModeSchema, type CheckId, type Mode, type Step } from '../rubric.js';
import { DIFFICULTIES, EMPLOYEE_PERSONA_IDS, FACT_IDS, MANAGER_PERSONA_IDS, PERSONA_IDS, PUSHBACK_TRIGGERS, SCENARIO_IDS, type PersonaId } from './ids.js';

// One zod schema per shape of the scenario data: the exported types (re-exported by `types.ts`)
// are inferred from them, and `scripts/build-content.ts` checks the YAML in content/ with
// `ContentSchema` before it writes `generated.ts`. The ids themselves stay in `types.ts`.

const ScenarioIdSchema = z.enum(SCENARIO_IDS);
const PersonaIdSchema = z.enum(PERSONA_IDS);
const DifficultySchema = z.enum(DIFFICULTIES);
const FactIdSchema = z.enum(FACT_IDS);
const StepSchema: z.ZodType<Step> = z.union([z.literal([1, 2, 3, 4, 5, 'advanced']), z.null()], { error: 'must be a loop step 1 to 5, advanced, or null' });

/**
 * Prose as the user reads it or the persona says it: one paragraph. A YAML `>` or `|` block keeps
 * its line breaks, which would show in the chat; `>-` folds them into spaces.
 */
const Text = z
  .string()
  .refine((s) => s.trim() !== '', { error: 'must not be blank', abort: true })
  .refine((s) => s === s.trim() && !s.includes('\n'), 'must be one paragraph, with no line break or leading or trailing space (fold long text with >-)');
const CheckIds = z.array(CheckIdSchema).min(1).readonly();
/** The offline engine picks a line by turn number; fewer than three repeat too soon. */
const StateLines = z.array(Text).min(3).readonly();

const ScenarioSchema = z.strictObject({
  id: ScenarioIdSchema,
  /** `manager`: the user plays the manager and the model an employee. */
  mode: ModeSchema,
  step: StepSchema,
  title: Text,
  /** What the user is trying to do, in one or two sentences, addressed to the user. */
  objective: Text,
  /** The rubric checks the user's turns are scored on (moves; pitfalls of the mode always count). */
  scoredChecks: CheckIds,
  /** The persona's first line when the persona has none of its own for this scenario. */
  openingLine: Text,
  /** A goal the user may keep or replace with their own. */
  suggestedGoal: Text,
  defaultPersona: PersonaIdSchema,
});
export type Scenario = z.infer<typeof ScenarioSchema>;

/**
 * One fact of a hidden brief. The persona says `revealLine` (in character, never the `fact`
 * sentence itself) only once a user turn shows one of `earnedBy`.
 */
const BriefFactSchema = z.strictObject({
  id: FactIdSchema,
  /** The fact as the brief states it (shown to the user after the session ends). */
  fact: Text,
  /** What the persona says when the fact is earned. Must not contain `fact` verbatim. */
  revealLine: Text,
  earnedBy: CheckIds,
});
export type BriefFact = z.infer<typeof BriefFactSchema>;

/**
 * What the persona can say about its own world when asked, before any fact is earned: the kinds
 * of question no rubric move places (what is on its mind, which numbers matter, who is involved,
 * what is coming up, when it is free). Each line answers in character and gives no fact away.
 */
export const ANSWER_TOPICS = ['focus', 'numbers', 'people', 'timeline', 'diary', 'requirements'] as const;
export type AnswerTopic = (typeof ANSWER_TOPICS)[number];
// Each topic optional here (a persona without lines of a kind answers as before); test/scenarios-data.test.ts holds every brief to all of them.
const AnswersSchema = z.strictObject(
  Object.fromEntries(ANSWER_TOPICS.map((t) => [t, z.array(Text).min(2).readonly().optional()])) as Record<
    AnswerTopic,
    z.ZodOptional<z.ZodReadonly<z.ZodArray<typeof Text>>>
  >,
);

/** What a persona knows, needs and assumes in one scenario; hidden until the session ends. */
const HiddenBriefSchema = z.strictObject({
  personaId: PersonaIdSchema,
  scenarioId: ScenarioIdSchema,
  situation: Text,
  facts: z.array(BriefFactSchema).readonly(),
  answers: AnswersSchema.optional(),
});
export type HiddenBrief = z.infer<typeof HiddenBriefSchema>;

/** A persona of one side: its ids, and the pitfalls its pushback lines answer. */
function personaSchema<const Side extends keyof typeof PUSHBACK_TRIGGERS, const Id extends PersonaId, const Trigger extends CheckId>(
  side: Side,
  ids: readonly [Id, ...Id[]],
  triggers: readonly [Trigger, ...Trigger[]],
) {
  return z.strictObject({
    id: z.enum(ids),
    /** Which side the persona plays: a manager (employee scenarios) or an employee (manager-initiated). */
    side: z.literal(side),
    name: Text,
    role: Text,
    /** Public description (the API's persona catalogue). */
    description: Text,
    /** Public, on the partner's card: what is going on in their world, scenario aside (a brief's `situation` stays hidden). */
    situation: Text,
    /** Public, on the partner's card: how they come across, in a few words. */
    temperament: Text,
    /** The goal the set-up form suggests with this partner: one that fits their world, for the user to keep or replace. */
    suggestedGoal: Text,
    /** How it talks and behaves, for the model prompt. */
    style: Text,
    /** How readily it opens up: the number of earning moves needed before it reveals a fact, by difficulty. */
    guardedness: z.record(DifficultySchema, z.number().int().min(1)),
    /** The persona's lines for each state of the offline engine, by difficulty where it matters. */
    lines: z.strictObject({
      /** Overrides the scenario's opening line. */
      opening: z.partialRecord(ScenarioIdSchema, Text).optional(),
      /** By difficulty, then by the pitfall of the user's turn each line answers; read them with `pushbackLines`. */
      pushback: z.record(DifficultySchema, z.record(z.enum(triggers), z.array(Text).min(1).readonly())),
      /** When the user makes no move the persona can respond to (small talk, off-topic). */
      neutral: StateLines,
      /** When the user commits to the persona's need. */
      acceptCommitment: StateLines,
      /** When the user proposes a follow-up. */
      agreeFollowUp: StateLines,
      /** When nothing is left to reveal and the user keeps going. */
      close: StateLines,
      /** A prompt-injection or out-of-character request ("ignore your instructions"). */
      stayInCharacter: StateLines,
      /**
       * Answers to a question the brief does not yet let the persona answer in full: in character,
       * a real answer that gives nothing of the hidden brief away, by what was asked.
       */
      deflect: z
        .strictObject({
          feedback: StateLines.optional(),
          needs: StateLines.optional(),
          requirements: StateLines.optional(),
          goals: StateLines.optional(),
          situation: StateLines.optional(),
          /** "Can I…?", "is it OK if I…?": allow what the user proposed (or say what would need to happen first). */
          permit: StateLines.optional(),
          /** "Could you…?", "would you…?": the user asks the persona to do something: agree to exactly that, in character. */
          request: StateLines.optional(),
          /** "Should I…?", "which one…?": a small decision: hand it back with a reason, or say what the persona would do. */
          decide: StateLines.optional(),
          /** "When is…?", "who owns…?": a fact the persona has no script for: say so plainly and promise to find out. */
          unknown: StateLines.optional(),
        })
        .optional(),
      /** When the user agrees grudgingly, sarcastically or at a price: named, in character. */
      grudging: StateLines.optional(),
      /** Small talk or off-topic talk: a short human reply that steers back. */
      smallTalk: StateLines.optional(),
      /** The user answered a question or gave information: acknowledged, then one step on. */
      acknowledge: StateLines.optional(),
      /** The user wraps up: a warm goodbye in character, with no new question. */
      farewell: StateLines.optional(),
    }),
  });
}

const ManagerPersonaSchema = personaSchema('manager', MANAGER_PERSONA_IDS, PUSHBACK_TRIGGERS.manager);
const EmployeePersonaSchema = personaSchema('employee', EMPLOYEE_PERSONA_IDS, PUSHBACK_TRIGGERS.employee);
export type Persona = z.infer<typeof ManagerPersonaSchema> | z.infer<typeof EmployeePersonaSchema>;
export type PersonaLines = Persona['lines'];

const byId = <Id extends string, Schema extends z.ZodType>(ids: readonly Id[], schema: Schema) =>
  Object.fromEntries(ids.map((id) => [id, schema])) as Record<Id, Schema>;

/**
 * The content/ folder, one key per file. A file leaves out the ids its name or key already gives,
 * and a brief leaves out `earnedBy`, which its scenario sets for every brief played in it.
 */
const ContentFilesSchema = z.strictObject({
  /** content/scenarios.yaml */
  scenarios: z.record(ScenarioIdSchema, ScenarioSchema.omit({ id: true }).extend({ earnedBy: z.record(FactIdSchema, CheckIds) })),
  /** content/personas/<persona-id>.yaml, each checked as the side its id list in `types.ts` says. */
  personas: z.strictObject({
    ...byId(MANAGER_PERSONA_IDS, ManagerPersonaSchema.omit({ id: true })),
    ...byId(EMPLOYEE_PERSONA_IDS, EmployeePersonaSchema.omit({ id: true })),
  }),
  /** content/briefs/<persona-id>.yaml: the persona's brief in each scenario it plays. */
  briefs: z.record(
    PersonaIdSchema,
    z.partialRecord(
      ScenarioIdSchema,
      HiddenBriefSchema.pick({ situation: true, answers: true }).extend({
        facts: z.record(FactIdSchema, BriefFactSchema.pick({ fact: true, revealLine: true })),
      }),
    ),
  ),
});
type ContentFiles = z.infer<typeof ContentFilesSchema>;

const sideOf = (id: PersonaId): Persona['side'] => ((MANAGER_PERSONA_IDS as readonly PersonaId[]).includes(id) ? 'manager' : 'employee');
/** The side that plays opposite the user: the user in employee mode talks to a manager persona. */
const opposite = (mode: Mode): Persona['side'] => (mode === 'employee' ? 'manager' : 'employee');
const movesOf = (mode: Mode): ReadonlySet<CheckId> => new Set(checksFor(mode).flatMap((c) => (c.kind === 'move' ? [c.id] : [])));

/** Rules that span files, which the engine relies on; each issue's path starts with the file's key. */
function checkAcrossFiles(content: ContentFiles, ctx: z.RefinementCtx<ContentFiles>): void {
  const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });

  for (const id of SCENARIO_IDS) {
    const s = content.scenarios[id];
    const moves = movesOf(s.mode);
    s.scoredChecks.forEach((check, i) => {
      if (!moves.has(check)) issue(['scenarios', id, 'scoredChecks', i], `${check} is not a move of ${s.mode} mode`);
      if (s.scoredChecks.indexOf(check) !== i) issue(['scenarios', id, 'scoredChecks', i], `${check} is listed twice`);
    });
    for (const fact of FACT_IDS) {
      s.earnedBy[fact].forEach((check, i) => {
        if (!moves.has(check)) issue(['scenarios', id, 'earnedBy', fact, i], `${check} is not a move of ${s.mode} mode`);
      });
    }
    if (sideOf(s.defaultPersona) !== opposite(s.mode)) {
      issue(
        ['scenarios', id, 'defaultPersona'],
        `${s.defaultPersona} plays the ${sideOf(s.defaultPersona)} side; in ${s.mode} mode the persona plays the ${opposite(s.mode)} side`,
      );
    }
  }

  for (const id of PERSONA_IDS) {
    const p = content.personas[id];
    const g = p.guardedness;
    if (g.easy > g.medium || g.medium > g.hard) issue(['personas', id, 'guardedness'], 'must not fall as difficulty rises');
    for (const scenarioId of SCENARIO_IDS) {
      const plays = opposite(content.scenarios[scenarioId].mode) === sideOf(id);
      if (!plays && p.lines.opening?.[scenarioId] !== undefined) issue(['personas', id, 'lines', 'opening', scenarioId], `${id} never plays ${scenarioId}`);
      const brief = content.briefs[id][scenarioId];
      if (plays && !brief) issue(['briefs', id, scenarioId], `missing: ${id} plays ${scenarioId}`);
      if (!plays && brief) issue(['briefs', id, scenarioId], `${id} plays the ${sideOf(id)} side, so never plays ${scenarioId}`);
      for (const fact of FACT_IDS) {
        const f = brief?.facts[fact];
        if (f && f.revealLine.toLowerCase().includes(f.fact.toLowerCase())) {
          issue(['briefs', id, scenarioId, 'facts', fact, 'revealLine'], 'says its fact verbatim');
        }
      }
    }
  }
}

export const ContentSchema = ContentFilesSchema.superRefine(checkAcrossFiles);
export type Content = z.infer<typeof ContentSchema>;
