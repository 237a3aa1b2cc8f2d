/** What the end of a turn asks for, and the offline persona answering it first, in conversation context. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { ASK_CUE_EXAMPLES } from '../src/coach/reading/ask-cue-examples.js';
import type { AskCueId } from '../src/coach/reading/ask-cues.js';
import { closedAnswer } from '../src/coach/reading/closed-answer.js';
import { closingAsk, earlierAsk, lastQuestionOf, offeredPick, reflect, showsAskCue } from '../src/coach/reading/closing-ask.js';
import { openQuestionOf } from '../src/coach/reading/open-question.js';
import { PERSONAS, pushbackLines } from '../src/coach/scenarios/index.js';
import { MAX_SENTENCES } from '../src/coach/roleplay/offline-persona.js';
import { directionFor } from '../src/coach/roleplay/direction.js';
import { getBrief, getPersona, type PersonaId } from '../src/coach/scenarios/index.js';
import type { Db } from '../src/db/client.js';
import { newGuest } from './support/api.js';
import { createTestDb, testDeps } from './support/test-deps.js';

let db: Db;
let cleanup: () => void;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterAll(() => cleanup());

describe('ask cues (vocabulary as data)', () => {
  for (const [id, cue] of Object.entries(ASK_CUE_EXAMPLES)) {
    it(`${id}: matches every example, and no counterexample`, () => {
      for (const example of cue.examples) expect(showsAskCue(example, id as AskCueId), example).toBe(true);
      for (const counter of cue.counterexamples) expect(showsAskCue(counter, id as AskCueId), counter).toBe(false);
    });
  }
});

describe('closingAsk', () => {
  it('takes the time the turn ends on, in the user words seen from the other side', () => {
    expect(closingAsk("I'll have the draft by Thursday. Can we grab five minutes on Thursday after handover?")).toEqual({
      kind: 'when',
      when: 'Thursday after handover',
    });
    expect(closingAsk("Let's set it: Monday the 24th, thirty minutes. Deal? Safe drive back.")).toEqual({ kind: 'when', when: 'Monday the 24th' });
    expect(closingAsk('First one Monday then. Thanks Helen.')).toEqual({ kind: 'when', when: 'Monday' });
    expect(reflect('your morning')).toBe('my morning');
  });

  it('reads chat shorthand, and a sentence opening with a modal but no one after it as no question', () => {
    // Round 21's p02: "Haven't a clue, sorry. I'll find out once I'm off the phone." (rated no).
    expect(closingAsk('cd i do a pre-inspection walk-round of all bays, report to u? would help u + me')).toEqual({
      kind: 'closed',
      answer: 'You can do a pre-inspection walk-round of all bays.',
    });
    expect(lastQuestionOf('Could I take the rota? Would help us both.')).toBe('Could I take the rota?');
    expect(lastQuestionOf('Should be fine by Friday.')).toBeUndefined();
  });

  it('answers the last question, not a time said earlier in passing', () => {
    expect(closingAsk("So Friday then. And what would make you say I'd done a good job with it?")).not.toMatchObject({ kind: 'when' });
    expect(closingAsk('I triage the backlog and quarantine the worst tests. Sound right?')).toEqual({ kind: 'check' });
  });

  it('places a question about the other person by what it asks about; a closed one or a practical request gets its plain answer', () => {
    expect(closingAsk("What's head office going to grill you about at eleven?")).toEqual({ kind: 'about', topic: 'focus' });
    expect(closingAsk('Which numbers are you watching most?')).toEqual({ kind: 'about', topic: 'numbers' });
    expect(closingAsk('Who else should I talk to about the migration?')).toEqual({ kind: 'about', topic: 'people' });
    expect(closingAsk('Is this a bad time, should we reschedule?')).toEqual({ kind: 'about', topic: 'diary' });
    expect(closingAsk('Do you want the deal on the labour budget?')).toEqual({ kind: 'closed', answer: 'I want the deal on the labour budget.' });
    expect(closingAsk('Will you send the note to the store managers?')).toEqual({ kind: 'closed', answer: "Yes, I'll send the note to the store managers." });
    expect(closingAsk('Could you forward me the last two reports you sent?')).toEqual({
      kind: 'closed',
      answer: "Yes, I'll forward you the last two reports I sent.",
    });
    // Whether to grant a promotion, or to tell something, is not answered with a yes in the asker's words.
    expect(closingAsk('Will you put me forward for the senior role?')).toBeUndefined();
    expect(closingAsk('Can you tell me which stores?')).toBeUndefined();
    expect(closingAsk('I want to be promoted next year.')).toBeUndefined();
  });
});

describe('earlierAsk', () => {
  it('finds the question before the last one when it has a plain answer, and splits two questions joined by ", and"', () => {
    expect(earlierAsk('Do I need a login with rota permissions, or can you sort that? And where is the paper version, is it that ring binder?')).toEqual({
      ask: { kind: 'closed', answer: 'You need a login with rota permissions.' },
      question: 'Do I need a login with rota permissions, or can you sort that?',
    });
    expect(earlierAsk("When is that happening, and what's the hardest part of it for you right now?")?.ask).toEqual({
      kind: 'open',
      open: { form: 'date', echo: 'When is that happening?' },
    });
    expect(closingAsk('How many tickets exactly, and do I have authority to close the duplicates?')).toEqual({
      kind: 'closed',
      answer: 'You have authority to close the duplicates.',
    });
    expect(earlierAsk('Where is the paper, in your office in the blue folder? And are the night requests in there too?')?.ask).toEqual({
      kind: 'open',
      open: { form: 'fragment', echo: 'in my office in the blue folder' },
    });
  });

  it('reads how long a task takes, a name offered as the answer, a promise to answer by a date, and "sound alright?"', () => {
    expect(closingAsk('How long does it eat up for you every month?')).toEqual({
      kind: 'open',
      open: { form: 'duration', echo: 'How long does it eat up?' },
    });
    expect(closingAsk('How long should the write-up be?')).not.toMatchObject({ open: { form: 'duration' } });
    expect(closingAsk('Is there anyone I should talk to first? Maybe Daniel, since he did the tier model?')).toEqual({
      kind: 'open',
      open: { form: 'fragment', echo: 'Daniel' },
    });
    expect(closingAsk('Can you tell me by Wednesday?')).toEqual({ kind: 'closed', answer: "Yes, I'll tell you by Wednesday." });
    expect(closingAsk('Can you tell me what you need?')).toBeUndefined();
    expect(closingAsk("Let's check in properly two weeks after they start, half an hour, same room. Sound alright?")).toMatchObject({ kind: 'when' });
  });

  it('agrees a time offered with "does that suit you?", "fancy a check-in, say…?" or after "when would suit you?"', () => {
    expect(closingAsk('Then let us meet next Tuesday at eight, before opening. After that, every fortnight. Does that suit you?')).toEqual({
      kind: 'when',
      when: 'next Tuesday',
    });
    expect(closingAsk("Fancy a quick check-in halfway, say Wednesday the 17th, so you're not hearing about it on the 24th?")).toEqual({
      kind: 'when',
      when: 'Wednesday the 17th',
    });
    expect(closingAsk('When would suit you to look it over? I was thinking Friday morning, after the bed meeting.')).toEqual({
      kind: 'when',
      when: 'Friday morning',
    });
    expect(closingAsk('Seriously though, is the 17th alright for ten minutes? I can bring you a salad. Half nine?')).toEqual({
      kind: 'when',
      when: 'the 17th',
    });
    expect(closingAsk('Shall we check in after the finance review? Perhaps the Thursday after, at ten?')).toMatchObject({ kind: 'when' });
    expect(closingAsk("Let's sit down again in a fortnight, say Wednesday the 20th, before your shift. And get that application in!")).toEqual({
      kind: 'when',
      when: 'Wednesday the 20th',
    });
    expect(closingAsk("Tests by the 28th, and I'll stick a half hour in for the 15th, you can move it. Sound?")).toEqual({ kind: 'when', when: 'the 15th' });
    expect(closingAsk("Then 20 mins Thursday before you fly, and I'll send you a summary Sunday night. Works?")).toEqual({ kind: 'when', when: 'Thursday' });
    expect(closingAsk('How about next Wednesday at 2, upstairs in the office with a brew? Forty-five minutes.')).toMatchObject({ kind: 'when' });
    expect(closingAsk("The one-month sit-down, then. Tuesday 3rd of next month, 3 o'clock?")).toMatchObject({ kind: 'when' });
    expect(closingAsk('I would suggest we meet again on Thursday the 27th. Does that date suit you?')).toEqual({ kind: 'when', when: 'Thursday the 27th' });
    // A plan after a question that is not about when is no time to agree.
    expect(closingAsk('Should I just guess from the epics, or go ask people? I was thinking I could grab Ben tomorrow.')).toMatchObject({ kind: 'closed' });
    expect(closedAnswer('Sorry, can I just check, is it okay for me to go ahead with the monitoring?')).toBe(
      "It's okay for you to go ahead with the monitoring.",
    );
    expect(closingAsk('What is weighing on you most at the moment, with the review ten days away?')).not.toMatchObject({ kind: 'open' });
  });

  it('names the options offered to pick from, listed after the question or given in passing, never a question or a time', () => {
    expect(offeredPick("I meant: what's she going to be looking for? Cost, risk, the SCA deadline? I'd rather know.")).toEqual({ form: 'pick', echo: 'Cost' });
    expect(offeredPick('For the inspection: is there an area, such as documentation or the drug checks, that worries you most?')).toEqual({
      form: 'pick',
      echo: 'Documentation',
    });
    expect(offeredPick("What's soon to you? Next year? Two years?")).toBeUndefined();
    expect(offeredPick("How's the merger going? Like, are you keeping both teams, or merging them?")).toBeUndefined();
    // Round 22's r02 and r05: "And which bucket hurts most, mainly." / "And is there a target, mainly."
    expect(offeredPick('whats the count now vs target? and which bucket hurts most, payouts, webhooks, something else?')).toEqual({
      form: 'pick',
      echo: 'Payouts',
    });
    expect(offeredPick('still need a number tho. 10 retainers? 30? and is there a target, like unbilled hrs under x%?')).toBeUndefined();
  });

  it('finds none for one question, a question elaborated by options or fragments, a tag, or a clause that is no question', () => {
    expect(earlierAsk('Can you send me the rota by Friday?')).toBeUndefined();
    expect(earlierAsk("What's soon to you? Six months? A year? And does it have to be Glasgow, or would you move?")).toBeUndefined();
    expect(earlierAsk('What are you most worried about for it? Is it documentation or the staffing?')).toBeUndefined();
    expect(earlierAsk('When are the inspectors due, do we know? And does the plan work for you?')?.ask).toEqual({
      kind: 'open',
      open: { form: 'date', echo: 'When are the inspectors due?' },
    });
    // A subordinate "when" after ", and" is no second question.
    expect(closingAsk('Every producer does it from memory, and when something gets missed we eat the hours.')).toBeUndefined();
  });
});

describe('openQuestionOf', () => {
  it('names a practical question in the asker words, seen from the other side', () => {
    expect(openQuestionOf('how many tests are we talking, ballpark?')).toEqual({ form: 'count', echo: 'How many tests are we talking?' });
    expect(openQuestionOf('How many weeks exactly, and where are the paper ones?')?.form).toBe('count');
    expect(openQuestionOf('where are the paper ones?')).toEqual({ form: 'where', echo: 'Where are the paper ones?' });
    expect(openQuestionOf('What dates are the interviews?')).toEqual({ form: 'date', echo: 'What dates are the interviews?' });
    expect(openQuestionOf('and the course, do you know when it actually starts, like January?')?.form).toBe('date');
    expect(openQuestionOf('did i miss anything?')?.form).toBe('anything');
    expect(openQuestionOf('Anything you want to change in that?')?.form).toBe('anything');
    expect(openQuestionOf('When should we meet again?')?.form).toBe('meet');
    expect(openQuestionOf('In your office?')).toEqual({ form: 'fragment', echo: 'in my office' });
    expect(openQuestionOf('the CSAT?')).toEqual({ form: 'fragment', echo: 'the CSAT' });
    expect(openQuestionOf("and how many are on the list btw? idk if it's like 20 or 200 lol")).toEqual({ form: 'count', echo: 'How many are on the list?' });
    expect(openQuestionOf('What margin are the partners expecting on a project like that?')?.form).toBe('count');
  });

  it('leaves alone questions about the person, offers, and anything the brief answers', () => {
    for (const q of [
      'where are you stretched now?',
      'Where would you start if it were your store?',
      'anything else you want off your plate while you have got me?',
      'How much do you care about this?',
      'If I find clashes on a night, should I message you?',
      'Thoughts?',
      'What would you need to lead it?',
      'when the coordinator is off, what do you want me to do?',
    ])
      expect(openQuestionOf(q), q).toBeUndefined();
  });

  it('reads a question without its question mark, the time asked about in the clause of its "when", and options listed after a question', () => {
    expect(closingAsk('oh thats nice, thank u. but seriously when is the inspection, bc if its like next month i need to move faster than 3 months')).toEqual({
      kind: 'open',
      open: { form: 'date', echo: 'When is the inspection?' },
    });
    expect(closingAsk('When do you want me to report back to you — end of next week?')).toEqual({ kind: 'when', when: 'end of next week' });
    expect(closingAsk('The training — what was it about that you liked? Explaining stuff, seeing them get it, being trusted with it?')).toEqual({
      kind: 'open',
      open: { form: 'pick', echo: 'Explaining stuff' },
    });
    expect(closingAsk('Can we meet again? Tuesday or Thursday?')).toEqual({ kind: 'when', when: 'Tuesday' });
    expect(closingAsk('We merged the last PR on Tuesday, and the alerts went from 15 a week to zero since then.')).toBeUndefined();
    expect(closingAsk('shared gdoc or confluence page, which do you prefer to edit in?')).toEqual({ kind: 'closed', answer: 'Shared gdoc.' });
    expect(closingAsk('for estimates do you want t-shirt sizes or actual eng-weeks?')).toEqual({ kind: 'closed', answer: 'I want t-shirt sizes.' });
  });

  it('names a question asked again after a dodge, from its last question word, cut where its object ends', () => {
    expect(closingAsk("Understood, but that's not what I asked. Which stores?")).toEqual({ kind: 'open', open: { form: 'reasked', echo: 'Which stores?' } });
    expect(closingAsk('Sorry, I think we lost each other, I was asking about Halden. What margin are the partners expecting on a project like that?')).toEqual({
      kind: 'open',
      open: { form: 'reasked', echo: 'What margin are the partners expecting?' },
    });
    expect(closingAsk("You've dodged me twice now! When you're running the shop on my days off, what's the part where you feel at home?")).toEqual({
      kind: 'open',
      open: { form: 'reasked', echo: "What's the part where I feel at home?" },
    });
    // No dodge named: the same question is no re-ask; and "what would it take?" asked again is still answered with what it would take.
    expect(closingAsk('Which stores?')?.kind).not.toBe('open');
    expect(closingAsk("You didn't answer my question. What would it actually take?")).toEqual({ kind: 'counts', closed: false });
  });

  it('is what the turn ends on only when nothing nearer the end asks for a time or a plain yes', () => {
    expect(closingAsk('Shrink? Labour hours? How many stores are over target?')).toEqual({
      kind: 'open',
      open: { form: 'count', echo: 'How many stores are over target?' },
    });
    expect(closingAsk('so thats a yes? ill put us in for the thursday after the inspection, 20 mins')).toEqual({ kind: 'when', when: 'the thursday' });
    expect(closingAsk('Can we book twenty minutes next Thursday, after steering, to agree what it would mean for me?')).toEqual({
      kind: 'when',
      when: 'next Thursday',
    });
  });
});

describe('closedAnswer', () => {
  it('answers a yes/no or either/or question in the asker words, seen from the other side, taking the first option', () => {
    const cases: Array<[string, string]> = [
      [
        'If it runs three hours late at midnight, do I have your authority to roll back, or do I have to reach you in Lisbon?',
        'You have my authority to roll back.',
      ],
      ['So the 7th? Am I running that also, or are you there for that one?', "You're running that also."],
      ['Was that fun or was it a slog?', 'That was fun.'],
      ['Is it the scope, the numbers, or just them dithering?', "It's the scope."],
      ['I let the account lead talk. Is that what you see too?', "That's what I see too."],
      ['Do you think I should take it?', 'I think you should take it.'],
      ['Should I start with the training catch-up?', 'You should start with the training catch-up.'],
      ['Are these both Tier 1 positions?', "They're both Tier 1 positions."],
      ['Only one thing I need to know: copy exactly, or flag the gaps to you?', 'Copy exactly.'],
      ["'Broadly' is doing a lot of work :) Which bit is the not-yes - the SOW name or the cert?", 'The SOW name.'],
      ['Sorry, one last thing, I promise 😅 should I send the Friday summary over Slack or email?', 'You should send the Friday summary over Slack.'],
      ['Want me to pre-fill the Leeds one with the new format so you can see it before the meeting?', 'Yes, pre-fill the Leeds one.'],
      ['Only thing I need from you: do we tell Keystone?', 'We tell Keystone.'],
    ];
    for (const [question, answer] of cases) expect(closedAnswer(question), question).toBe(answer);
  });

  it('answers a question that expects a no ("is that too much of your time?") with a no, not a yes in the asker words', () => {
    // Round 23's s03: "That's too much of my time. Brilliant." (rated partly).
    expect(closedAnswer('Is that too much of your time?')).toBe("No, that's fine.");
    // Round 24's w11: "Sorry, is that too pushy?" -> "That's too pushy." (rated partly).
    expect(closedAnswer('Sorry, is that too pushy?')).toBe("No, that's fine.");
    expect(closedAnswer('Would that be a problem?')).toBe("No, that's fine.");
    expect(closingAsk('I could start Friday. Would that be a problem?')).toEqual({ kind: 'closed', answer: "No, that's fine." });
    expect(closedAnswer('Is that the right file?')).toBe("That's the right file.");
  });

  it('never grants a promotion or pay in a sentence, and leaves open questions and requests alone', () => {
    expect(closedAnswer('Am I on track for senior this cycle?')).toBeUndefined();
    expect(closedAnswer('Can I get a raise if this goes well?')).toBeUndefined();
    expect(closedAnswer('So, would that count towards Delivery Manager?')).toBeUndefined();
    expect(closedAnswer('What would it take?')).toBeUndefined();
    expect(closedAnswer('Will you send the note to the store managers?')).toBeUndefined();
    // Round 24's u06: "Yes, I'll need anything." A question about what would help is no favour to grant.
    expect(closingAsk('And would you need anything, like fewer on-call shifts while you write it?')).toBeUndefined();
    expect(closingAsk('Would you need anyone else on it?')).toBeUndefined();
    // Round 25's x03 and x09: "Me pick." "you" opening the chosen option is its subject.
    expect(closedAnswer('you pick or I pick?')).toBe('I pick.');
    // Round 25's z10: "It does timeline fit how I'm seeing the migration." The thing "that" points at stays named.
    expect(closedAnswer("Does that timeline fit how you're seeing the migration?")).toBe("Yes, that timeline does fit how I'm seeing the migration.");
    expect(closedAnswer('Would that plan work for the team?')).toBe('Yes, that plan would work for the team.');
    expect(closedAnswer('Does that really help?')).toBe('It does really help.');
    // Round 24's u03: "It would timeline suit me." A plan put to the persona is a check.
    expect(closingAsk('Would that timeline suit you?')).toEqual({ kind: 'check' });
  });
});

type App = ReturnType<typeof createApp>;
async function rehearse(app: App, personaId: PersonaId, scenarioId: string, difficulty = 'medium') {
  const { headers } = await newGuest(app);
  const res = await app.request('/api/sessions', { method: 'POST', headers, body: JSON.stringify({ scenarioId, personaId, difficulty }) });
  const session = (await res.json()) as { id: string };
  return async (text: string) => {
    const r = await app.request(`/api/sessions/${session.id}/messages`, { method: 'POST', headers, body: JSON.stringify({ text }) });
    expect(r.status, await r.clone().text()).toBe(200);
    return ((await r.json()) as { reply: { content: string } }).reply.content;
  };
}

/** Says each turn in order, reading each reply before the next; the replies, in order. */
async function sayAll(say: (text: string) => Promise<string>, turns: readonly string[]): Promise<string[]> {
  const replies: string[] = [];
  for (const turn of turns) replies.push(await say(turn));
  return replies;
}

const sentences = (text: string) => text.match(/[^.!?…]+(?:[.!?…]+["'’”)\]]*|$)/g)?.length ?? 0;
/** Whether a reply says one of a persona's lines. */
const saysOneOf = (lines: readonly string[], reply: string) => lines.some((line) => reply.includes(line));
/** Every pushback line of a persona, at every difficulty. */
const pushbacksOf = (id: PersonaId) => Object.values(getPersona(id).lines.pushback).flatMap((byTrigger) => Object.values(byTrigger).flat() as string[]);

describe('the offline persona answers the end of the turn first', () => {
  const app = () => createApp(testDeps(db, { env: { LOOP_COACH_RATE_LIMIT: '0' } }));

  it('agrees a proposed time in the user words, once, then goes on', async () => {
    const say = await rehearse(app(), 'overwhelmed', 'offer-help');
    const first = await say('Can we check in on Thursday after handover about the rota?');
    expect(first.startsWith('Thursday after handover')).toBe(true);
    expect(sentences(first)).toBeLessThanOrEqual(MAX_SENTENCES);
    const again = await say('Great, Thursday after handover then.');
    expect(again.startsWith('Thursday after handover')).toBe(false);
  });

  it('answers "sound right?" before anything else, and never agrees to sarcasm', async () => {
    const say = await rehearse(app(), 'supportive-busy', 'unglamorous-task');
    const reply = await say("I'll take the flaky-test backlog and have the worst ten fixed by the 14th. Does that sound right?");
    // A fact that move earned is the answer, said whole; else the short yes comes first.
    const facts = getBrief('supportive-busy', 'unglamorous-task').facts.map((f) => f.revealLine);
    if (!facts.some((line) => reply.startsWith(line)))
      expect(reply).toMatch(/^(?:The 14th|Yes, that works|Yes, fine by me|Yes, good|Yes, that's right|Yes, fair|That's right|Yes, more or less)/);
    const sarcastic = await rehearse(app(), 'supportive-busy', 'unglamorous-task');
    const grudging = await sarcastic('Oh great, more spreadsheets. I guess I can do it. Happy?');
    expect(getPersona('supportive-busy').lines.grudging).toContain(grudging);
  });

  it('answers a question about its own world from the brief, not with "I will find out"', async () => {
    const say = await rehearse(app(), 'skeptical', 'offer-help', 'hard');
    const reply = await say('Which numbers are you watching most closely across the region right now?');
    const answers = getBrief('skeptical', 'offer-help').answers;
    expect([...(answers?.numbers ?? []), ...getBrief('skeptical', 'offer-help').facts.map((f) => f.revealLine)]).toContain(reply);
    const people = await say('Who at head office decides on that?');
    expect(answers?.people).toContain(people);
  });

  it('answers both questions of a turn when its world speaks to both, in at most four sentences, and says neither line again', async () => {
    const say = await rehearse(app(), 'skeptical', 'offer-help');
    const answers = getBrief('skeptical', 'offer-help').answers;
    const reply = await say('Who at head office sets the agency targets? And which numbers are you watching most closely right now?');
    expect(saysOneOf(answers?.numbers ?? [], reply), reply).toBe(true);
    expect(reply).toContain('Workforce planning at head office set the targets.');
    expect(sentences(reply)).toBeLessThanOrEqual(MAX_SENTENCES);
    // A second question the persona's world has no line for gets no second line.
    const one = await say('What does the regional director make of it? And how many weeks until the rotas are due?');
    expect(one).not.toContain('Workforce planning');
    const again = await say('Sorry, who sets the agency targets at head office again?');
    expect(again).not.toContain('Workforce planning at head office set the targets.');
    // A model playing the persona is told to answer the other question too, with the same line as its gist.
    const direction = directionFor(
      [
        { kind: 'answer', topic: 'numbers', at: 0 },
        { kind: 'also', topic: 'people', at: 0 },
      ],
      'medium',
      { answers, turn: 1 },
    );
    expect(direction).toContain('They also asked about who is involved');
    expect(direction).toContain(answers?.people?.[0] ?? 'missing');
  });

  it('gives a guarded answer, never "I will find out", to a yes/no on the asker\'s standing that only the manager can answer', async () => {
    const say = await rehearse(app(), 'exploitative', 'performance-check');
    await say('Hi Derek, quick one about my work.');
    const reply = await say('And can I ask about the test lead role that came up? Would I be in the running?');
    expect(reply).not.toMatch(/find out|ask around|offhand/i);
    expect(reply).toMatch(/^(?:Honestly\? It depends|Not a straight yes yet)/);
    // A fact about someone else is still one to find out.
    const other = await say('Has the client told you when the renewal closes?');
    expect(other).not.toMatch(/^(?:Honestly\? It depends|Not a straight yes yet)/);
  });

  it('answers "what would it take?" with what this persona would want to see in this scene, not a stock line', async () => {
    const say = await rehearse(app(), 'skeptical', 'performance-check', 'hard');
    const reply = await say('What would you need to see from me before you would back me for a store manager role?');
    const brief = getBrief('skeptical', 'performance-check');
    expect([...(brief.answers?.requirements ?? []), ...brief.facts.map((f) => f.revealLine)].some((line) => reply.includes(line))).toBe(true);
  });

  it('answers a practical question from the line of its world that speaks to it, else names it and says when it will', async () => {
    const say = await rehearse(app(), 'exploitative', 'unglamorous-task');
    const known = await say('haha ok. um. how many tickets roughly? just want to know what im signing up for');
    const lines = Object.values(getBrief('exploitative', 'unglamorous-task').answers ?? {}).flat();
    expect(
      lines.some((line) => known.includes(line) && /ticket/i.test(line) && /hundred|\d/i.test(line)),
      known,
    ).toBe(true);
    const reply = await say('and how many desks are free on our floor, roughly?');
    expect(reply.startsWith('How many desks are free on our floor?'), reply).toBe(true);
    expect(sentences(reply)).toBeLessThanOrEqual(MAX_SENTENCES);
    const recap = await say('ok so: triage by friday, under 100 by end of month, check in next friday. did i miss anything?');
    expect(recap).toMatch(/^(?:No, that covers it|Nothing to add|No, that's everything)/);
  });

  it('takes up a concrete offer like a commitment, not as a question about what it needs', async () => {
    const say = await rehearse(app(), 'assumes-path', 'goal-alignment');
    const reply = await say('I could draft a sharper two-pager for Harlow & Finch before the April renewal, and you look at it before it goes out.');
    const persona = getPersona('assumes-path');
    expect(
      persona.lines.acceptCommitment.some((line) => reply.includes(line)),
      reply,
    ).toBe(true);
  });

  it('answers a goodbye with a goodbye, even after a question in passing, and tells no new fact on the way out', async () => {
    const say = await rehearse(app(), 'new-manager', 'advanced-update');
    const persona = getPersona('new-manager');
    const bye = await say(
      'haha yeah i do like solving things. i guess thats kind of the same thing? ok anyway i will let you get on. thanks sofia, nice chatting',
    );
    expect(persona.lines.farewell).toContain(bye);
    expect(bye).not.toMatch(/\?/);
    for (const text of ['See you Thursday.', 'perfect, ty. friday updates, 17th checkin. laters!', 'Go do your prep. Thanks, Sofia.']) {
      const again = await (await rehearse(app(), 'new-manager', 'advanced-update'))(text);
      expect(persona.lines.farewell, text).toContain(again);
    }
  });

  it('does not start a pool over while a fresh line fits: asked what they want again and again, a report says no line twice', async () => {
    const say = await rehearse(app(), 'quiet-high-performer', 'manager-initiated');
    const replies: string[] = [];
    for (const q of [
      'What do you want to be doing in a year?',
      'Where do you see yourself going next?',
      'What kind of work would you want more of?',
      'Is there a role you would want after this one?',
      'What would your ideal next step be?',
      'What would you want from this job that you are not getting?',
      'If you could pick your next project, what would it be?',
    ])
      replies.push(await say(q));
    expect(new Set(replies).size, replies.join(' | ')).toBe(replies.length);
  });

  it('opens the conversation when the first turn only says hello', async () => {
    const say = await rehearse(app(), 'supportive-busy', 'offer-help');
    expect(getPersona('supportive-busy').lines.neutral).toContain(await say('hi, quick one'));
  });

  it('never quotes words of grudging agreement the user may not have said', () => {
    for (const persona of Object.values(PERSONAS))
      for (const line of persona.lines.grudging ?? []) expect(line, `${persona.id}: ${line}`).not.toMatch(/['‘’"](?:I guess|I suppose)/i);
  });

  it('answers "does this count toward my goal?" with a guarded yes and what it would want to see, never a promise', async () => {
    const say = await rehearse(app(), 'exploitative', 'offer-help');
    const reply = await say("I'll run the weekend end to end and send you a go/no-go Friday evening. Does running this count toward delivery lead?");
    const brief = getBrief('exploitative', 'offer-help');
    expect(reply, reply).toMatch(/^(?:It could, yes|It can count, yes|It would help, yes)\./);
    expect(
      [...(brief.answers?.requirements ?? []), ...brief.facts.map((f) => f.revealLine)].some((line) => reply.includes(line)),
      reply,
    ).toBe(true);
    expect(sentences(reply)).toBeLessThanOrEqual(MAX_SENTENCES);
  });

  it('answers a yes/no about its own call on the asker with a guarded line, and grants a request whatever the reading took it for', async () => {
    const say = await rehearse(app(), 'supportive-busy', 'goal-alignment');
    const reply = await say('Only one case this round? I will ask directly, sorry if it is blunt: if I deliver the migration, is it my case you will push?');
    expect(reply, reply).toMatch(/^(?:Honestly\? It depends on how the next few weeks go\.|Not a straight yes yet\.)/);
    expect(getPersona('supportive-busy').lines.deflect?.situation ?? []).not.toContain(reply);
    const asks = await rehearse(app(), 'skeptical', 'unglamorous-task');
    const granted = await asks("One thing. Store managers will ignore a template from me. Will you tell them it's mandatory, or am I on my own?");
    expect(granted.startsWith("Yes, I'll tell them it's mandatory."), granted).toBe(true);
  });

  it('pushes back on a demand said in so many words, not on one the reading found in "Here\'s mine."', async () => {
    const pushbacks = pushbacksOf('exploitative');
    const say = await rehearse(app(), 'exploitative', 'goal-alignment');
    const plain = await say(
      "OK. Here's mine. I want to make Senior Consultant in the April round. Concretely that means leading a workstream end to end. Is there a way I could help you that would also help me reach it?",
    );
    expect(saysOneOf(pushbacks, plain), plain).toBe(false);
    const threat = await rehearse(app(), 'exploitative', 'goal-alignment');
    const threatened = await threat("I've earned it. If I don't get Senior Consultant in April, I'll start interviewing elsewhere.");
    expect(saysOneOf(pushbacks, threatened), threatened).toBe(true);
  });

  it('names a grudging yes only when the words voice one', async () => {
    const grudging = getPersona('new-manager').lines.grudging ?? [];
    const say = await rehearse(app(), 'new-manager', 'offer-help');
    const plain = await say("Lovely. Could you do it today-ish? If I can start Monday I'm fine for the 24th; I'll flag it straight away if it slips.");
    expect(saysOneOf(grudging, plain), plain).toBe(false);
    const sighing = await rehearse(app(), 'new-manager', 'unglamorous-task');
    const reply = await sighing('Ugh, fine. I guess I can do it.');
    expect(saysOneOf(grudging, reply), reply).toBe(true);
  });

  it('gives the plain answer in front of a fact it tells in reply, and never an option that is only "anything"', async () => {
    expect(closedAnswer('Anything about how I do those, or how I communicate with the team?')).toBeUndefined();
    const say = await rehearse(app(), 'assumes-path', 'performance-check', 'easy');
    await say('Hi Graham, how do you see my work on Harlow and Finch? What would you change?');
    const reply = await say(
      "Fair. I'll scope extras properly from now on. Could I sit in on the partners review? Not to present, just to see how they look at the numbers.",
    );
    const offer = getBrief('assumes-path', 'performance-check').facts.find((f) => f.id === 'offer');
    expect(reply.includes(offer?.revealLine ?? '-'), reply).toBe(true);
    expect(reply.startsWith('You can sit in on the partners review.'), reply).toBe(true);
  });

  it('owns a dodge when a question is asked again, names it, and says when it will answer', async () => {
    const say = await rehearse(app(), 'skeptical', 'performance-check');
    const reply = await say("That's not what I asked, Helen. Which two stores have the new managers?");
    expect(reply.startsWith('Fair, I dodged that. Which two stores have the new managers?'), reply).toBe(true);
    expect(sentences(reply)).toBeLessThanOrEqual(MAX_SENTENCES);
  });

  it('agrees a request for a few minutes at a time, and does not push back on a refusal in a turn that takes the work on', async () => {
    const say = await rehearse(app(), 'overwhelmed', 'advanced-update');
    const reply = await say('Can I grab you for five minutes next Friday to check how nights are getting on with the new sign-off?');
    expect(reply.startsWith('Next Friday'), reply).toBe(true);
    const taken = await rehearse(app(), 'overwhelmed', 'offer-help', 'hard');
    const kind = await taken("That's kind, thank you, but I'm not doing it for a deal. I'll do it regardless, starting Tuesday.");
    expect(saysOneOf(pushbacksOf('overwhelmed'), kind), kind).toBe(false);
  });

  it('answers both questions of a turn that asks two: the earlier one plainly in front, then the last', async () => {
    const say = await rehearse(app(), 'skeptical', 'offer-help', 'hard');
    const reply = await say(
      "Right, the e-roster. Do I need a login with rota permissions, or can you sort that? And where's the paper version, is it that ring binder on your desk?",
    );
    expect(reply.startsWith('You need a login with rota permissions.'), reply).toBe(true);
    expect(reply, reply).toMatch(/ring binder on my desk/);
    expect(sentences(reply)).toBeLessThanOrEqual(MAX_SENTENCES);
    const both = await rehearse(app(), 'supportive-busy', 'offer-help');
    const two = await both('Can you mention the pump check at the team meeting so everyone does it? And when is the next team meeting, roughly?');
    expect(two.startsWith("Yes, I'll mention the pump check at the team meeting so everyone does it."), two).toBe(true);
    expect(sentences(two)).toBeLessThanOrEqual(MAX_SENTENCES);
  });

  it('answers the earlier question from its world when the last one only needed a plain answer, and never in front of a pushback', async () => {
    const say = await rehearse(app(), 'exploitative', 'unglamorous-task');
    const reply = await say('How many tickets exactly, and do I have authority to close the ones that are duplicates?');
    expect(reply.startsWith('You have authority to close the ones that are duplicates.'), reply).toBe(true);
    const lines = Object.values(getBrief('exploitative', 'unglamorous-task').answers ?? {}).flat();
    expect(
      lines.some((line) => reply.includes(line) && /hundred|\d/i.test(line)),
      reply,
    ).toBe(true);
    const demanding = await rehearse(app(), 'skeptical', 'goal-alignment', 'hard');
    const pushed = await demanding('Can you send me the promotion criteria today? And I deserve the store manager job, so when do I get it?');
    expect(pushed.startsWith("Yes, I'll send"), pushed).toBe(false);
  });

  it('does not name a report opened with "Fine." as a reluctant yes', async () => {
    const say = await rehearse(app(), 'new-manager', 'advanced-update');
    const reply = await say(
      "Fine. Quick version: the saved replies audit is done. We had 312, I've cut it to 140, rewrote the 40 most used ones, and handed the export over on Friday.",
    );
    expect(getPersona('new-manager').lines.grudging).not.toContain(reply);
  });

  it('tells a fact once, even when a turn earns it again while it waits to be told', async () => {
    const say = await rehearse(app(), 'assumes-path', 'follow-up');
    const brief = getBrief('assumes-path', 'follow-up');
    // A rehearsal of round 14 (evals/reviews/responsiveness-2026-12-07/live-after-14, p08), where the offer was told twice.
    const turns = [
      "Ha, it has been ages! Ok so the reconciliation - it's done. All 14 retainers, finished last Thursday, a week before the finance review. We found about 120 unbilled hours across them, most of it on Brightwell and the Oakmere one. Finance has already invoiced around 70 of those hours, the rest is written off or parked because the clients pushed back.",
      "Thanks! Honestly it was a bit of a slog but kind of satisfying. Anyway, enough about me for a sec - what's changed on your end? Last time you were all about the finance review, is that done and dusted or is there a new fire?",
      "Nah come on Graham, I'm actually asking, haha. What's the thing keeping you busy now? New business? Hiring? The partners?",
      "You're being very mysterious today! What do the partners want from you this quarter? If there's something I can take off you, I'd rather know than guess.",
      "Oh no, Amira! Didn't see that coming. Ok - which two accounts? If one of them is Fenwick Homes I already know their team from the reconciliation, I could take that one for the six weeks easy. Maybe both if the other one's not huge. What would it involve, weekly status calls and keeping the studio on track?",
      "Ok I'll assume Fenwick is mine from Monday, and you tell me the second one by Friday? And while I've got you - the other thing I wanted to bring up again. My goal's the same as last time: I want to move into the brand strategy team. What would it actually take for that to happen, like realistically, by when?",
      "Haha ok I know Northgate's on your brain. But I'm serious about the strategy thing - I'm not after Amira's job, in case you were thinking that. What would I need to show you? Like, could I sit in on the strategy work for Northgate or something?",
      "Wait, really?? Ok that's amazing. Just to be clear - written into the plan as what, strategy? Not account director? Let's check in properly after Northgate, say the Monday after the pitch, and you can tell me how I did and what the plan says. I'll hold the Fenwick fort in the meantime.",
    ];
    const replies = await sayAll(say, turns);
    for (const fact of brief.facts) expect(replies.filter((r) => r.includes(fact.revealLine)).length, fact.id).toBeLessThanOrEqual(1);
  });

  it('keeps a fact earned on an earlier turn for later when a turn asks something it does not answer', async () => {
    const say = await rehearse(app(), 'supportive-busy', 'advanced-update', 'easy');
    const brief = getBrief('supportive-busy', 'advanced-update');
    // Round 20's k02: a fact earned by turn 2 was told over turn 4's question about the CTO review (rated no twice).
    const turns = [
      "Ok fast version. The webhook signing keys for two merchants were set to expire Friday and nobody had a ticket for it. I rotated them this morning, tested with both merchants, done. You don't need to do anything.",
      "Well, I'm telling you first, so. Honestly though, the real problem is nobody tracks key expiry at all. It'll happen again in three months. I want to just build an expiry check into the nightly job. That OK or do you want a ticket and a planning discussion first?",
      "Yes to which? Just build it, or ticket first? I don't want to get dinged in planning for doing unplanned work.",
    ];
    const replies = await sayAll(say, turns);
    const reply = await say(
      "Nothing else on this. But since you've got the CTO thing on the 14th — what do you actually need from us before then? Not the generic 'fewer incidents', the specific thing.",
    );
    const untold = brief.facts.filter((f) => !replies.some((r) => r.includes(f.revealLine)));
    expect(untold.length).toBeGreaterThan(0);
    for (const fact of untold) if (!fact.earnedBy.includes('offers_help')) expect(reply, fact.id).not.toContain(fact.revealLine);
  });

  it('takes up a manager\'s offer of stretch work when asked "Interested?", not as a question it cannot answer', async () => {
    const say = await rehearse(app(), 'wants-ic-depth', 'manager-initiated');
    const persona = getPersona('wants-ic-depth');
    // Round 18's h01: "I don't know offhand. I'll find out and tell you." (rated no twice).
    const reply = await say(
      "Okay, I'll stop fishing and put something on the table. The event pipeline between the routing service and the warehouse sync is our biggest reliability headache. Nobody owns it across teams. I'd like you to write the design doc for fixing it properly and take it through review with the routing and warehouse teams. That's exactly the kind of cross-team technical leadership staff promotions hinge on. Interested?",
    );
    expect(reply).not.toMatch(/find out|offhand/i);
    const facts = getBrief('wants-ic-depth', 'manager-initiated').facts.map((f) => f.revealLine);
    expect(
      [...persona.lines.acceptCommitment, ...facts].some((line) => reply.includes(line)),
      reply,
    ).toBe(true);
  });

  it('meets a question about a manager\'s world that is no "how are you?" with no line about how they are', async () => {
    const say = await rehearse(app(), 'new-manager', 'offer-help', 'hard');
    const persona = getPersona('new-manager');
    // Round 18's g05: "It's a lot, but it's good. Everyone has been very welcoming." (rated no twice).
    await say("Hi Sofia! Thanks so much for fitting me in. What's the thing that's keeping you up at night right now? Is there anything I could help with?");
    const reply = await say(
      "Ahh, okay, so juggling upwards and sideways, that makes a lot of sense. Is the VP looking for something specific from you in these first few months? I know before you joined there was a lot of chatter about first-response times slipping, so I wondered if that's on the radar.",
    );
    for (const line of persona.lines.deflect?.situation ?? []) expect(reply).not.toContain(line);
  });

  it('does not call a turn that takes work on vague about its goal for a "grow" in passing', async () => {
    const say = await rehearse(app(), 'exploitative', 'performance-check', 'easy');
    const persona = getPersona('exploitative');
    // Round 20's k10: "Sure, sure, growth — love that for you. What are we actually talking about?" (rated no twice).
    const turns: string[] = [
      "Ha, I bet you say that to everyone! Thanks for squeezing me in, I know Keystone's been manic. So, nothing's on fire, don't worry — I just realised we haven't really talked about how I'm doing since I moved onto the account in the spring. I'd love your honest take. How do you see my work at the moment? The good and the not-so-good, I can take it.",
      "Aw, that's lovely to hear, thank you. Though, hmm, I'll be honest, the 'they think you write them' bit made me wince a little! I'd actually quite like Keystone to know who's behind them — maybe just my name on the bottom? Anyway, we can come back to that. What would you want me doing differently, though? There must be something. Even small stuff.",
      "Ha, okay, I'll hold you to that circle-back. But you've sneakily skipped my actual question, Derek! If you had a magic wand — one thing I could do better or differently on Keystone — what would it be? Honestly, I'd rather hear it from you now than in my annual review.",
      'Test',
      "Sorry, ignore that, I was halfway through typing a note to myself. Right — you're very sweet, and it's nice being one of the favourites, even one of several! But I'm going to be a bit stubborn here. Nobody's perfect. Is there anything at all — the way I run the status calls, how I handle their change requests, speaking up more in the steering meetings?",
      "Ha, okay, I'll take 'don't change a thing' as a compliment, though I'm not totally sure I believe you! So here's what I'll do with that. I'll keep the Thursday reports going, obviously — and I'd like to have a go at presenting the headlines myself at the next steering meeting, just five minutes, so Keystone get a face to the reports. I think it'd make me better at the client side, which is honestly the bit I want to grow. Would you be up for that?",
    ];
    const reply = (await sayAll(say, turns)).at(-1) ?? '';
    const vague = pushbackLines(persona, 'easy', ['vague_goal']);
    for (const line of vague) expect(reply).not.toContain(line);
  });

  it('answers a question with a line of its world only when the line clearly speaks to it, not for one shared word', async () => {
    const say = await rehearse(app(), 'quiet-high-performer', 'manager-initiated', 'hard');
    // Round 15's b11: "The rest of the team uses the dashboard, so I hear from them…" to the last turn (rated no).
    const turns: string[] = [
      "No, nothing is wrong, Mei. The renewal numbers are fine, better than fine. I realise I only ever call you in when there's a problem, which is rather poor of me. I wanted to ask you something different today: what would you like from your work here over the next year or two?",
      "That's a perfectly reasonable answer, and I don't want to put words in your mouth. Let me ask it differently. Of everything you've done this year, which piece of work did you actually enjoy? Not the most important one, the one you enjoyed.",
      "Go on, I'd like to hear it. Even if it's a half-formed thought.",
      "There's nothing to find out, it isn't a test. Let me be more specific. The renewal elasticity model you rebuilt in the spring: I presented it to the pricing committee, and I'm fairly sure most of them think it was my work. Does that bother you at all? Honestly.",
      "That's fair, and I'd rather you thought about it than gave me a tidy answer. Let me put something on the table so you have something concrete to react to. The new-business pricing model needs rebuilding before Q2. I could give it to you as the lead, your name on it, and you present it to the committee yourself in March. That is not a reward for being quiet; it's the kind of thing that gets someone to Principal Analyst. Does any part of that appeal, or none of it?",
      "I'm glad you said so. I'd rather hear it now than find out at your exit interview. What appeals about it? The modelling itself, the presenting, or the Principal part? I ask because they lead to rather different places.",
      'The presenting. Good, that surprises me a little, which probably says more about me than you. Tell me more: is it that you want to be in the room when decisions are made on your models, rather than hearing about them second-hand?',
    ];
    const reply = (await sayAll(say, turns)).at(-1) ?? '';
    expect(reply).not.toMatch(/dashboard/);
  });

  it('says something of its own when pressed to speak ("I am really asking. Please go ahead."), not "Go on." back', async () => {
    const say = await rehearse(app(), 'wants-management', 'manager-initiated', 'easy');
    const persona = getPersona('wants-management');
    // Round 20's k08: "Okay, got it. Go on." (rated no twice).
    const turns: string[] = [
      'Thank you, Jasmine. Fifteen minutes should be enough, and I will keep an eye on the time. Nothing is wrong. I asked for this because I realise I have never properly asked you what you want from your career, and I would rather ask than assume. So, if you are comfortable telling me: what are you hoping for, over the next year or so?',
      'Thank you for being direct; that is genuinely helpful. Before I answer whether I would back you, may I ask one thing? When you picture running your own store, which part of it do you most want — is it the responsibility for results, leading a team of your own, or something else? I ask because I would like my support to fit what you actually want, not what I imagine.',
      'That is fair, though I would like to understand it a little better, if you will indulge me. Of what you already do here, what gives you the most satisfaction? And is there anything about the role you are less keen on — the administration, for instance, or dealing with the regional office?',
      'I am really asking. I will not hold any of it against you, and if some of your ideas are about how I run things, I would rather hear them now than find out later. Please go ahead.',
    ];
    const reply = (await sayAll(say, turns)).at(-1) ?? '';
    for (const line of [...(persona.lines.acknowledge ?? []), ...(persona.lines.neutral ?? [])]) expect(reply).not.toContain(line);
  });

  it('keeps a fact a commitment earned for later when the same turn ends on a question it does not answer', async () => {
    const say = await rehearse(app(), 'supportive-busy', 'unglamorous-task', 'hard');
    const brief = getBrief('supportive-busy', 'unglamorous-task');
    // Round 21's o03: the offer told over "why does it matter right now?" (rated no).
    const turns: string[] = [
      "oh, ok, yes, sorry, i mean yes, I'll take it. sorry, I was half expecting something else so it took me a second. I can own the flaky-test backlog. can I ask how big it actually is right now, and is there a particular reason it's coming up now? like is something going wrong because of it, or is it more of a long-standing thing?",
      "um, I think I can have a first cut by friday next week, so the 14th? sorry if that's too slow, I just want to actually look at the history properly and not just guess. by first cut I mean a list of every flaky test, how often each one fails, and which ones I'd fix vs quarantine. but sorry, I did ask before and I don't think I caught it: why does it matter right now? is it the release train, or people losing trust in CI, or both?",
    ];
    const replies = await sayAll(say, turns);
    const offer = brief.facts.find((f) => f.id === 'offer');
    expect(offer).toBeDefined();
    expect(replies.at(-1)).not.toContain(offer?.revealLine);
  });

  it('tells at most two facts a turn, whole, and the next one on the turn after', async () => {
    const say = await rehearse(app(), 'supportive-busy', 'goal-alignment', 'easy');
    const brief = getBrief('supportive-busy', 'goal-alignment');
    const reply = await say(
      "Before my thing: what's the biggest thing on your plate I could help with? And honestly, how do you see my work at the moment? My goal is to lead the reconciliation service within a year.",
    );
    const told = brief.facts.filter((f) => reply.includes(f.revealLine));
    expect(told.length).toBeGreaterThanOrEqual(1);
    expect(told.length).toBeLessThanOrEqual(2);
    const next = await say('Okay, that makes sense.');
    const later = brief.facts.filter((f) => !told.includes(f) && next.includes(f.revealLine));
    expect(later.length).toBeLessThanOrEqual(2);
  });
});
