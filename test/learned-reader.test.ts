import { describe, expect, it } from 'vitest';
import { readLabelledWriters } from '../evals/labelled-writers.js';
import { analyze } from '../src/coach/analyzer/index.js';
import { quoteOf, readDoc } from '../src/coach/analyzer/doc.js';
import { checkProbabilities, compileReader } from '../src/coach/analyzer/learned/learned-reader.js';
import model from '../src/coach/analyzer/learned/reader-model.json' with { type: 'json' };
import { ReaderModelSchema } from '../src/coach/analyzer/learned/reader-model.js';
import { SHIPPED_READER } from '../src/coach/analyzer/learned/shipped-reader.js';
import { predict } from '../src/coach/analyzer/learned/training/logistic-regression.js';
import { READER_TRAINING, trainingDigest, trainingMatrix, trainReader } from '../src/coach/analyzer/learned/training/train-reader.js';
import { wordFeatures, wordTokens } from '../src/coach/analyzer/learned/word-features.js';
import { readTurnOffline } from '../src/coach/reading/read-turn.js';
import { CHECKS_BY_MODE, MODES, type CheckId, type Mode } from '../src/coach/rubric.js';

/*
 * The learned reader inside the analyzer (src/coach/analyzer/learned/): one tokenizer for training and
 * reading, a model file fitted on today's labelled data, verbatim quotes, and the frames still in charge
 * of what they decide. Its quality is measured leave one writer out in evals (`--suite turns`).
 */

const writers = readLabelledWriters();
const texts = writers.flatMap((w) => w.texts);
const shipped = ReaderModelSchema.parse(model);
const present = (text: string, mode: Mode, reader?: null) =>
  Object.entries(analyze(text, mode, undefined, reader).checks)
    .filter(([, f]) => f?.present)
    .map(([id]) => id);

describe('the tokenizer', () => {
  it('folds case, apostrophes and widths, and keeps question marks', () => {
    expect(wordTokens("I’m keen — what's next?")).toEqual(['im', 'keen', 'whats', 'next', '?']);
    expect(wordTokens("I'm im IM")).toEqual(['im', 'im', 'im']);
    expect(wordTokens('Ｑ３ budget: £5k, 20%!')).toEqual(['q3', 'budget', '£', '5k', '20', '%', '!']);
    expect(wordFeatures('Could I help? Could I')).toEqual(['w:could', 'b:<s> could', 'w:i', 'b:could i', 'w:help', 'b:i help', 'w:?', 'b:help ?', 'b:? could']);
  });

  it('is the one training and reading use: a model fitted through the training matrix scores the same at run time', () => {
    const sample = writers.flatMap((w) => w.texts.slice(0, 25));
    const training = { ...READER_TRAINING, prune: 0 };
    const trained = trainReader(sample, training);
    const reader = compileReader(trained);
    for (const mode of MODES) {
      const ofMode = sample.filter((t) => t.mode === mode);
      const { columns, X } = trainingMatrix(ofMode, training.minDf);
      const { features } = trained;
      const { checks } = trained.modes[mode];
      reader.modes[mode].checks.forEach((id, k) => {
        const c = checks[id]!;
        const byName = new Map<string, number>();
        let at = 0;
        c.index.forEach((d, j) => byName.set(features[(at += d)]!, c.weight[j]!));
        const atTraining = predict({ w: Float64Array.from(columns, (f) => byName.get(f) ?? 0), b: c.bias }, X);
        ofMode.forEach((t, i) => expect(checkProbabilities(reader, mode, t.text)[k]).toBeCloseTo(atTraining[i]!, 9));
      });
    }
  });

  it('made every feature of the shipped model', () => {
    const token = String.raw`(?:[\p{L}\p{N}]+|[?!£$%])`;
    const feature = new RegExp(String.raw`^(?:w:${token}|b:(?:<s>|${token}) ${token})$`, 'u');
    expect(shipped.features.filter((f) => !feature.test(f))).toEqual([]);
    // One list for both modes, sorted, each n-gram once.
    expect([...new Set(shipped.features)].sort()).toEqual(shipped.features);
  });
});

describe('the shipped model', () => {
  it('was fitted on the labelled data as it is now, with the training settings (else: npm run train:reader)', () => {
    const stale = 'The learned reader is out of date with evals/datasets or its settings: run `npm run train:reader` and commit the model.';
    expect(shipped.data, stale).toEqual({ sha256: trainingDigest(texts), texts: texts.length });
    expect(shipped.training, stale).toEqual(READER_TRAINING);
    // The same data and settings give the same model: the file is what the script writes.
    expect(trainReader(texts), stale).toEqual({ fewestWords: shipped.fewestWords, features: shipped.features, modes: shipped.modes });
  });

  it('reads only moves: the pitfalls are the frames’ alone', () => {
    for (const mode of MODES) {
      const kinds = SHIPPED_READER.modes[mode].checks.map((id) => CHECKS_BY_MODE[mode].find((c) => c.id === id)?.kind);
      expect(new Set(kinds)).toEqual(new Set(['move']));
    }
  });

  it('is refused when malformed, naming where', () => {
    const broken = { ...model, features: [1] };
    expect(() => ReaderModelSchema.parse(broken)).toThrow(/features|array of names/s);
    const outside = {
      ...shipped,
      modes: { ...shipped.modes, manager: { ...shipped.modes.manager, checks: { offers_help: shipped.modes.employee.checks.offers_help } } },
    };
    expect(() => compileReader(outside)).toThrow(/outside manager mode: offers_help/);
  });
});

describe('analyze with the learned reader', () => {
  it('quotes only verbatim slices of the text, a whole sentence for what the reader adds', () => {
    for (const t of texts) {
      const doc = readDoc(t.text);
      const sentences = new Set(doc.sentences.map((s) => quoteOf(doc, s)));
      for (const [id, f] of Object.entries(analyze(t.text, t.mode, doc).checks)) {
        for (const q of f?.evidence ?? []) expect(t.text.includes(q), `${t.id} ${id}: ${q}`).toBe(true);
        if (f?.learned)
          expect(
            f.evidence.every((q) => sentences.has(q)),
            `${t.id} ${id}`,
          ).toBe(true);
      }
    }
  });

  // Paraphrases the hand-written frames miss, from the error lists of writers they were never tuned
  // on (evals/reader-experiment), picked where a reader fitted without that writer caught them too.
  const paraphrases: Array<[source: string, CheckId, Mode, text: string, quote: string]> = [
    [
      'drafts-holdout.jsonl h068',
      'names_stretch_work',
      'manager',
      "We're going to need a fire marshal for the second floor when Dev leaves and I'd like it to be you. I'd also like you to chair the H&S committee from January.",
      "I'd also like you to chair the H&S committee from January.",
    ],
    [
      'drafts-holdout.jsonl h086',
      'clarifies_expectations',
      'manager',
      'At the next level, analysts generally own a client relationship end to end and mentor a junior.',
      'At the next level, analysts generally own a client relationship end to end and mentor a junior.',
    ],
    [
      'drafts-holdout.jsonl h092',
      'offers_help',
      'employee',
      "What would make the biggest difference for you this month? Genuinely asking, I've got a bit more headroom now the audit's done.",
      'What would make the biggest difference for you this month?',
    ],
    [
      'drafts-holdout-3.jsonl h3-037',
      'links_goal_to_needs',
      'employee',
      'want to get into SRE longer term \u2014 could I take the incident postmortem write-ups off your plate? good practice for me and saves you a job',
      'good practice for me and saves you a job',
    ],
    [
      'drafts-holdout-3.jsonl h3-133',
      'asks_about_goals',
      'manager',
      "When you think about the next couple of years, what would make you feel you'd moved forward?",
      "When you think about the next couple of years, what would make you feel you'd moved forward?",
    ],
    [
      'turns/turns-writer-a.jsonl a002',
      'asks_for_feedback',
      'employee',
      'quick one marcus - from where your standing, what would you want me doing different on shift? be honest i can take it',
      'quick one marcus - from where your standing, what would you want me doing different on shift?',
    ],
    [
      'turns/turns-writer-a.jsonl a041',
      'asks_what_it_takes',
      'employee',
      'yes i am happy, but actually for me the next step i am thinking is to become producer for the digital projects, not only print. what i need to show you for this?',
      'what i need to show you for this?',
    ],
    [
      'turns/turns-writer-b.jsonl b064',
      'offers_partnership',
      'manager',
      "deal: you lead the rebuild from next quarter, and I'll get you the committee presentation slot in June and write your L6 case off the back of it. check in every fortnight on how it's going?",
      "deal: you lead the rebuild from next quarter, and I'll get you the committee presentation slot in June and write your L6 case off the back of it.",
    ],
    [
      'turns/turns-writer-b.jsonl b070',
      'proposes_follow_up',
      'manager',
      "first draft end of month? then let's put 30 min every other Thursday to go through it and the principal case. and thanks for being straight with me about the lead thing, genuinely",
      "then let's put 30 min every other Thursday to go through it and the principal case.",
    ],
  ];
  it.each(paraphrases)('%s: %s (%s), which the frames alone miss', (_source, id, mode, text, quote) => {
    expect(present(text, mode, null)).not.toContain(id);
    expect(analyze(text, mode).checks[id]).toEqual({ present: true, evidence: [quote], learned: true });
  });

  it('keeps the frames’ findings and their quotes where they found the check', () => {
    const text = "Is there anything on your plate I could take off it this sprint? I'd like to lead the Q3 migration.";
    const frames = analyze(text, 'employee', undefined, null).checks;
    const both = analyze(text, 'employee').checks;
    for (const [id, f] of Object.entries(frames)) if (f?.present) expect(both[id as CheckId]).toEqual(f);
  });

  it('adds nothing to a text shorter than any it learned from, where one word would decide', () => {
    const k = SHIPPED_READER.modes.employee.checks.indexOf('commits_to_task');
    for (const text of ['Yes.', 'yep']) {
      expect(checkProbabilities(SHIPPED_READER, 'employee', text)[k]).toBeGreaterThan(SHIPPED_READER.modes.employee.threshold[k]!);
      expect(present(text, 'employee')).toEqual([]);
    }
  });

  it('leaves negation, blame and refusal to the frames', () => {
    // Counterexamples of test/analyzer.test.ts that a reader of pitfalls got wrong.
    expect(present("I'm not writing off the idea just yet.", 'employee')).not.toContain('refuses_work');
    expect(present('The release slipped because the API contract changed last week.', 'employee')).not.toContain('blames_others');
    expect(present('You told me you want to stay technical, so I have kept you on the platform work.', 'manager')).not.toContain('assumes_goal');
    expect(present('I wish the senior team had more time for us.', 'employee')).not.toContain('states_goal');
  });
});

describe('a turn read with the learned reader', () => {
  it('credits no move on small talk or asking after the other person', () => {
    for (const text of ['How was your weekend?', 'How are you doing?']) {
      const k = SHIPPED_READER.modes.employee.checks.indexOf('asks_for_feedback');
      expect(checkProbabilities(SHIPPED_READER, 'employee', text)[k]).toBeGreaterThan(SHIPPED_READER.modes.employee.threshold[k]!);
      expect(readTurnOffline(text, 'employee', undefined, 1).checks).toEqual([]);
    }
  });

  it('gives grudging agreement no credit, whatever the reader says', () => {
    const reading = readTurnOffline('oh great, more documentation. fine, ill take the runbook', 'employee', 'Could you take the runbook?', 2);
    expect(reading.acts).toContain('grudging');
    expect(reading.checks.map((c) => c.id)).not.toContain('commits_to_task');
  });
});
