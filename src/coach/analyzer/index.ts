import { CHECKS_BY_MODE, type CheckId, type Mode } from '../rubric.js';
import { startBudget, type AnalysisBudget } from './budget.js';
import { employeeChecks } from './checks/employee.js';
import { managerChecks } from './checks/manager.js';
import { readDoc, type Doc } from './doc.js';
import type { Finding } from './finding.js';
import { learnedFindings } from './learned/learned-findings.js';
import type { LearnedReader } from './learned/learned-reader.js';
import { SHIPPED_READER } from './learned/shipped-reader.js';

export type { AnalysisBudget } from './budget.js';
export type { Finding } from './finding.js';

/** What a draft shows against the rubric, with the user's own words as evidence. */
export interface Analysis {
  mode: Mode;
  /** Exactly the checks of `mode`, each present or not. */
  checks: Partial<Record<CheckId, Finding>>;
  /** Verbatim phrase naming the user's concrete goal if one was found, e.g. "promoted to senior in the next cycle". */
  goal?: string;
  /** Verbatim phrase naming a concrete task mentioned (offered, committed to, or assigned), e.g. "the flaky-test triage". */
  task?: string;
  /** The budget ran out before every check was read: `unread` lists them (in the mode's order), each reported not present. */
  partial?: true;
  unread?: CheckId[];
}

/**
 * The offline analyzer: reads a draft against the rubric with a hand-written linguistic pipeline
 * (sentences, negation and hypotheticals, who acts, semantic frames) rather than an NLP library, and
 * adds what a small learned reader (`learned/`: word n-grams, fitted on every labelled writer) finds
 * that the frames missed, quoted by its most telling sentence. It runs anywhere (Node, Workers: no
 * I/O, no async), deterministically, in well under a millisecond for a typical draft. Every quote,
 * goal and task it returns is a slice of `text`. `reader` null is the hand-written analyzer alone.
 *
 * With a `budget`, frames stop being run once it is spent: the checks they would have read are
 * not present, listed in `unread`, and the analysis is `partial`. Without one everything is read,
 * so the same text always gets the same analysis (evals, training, tests).
 */
export function analyze(text: string, mode: Mode, doc?: Doc, reader: LearnedReader | null = SHIPPED_READER, budget?: AnalysisBudget): Analysis {
  const allowance = startBudget(budget);
  const read = doc ?? readDoc(text);
  const found = mode === 'employee' ? employeeChecks(read, allowance) : managerChecks(read, allowance);
  const checks: Partial<Record<CheckId, Finding>> = {};
  // The mode's check list is the contract: every check of the mode, and no other.
  for (const { id } of CHECKS_BY_MODE[mode]) checks[id] = found.checks[id] ?? { present: false, evidence: [] };
  const unread = new Set(found.unread);
  if (reader) {
    const present = new Set(CHECKS_BY_MODE[mode].filter(({ id }) => checks[id]?.present).map(({ id }) => id));
    const learned = learnedFindings(reader, read, mode, present, allowance);
    Object.assign(checks, learned.checks);
    for (const id of learned.unread) unread.add(id);
  }
  const analysis: Analysis = { mode, checks };
  if (found.goal !== undefined && text.includes(found.goal)) analysis.goal = found.goal;
  if (found.task !== undefined && text.includes(found.task)) analysis.task = found.task;
  // A check the learned reader found after its frame was skipped has been read after all.
  const left = CHECKS_BY_MODE[mode].filter(({ id }) => unread.has(id) && !checks[id]?.present).map(({ id }) => id);
  if (left.length > 0) Object.assign(analysis, { partial: true, unread: left });
  return analysis;
}
