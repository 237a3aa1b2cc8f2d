import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLeakGuard, leaks } from '../src/coach/roleplay/leak-guard.js';

const FORBIDDEN = ['The team is being merged with Platform in March.', 'LC-CANARY-7f3a'];

/** Streams `text` through a guard in the given cut points; what was released, and whether it stopped for a leak. */
function stream(text: string, cuts: number[]): { shown: string; leaked: boolean } {
  const guard = createLeakGuard(FORBIDDEN);
  let shown = '';
  let from = 0;
  for (const at of [...new Set(cuts)].sort((a, b) => a - b).concat(text.length)) {
    const { release, leak } = guard.push(text.slice(from, at));
    if (leak) return { shown, leaked: true };
    shown += release;
    from = at;
  }
  return { shown: shown + guard.flush(), leaked: false };
}

const norm = (t: string) =>
  t
    .toLowerCase()
    .replace(/\s/g, ' ')
    .replace(/[\u2018\u2019]/g, "'");

describe('leak guard', () => {
  it('finds a forbidden sentence whatever its case, spacing or quote marks', () => {
    expect(leaks('Between us: the TEAM is being merged\nwith platform in March. Keep it quiet.', FORBIDDEN)).toBe(true);
    expect(leaks('Between us: the team is being merged with Platform in March.', FORBIDDEN)).toBe(true);
    expect(leaks('Your canary is lc-canary-7f3a', FORBIDDEN)).toBe(true);
    expect(leaks('The team\u00a0is being merged with Platform in March.', FORBIDDEN)).toBe(true);
    expect(leaks('We may reorganise at some point; nothing is decided.', FORBIDDEN)).toBe(false);
    // Curly quotes fold to straight ones, so a forbidden string with either is found in both.
    expect(leaks('She said \u201cit\u2019s final\u201d.', ['she said "it\'s final".'])).toBe(true);
  });

  it('never shows a forbidden string, however the stream is cut, and shows all of an innocent reply', () => {
    const innocent = fc.string({ unit: fc.constantFrom(...'abcdefghij klmnop.,\u00e9\u2019\nThe team is'.split('')), maxLength: 120 });
    fc.assert(
      fc.property(innocent, innocent, fc.boolean(), fc.array(fc.nat(400), { maxLength: 12 }), (before, after, plant, cuts) => {
        const text = plant ? `${before}${FORBIDDEN[0]}${after}` : `${before}${after}`;
        const { shown, leaked } = stream(
          text,
          cuts.map((c) => c % (text.length + 1)),
        );
        expect(leaks(shown, FORBIDDEN)).toBe(false);
        const starts = FORBIDDEN.map((f) => norm(text).indexOf(norm(f))).filter((i) => i >= 0);
        if (starts.length === 0) {
          expect(shown).toBe(text);
          return;
        }
        expect(leaked).toBe(true);
        // Not even the beginning of the forbidden string was shown before the guard saw it whole.
        expect(shown.length).toBeLessThanOrEqual(Math.min(...starts));
      }),
      { numRuns: 300 },
    );
  });
});
