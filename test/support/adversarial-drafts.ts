import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../src/coach/analyzer/index.js';
import type { Mode } from '../../src/coach/rubric.js';

/*
 * Texts made to slow the analyzer down, and the realistic texts they are measured against: shared
 * by the adversarial property test (test/analyzer-adversarial.test.ts) and the bench's figure
 * (bench/adversarial.ts).
 */

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A realistic draft of `length` characters: labelled messages of one mode, joined line by line (seeded by `from`). */
export function realisticDraft(length: number, mode: Mode, from = 0): string {
  const cases = readFileSync(join(root, 'evals', 'datasets', 'drafts.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { text: string; mode: Mode })
    .filter((c) => c.mode === mode);
  let text = '';
  for (let j = from; text.length < length; j += 7) text += (text ? '\n' : '') + (cases[j % cases.length] as { text: string }).text;
  return text.slice(0, length);
}

/**
 * The analyzer's own vocabulary: every word and phrase in the patterns of its frames (string
 * literals of src/coach/analyzer, its learned reader aside), so generated texts repeat exactly the
 * words its patterns are written to find.
 */
export function analyzerVocabulary(): string[] {
  const words = new Set<string>();
  const read = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'learned') read(path);
      } else if (name.endsWith('.ts')) {
        for (const m of readFileSync(path, 'utf8').matchAll(/`([^`]*)`|'([^'\n]*)'/g)) {
          for (const piece of (m[1] ?? m[2] ?? '').split(/\||[^a-z' -]+/)) {
            const word = piece.replace(/\s+/g, ' ').trim();
            if (/[a-z]/.test(word) && word.length <= 30) words.add(word);
          }
        }
      }
    }
  };
  read(join(root, 'src', 'coach', 'analyzer'));
  return [...words].sort();
}

/**
 * The words most of the frames turn on, drawn more often than the rest: negators, charges of
 * blame and the culprits they need, causes and conditions, goals and their lead-ins, the writer.
 */
export const CORE_WORDS = [
  'not',
  'never',
  'no',
  "don't",
  "n't",
  'nobody',
  'without',
  'rather than',
  'mess',
  'useless',
  'lazy',
  'sloppy',
  'disaster',
  'a joke',
  'dropped the ball',
  'as usual',
  'again',
  'they',
  'them',
  'he',
  'you',
  'your',
  'the managers',
  'the team',
  'support',
  "Gemma's",
  'because',
  'since',
  'if',
  'so of course',
  'but',
  'and',
  'i',
  "i'll",
  "i'd like to",
  'my',
  'we',
  'senior',
  'promotion',
  'lead',
  'take on',
  'help',
  'recap',
  'agreed',
  'said',
  'maybe',
  'sorry',
  'just',
];

/** What sits between repeated words: sentence ends, quotes, dashes, line breaks, possessives, runs of dots. */
export const SEPARATORS = [' ', ' ', ', ', '. ', '.', '...', '? ', '?', '! ', '"', "'", ' - ', '-', '; ', ': ', '\n', '\n\n', '(', ')', "'s ", '  '];

/** Words the analyzer reads as names, teams or openings, in the capitals that make them so. */
export const NAMES = ['Gemma ', "Gemma's team ", 'Marcus ', 'QA ', 'NEBOSH ', 'I ', 'The ', 'Zed keeps ', 'İ', '“', '”', '’', '…', '—'];

/**
 * Units that once made it slow (quadratic or worse), each repeated to a draft's length: kept as
 * fixed cases so they stay fast.
 */
export const KNOWN_HAZARDS: readonly ((length: number) => string)[] = [
  (n) => repeatTo('no mess ', n),
  (n) => repeatTo('mess ', n),
  (n) => repeatTo('useless ', n),
  (n) => repeatTo("disaster's ", n),
  (n) => `a${'.'.repeat(n - 2)}x`,
  (n) => `a${'?'.repeat(n / 2 - 1)}${')'.repeat(n / 2 - 1)}x`,
  (n) => `because ${repeatTo('a-', n - 8)}`,
  (n) => repeatTo('since-', n),
  (n) => repeatTo('plan-', n),
  (n) => `b${' '.repeat(n - 2)}x`,
  (n) => repeatTo("i'd like to senior ", n),
  (n) => repeatTo('my promotion ', n),
  (n) => repeatTo('you lead it, ', n),
  (n) => repeatTo('Gemma keeps ', n),
  (n) => repeatTo('recap', n),
  (n) => repeatTo('propos', n),
  (n) => repeatTo('1. ', n),
  (n) => repeatTo('a\n\n', n),
];

export function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** Milliseconds to analyze `text` in both modes: the fastest of `runs`, so a pause for garbage collection does not count. */
export function analysisTime(text: string, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    analyze(text, 'employee');
    analyze(text, 'manager');
    best = Math.min(best, performance.now() - started);
  }
  return best;
}
