import { describe, expect, it } from 'vitest';
import { findWhen, resolveWhen } from '../src/coach/loop/due-dates.js';
import { ENTRY_CUE_EXAMPLES } from '../src/coach/loop/entry-cue-examples.js';
import { cuePattern, ENTRY_CUES, type EntryCueId } from '../src/coach/loop/entry-cues.js';
import { readEntryOffline, type EntryInput } from '../src/coach/loop/read-entry.js';
import { splitSpeakers } from '../src/coach/loop/speakers.js';
import { verifyEntryReading } from '../src/coach/loop/verify-entry-reading.js';

// Tuesday 3 November 2026, 15:00 UTC.
const AT = Date.parse('2026-11-03T15:00:00Z');
const read = (text: string, over: Partial<EntryInput> = {}) =>
  readEntryOffline({ text, kind: 'one-on-one', at: AT, relation: 'manager', name: 'Helen Park', ...over });
const checkIds = (r: ReturnType<typeof read>) => r.checks.map((c) => c.id).sort();

describe('due dates', () => {
  it.each([
    ['by Friday', '2026-11-06'],
    ['tomorrow', '2026-11-04'],
    ['the day after tomorrow', '2026-11-05'],
    ['next week', '2026-11-13'],
    ['by next week', '2026-11-09'],
    ['end of month', '2026-11-30'],
    ['by the end of the week', '2026-11-06'],
    ['in two weeks', '2026-11-17'],
    ['in 3 days', '2026-11-06'],
    ['by the 15th', '2026-11-15'],
    ['by the 2nd', '2026-12-02'],
    ['on Monday', '2026-11-09'],
    ['next Friday', '2026-11-13'],
    ['by 20 November', '2026-11-20'],
    ['Dec 1st', '2026-12-01'],
    ['end of quarter', '2026-12-31'],
    ['EOD', '2026-11-03'],
    ['by 12', '2026-11-03'],
    ['w/c 16th', '2026-11-16'],
    ['week of the 16th', '2026-11-20'],
    ['by thurs 26th', '2026-11-26'],
    ['by mon (9th)', '2026-11-09'],
    ['end of next week', '2026-11-13'],
    ['next wk', '2026-11-13'],
    ['Friday next week', '2026-11-13'],
    ['in a fortnight', '2026-11-17'],
    ['first week of December', '2026-12-04'],
    ['before xmas', '2026-12-24'],
    ['by 13/11', '2026-11-13'],
    ['by 12/2', '2026-12-02'],
    ['by weds', '2026-11-04'],
  ])('resolves "%s" against the entry to %s', (phrase, date) => {
    const found = findWhen(`I'll send it ${phrase}.`);
    expect(found.map((f) => f.phrase.toLowerCase())).toEqual([phrase.toLowerCase()]);
    expect(resolveWhen(found[0]?.phrase ?? '', AT)).toBe(date);
  });

  it('finds event phrases but resolves them to no date, and reads no date into ordinary words', () => {
    expect(findWhen('I will have it ready before the offsite.').map((f) => f.phrase)).toEqual(['before the offsite']);
    expect(resolveWhen('before the offsite', AT)).toBeNull();
    expect(resolveWhen('after the launch', AT)).toBeNull();
    expect(findWhen('May I ask what matters most? It was a sunny day.')).toEqual([]);
    // A weekday said on that weekday is the next one, a week on.
    expect(resolveWhen('by Tuesday', AT)).toBe('2026-11-10');
    // A 31st the month does not have is no date.
    expect(resolveWhen('on the 31st', AT)).toBeNull();
    // An ordinal alone is a date at the end of its clause, not before a noun.
    expect(findWhen('doing the sat overtime 21st').map((f) => f.phrase)).toEqual(['21st']);
    expect(findWhen('the 3rd time she moved it, and a 1st catch-up')).toEqual([]);
    expect(findWhen('cut waste by 5% and call the caution team today').map((f) => f.phrase)).toEqual(['today']);
  });
});

describe('entry cues', () => {
  for (const id of Object.keys(ENTRY_CUES) as EntryCueId[]) {
    it(`${id} matches its examples and none of its counterexamples`, () => {
      const pattern = cuePattern(id, ['helen park', 'helen']);
      for (const e of ENTRY_CUE_EXAMPLES[id].examples) expect(pattern.test(e), e).toBe(true);
      for (const e of ENTRY_CUE_EXAMPLES[id].counterexamples) expect(pattern.test(e), e).toBe(false);
    });
  }
});

describe('who said what', () => {
  const speakers = (text: string, kind: EntryInput['kind'] = 'one-on-one') =>
    splitSpeakers(text, kind, 'Helen Park').map((s) => [s.speaker, text.slice(s.start, s.end)]);

  it('reads labelled notes by their labels, initials and continuation lines included', () => {
    const text = "Me: How can I help this month?\nH: The audit.\nIt's eating my week.\nMe: I'll take the evidence.";
    expect(speakers(text)).toEqual([
      ['me', 'How can I help this month?'],
      ['them', 'The audit.'],
      ['them', "It's eating my week."],
      ['me', "I'll take the evidence."],
    ]);
  });

  it('reads narration sentence by sentence, and a question the user asked as theirs', () => {
    const text = 'Had our 1:1. I asked how she sees my work. She said my docs are strong. Offered to run the retro.';
    expect(speakers(text)).toEqual([
      ['none', 'Had our 1:1.'],
      ['me', 'I asked how she sees my work.'],
      ['them', 'She said my docs are strong.'],
      ['me', 'Offered to run the retro.'],
    ]);
  });

  it('reads action items, topic labels, a pasted reply and a two-person transcript', () => {
    expect(speakers('- me -> redo the shift plan by mon\n- him -> chase the supplier\n- fb: said my status reports are clearer')).toEqual([
      ['me', 'redo the shift plan by mon'],
      ['them', 'chase the supplier'],
      ['them', 'said my status reports are clearer'],
    ]);
    const reply = "Hi Helen, happy to draft the FAQ.\n\nHelen's reply:\nYes please, by Friday.";
    expect(speakers(reply, 'message')).toEqual([
      ['me', 'Hi Helen, happy to draft the FAQ.'],
      ['them', 'Yes please, by Friday.'],
    ]);
    const chat = 'Sam: the draft is up\nHelen: looks good. can you send it to legal?\nSam: on it';
    expect(speakers(chat, 'message').map(([who]) => who)).toEqual(['me', 'them', 'them', 'me']);
  });

  it('reads a message as the user’s words, but what it reports of the other person', () => {
    const text = 'You mentioned the vendor review is slipping — I can pick that up.';
    expect(speakers(text, 'message')).toEqual([
      ['me', text],
      ['them', 'You mentioned the vendor review is slipping'],
    ]);
  });
});

describe('the offline entry reader', () => {
  it("credits the user's own moves with verbatim quotes, never the other person's words", () => {
    const text =
      "Me: What's the most useful thing I could take off your plate this month?\n" +
      'Helen: Honestly the audit. I need someone to own the evidence collection. Could you also take the release notes?\n' +
      "Me: Sure, I'll take the release notes by Friday.\n" +
      "Me: I'd like to be promoted to senior next cycle. What would you need to see from me?";
    const r = read(text);
    expect(checkIds(r)).toEqual(expect.arrayContaining(['offers_help', 'commits_to_task', 'states_goal', 'asks_what_it_takes']));
    for (const check of r.checks) {
      for (const q of check.evidence) {
        expect(text).toContain(q);
        // Helen's line asks for help; none of her words is evidence of the user's moves.
        expect(q).not.toMatch(/evidence collection|Could you also/);
      }
    }
  });

  it("finds the other person's needs in their words, and feedback apart from them", () => {
    const text =
      'Me: How can I help?\nHelen: I need someone to own the evidence collection. The vendor review is slipping too.\n' +
      'Helen: Great work on the incident review, by the way.';
    const r = read(text);
    expect(r.needs).toEqual(['I need someone to own the evidence collection', 'The vendor review is slipping too']);
    expect(r.feedback).toEqual(['Great work on the incident review, by the way']);
    for (const q of [...r.needs, ...r.feedback]) expect(text).toContain(q);
  });

  it('reads narrated feedback about the user as feedback, not as a need of theirs', () => {
    const r = read('She said my design docs are strong but I need to be more visible in planning.');
    expect(r.needs).toEqual([]);
    expect(r.feedback).toEqual(['my design docs are strong but I need to be more visible in planning']);
  });

  it('finds commitments on both sides with their due dates resolved against the entry', () => {
    const text = [
      "Helen: Could you own the evidence collection? I'll intro you to the VP next week.",
      "Me: Sure, I'll take it, first pass by Friday.",
      "Me: And I'll send the risk log before the offsite.",
    ].join('\n');
    const r = read(text);
    expect(r.commitments.map(({ text: t, owner, due, when }) => ({ t, owner, due, when }))).toEqual([
      { t: 'intro you to the VP', owner: 'them', due: '2026-11-13', when: 'next week' },
      { t: 'own the evidence collection', owner: 'me', due: '2026-11-06', when: 'by Friday' },
      { t: 'send the risk log', owner: 'me', due: null, when: 'before the offsite' },
    ]);
    expect(r.commitments.map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
    expect(r.commitments.every((c) => c.status === 'open')).toBe(true);
  });

  it('reads commitments in bullet notes: the user’s and the other person’s', () => {
    const r = read("- I offered to take the evidence collection, by the 15th\n- She'll review my promotion doc in two weeks");
    expect(r.commitments.map((c) => [c.owner, c.text, c.due])).toEqual([
      ['me', 'take the evidence collection', '2026-11-15'],
      ['them', 'review my promotion doc', '2026-11-17'],
    ]);
    expect(checkIds(r)).toContain('offers_help');
  });

  it('says whether the other person engaged with the goal: yes, no, or it did not come up', () => {
    const engaged = read("Me: I want to lead the platform migration.\nHelen: Good goal. Here's what you'd need to show: a design doc and a pilot.");
    const deflected = read("Me: I'd like to talk about the staff engineer role.\nHelen: Let's revisit after the audit.");
    const ignored = read('Me: I want to be promoted to senior this cycle.\nHelen: Sure. Anyway, the audit.');
    const narratedNo = read('- Delivered the evidence pack\n- Raised the staff promotion; she changed the subject');
    const notRaised = read("Me: How can I help?\nHelen: The audit. I need the evidence by Friday.\nMe: I'll do it.");
    const unanswered = read("Hi Helen, I'd like to be promoted to senior next cycle. What would you need to see from me?", { kind: 'message' });
    const askedByThem = read('Helen: What do you want to be doing in a year, career-wise?\nMe: Leading a team.');
    expect([engaged, deflected, ignored, narratedNo, notRaised, unanswered, askedByThem].map((r) => r.goalEngaged)).toEqual([
      true,
      false,
      false,
      false,
      null,
      null,
      true,
    ]);
  });

  it('reads other ways of taking notes: Q/A labels, quoted lines, shorthand bullets, prose', () => {
    const qa = read('Q: what keeps you up at night?\nA: hiring. we need two more backend engineers before Jan.\nQ: could I help run the interview loops?');
    expect(qa.needs).toEqual(['we need two more backend engineers before Jan']);
    expect(checkIds(qa)).toContain('offers_help');
    expect(qa.goalEngaged).toBeNull();

    const quoted = read('Helen: "we need to cut scope on the billing project"\nme: "ok I\'ll draft options by tmrw"');
    expect(quoted.needs).toEqual(['we need to cut scope on the billing project']);
    expect(quoted.commitments.map((c) => [c.owner, c.text, c.due])).toEqual([['me', 'draft options', '2026-11-04']]);

    const bullets = read(
      "1:1 w/ Helen\n- she's slammed w/ the SOC2 audit, needs someone to own evidence collection\n- I said I'd take it, draft by Fri\n" +
        '- asked about promo to senior — she said "not this cycle, maybe after Q1"',
      { kind: 'note' },
    );
    expect(bullets.needs).toEqual(["she's slammed w/ the SOC2 audit, needs someone to own evidence collection"]);
    expect(bullets.commitments.map((c) => [c.owner, c.text, c.due])).toEqual([['me', 'own evidence collection', '2026-11-06']]);
    expect(bullets.goalEngaged).toBe(false);

    const prose = read(
      "Quick sync today. When I brought up wanting to lead the next project she got excited and said she'd put my name forward at the planning meeting.",
    );
    expect(prose.goalEngaged).toBe(true);
    expect(prose.commitments.map((c) => [c.owner, c.text])).toEqual([['them', 'put my name forward at the planning meeting']]);
  });

  it('reads needs and feedback however the note puts them: no subject, worry, pressure from above, a quoted judgement', () => {
    const r = read(
      '- needs the stock count signed off by fri\n- worried re the night cover\n- the board have asked her to cut costs\n' +
        "- said my rota is 'spot on'\n- also said a customer emailed to say I'd been very patient",
      { kind: 'note' },
    );
    expect(r.needs).toEqual(['needs the stock count signed off by fri', 'worried re the night cover', 'the board have asked her to cut costs']);
    expect(r.feedback).toEqual(["my rota is 'spot on", "a customer emailed to say I'd been very patient"]);
  });

  it('reads commitments from action items, requests taken up, offers accepted or declined, and tasks handed over', () => {
    const notes = read('- me: memos, buddy the new starter, 30th\n- him: order the hangers\n- needs the audit by the 15th -> me, will do', { kind: 'note' });
    expect(notes.commitments.map((c) => [c.owner, c.text, c.due])).toEqual([
      ['me', 'memos', null],
      ['me', 'buddy the new starter', '2026-11-30'],
      ['them', 'order the hangers', null],
      ['me', 'the audit', '2026-11-15'],
    ]);
    const prose = read(
      "She asked me to draft the tender letter, which I said I'd get to her by Thursday. She offered to pay for the course but I said no. " +
        'She needs me to cover the Saturday shift. I said yes.',
    );
    expect(prose.commitments.map((c) => [c.owner, c.text, c.due])).toEqual([
      ['me', 'draft the tender letter', '2026-11-05'],
      // The day named in the task is its date.
      ['me', 'cover the shift', '2026-11-07'],
    ]);
    const message = read("Happy to draft the FAQ if that helps.\n\nHelen's reply:\nYes please, ideally by Friday.", { kind: 'message' });
    expect(message.commitments.map((c) => [c.owner, c.text, c.due])).toEqual([['me', 'draft the FAQ if that helps', '2026-11-06']]);
  });

  it('tells a goal raised and put off from one engaged with, and one only meant to be raised', () => {
    const put = read("- asked about the supervisor course again. she said 'after the busy season' and moved on", { kind: 'note' });
    const engaged = read("- asked what it would take to get to senior. she said lead a project end to end, and she'll put my name forward");
    const meant = read("Meant to ask about the supervisor course but didn't get to it. She needs the rota by Friday.");
    const replied = read("Hi Helen, any news on the team lead role?\n\nHelen's reply:\nLet's park that until the new year.", { kind: 'message' });
    expect([put, engaged, meant, replied].map((r) => r.goalEngaged)).toEqual([false, true, null, false]);
  });

  it('is deterministic and labels itself as the analyzer', () => {
    const text = "Me: How can I help?\nHelen: The audit. I need the evidence by Friday.\nMe: I'll do it.";
    expect(read(text)).toEqual(read(text));
    expect(read(text).source).toBe('analyzer');
  });
});

describe("a model's entry reading, verified", () => {
  const input: EntryInput = {
    text: "Me: How can I help this month?\nHelen: I need someone to own the evidence collection.\nMe: I'll own it, by Friday.",
    kind: 'one-on-one',
    at: AT,
    relation: 'manager',
    name: 'Helen Park',
  };

  it('keeps only quotes in the text, never the other person’s words as the user’s, and resolves dates by code', () => {
    const verified = verifyEntryReading(
      {
        checks: [
          { id: 'offers_help', evidence: ['How can I help this month?', 'I asked how to help (paraphrase)'] },
          // Helen's words: not evidence of the user's commitment.
          { id: 'commits_to_task', evidence: ['I need someone to own the evidence collection.'] },
          // A manager-mode check in employee mode: dropped.
          { id: 'asks_about_goals', evidence: ['How can I help this month?'] },
        ],
        needs: ['i need someone to own the evidence collection', 'the budget is tight'],
        commitments: [
          { text: 'own the evidence collection', owner: 'me', when: 'by Friday', due: '2027-01-01' },
          { text: 'send the deck', owner: 'me', when: null, due: 'not a date' },
        ],
        feedback: [],
        goalEngaged: null,
      },
      input,
    );
    expect(verified.checks).toEqual([{ id: 'offers_help', evidence: ['How can I help this month?'] }]);
    expect(verified.needs).toEqual(['I need someone to own the evidence collection']);
    expect(verified.commitments.map((c) => [c.id, c.due, c.when])).toEqual([
      ['c1', '2026-11-06', 'by Friday'],
      ['c2', null, null],
    ]);
    expect(verified.source).toBe('model');
    expect(verified.quotesDropped).toBe(3);
  });
});
