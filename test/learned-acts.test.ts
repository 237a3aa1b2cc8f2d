import { describe, expect, it } from 'vitest';
import { readTurnDataset } from '../evals/dataset.js';
import { tuningTurnFiles, turnFiles } from '../evals/labelled-writers.js';
import { splitOf } from '../evals/manifest.js';
import type { ActId } from '../src/coach/reading/acts.js';
import model from '../src/coach/reading/learned-acts/acts-model.json' with { type: 'json' };
import { ActsModelSchema } from '../src/coach/reading/learned-acts/acts-model.js';
import { actProbabilities, compileActs, learnedActsOf } from '../src/coach/reading/learned-acts/learned-acts.js';
import { SHIPPED_ACTS } from '../src/coach/reading/learned-acts/shipped-acts.js';
import { ACTS_TRAINING, actsDigest, trainActs } from '../src/coach/analyzer/learned/training/train-acts.js';
import { readTurnOffline } from '../src/coach/reading/read-turn.js';

/*
 * The learned act reader (src/coach/reading/learned-acts/): fitted on today's tuning turns and never
 * on a held-out writer, it adds acts to the cues' reading and removes none but the credit grudging
 * withdraws. Its quality is measured leave one writer out in evals (`--suite turns`).
 */

const shipped = ActsModelSchema.parse(model);
const turns = tuningTurnFiles().flatMap((f) => readTurnDataset(f).cases);

describe('the learned act reader', () => {
  it('was fitted on the tuning turns as they are now, with the training settings (else: npm run train:acts)', () => {
    const stale = 'The learned act reader is out of date with evals/datasets/turns or its settings: run `npm run train:acts` and commit the model.';
    expect(shipped.data, stale).toEqual({ sha256: actsDigest(turns), turns: turns.length });
    expect(shipped.training, stale).toEqual(ACTS_TRAINING);
    expect(trainActs(turns), stale).toEqual({ features: shipped.features, acts: shipped.acts });
  });

  it('never learns from a held-out writer', () => {
    const heldOut = turnFiles().filter((f) => splitOf(f) === 'held-out');
    expect(heldOut.length).toBeGreaterThan(0);
    for (const f of heldOut) expect(tuningTurnFiles()).not.toContain(f);
  });

  it('reads each act at its own threshold, and refuses a model pointing past its features', () => {
    expect([...SHIPPED_ACTS.acts].sort()).toEqual(Object.keys(ACTS_TRAINING.acts).sort());
    const p = actProbabilities(SHIPPED_ACTS, "ugh fine. guess I'm doing the rota then");
    const k = SHIPPED_ACTS.acts.indexOf('grudging');
    expect(learnedActsOf(SHIPPED_ACTS, "ugh fine. guess I'm doing the rota then").has('grudging')).toBe(p[k]! > ACTS_TRAINING.acts.grudging!);
    expect(() => compileActs({ features: ['w:a'], acts: { wraps_up: { bias: 0, index: [3], weight: [1] } } }, { wraps_up: 0.5 })).toThrow(/past its features/);
    expect(learnedActsOf(null, 'bye!').size).toBe(0);
  });

  it('only adds acts to the cues’ reading: what it takes away is the credit of agreement it reads as grudging', () => {
    for (const t of turns) {
      const previous = t.context.findLast((m) => m.role === 'persona')?.text;
      const n = t.context.filter((m) => m.role === 'user').length + 1;
      const withModel = readTurnOffline(t.text, t.mode, previous, n);
      const cuesOnly = readTurnOffline(t.text, t.mode, previous, n, undefined, undefined, null);
      // Grudging withdraws the credit of help and commitment; a question the model places (asking after
      // them, small talk) is no longer a practical ask; and "answers" is the cues' default for a turn they could not place.
      const withdrawn: ActId[] = ['answers'];
      if (withModel.acts.includes('grudging')) withdrawn.push('asks_needs', 'commits');
      if (withModel.acts.includes('asks_situation') || withModel.acts.includes('small_talk')) withdrawn.push('asks_other');
      const missing = cuesOnly.acts.filter((a) => !withModel.acts.includes(a) && !withdrawn.includes(a));
      expect(missing, t.id).toEqual([]);
    }
  });

  it('reads what the cues miss, in words no cue holds, and not a plain commitment as grudging', () => {
    const read = (text: string, previous: string) => readTurnOffline(text, 'employee', previous, 3).acts;
    expect(read("ugh fine. guess I'm doing the rota then", 'I need you on the weekend rota.')).toContain('grudging');
    expect(read('I hear you, but I really do not think the delay was down to my team', 'The launch slipped because of your team.')).toContain('pushes_back');
    expect(read("Happy to take the flaky-test triage this week, I'll start today.", 'Can you take the triage?')).not.toContain('grudging');
    expect(read("Happy to take the flaky-test triage this week, I'll start today.", 'Can you take the triage?')).toContain('commits');
  });
});
