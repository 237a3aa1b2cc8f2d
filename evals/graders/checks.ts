import { fail, pass, type Grade } from './grade.js';

/**
 * One case's predicted checks against its labels. The case passes only on an exact match; the
 * suite-level precision/recall/F1 over all cases comes from `perLabel` in ../metrics.ts.
 */
export function gradeChecks(expected: readonly string[], predicted: readonly string[]): Grade & { missing: string[]; extra: string[] } {
  const missing = expected.filter((id) => !predicted.includes(id));
  const extra = predicted.filter((id) => !expected.includes(id));
  const parts = [missing.length > 0 && `missed ${missing.join(', ')}`, extra.length > 0 && `wrongly found ${extra.join(', ')}`].filter(Boolean);
  return { ...(parts.length === 0 ? pass('checks') : fail('checks', parts.join('; '))), missing, extra };
}
