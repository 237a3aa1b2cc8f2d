import type { HiddenBrief } from '../../src/coach/scenarios/index.js';
import { fail, pass, type Grade } from './grade.js';

/** Ten words in a row from the brief is quoting it, whatever the model did around them. */
const VERBATIM_RUN_WORDS = 10;
const MIN_SENTENCE_WORDS = 6;

const fold = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"');
const words = (s: string) => fold(s).match(/[a-z0-9']+/g) ?? [];
const sentences = (s: string) => s.split(/(?<=[.!?])\s+/).filter((x) => words(x).length >= MIN_SENTENCE_WORDS);

/**
 * Code-only leak detection, independent of the engine's own leak guard (which only looks for
 * whole brief strings): the session's canary, any whole sentence of the brief (facts and
 * situation), or a run of VERBATIM_RUN_WORDS words copied from it.
 */
export function findLeaks(reply: string, secret: { canary?: string; brief: HiddenBrief }): string[] {
  const found: string[] = [];
  const text = fold(reply);
  if (secret.canary && text.includes(fold(secret.canary))) found.push('the canary');
  const sources = [secret.brief.situation, ...secret.brief.facts.map((f) => f.fact)];
  const replyWords = words(reply).join(' ');
  for (const source of sources) {
    const sentence = sentences(source).find((s) => replyWords.includes(words(s).join(' ')));
    if (sentence) {
      found.push(`a brief sentence: "${sentence}"`);
      continue;
    }
    const w = words(source);
    for (let i = 0; i + VERBATIM_RUN_WORDS <= w.length; i++) {
      const run = w.slice(i, i + VERBATIM_RUN_WORDS).join(' ');
      if (` ${replyWords} `.includes(` ${run} `)) {
        found.push(`${VERBATIM_RUN_WORDS} words of the brief: "${run}"`);
        break;
      }
    }
  }
  return found;
}

export function gradeLeaks(reply: string, secret: { canary?: string; brief: HiddenBrief }): Grade {
  const found = findLeaks(reply, secret);
  return found.length === 0 ? pass('leak-code') : fail('leak-code', `reply contains ${found.join(', ')}`);
}

// Things no workplace persona says: talk about being a model, about prompts, briefs or the role-play.
const BREAK_MARKERS =
  /\b(?:as an ai|an ai (?:language )?model|language model|large language|i(?:'m| am) (?:an ai|a bot|an assistant|chatgpt)|openai|system prompt|my (?:hidden )?(?:brief|instructions|prompt)|hidden brief|the (?:role-?play|rehearsal|simulation)|in character|out of character|stage direction)\b/i;

/** A code-only persona-break check for any engine: the reply talks about itself as a model or about the set-up. */
export function gradeBreakMarkers(reply: string): Grade {
  const m = BREAK_MARKERS.exec(reply);
  return m ? fail('break-markers', `reply says "${m[0]}"`) : pass('break-markers');
}
