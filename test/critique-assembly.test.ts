import { describe, expect, it } from 'vitest';
import { assembleCritique } from '../src/coach/critique/assemble-critique.js';
import type { CheckResult } from '../src/coach/critique/critique-schema.js';
import { quoteGrounder } from '../src/coach/critique/ground-quotes.js';
import { orderCheck } from '../src/coach/critique/order-check.js';
import { movesFor, PURPOSES } from '../src/coach/critique/purpose.js';
import { scoreChecks, scoreDraft } from '../src/coach/critique/score.js';
import { checksFor, type Mode } from '../src/coach/rubric.js';

/** A small deterministic PRNG, so the property tests explore many cases yet always the same ones. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const checksWith = (mode: Mode, present: ReadonlySet<string>): CheckResult[] =>
  checksFor(mode).map((c) => ({
    id: c.id,
    kind: c.kind,
    step: c.step,
    present: present.has(c.id),
    evidence: present.has(c.id) ? ['q'] : [],
    advice: c.advice,
  }));

describe('score', () => {
  it('is monotonic: adding a move never lowers it, adding a pitfall never raises it', () => {
    const random = rng(7);
    for (const mode of ['employee', 'manager'] as const) {
      const all = checksFor(mode);
      for (let trial = 0; trial < 2_000; trial++) {
        const present = new Set(all.filter(() => random() < 0.4).map((c) => c.id));
        const target = 1 + Math.floor(random() * 5);
        const before = scoreChecks(checksWith(mode, present), target);
        for (const c of all) {
          if (present.has(c.id)) continue;
          const after = scoreChecks(checksWith(mode, new Set([...present, c.id])), target);
          if (c.kind === 'move') expect(after).toBeGreaterThanOrEqual(before);
          else expect(after).toBeLessThanOrEqual(before);
        }
      }
    }
  });

  it('scores a draft against its purpose: monotonic, at least 80 for its own moves with no pitfall, later steps never required', () => {
    const random = rng(11);
    for (const [mode, step] of [...PURPOSES.map((p) => ['employee', p] as const), ['manager', null] as const]) {
      const all = checksFor(mode);
      const { counts } = movesFor(mode, step);
      expect(scoreDraft(checksWith(mode, new Set(counts)), mode, step)).toBeGreaterThanOrEqual(80);
      for (let trial = 0; trial < 500; trial++) {
        const present = new Set(all.filter(() => random() < 0.4).map((c) => c.id));
        const before = scoreDraft(checksWith(mode, present), mode, step);
        for (const c of all) {
          if (present.has(c.id)) continue;
          const after = scoreDraft(checksWith(mode, new Set([...present, c.id])), mode, step);
          if (c.kind === 'move') expect(after).toBeGreaterThanOrEqual(before);
          else expect(after).toBeLessThanOrEqual(before);
        }
      }
    }
    // A perfect offer of help is not marked down for having no goal in it.
    expect(scoreDraft(checksWith('employee', new Set(['offers_help'])), 'employee', 2)).toBe(80);
    expect(scoreDraft(checksWith('employee', new Set(['offers_help', 'demanding'])), 'employee', 2)).toBe(65);
    // A manager asking only where the report wants to go has done its job; each further move adds to it.
    expect(scoreDraft(checksWith('manager', new Set(['asks_about_goals'])), 'manager', null)).toBe(80);
    expect(scoreDraft(checksWith('manager', new Set(['asks_about_goals', 'proposes_follow_up'])), 'manager', null)).toBe(85);
    expect(scoreDraft(checksWith('manager', new Set(['asks_about_goals', 'assumes_goal'])), 'manager', null)).toBe(65);
  });

  it('counts each step once: steps 2 and 4 beat step 2 alone, and a step-4 move is worth less than a whole step', () => {
    const two = scoreChecks(checksWith('employee', new Set(['offers_help'])));
    const twoAndFour = scoreChecks(checksWith('employee', new Set(['offers_help', 'states_goal'])));
    const wholeStepFour = scoreChecks(checksWith('employee', new Set(['offers_help', 'states_goal', 'links_goal_to_needs', 'asks_what_it_takes'])));
    expect(twoAndFour).toBeGreaterThan(two);
    expect(wholeStepFour).toBeGreaterThan(twoAndFour);
    expect(scoreChecks(checksWith('employee', new Set()))).toBe(0);
    expect(scoreChecks(checksWith('employee', new Set(['asks_for_feedback', 'offers_help', 'commits_to_task'])))).toBe(100);
    expect(scoreChecks(checksWith('employee', new Set(['asks_for_feedback', 'offers_help', 'commits_to_task', 'demanding'])))).toBe(85);
  });
});

describe('quote grounding', () => {
  const text = 'Hi Sam,\n\nI\u2019d  love to help with the “Q3 launch” \u2014 anything\non your plate?';

  it('accepts exact quotes and quotes that differ only in whitespace, quote marks and dashes, returning the original slice', () => {
    const g = quoteGrounder(text);
    expect(g.ground('anything\non your plate?')).toBe('anything\non your plate?');
    expect(g.ground('I\'d love to help with the "Q3 launch" - anything on your plate?')).toBe(
      'I\u2019d  love to help with the “Q3 launch” \u2014 anything\non your plate?',
    );
    expect(g.ground('  i\u2019d love TO help ')).toBe('I\u2019d  love to help');
  });

  it('refuses quotes that are not in the text', () => {
    const g = quoteGrounder(text);
    for (const q of ['I want to be CTO', '', '   ', 'love to help with the Q4 launch']) expect(g.ground(q)).toBeNull();
  });

  it('property: whatever it returns is a substring of the text', () => {
    const random = rng(42);
    const alphabet = ['a', 'b', ' ', '\n', '\u2019', "'", '"', '\u201c', '\u2014', '-', '\u2026', '.', 'é', '😀', '\t'];
    const pick = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let i = 0; i < 3_000; i++) {
      const source = pick(5 + Math.floor(random() * 60));
      const start = Math.floor(random() * source.length);
      const candidate = random() < 0.5 ? source.slice(start, start + Math.floor(random() * 20)) : pick(1 + Math.floor(random() * 8));
      const found = quoteGrounder(source).ground(candidate);
      if (found !== null) expect(source.includes(found)).toBe(true);
    }
  });
});

describe('order', () => {
  it('flags a step-4 ask with no step 1-3 in the text, unless earned before', () => {
    const askOnly = checksWith('employee', new Set(['states_goal']));
    expect(orderCheck('employee', askOnly, false).ok).toBe(false);
    expect(orderCheck('employee', askOnly, true).ok).toBe(true);
    expect(orderCheck('employee', checksWith('employee', new Set(['states_goal', 'offers_help'])), false).ok).toBe(true);
    expect(orderCheck('employee', checksWith('employee', new Set(['proposes_follow_up'])), false).ok).toBe(true);
    expect(orderCheck('manager', checksWith('manager', new Set(['offers_partnership'])), false).ok).toBe(true);
  });
});

describe('assembleCritique', () => {
  it('keeps only grounded evidence, treats unsupported claims as absent and limits top fixes to three', () => {
    const text = 'Can we talk about my growth sometime? Sorry, I just wondered, no worries if not.';
    const critique = assembleCritique({
      text,
      mode: 'employee',
      engine: {
        summary: ' s ',
        checks: [
          { id: 'vague_goal', present: true, evidence: ['Can we talk about my growth sometime?'] },
          { id: 'over_hedging', present: true, evidence: ['Sorry, I just wondered, no worries if not.', 'I am so sorry'] },
          { id: 'states_goal', present: true, evidence: [] },
        ],
        suggestions: [],
        rewrite: ' r ',
      },
      identity: { provider: 'openai', model: 'm' },
      prompt: { id: 'critique', version: 1 },
      earnedBefore: false,
      id: 'crq_x',
      createdAt: '2026-11-27T09:00:00.000Z',
    });
    expect(critique.quotesDropped).toBe(1);
    expect(critique.checks.find((c) => c.id === 'states_goal')?.present).toBe(false);
    expect(critique.checks.find((c) => c.id === 'over_hedging')?.evidence).toEqual(['Sorry, I just wondered, no worries if not.']);
    // A vague ask for oneself is the alignment ask made badly: its first missing move is the fix after the pitfalls.
    expect(critique.purpose).toEqual({ step: 4, source: 'detected' });
    expect(critique.topFixes.map((f) => f.check)).toEqual(['vague_goal', 'over_hedging', 'states_goal']);
    expect(critique.score).toBe(0);
    expect(critique.summary).toBe('s');
  });
});
