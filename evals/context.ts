import { createHash } from 'node:crypto';
import type { Difficulty } from '../src/coach/scenarios/index.js';
import type { ChatModel } from '../src/llm/chat-model.js';
import type { EvalApps } from './rehearsal.js';

/** Reports progress of one phase; draws only when stderr is a terminal. */
export interface Progress {
  phase(label: string, total: number): () => void;
}

/** What every suite runs with. */
export interface EvalContext {
  /**
   * The model under test, possibly wrapped for record/replay, or null for the offline engine
   * (which is no model). Each case builds its own engine from it (`meterEngine`).
   */
  model: ChatModel | null;
  /** The model that answers judge prompts; undefined when there is none (the offline provider). */
  judge: ChatModel | undefined;
  concurrency: number;
  /** Each case runs this many times; a case passes only if every run passes (pass^k). */
  repeats: number;
  difficulty: Difficulty;
  /** Cases per suite that judges look at (judges cost a model call each). */
  judgeSample: number;
  progress: Progress;
  apps: () => Promise<EvalApps>;
  /**
   * The judges whose verdicts count toward case statuses and the gate: those a calibration in the
   * same run found calibrated. None otherwise; their verdicts are still reported.
   */
  trustedJudges?: ReadonlySet<string>;
}

export function terminalProgress(stream: Pick<NodeJS.WriteStream, 'write' | 'isTTY'>): Progress {
  return {
    phase(label, total) {
      let done = 0;
      const draw = () => {
        if (!stream.isTTY) return;
        const width = 30;
        const filled = Math.round((done / Math.max(1, total)) * width);
        stream.write(`\r  ${label.padEnd(22)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
        if (done === total) stream.write('\n');
      };
      draw();
      return () => {
        done += 1;
        draw();
      };
    },
  };
}

export const silentProgress: Progress = { phase: () => () => {} };

/**
 * The ids a judge looks at when it cannot look at all of them: the `sample` ids whose hashes sort
 * first. Unlike every k-th case, adding a case to a dataset leaves the others' selection alone,
 * so recorded judge answers keep replaying.
 */
export function sampleIds(ids: readonly string[], sample: number): Set<string> {
  const hash = (id: string) => createHash('sha256').update(id).digest('hex');
  return new Set([...ids].sort((a, b) => hash(a).localeCompare(hash(b))).slice(0, Math.max(0, sample)));
}
