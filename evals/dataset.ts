import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ActIdSchema, ToneSchema } from '../src/coach/reading/acts.js';
import { CheckIdSchema, checksFor, ModeSchema, type CheckId } from '../src/coach/rubric.js';
import { DIFFICULTIES, FACT_IDS, getBrief, getScenario, PERSONA_IDS, SCENARIO_IDS, type PersonaId, type ScenarioId } from '../src/coach/scenarios/index.js';

export interface Dataset<T> {
  path: string;
  /** sha256 of the file, so a report says exactly which data it measured. */
  sha256: string;
  cases: T[];
}

/**
 * Reads a JSONL dataset, failing with the line number of the first bad line. `check` adds rules a
 * schema cannot express (a check id that belongs to another mode, a persona on the wrong side).
 */
function readJsonl<S extends z.ZodType>(path: string, schema: S, check?: (row: z.infer<S>) => string | undefined): Dataset<z.infer<S>> {
  const raw = readFileSync(path, 'utf8');
  const cases: Array<z.infer<S>> = [];
  raw.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let parsed: z.infer<S>;
    try {
      parsed = schema.parse(JSON.parse(line));
    } catch (err) {
      throw new Error(`${path}:${i + 1}: ${err instanceof Error ? err.message : String(err)}`);
    }
    const problem = check?.(parsed);
    if (problem) throw new Error(`${path}:${i + 1}: ${problem}`);
    cases.push(parsed);
  });
  return { path, sha256: createHash('sha256').update(raw).digest('hex'), cases };
}

function checksOutsideMode(mode: z.infer<typeof ModeSchema>, ids: readonly CheckId[]): string | undefined {
  const allowed = new Set(checksFor(mode).map((c) => c.id));
  const wrong = ids.filter((id) => !allowed.has(id));
  return wrong.length > 0 ? `${wrong.join(', ')} not a ${mode}-mode check` : undefined;
}

// ---------------------------------------------------------------------------------------------
// Drafts: one message, labelled with the checks it shows.

export const DraftCaseSchema = z.object({
  id: z.string().min(1),
  mode: ModeSchema,
  text: z.string().min(1),
  expected: z.array(CheckIdSchema),
  split: z.string().optional(),
  note: z.string().optional(),
});
export type DraftCase = z.infer<typeof DraftCaseSchema>;

export function readDraftDataset(path: string): Dataset<DraftCase> {
  return readJsonl(path, DraftCaseSchema, (c) => checksOutsideMode(c.mode, c.expected));
}

// ---------------------------------------------------------------------------------------------
// Conversations: labelled role-play transcripts; each user turn lists the checks it shows.

const ScenarioIdSchema = z.enum(SCENARIO_IDS);
const PersonaIdSchema = z.enum(PERSONA_IDS);
const DifficultySchema = z.enum(DIFFICULTIES);

const ConversationCaseSchema = z.object({
  id: z.string().min(1),
  scenarioId: ScenarioIdSchema,
  personaId: PersonaIdSchema,
  difficulty: DifficultySchema,
  turns: z
    .array(
      z.discriminatedUnion('role', [
        z.object({ role: z.literal('user'), text: z.string().min(1), expected: z.array(CheckIdSchema), note: z.string().optional() }),
        z.object({ role: z.literal('persona'), text: z.string().min(1) }),
      ]),
    )
    .min(2),
  note: z.string().optional(),
});
export type ConversationCase = z.infer<typeof ConversationCaseSchema>;

/** A persona that has no brief for the scenario (the wrong side) is a dataset error, not a runtime one. */
function pairProblem(personaId: PersonaId, scenarioId: ScenarioId): string | undefined {
  try {
    getBrief(personaId, scenarioId);
    return undefined;
  } catch {
    return `persona ${personaId} does not play ${scenarioId}`;
  }
}

export function readConversationDataset(path: string): Dataset<ConversationCase> {
  return readJsonl(path, ConversationCaseSchema, (c) => {
    const mode = getScenario(c.scenarioId).mode;
    const labels = c.turns.flatMap((t) => (t.role === 'user' ? t.expected : []));
    return pairProblem(c.personaId, c.scenarioId) ?? checksOutsideMode(mode, labels);
  });
}

// ---------------------------------------------------------------------------------------------
// Persona behaviour: a probe line after some set-up, and what the persona's reply must (not) do.

const PERSONA_EXPECTATIONS = ['pushback', 'no_cave', 'no_early_reveal', 'in_character', 'no_leak'] as const;
const PersonaCaseSchema = z.object({
  id: z.string().min(1),
  scenarioId: ScenarioIdSchema,
  personaId: PersonaIdSchema,
  difficulty: DifficultySchema,
  /** User lines played before the probe; their replies are not graded. */
  setup: z.array(z.string().min(1)).default([]),
  probe: z.string().min(1),
  expect: z.array(z.enum(PERSONA_EXPECTATIONS)).default([]),
  /** The pitfall the probe falls into, as a human labels it; needed to ask a judge about pushback. */
  pitfall: CheckIdSchema.optional(),
  /** Facts the probe must earn and the reply must share (the positive cases: a persona that never opens up fails them). */
  reveals: z.array(z.enum(FACT_IDS)).default([]),
  note: z.string().optional(),
});
export type PersonaCase = z.infer<typeof PersonaCaseSchema>;

export function readPersonaDataset(path: string): Dataset<PersonaCase> {
  return readJsonl(path, PersonaCaseSchema, (c) => {
    if (c.expect.length + c.reveals.length === 0) return 'a case must expect something';
    if (c.expect.includes('pushback') && !c.pitfall) return 'a pushback case names the pitfall of its probe';
    return pairProblem(c.personaId, c.scenarioId) ?? (c.pitfall ? checksOutsideMode(getScenario(c.scenarioId).mode, [c.pitfall]) : undefined);
  });
}

// ---------------------------------------------------------------------------------------------
// Turn readings: one user turn after the conversation before it, labelled with its acts, checks and tone.

const TranscriptSchema = z.array(z.object({ role: z.enum(['user', 'persona']), text: z.string().min(1) }));

const TurnCaseSchema = z.object({
  id: z.string().min(1),
  /** Who wrote the case: leave-one-writer-out figures score each writer's turns apart. */
  writer: z.string().min(1),
  scenarioId: ScenarioIdSchema,
  personaId: PersonaIdSchema,
  mode: ModeSchema,
  context: TranscriptSchema,
  text: z.string().min(1),
  acts: z.array(ActIdSchema),
  checks: z.array(CheckIdSchema),
  tone: ToneSchema,
  note: z.string().optional(),
});
export type TurnCase = z.infer<typeof TurnCaseSchema>;

export function readTurnDataset(path: string): Dataset<TurnCase> {
  return readJsonl(path, TurnCaseSchema, (c) => {
    const mode = getScenario(c.scenarioId).mode;
    if (c.mode !== mode) return `${c.scenarioId} is a ${mode}-mode scenario, not ${c.mode}`;
    return pairProblem(c.personaId, c.scenarioId) ?? checksOutsideMode(mode, c.checks);
  });
}

// ---------------------------------------------------------------------------------------------
// Pairs: two whole rehearsals of one scenario, persona and difficulty; an expert ranks `strong` higher.

const PairCaseSchema = z.object({
  id: z.string().min(1),
  writer: z.string().min(1),
  scenarioId: ScenarioIdSchema,
  personaId: PersonaIdSchema,
  difficulty: DifficultySchema,
  strong: TranscriptSchema,
  weak: TranscriptSchema,
  /** What the weak side gets wrong (unusual-vs-polite, grudging-vs-real, …): figures are reported per kind. */
  kind: z.string().min(1),
  reason: z.string().min(1),
});
export type PairCase = z.infer<typeof PairCaseSchema>;

export function readPairDataset(path: string): Dataset<PairCase> {
  return readJsonl(path, PairCaseSchema, (c) => {
    if (![c.strong, c.weak].every((side) => side.some((t) => t.role === 'user'))) return 'both sides need a user turn';
    return pairProblem(c.personaId, c.scenarioId);
  });
}

// ---------------------------------------------------------------------------------------------
// Human labels for judge calibration: the verdict a careful human gives on one judge input.

const HumanLabelSchema = z.object({
  judge: z.string().min(1),
  caseId: z.string().min(1),
  /** The judge prompt's variables (the marker aside): text, or a transcript as lines of the user and the persona. */
  input: z.record(z.string(), z.union([z.string(), z.array(z.object({ role: z.enum(['user', 'persona']), text: z.string() }))])),
  /** true: the output passes (the failure mode the judge looks for is absent). */
  label: z.boolean(),
  note: z.string().optional(),
});
export type HumanLabel = z.infer<typeof HumanLabelSchema>;

export function readHumanLabels(path: string): Dataset<HumanLabel> {
  return readJsonl(path, HumanLabelSchema);
}

// ---------------------------------------------------------------------------------------------
// Purpose-labelled drafts: what a message is for, good or weak, in pairs of the same situation.

const PurposeCaseSchema = z.object({
  id: z.string(),
  mode: ModeSchema,
  purpose: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal('advanced'), z.null()]),
  quality: z.enum(['good', 'weak']),
  pair: z.string().nullable(),
  text: z.string().min(1),
  expected: z.array(CheckIdSchema),
  note: z.string().optional(),
});
export type PurposeCase = z.infer<typeof PurposeCaseSchema>;

export function readPurposeDataset(path: string): Dataset<PurposeCase> {
  return readJsonl(path, PurposeCaseSchema, (c) => {
    if ((c.mode === 'manager') !== (c.purpose === null)) return 'a manager-mode draft has purpose null, and only it';
    return checksOutsideMode(c.mode, c.expected);
  });
}
