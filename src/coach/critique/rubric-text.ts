import type { ModeCheck } from '../rubric.js';

/** The rubric as the model reads it, generated from the rubric data so the two never drift. */
export function rubricText(checks: readonly ModeCheck[]): string {
  return checks
    .map((c) => {
      const where = c.kind === 'pitfall' ? 'pitfall' : c.step === 'advanced' ? 'move, advanced mode' : `move, step ${c.step}`;
      return `- ${c.id} (${where}): ${c.description}`;
    })
    .join('\n');
}
