import { z } from 'zod';
import type { ChatModel } from '../../src/llm/chat-model.js';
import { asData, newMarker } from '../../src/prompts/data-block.js';
import { getPrompt, renderPrompt } from '../../src/prompts/render-prompt.js';
import { CassetteMissError } from '../models/cassettes.js';
import { fail, notEvaluated, pass, type Grade } from './grade.js';
import { transcriptData, type TranscriptLine } from './transcript-data.js';

/**
 * Model-judged graders, one binary question per failure mode code cannot check. Each is a
 * versioned prompt in prompts/judges/; its verdict is only trusted as far as calibration against
 * human labels (suites/calibrate.ts) says.
 */
export const JUDGE_IDS = [
  'judge-persona-in-character',
  'judge-persona-pushback',
  'judge-persona-no-leak',
  'judge-persona-no-cave',
  'judge-advice-specific',
] as const;
export type JudgeId = (typeof JUDGE_IDS)[number];

const JudgeVerdictSchema = z.object({ reasoning: z.string(), verdict: z.enum(['pass', 'fail']) });

export function judgePrompt(id: JudgeId) {
  return getPrompt(id);
}

/** The variables a judge's input gives, read from the prompt text so data and prompt cannot drift (the marker is drawn per request). */
export function judgeVars(id: JudgeId): string[] {
  return [...new Set([...judgePrompt(id).text.matchAll(/\{\{\s*([a-zA-Z]\w*)\s*\}\}/g)].map((m) => m[1] as string))].filter((v) => v !== 'marker');
}

/** What a judge is asked about: text, or a transcript as lines. */
export type JudgeInput = Record<string, string | readonly TranscriptLine[]>;

/**
 * A judge's prompt as it is sent: every input is data, as in the app's own prompts (src/prompts/
 * data-block.ts). Each goes in a block closed by a marker drawn for this request, with the marker
 * and bracket runs taken out of it; a transcript goes as JSON lines.
 */
export function renderJudge(id: JudgeId, input: JudgeInput, marker = newMarker()) {
  const vars = Object.fromEntries(
    Object.entries(input).map(([name, value]) => [name, typeof value === 'string' ? asData(value, marker) : transcriptData(value, marker)]),
  );
  return renderPrompt(judgePrompt(id), { ...vars, marker });
}

export type JudgeGrade = Grade & { judge: JudgeId; version: number; reasoning?: string };

/**
 * Asks one judge about one input. Without a model (an offline run has none to judge with) or when the
 * judge's answer is missing (a replay miss, a provider failure) the grade is not_evaluated:
 * never a pass by default.
 */
export async function runJudge(model: ChatModel | undefined, id: JudgeId, input: JudgeInput, signal?: AbortSignal): Promise<JudgeGrade> {
  const prompt = judgePrompt(id);
  const base = { judge: id, version: prompt.version };
  if (!model) return { ...base, ...notEvaluated(id, 'judges need a model provider') };
  const { text, ref } = renderJudge(id, input);
  try {
    const { value } = await model.structured({
      messages: [{ role: 'user', content: text }],
      prompt: ref,
      schema: JudgeVerdictSchema,
      schemaName: 'judge_verdict',
      temperature: 0,
      ...(signal && { signal }),
    });
    const grade = value.verdict === 'pass' ? pass(id) : fail(id, value.reasoning);
    return { ...base, ...grade, reasoning: value.reasoning };
  } catch (err) {
    const why = err instanceof CassetteMissError ? 'no cassette for this judge call' : `judge failed: ${err instanceof Error ? err.message : String(err)}`;
    return { ...base, ...notEvaluated(id, why) };
  }
}

/**
 * Whether a grade counts toward its case's status, and so toward the gate: a code grader's always;
 * a judge's only when the judge is calibrated (`trusted`, from a calibration in the same run). An
 * uncalibrated judge's verdict is reported all the same, with the judge's others.
 */
export function counts(grade: Grade, trusted: ReadonlySet<string> | undefined): boolean {
  return !(JUDGE_IDS as readonly string[]).includes(grade.grader) || trusted?.has(grade.grader) === true;
}
