import type { CheckId, Mode } from '../../rubric.js';
import { quoteOf, type Doc } from '../doc.js';
import { UNLIMITED, type Allowance } from '../budget.js';
import type { Finding } from '../finding.js';
import { checkProbabilities, type LearnedReader } from './learned-reader.js';
import { GOAL_CUE } from '../frames/goal-vocabulary.js';
import { wordTokens } from './word-features.js';

/**
 * A link of the writer's goal to the manager's needs has a goal, or the writer, in sight: a goal
 * word or a "me"/"my". Of the 189 labelled links, two have neither; without this the reader read
 * the rubric's own "Is there anything on your plate I could take off it this sprint?" as a link.
 */
const GOAL_IN_SIGHT = new RegExp(String.raw`${GOAL_CUE}|\b(?:me|my|myself|mine)\b`);

/**
 * An offer of help says so: help, the plate, "anything I can…", "want me to…". A sentence that only
 * takes on named work ("Happy to take the flaky-test triage this week") is the commitment the frames
 * already found, not also an offer (the rubric's own example).
 */
const OFFER_IN_SIGHT = new RegExp(
  String.raw`\b(?:help|helping|plate|anything|something|what (?:can|could)|want me|shall i|can i|could i|let me|support|lighten)\b|` +
    String.raw`\b(?:free (?:you )?up|cover|load|off (?:you|your))\b`,
);

/**
 * Saying where or when one will be ("I'll be working from the Leeds office on Tuesday", "I'll be off
 * Friday") is no work taken on, however much it reads like "I'll have it to you on Tuesday": a learned
 * commitment whose sentence only says that is left out.
 */
const ONLY_WHEREABOUTS = new RegExp(
  String.raw`^\W*(?:i(?:'ll| will)|i'm|i am) (?:be )?(?:working |based )?(?:from|in|at|off|out|away|on leave|remote|home|around)\b` +
    String.raw`(?![^.!?]*\b(?:finish|send|deliver|have (?:it|the|them)|get (?:it|the|them)|sort|do the|run the|cover)\b)`,
  'i',
);

/**
 * The moves the learned reader finds in a text that the hand-written frames did not, among the
 * checks it reads (the pitfalls, and the moves where it did not help leave one writer out, are the
 * frames' alone: who acts, negation and quoting decide them). A check is present when the text's p
 * is above the check's threshold and so is the p of its most telling sentence (read on its own),
 * which is then its quote: a verbatim slice of the text. A text shorter than any the reader was
 * fitted on gets nothing from it. The sentences are read one by one while `allowance` lasts; when it
 * runs out first, the checks still in question are returned as unread. The design and its
 * measurements: evals/reader-experiment/README.md, "Adopting it".
 */
export function learnedFindings(
  reader: LearnedReader,
  doc: Doc,
  mode: Mode,
  found: ReadonlySet<CheckId>,
  allowance: Allowance = UNLIMITED,
): { checks: Partial<Record<CheckId, Finding>>; unread: CheckId[] } {
  const checks: Partial<Record<CheckId, Finding>> = {};
  if (doc.sentences.length === 0 || wordTokens(doc.raw).length < reader.fewestWords) return { checks, unread: [] };
  const m = reader.modes[mode];
  const open = m.checks.flatMap((id, k) => (found.has(id) ? [] : [k]));
  if (allowance.spent()) return { checks, unread: open.map((k) => m.checks[k]!) };
  const text = checkProbabilities(reader, mode, doc.raw);
  const folded = doc.raw.toLowerCase();
  const candidates = open.filter((k) => text[k]! > m.threshold[k]! && (m.checks[k] !== 'links_goal_to_needs' || GOAL_IN_SIGHT.test(folded)));
  if (candidates.length === 0) return { checks, unread: [] };
  const sentences: Float64Array[] = [];
  for (const s of doc.sentences) {
    if (allowance.spent()) return { checks, unread: candidates.map((k) => m.checks[k]!) };
    sentences.push(checkProbabilities(reader, mode, doc.raw.slice(s.start, s.end)));
  }
  for (const k of candidates) {
    let best = 0;
    for (let i = 1; i < sentences.length; i++) if (sentences[i]![k]! > sentences[best]![k]!) best = i;
    if (!(sentences[best]![k]! > m.threshold[k]!)) continue;
    const quote = quoteOf(doc, doc.sentences[best]!);
    if (m.checks[k] === 'offers_help' && found.has('commits_to_task') && !OFFER_IN_SIGHT.test(quote.toLowerCase())) continue;
    if (m.checks[k] === 'commits_to_task' && ONLY_WHEREABOUTS.test(quote)) continue;
    if (quote !== '') checks[m.checks[k]!] = { present: true, evidence: [quote], learned: true };
  }
  return { checks, unread: [] };
}
