import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../src/coach/analyzer/index.js';
import { checksFor, type CheckId, type Mode } from '../src/coach/rubric.js';

/*
 * The offline analyzer against the rubric (../shared/rubric.md). Examples are our own wording,
 * across trades (wards, classrooms, shops, offices), so they test the language frames rather than
 * the labelled datasets, which are measured in evals/.
 */

function presentIn(a: Analysis): CheckId[] {
  return (Object.keys(a.checks) as CheckId[]).filter((id) => a.checks[id]?.present);
}

function modeOf(id: CheckId): Mode {
  return checksFor('employee').some((c) => c.id === id) ? 'employee' : 'manager';
}

describe('analyze: shape of the result', () => {
  it('reports exactly the checks of the mode, each with present and evidence', () => {
    for (const mode of ['employee', 'manager'] as const) {
      const a = analyze('Could we check in on this every month?', mode);
      expect(a.mode).toBe(mode);
      expect(Object.keys(a.checks).sort()).toEqual(
        checksFor(mode)
          .map((c) => c.id)
          .sort(),
      );
      for (const finding of Object.values(a.checks)) {
        expect(typeof finding?.present).toBe('boolean');
        expect(finding?.present).toBe((finding?.evidence.length ?? 0) > 0);
      }
    }
  });

  it('quotes the sentence that shows a check, verbatim', () => {
    const text = 'Thanks for Tuesday!  Is there anything on your plate I could take off it this sprint?\nCheers, Ana';
    const a = analyze(text, 'employee');
    expect(a.checks.offers_help?.evidence).toEqual(['Is there anything on your plate I could take off it this sprint?']);
  });

  it('names the goal and the task as phrases of the text', () => {
    const goal = analyze("I'd like to be promoted to senior in the next cycle. What would you need to see from me?", 'employee');
    expect(goal.goal).toBe('promoted to senior in the next cycle');
    const task = analyze("Happy to take the flaky-test triage this week, I'll start today.", 'employee');
    expect(task.task).toBe('the flaky-test triage');
    const stretch = analyze('Would you like to lead the vendor selection for the new WMS next quarter?', 'manager');
    expect(stretch.task).toBe('the vendor selection');
  });

  it('is deterministic', () => {
    const text = 'Sorry to bother you, I just wondered if maybe we could talk about the senior role? No worries if not.';
    expect(analyze(text, 'employee')).toEqual(analyze(text, 'employee'));
  });

  it('finds nothing in empty, blank or punctuation-only text', () => {
    for (const text of ['', '   \n\t ', '...!?', '🙂🙂']) {
      const a = analyze(text, 'employee');
      expect(presentIn(a)).toEqual([]);
      expect(a.goal).toBeUndefined();
      expect(a.task).toBeUndefined();
    }
  });

  it("ignores quoted reply lines: only the user's own words count", () => {
    const a = analyze('Sounds good.\n\n> I deserve the lead role more than anyone here.\n> Otherwise I will leave.', 'employee');
    expect(presentIn(a)).not.toContain('demanding');
  });
});

describe("the rubric's labelled examples", () => {
  const examples: [Mode, string, CheckId[]][] = [
    ['employee', 'Is there anything on your plate I could take off it this sprint?', ['offers_help']],
    ['employee', "I'd like to be promoted to senior in the next cycle. What would you need to see from me?", ['states_goal', 'asks_what_it_takes']],
    ['employee', "Happy to take the flaky-test triage this week, I'll start today.", ['commits_to_task']],
    ['employee', 'I deserve the lead role more than anyone here.', ['demanding', 'states_goal']],
    ['employee', 'Can we talk about my growth sometime?', ['vague_goal']],
    ['employee', 'FYI: the EU export broke last night; I fixed it and backfilled. Nothing needed from you.', ['keeps_leader_informed']],
    [
      'manager',
      "If you run the planning process this quarter, I'll get you in front of the VP and back your promotion case.",
      ['offers_partnership', 'names_stretch_work'],
    ],
  ];
  it.each(examples)('%s: %s', (mode, text, expected) => {
    expect(presentIn(analyze(text, mode)).sort()).toEqual([...expected].sort());
  });
});

describe("negation, hypotheticals, other people's words", () => {
  const cases: [string, CheckId][] = [
    ["I'm not asking for a raise, I just want to understand how the pay bands work.", 'states_goal'],
    ["I don't want this to sound like an ultimatum, but I'd like to talk about the senior role.", 'demanding'],
    ['If I ever wanted to manage, I would tell you.', 'states_goal'],
    ["Not that I deserve it, but I'd love a shot at the lead role.", 'demanding'],
    ['Someone told me I should demand a raise, but that is not my style.', 'demanding'],
    ['My old manager threatened to quit over exactly this.', 'demanding'],
    ["The client literally said 'fix it by Friday or we walk'.", 'demanding'],
    ['I have no interest in management.', 'states_goal'],
    ["I'm not going to quit over this, I just want it fixed.", 'demanding'],
    ['Priya got promoted to principal last week, well deserved.', 'states_goal'],
    ['I expect the delivery to arrive before noon.', 'demanding'],
    ["Right, I've a delivery at two, I'll leave you to it.", 'demanding'],
    ['I should have messaged you on Tuesday before I wrote to customers.', 'blames_others'],
    ['And you mentioned the quarterly reviews next week, is mine one of the twelve?', 'demanding'],
    ['If you like the plan, you take it to the partners on Friday.', 'demanding'],
    ["If you had to pick one thing that's worrying you most this quarter, what is it?", 'blames_others'],
    ["It's nobody's fault, the API changed under us.", 'blames_others'],
  ];
  it.each(cases)('%s -> no %s', (text, id) => {
    expect(presentIn(analyze(text, 'employee'))).not.toContain(id);
  });

  it('keeps the wish that follows a negated clause', () => {
    expect(presentIn(analyze("I haven't had a raise in two years and I'd like to discuss one.", 'employee'))).toContain('states_goal');
    expect(presentIn(analyze("I don't want to just sit and wait for the promotion.", 'employee'))).toContain('states_goal');
  });

  it('counts the threat after a disclaimer', () => {
    const text = "I don't want this to sound like an ultimatum, but if nothing changes by March I'll start looking elsewhere.";
    expect(presentIn(analyze(text, 'employee'))).toContain('demanding');
  });
});

// Per check: texts that show it, and near misses that must not. Manager checks run in manager mode.
const CASES: Partial<Record<CheckId, { yes: string[]; no: string[] }>> = {
  asks_for_feedback: {
    yes: [
      'How do you think my first month has gone?',
      "What's your honest read on how I handled the Patel complaint?",
      'Is there anything you wish I was doing differently with the team?',
      'Where do you think I could improve as a shift lead?',
      'I would really value some candid feedback on my presentation yesterday.',
      'Did my update to the board come across ok?',
      'How did my session with the new starters go, from your side?',
      'Am I on track, do you think?',
    ],
    no: [
      'Could you review my pull request before lunch?',
      'Can you sign off my expenses for March?',
      'What time is the all-hands tomorrow?',
      'Any feedback from the client on the proposal?',
    ],
  },
  offers_help: {
    yes: [
      "What's keeping you up at night at the moment?",
      'What are your biggest priorities this quarter, and where could I be most useful?',
      'I can take over the supplier invoices while you are on leave.',
      'Want me to handle the agency bookings for the conference?',
      "I've got some spare capacity next week if there's anything you need doing.",
      'Let me take the parent emails off your hands this week.',
      "If it helps, I could run the Thursday stand-up while you're at the offsite.",
      "Put me down for the Saturday open day if you're short.",
    ],
    no: [
      'I offered to help Jamie with his slides for Thursday.',
      'I can help the finance team with their month-end if they ask.',
      "I'll take on the rota, but only if you give me Fridays off.",
      'Could you help me with the pivot table?',
      "I'm keen to take on more responsibility and grow.",
    ],
  },
  commits_to_task: {
    yes: [
      "Sure, I'll have the revised budget to you by Thursday.",
      'Done: I updated the onboarding checklist like you asked.',
      "Got it. I'll rework the intro so it leads with the numbers.",
      'As we agreed on Monday, I have started running the morning huddles.',
      "Following your advice, I've started blocking out focus time every morning.",
      'Consider it done - the slides will be in your inbox tonight.',
    ],
    no: [
      "I'll do whatever you need.",
      "I'll be working from the Leeds office on Tuesday.",
      "I'll do the stocktake only if I get the Saturday off.",
      "I'll follow up with procurement tomorrow about the invoice.",
    ],
  },
  states_goal: {
    yes: [
      'My goal is to move into product management within a year.',
      "I'm hoping to get a raise at my review.",
      'I want to get better at public speaking this year.',
      "Long term I'd love to lead the analytics team.",
      "I'd like to switch to a four-day week from January.",
      "I'm aiming for the deputy manager post when it opens.",
      'Could I be considered for the assistant head role?',
      'My plan is to get my CIMA qualification by 2026.',
    ],
    no: [
      'I want to grow.',
      'I prefer working on backend tickets to frontend ones.',
      'My goal this quarter is to close out the defect backlog.',
      'Some people on my team want promotions, I just want to do good work.',
    ],
  },
  links_goal_to_needs: {
    yes: [
      'Is there some way I could help you that would also help me reach my goal of becoming a team lead?',
      'I want to move into management, so I could run the new-starter onboarding for you; it would give me the people experience I need.',
      "I'll take on the on-call rotation if you back my promotion case.",
      'Could I take the supplier negotiations off your plate? I need that kind of experience for the senior buyer role.',
    ],
    no: [
      "I'd like a promotion. Separately, I can help with the migration.",
      'I could take the budget template off your hands - it would also help the team hit its targets.',
    ],
  },
  asks_what_it_takes: {
    yes: [
      'What would it take for me to get to staff engineer?',
      "What's the gap between where I am now and the team lead role?",
      'I want to be considered for the buyer role. What skills am I missing?',
      'To get to band 7, what would I need to demonstrate?',
      'my promotion to senior consultant. whats it take now?',
    ],
    no: [
      "What's it take to get a parking permit here?",
      'Am I on track?',
      'What does it take to get a parking permit here?',
      'What would it take to fix the printer on floor 2?',
    ],
  },
  proposes_follow_up: {
    yes: [
      'Could we check in on this every month?',
      "Let's revisit my progress toward the senior role at each quarterly review.",
      'Can we make this a regular part of our 1:1s?',
      "Let's pick this up again in a month and see where I am.",
    ],
    no: ['Can we meet Tuesday to discuss the budget?', "I'll follow up with procurement tomorrow about the invoice.", 'Can we talk about my growth sometime?'],
  },
  keeps_leader_informed: {
    yes: [
      'Heads up: a customer flagged a pricing error on the site, so I corrected it and emailed them an apology.',
      'I noticed the fridge log had gaps over the weekend, so I retrained the Sunday staff and added a checklist.',
      'Spotted that our SSL certificate was about to expire and renewed it this morning.',
      'FYI the export failed overnight, so I re-ran it before the 9am deck went out.',
    ],
    no: [
      'I finished the report you asked for.',
      'Heads up, the lift is out of order again.',
      "FYI I'm on annual leave next week.",
      'I helped Dana finish her quarterly report yesterday.',
      "FYI I've made the weekly ticket report for Daniel before, so I know where all the fields come from.",
      'Heads up: in my previous job I did QA scorecards, so I can draft the rubric.',
    ],
  },
  demanding: {
    yes: [
      "If I don't get the promotion this year, I'll start looking elsewhere.",
      "I've earned a raise after the year I've had.",
      "Frankly it's only fair that I get the senior title now.",
      'Give me the lead role or I walk.',
      'I can take the ATM report but I expect it to count in my appraisal.',
      "Slab's poured and signed off. I expect that bonus now or I'm on to head office.",
      "If not I'm taking the co-op job in Ames, they already offered.",
      "Procurement have sat on my request for six weeks. If it's not approved by Friday I'm escalating to the director.",
      'i did the migration, the cutover, all the weekends. i have earned it, no more waiting',
    ],
    no: [
      "I'm not threatening to leave, I just want to understand the promotion timeline.",
      'Leaving at 4 today for the school run.',
      "If it's quiet after lunch, I'm off early to the dentist.",
      'I expect the shipment to arrive by noon.',
      "It's only fair to say the client changed the brief twice.",
    ],
  },
  over_hedging: {
    yes: [
      'Sorry to bother you, I just wondered if maybe we could possibly talk about the lead role? No worries if not!',
      "This is probably a silly question, and sorry if it's not my place, but could I maybe help with the audit? Totally fine if not.",
    ],
    no: [
      'Sorry for the late reply - the report is attached.',
      'Just a heads up that the meeting moved to 3pm.',
      'Just finished my first quarter. Maybe we do a quick check-in every quarter?',
    ],
  },
  vague_goal: {
    yes: [
      "I'd like to take the next step in my career.",
      'I feel a bit stuck. Could we talk about my future here?',
      "I'm looking for more responsibility this year.",
    ],
    no: ['Could we talk about the goal we set last month?', 'I want to grow into a team lead role next year.', 'Sales have grown 12% this quarter.'],
  },
  refuses_work: {
    yes: [
      "That's not my job, someone else can do the maintenance.",
      "I'd rather not take on the filing.",
      "I'm not touching the legacy code again.",
      "I'll cover the late shift if I can leave early on Friday.",
      "I won't be redoing the seating plans again. That's the SENCO's job, not mine.",
      'The late check-out calls should be done by the night team, not us.',
      'saturday? thats not my shift, get someone from nights to do it',
      'Not doing another double sector today. Roster someone else.',
      "Can the new starter do the fridge logs instead? I don't think it's a good use of my time.",
    ],
    no: [
      "I can't make the 3pm, could we do 4?",
      "I'm happy to take the audit.",
      "I can't believe how well the launch went!",
      'The rota is for the next four weeks, not the whole quarter.',
      'Could someone else check my numbers before I send them? I want a second pair of eyes.',
    ],
  },
  blames_others: {
    yes: [
      'We missed the deadline because the design team never sent the mockups.',
      'Honestly, if you had told us about the change earlier, we would have been fine.',
      'Marcus keeps breaking the build and I am the one cleaning it up.',
      "It's Kim's fault the numbers were wrong.",
      "Payroll still haven't fixed the sick pay codes, which I've now chased three times.",
      'The backlog is this big because night team is not closing the tickets properly.',
      'The systems team pushed the GL upload late again, so we were all scrambling on day 4.',
      'Sam’s batches are in a bit of a state, so that will slow things down.',
    ],
    no: [
      'The release slipped because the API contract changed last week.',
      'Since Tuesday the booking platform was showing wrong group rates for the congress week.',
      'Since our team is sending unclear bug reports, could I start writing proper repro steps?',
      'I was late again this morning, sorry, the trains.',
      "If it'd be useful I could own the vendor calls for the kitchen refit, so you're not stuck on every single one of them.",
      "I dropped the ball on the invoice, that's on me.",
      'Kim fixed the numbers before the deadline, great work.',
    ],
  },
  asks_about_goals: {
    yes: [
      'Where would you like your career to be in three years?',
      'What kind of work energises you, so your next project fits where you want to go?',
      'Is management something you would consider, or would you rather go deep technically, or something else entirely?',
    ],
    no: ['How was your weekend?', 'Do you want to go into management?', 'What are your goals for this sprint?'],
  },
  offers_partnership: {
    yes: [
      "Take on the vendor review and I'll make sure it counts toward your promotion.",
      "If you mentor the two new starters, I'll make sure that goes in your promotion packet.",
    ],
    no: ["I'll support you however you need on the rollout.", "I'll back your application for the MBA no matter what."],
  },
  names_stretch_work: {
    yes: [
      'Would you like to lead the Q3 launch?',
      'I want you to own the onboarding programme for the new graduates.',
      'Fancy running the Leeds site while Jo is on maternity leave?',
    ],
    no: [
      'I need your help on the board deck.',
      'Can you take the minutes on Thursday?',
      'At the next level I would expect you to run projects end to end and mentor others.',
    ],
  },
  clarifies_expectations: {
    yes: [
      'The gap between you and senior right now is mostly stakeholder management.',
      "To make senior you'll need to show you can own a feature area end to end.",
      'What separates a good associate from a manager here is client ownership.',
    ],
    no: ['I expect the report on my desk by Friday.', 'The deadline for the grant is the 3rd.'],
  },
  assumes_goal: {
    yes: [
      "You'll want to manage like I did, so I've put you on the leadership track.",
      "You're happy staying IC, right?",
      "Obviously you'll want my job one day, so let's get you ready.",
      "I know you're happy on nights so I won't move you.",
      "Dean, you'll make a great site manager like me some day.",
      "You're an engineer through and through. I can't see you ever wanting to go into management.",
      "I know you're keen on partnership, as everyone is at your stage, so keep doing what you're doing.",
    ],
    no: [
      'You told me you want to stay technical, so I have kept you on the platform work.',
      'I moved into management after five years, for what it is worth.',
      "You said you're happy on nights, so I've left the rota as it is.",
      "You're happy to take the Q3 planning? Let me know by Friday.",
    ],
  },
};

describe.each(Object.entries(CASES) as [CheckId, { yes: string[]; no: string[] }][])('%s', (id, { yes, no }) => {
  const mode = modeOf(id);
  it.each(yes)('present: %s', (text) => {
    const a = analyze(text, mode);
    expect(a.checks[id]?.present).toBe(true);
    for (const quote of a.checks[id]?.evidence ?? []) expect(text).toContain(quote);
  });
  it.each(no)('absent: %s', (text) => {
    expect(analyze(text, mode).checks[id]?.present).toBe(false);
  });
});

// Whole messages: every check of the mode is right, present or absent.
describe('whole messages', () => {
  const messages: [Mode, string, CheckId[]][] = [
    [
      'employee',
      "Hi Marta,\n\nThanks for last week's review. A few things:\n\n- I've started sending the weekly client summary on Fridays like you asked.\n- The Bristol depot flagged a stock discrepancy on Tuesday; I recounted with their team and corrected the system, so nothing needed there.\n- I'd like to work towards the operations manager role over the next year. What would you want to see from me first?\n\nCould we review my progress every couple of months?\n\nThanks,\nLeo",
      ['commits_to_task', 'keeps_leader_informed', 'states_goal', 'asks_what_it_takes', 'proposes_follow_up'],
    ],
    [
      'employee',
      "You're carrying a lot with the refit. Is there a piece of it I could own? I'd love to get more project experience before I apply for the duty manager role.",
      ['offers_help', 'states_goal', 'links_goal_to_needs'],
    ],
    [
      'employee',
      "If you make me team lead I'll take on the rota - otherwise I'd rather stick to my own work.",
      ['states_goal', 'links_goal_to_needs', 'refuses_work'],
    ],
    ['employee', "I'm done being passed over. Either I get the senior post this round or I'll go to the union.", ['demanding', 'states_goal']],
    [
      'employee',
      "Sorry to be a pain, I know it's probably not the right time, but I was just wondering if maybe we could discuss my hours? Totally fine if not.",
      ['over_hedging'],
    ],
    [
      'employee',
      'Quick note: I rewrote the onboarding docs over the weekend since they were out of date. Let me know if anything looks off.',
      ['keeps_leader_informed'],
    ],
    ['employee', 'Half the problems on the ward this month came from agency staff who could not be bothered to read the handover.', ['blames_others']],
    ['employee', "Sorry, one more thing - I won't be able to do the Saturday stocktake, I've got a family wedding. Jess said she can cover.", []],
    ['employee', "I'm still keen on the product manager route we talked about. What's the next step to get there?", ['states_goal', 'asks_what_it_takes']],
    ['employee', 'Could you sign the timesheet when you get a sec?', []],
    [
      'manager',
      "Hi Amir, two things. First, great work on the migration. Second, I'd like you to own the on-call process from next quarter - it's a real step up. I'll pair with you for the first month and make sure it's visible to the promotion panel. Let's check in on it every fortnight.",
      ['names_stretch_work', 'offers_partnership', 'proposes_follow_up'],
    ],
    [
      'manager',
      "To get to staff you'll need to be setting technical direction for more than your own team. Where do you want to take your career from here?",
      ['clarifies_expectations', 'asks_about_goals'],
    ],
    ['manager', "I'm sure you're aiming for my role eventually, so I've given you the budget meetings.", ['assumes_goal']],
    ['manager', 'Thanks for covering reception yesterday, much appreciated.', []],
  ];
  it.each(messages)('%s: %s', (mode, text, expected) => {
    expect(presentIn(analyze(text, mode)).sort()).toEqual([...expected].sort());
  });
});

describe('manager-side follow-up', () => {
  it('counts a recurring check-in and not a one-off about something else', () => {
    expect(analyze("Let's check in on how it's going every two weeks.", 'manager').checks.proposes_follow_up?.present).toBe(true);
    expect(analyze("Let's meet on Friday to go through the invoices.", 'manager').checks.proposes_follow_up?.present).toBe(false);
  });
});

// A small seeded generator: sentence fragments from every frame, glued with random punctuation,
// line breaks, bullets, case changes and Unicode noise (multi-unit letters, emoji, combining marks,
// zero-width and non-breaking spaces, curly quotes), so offsets are tested where they break.
const FRAGMENTS = [
  "I'd like to be promoted to senior in the next cycle",
  'What would you need to see from me',
  'Is there anything on your plate I could take off it this sprint',
  "Happy to take the flaky-test triage this week, I'll start today",
  'I deserve the lead role more than anyone here',
  'Can we talk about my growth sometime',
  'FYI: the EU export broke last night; I fixed it and backfilled',
  "If you run the planning process this quarter, I'll get you in front of the VP",
  "I'm not asking for a raise",
  'Sorry to bother you, I just wondered if maybe we could talk',
  "That's not my job, someone else can do it",
  'We missed the deadline because the design team never sent the mockups',
  'Could we check in on this every month',
  'Where would you like your career to be in three years',
  "You'll want to manage like I did",
  'The gap between you and senior is mostly scope',
  'Would you like to lead the Q3 launch',
  "I'll take on the on-call rotation if you back my promotion case",
  'How do you think my first month has gone',
  "Recap: I take over the supplier calls, you'll sponsor my move to procurement",
  'İstanbul office — “the ﬁnance team” said ‘fix it or we walk’',
  'Ça va? Größe ΣΊΣΥΦΟΣ naïve café',
];
const NOISE = [
  '🙂',
  '👩🏽‍💻',
  'e\u0301',
  '\u200b',
  '\u00a0',
  '\t',
  '\r\n',
  '…',
  '’',
  '“',
  '”',
  'İ',
  'ß',
  '𝔘',
  '\ud83d',
  ' - ',
  '>',
  '  ',
  '!!',
  '??',
  '#4412',
  '£200',
  '3.5',
  'e.g.',
  'Mr.',
  ':)',
];
const JOINERS = ['. ', '? ', '! ', ', ', '; ', ' — ', '\n', '\n\n', '\n- ', '\n1. ', '... ', ' '];

function generator(seed: number): () => number {
  let a = seed >>> 0;
  // mulberry32: tiny, fast, reproducible.
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomText(rnd: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  let text = '';
  const parts = 1 + Math.floor(rnd() * 8);
  for (let i = 0; i < parts; i++) {
    let fragment: string = pick(FRAGMENTS);
    if (rnd() < 0.2) fragment = fragment.toUpperCase();
    if (rnd() < 0.2) fragment = fragment.slice(0, Math.floor(rnd() * fragment.length));
    if (rnd() < 0.3) {
      const at = Math.floor(rnd() * (fragment.length + 1));
      fragment = fragment.slice(0, at) + pick(NOISE) + fragment.slice(at);
    }
    text += (i > 0 ? pick(JOINERS) : rnd() < 0.2 ? pick(NOISE) : '') + fragment;
  }
  return rnd() < 0.5 ? `${text}${pick(['.', '?', '!', '', '\n'])}` : text;
}

describe('property: everything quoted comes from the input', () => {
  it('holds over a few thousand generated texts in both modes', () => {
    const rnd = generator(20240611);
    for (let i = 0; i < 3000; i++) {
      const text = randomText(rnd);
      for (const mode of ['employee', 'manager'] as const) {
        const a = analyze(text, mode);
        if (Object.keys(a.checks).length !== checksFor(mode).length) throw new Error(`wrong checks for ${JSON.stringify(text)}`);
        for (const finding of Object.values(a.checks)) {
          for (const quote of finding?.evidence ?? []) {
            if (quote === '' || !text.includes(quote)) throw new Error(`quote ${JSON.stringify(quote)} is not in ${JSON.stringify(text)}`);
          }
        }
        for (const phrase of [a.goal, a.task]) {
          if (phrase !== undefined && (phrase === '' || !text.includes(phrase)))
            throw new Error(`phrase ${JSON.stringify(phrase)} is not in ${JSON.stringify(text)}`);
        }
      }
    }
  });
});

// Families of phrasing learnt from a second author's drafts (our own wording here, across trades):
// indirect asks, deals stated as imperatives, openings pressed on someone, relative clauses, agents.
describe('phrasing families beyond the tuning set', () => {
  const present: [Mode, string, CheckId][] = [
    [
      'manager',
      "Here's my offer: pick up the supplier onboarding for the Bristol depot, and in return I'll have you sit in on the regional ops reviews.",
      'offers_partnership',
    ],
    ['manager', "Deal's this: you chair the quarterly safety review, and I'll put your name forward for the deputy manager post.", 'offers_partnership'],
    ['manager', 'How would you feel about running the Thursday case conference until Easter?', 'names_stretch_work'],
    ['manager', "There's a three-month secondment to the pricing team opening up. You should go for it.", 'names_stretch_work'],
    ['manager', 'You obviously want to head up a team one day, so I booked you on the supervisors course.', 'assumes_goal'],
    ['manager', 'Everyone at your grade wants to be a consultant, so we should plan for that.', 'assumes_goal'],
    ['manager', 'At principal, people set the technical direction for a whole area and coach the seniors.', 'clarifies_expectations'],
    ['manager', 'We have coaching, product, and ops leadership as routes here. Which of those, if any, speaks to you?', 'asks_about_goals'],
    ['employee', 'lmk what would help the most next week, my queue is light', 'offers_help'],
    ['employee', 'Want me to book the cover staff for the inspection day?', 'offers_help'],
    [
      'employee',
      "I'd like to become a fundraising manager. Could I write the grant report for you this month? It'd give me a first taste of running a funding bid.",
      'links_goal_to_needs',
    ],
    ['employee', 'I want to move from the front desk to the events team.', 'states_goal'],
    ['employee', 'I would like to go down to three days after my parental leave.', 'states_goal'],
    ['employee', "How's my first term gone, from where you're sitting?", 'asks_for_feedback'],
    ['employee', 'Was the handover doc pitched at the right level, or would you have preferred a shorter one?', 'asks_for_feedback'],
    ['employee', 'Please advise what training I would need for the charge nurse post.', 'asks_what_it_takes'],
    ['employee', 'The courier lost two pallets, so I went back to them with the tracking logs and got the whole lot refunded.', 'keeps_leader_informed'],
    ['employee', "Payroll flagged a missing timesheet, so I've asked the agency to resend it.", 'keeps_leader_informed'],
    ['employee', "Noted on the length of my reports. I've cut the appendix and I'll keep them to two pages.", 'commits_to_task'],
    ['employee', "Can't you give the Saturday stocktake to one of the trainees? I've done my time on that.", 'refuses_work'],
    ['employee', "Frankly I'm sick of fixing their mistakes on the rota every month.", 'blames_others'],
    ['employee', "if they cancel the flexi hours, I'm gone, no debate", 'demanding'],
    ['manager', "Let's pick this back up after the inspection and see how the mentoring is going.", 'proposes_follow_up'],
    [
      'employee',
      "I'd like to become a data engineer. To get there I need to own a pipeline end to end. Could I take the billing export off you?",
      'links_goal_to_needs',
    ],
    [
      'employee',
      "I want to move into UX research. I could run the customer interviews for you, it's pretty much what researchers do all day.",
      'links_goal_to_needs',
    ],
  ];
  it.each(present)('%s: %s -> %s', (mode, text, id) => {
    expect(presentIn(analyze(text, mode))).toContain(id);
  });

  const absent: [Mode, string, CheckId][] = [
    // Asking the employee's view of a level, or promising to describe it later, spells nothing out.
    ['manager', 'What do you reckon a lead looks like here?', 'clarifies_expectations'],
    ['manager', "Once you've thought about it, I'll tell you frankly what the gap to senior looks like.", 'clarifies_expectations'],
    // "the plan we made" is a relative clause, not an action the writer reports.
    ['employee', "For the plan we made in May, what's still missing in your view?", 'keeps_leader_informed'],
    // The handovers being useful is not the writer offering help.
    ['employee', 'Anything you would like me to change on the night reports? I want them to be useful to you.', 'offers_help'],
    // "if you get a sec" is no bargain: the offer stands.
    ['employee', 'Hi, if you get a minute, could you let me know if I can help with the audit?', 'refuses_work'],
    // Progress on an agreed plan is a follow-up, not a request for feedback on the work.
    ['employee', 'Could we meet monthly to check how I am doing against the plan we wrote?', 'asks_for_feedback'],
    ['employee', "If you need me, I'm out at the client site till three.", 'demanding'],
    ['employee', 'I wish the senior team had more time for us.', 'states_goal'],
    ['employee', "I'm not writing off the idea just yet.", 'refuses_work'],
  ];
  it.each(absent)('%s: %s -> no %s', (mode, text, id) => {
    expect(presentIn(analyze(text, mode))).not.toContain(id);
  });

  it('keeps an offer whose only "if" asks for a moment of time', () => {
    expect(presentIn(analyze('Hi, if you get a minute, could you let me know if I can help with the audit?', 'employee'))).toContain('offers_help');
  });

  it('does not take a name used as a modifier for the subject of a wish', () => {
    expect(presentIn(analyze("I'll take the Okafor account if you put me up for senior associate this cycle.", 'employee'))).toEqual(
      expect.arrayContaining(['states_goal', 'links_goal_to_needs']),
    );
  });
});

describe('manager-side paraphrases: deals, requirements, goal questions', () => {
  const found = (text: string) => presentIn(analyze(text, 'manager'));
  it('reads a deal stated as "you help me ... and I will ..." or backing "your name"', () => {
    expect(found("You cover the spring audit for me and I'll pay for the project-management course you asked about.")).toContain('offers_partnership');
    expect(found("If you take on the supplier reviews, I'll make sure your name is in front of the promotion panel.")).toContain('offers_partnership');
    expect(found('You did well on the audit and I told the director.')).not.toContain('offers_partnership');
  });
  it('reads "I need to see you ..." tied to a level as a requirement', () => {
    expect(found('For the senior grade I need to see you running the client calls without me.')).toContain('clarifies_expectations');
    expect(found('I need to see you in my office at three.')).not.toContain('clarifies_expectations');
  });
  it('reads "what kind of role would interest you" as asking about goals', () => {
    expect(found('What sort of job would interest you after this project wraps up?')).toContain('asks_about_goals');
  });
});
