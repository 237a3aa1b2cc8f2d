import type { HiddenBrief, Persona } from '../../src/coach/scenarios/index.js';
import type { ChatModel } from '../../src/llm/chat-model.js';
import { counts, runJudge, type JudgeGrade } from './judges.js';
import { findLeaks, gradeBreakMarkers } from './leaks.js';
import { offScript } from './persona-script.js';
import { transcriptLines } from './transcript-data.js';

type Turn = { role: 'user' | 'persona'; text: string; error?: string };

export interface TranscriptGrades {
  leaks: string[];
  personaBreaks: string[];
  /** Replies that failed for another reason than the leak guard (a model failure, a replay miss). */
  errors: string[];
  /** Replies the engine's own leak guard withheld: the guard working, not a leak shown. */
  withheld: number;
  judge?: JudgeGrade;
}

/**
 * Every persona reply of a rehearsal checked for leaks and breaks: by code on any engine, against
 * the persona's script on the offline engine, and by the in-character judge when a model plays the
 * persona (the judge reads the whole transcript once).
 */
export async function gradeTranscript(
  turns: readonly Turn[],
  persona: Persona,
  secret: { canary: string; brief: HiddenBrief },
  engine: { offline: boolean; judge: ChatModel | undefined; trusted?: ReadonlySet<string> | undefined },
): Promise<TranscriptGrades> {
  const out: TranscriptGrades = { leaks: [], personaBreaks: [], errors: [], withheld: 0 };
  turns.forEach((t, i) => {
    if (t.role !== 'persona') return;
    if (t.error) {
      if (t.error.includes('persona_leak')) out.withheld += 1;
      else out.errors.push(`turn ${i}: ${t.error}`);
      return;
    }
    out.leaks.push(...findLeaks(t.text, secret).map((leak) => `turn ${i}: ${leak}`));
    const marker = gradeBreakMarkers(t.text);
    if (marker.status === 'fail') out.personaBreaks.push(`turn ${i}: ${marker.detail}`);
    const before = turns[i - 1];
    const rest = engine.offline ? offScript(t.text, persona, before?.role === 'user' ? before.text : undefined) : '';
    if (rest) out.personaBreaks.push(`turn ${i}: off-script "${rest.slice(0, 60)}"`);
  });
  if (!engine.offline) {
    out.judge = await runJudge(engine.judge, 'judge-persona-in-character', {
      personaName: persona.name,
      personaRole: persona.role,
      transcript: transcriptLines(turns),
    });
    // Counted as a break only when the judge is calibrated; its verdict is reported either way.
    if (out.judge.status === 'fail' && counts(out.judge, engine.trusted)) out.personaBreaks.push(`judge: ${out.judge.detail ?? ''}`);
  }
  return out;
}
