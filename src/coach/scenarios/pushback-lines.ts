import type { CheckId } from '../rubric.js';
import type { Persona } from './content-schema.js';
import { PUSHBACK_TRIGGERS, type Difficulty } from './ids.js';

/**
 * The persona's pushback lines at a difficulty that answer one of `because` (the pitfalls the
 * user's turn showed, most important first). When none of them has lines of its own, the whole
 * pool: one line per trigger in turn, in `PUSHBACK_TRIGGERS` order, so that picking by turn number
 * moves on to a different pitfall each turn rather than through every line for one.
 */
export function pushbackLines(persona: Persona, difficulty: Difficulty, because: readonly CheckId[] = []): readonly string[] {
  const byTrigger: Partial<Record<CheckId, readonly string[]>> = persona.lines.pushback[difficulty];
  for (const trigger of because) {
    const lines = byTrigger[trigger];
    if (lines && lines.length > 0) return lines;
  }
  const pools = PUSHBACK_TRIGGERS[persona.side].map((trigger) => byTrigger[trigger] ?? []);
  const rounds = Math.max(0, ...pools.map((pool) => pool.length));
  return Array.from({ length: rounds }, (_, i) => pools.flatMap((pool) => pool.slice(i, i + 1))).flat();
}
