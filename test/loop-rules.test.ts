import { describe, expect, it } from 'vitest';
import { analyze } from '../src/coach/analyzer/index.js';
import { ASK_CHECKS } from '../src/coach/critique/order-check.js';
import { calendarFeed, escapeText, foldLine } from '../src/coach/loop/calendar.js';
import type { EntryReading, Relation } from '../src/coach/loop/entry-reading-schema.js';
import { LOOP_PHRASES } from '../src/coach/loop/loop-phrases.js';
import { loopState, type LoopEntry } from '../src/coach/loop/loop-state.js';
import { prepareConversation, type PlanInput } from '../src/coach/loop/plan.js';
import { rehearsalPersonaId, rehearsalScenario, withOverride } from '../src/coach/loop/rehearsal-persona.js';
import { stopLooping } from '../src/coach/loop/stop-looping.js';
import { offlinePersonaReply } from '../src/coach/roleplay/offline-persona.js';
import { getBrief, getPersona } from '../src/coach/scenarios/index.js';

const DAY = 86_400_000;
const START = Date.parse('2026-09-01T10:00:00Z');
const NOW = Date.parse('2026-11-27T09:00:00Z');

const reading = (over: Partial<EntryReading> = {}): EntryReading => ({
  checks: [],
  needs: [],
  commitments: [],
  feedback: [],
  goalEngaged: null,
  source: 'analyzer',
  ...over,
});
const helped = (over: Partial<EntryReading> = {}) => reading({ checks: [{ id: 'offers_help', evidence: ['How can I help?'] }], ...over });
const raised = (engaged: boolean, over: Partial<EntryReading> = {}) =>
  reading({ checks: [{ id: 'states_goal', evidence: ['I want to be promoted.'] }], goalEngaged: engaged, ...over });

/** A history, one entry a week from START: e1, e2, … */
const history = (...readings: EntryReading[]): LoopEntry[] =>
  readings.map((r, i) => ({ id: `e${i + 1}`, kind: 'one-on-one', at: START + i * 7 * DAY, text: '', reading: r }));

const check = (entries: LoopEntry[], over: { threshold?: number; relation?: Relation } = {}) =>
  stopLooping({ name: 'Helen', relation: over.relation ?? 'manager', entries, threshold: over.threshold ?? 3, askBy: 'Friday 4 December' });

/** One loop: help given, then the goal raised in the same conversation, engaged with or not. */
const loop = (engaged: boolean) => helped({ checks: [...helped().checks, ...raised(engaged).checks], goalEngaged: engaged });

describe('stop looping', () => {
  it('warns after three one-sided loops, with the entries as evidence, the caveat and the options', () => {
    const entries = history(helped(), raised(false), loop(false), helped(), raised(false));
    const result = check(entries);
    expect(result.warning).toBe(true);
    expect(result.evidence).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
    expect(result.reason).toContain('3 times');
    expect(result.reason).toContain('2026-09-08, 2026-09-15, 2026-09-29');
    expect(result.caveat).toMatch(/works in almost every case.*truly exploitative manager/);
    expect(result.options).toHaveLength(3);
    expect(result.options[0]).toMatch(/Ask once more, explicitly and with a date.*Friday 4 December/);
    expect(result.options[1]).toMatch(/skip-level/);
    expect(result.options[2]).toMatch(/Consider moving/);
    // It describes the pattern; it never calls the person anything.
    expect(`${result.reason} ${result.options.join(' ')}`).not.toMatch(/exploit|manipulat|toxic|narciss|liar|abus/i);
  });

  it('gives no warning for a reciprocal history', () => {
    const result = check(history(loop(true), loop(true), loop(true), loop(true)));
    expect(result).toMatchObject({ warning: false, evidence: [], caveat: null, options: [] });
    expect(result.reason).toMatch(/^Reciprocal/);
  });

  it('counts only the loops since they last engaged: mixed histories warn only on a fresh run of three', () => {
    expect(check(history(loop(false), loop(false), loop(true), loop(false), loop(false))).warning).toBe(false);
    const recent = check(history(loop(true), loop(false), loop(false), loop(false)));
    expect(recent.warning).toBe(true);
    expect(recent.evidence).toEqual(['e2', 'e3', 'e4']);
    // One engagement after a long one-sided run clears it.
    expect(check(history(loop(false), loop(false), loop(false), loop(true))).warning).toBe(false);
  });

  it('says it is too early to tell with fewer loops, or none', () => {
    expect(check(history(loop(false), loop(false)))).toMatchObject({ warning: false, reason: expect.stringMatching(/^Too early to tell: 2 of 3/) });
    expect(check([]).reason).toMatch(/^No loop on record/);
    // Raising the goal with no help on record is no loop: the ask was not earned.
    expect(check(history(raised(false), raised(false), raised(false), raised(false))).warning).toBe(false);
  });

  it('uses the configured threshold, and never warns about a report', () => {
    const two = history(loop(false), loop(false));
    expect(check(two, { threshold: 2 }).warning).toBe(true);
    expect(check(history(loop(false), loop(false), loop(false)), { relation: 'report' })).toMatchObject({ warning: false });
  });
});

describe('loop state', () => {
  it('says which steps are done, where, and counts commitments open, done and overdue', () => {
    const entries = history(
      reading({ feedback: ['Great work on the review'] }),
      helped({
        commitments: [
          { id: 'c1', text: 'own the evidence', owner: 'me', due: '2026-09-11', when: 'by Friday', status: 'done' },
          { id: 'c2', text: 'send the risk log', owner: 'me', due: '2026-09-20', when: null, status: 'open' },
          { id: 'c3', text: 'intro to the VP', owner: 'them', due: '2099-01-01', when: null, status: 'open' },
        ],
      }),
    );
    const state = loopState(entries, NOW);
    expect(state.steps.perceptionKnown).toEqual({ done: true, evidence: ['e1'] });
    expect(state.steps.helpOffered).toEqual({ done: true, evidence: ['e2'] });
    expect(state.steps.goalStated.done).toBe(false);
    expect(state.commitments).toMatchObject({ open: 1, done: 1, overdue: 1 });
    expect(state.commitments.items.map((c) => [c.id, c.status])).toEqual([
      ['e2.c1', 'done'],
      ['e2.c2', 'overdue'],
      ['e2.c3', 'open'],
    ]);
    expect(state.nextStep).toBe(3);
  });

  it('finds the next check-in: agreed in a conversation, else the one-on-ones’ cadence, else two weeks on', () => {
    const agreed: LoopEntry[] = [
      { id: 'e1', kind: 'one-on-one', at: Date.parse('2026-11-24T10:00:00Z'), text: "Let's check in again next Thursday.", reading: reading() },
    ];
    expect(loopState(agreed, NOW).nextCheckIn).toEqual({ date: '2026-12-03', basis: 'agreed' });
    const weekly = [0, 7, 14].map((d, i): LoopEntry => ({
      id: `e${i}`,
      kind: 'one-on-one',
      at: Date.parse('2026-11-10T10:00:00Z') + d * DAY,
      text: '',
      reading: reading(),
    }));
    expect(loopState(weekly, NOW).nextCheckIn).toEqual({ date: '2026-12-01', basis: 'cadence' });
    expect(loopState(history(reading()), NOW).nextCheckIn).toEqual({ date: '2026-12-08', basis: 'default' });
    expect(loopState([], NOW).nextCheckIn).toBeNull();
  });
});

describe('preparing the next conversation', () => {
  const plan = (entries: LoopEntry[], over: Partial<PlanInput> = {}) => {
    const state = loopState(entries, NOW);
    return prepareConversation({
      name: 'Helen Park',
      relation: 'manager',
      yourGoal: 'be promoted to staff engineer next cycle',
      knownPriorities: ['the Q3 audit'],
      entries,
      state,
      stopLooping: check(entries),
      now: NOW,
      ...over,
    });
  };
  const asks = (text: string) => ASK_CHECKS.filter((id) => analyze(text, 'employee').checks[id]?.present);

  it('never makes the step-4 ask before any help is on record, whatever the goal and priorities say', () => {
    const goals = ['be promoted to staff engineer next cycle', 'lead the platform team', 'get a raise'];
    const priorities = [['the Q3 audit'], ['hiring a senior engineer for the promotion panel'], []];
    for (const entries of [[], history(reading({ feedback: ['Solid work'] })), history(reading({ needs: ['I need the deck'] }))]) {
      for (const yourGoal of goals) {
        for (const knownPriorities of priorities) {
          const p = plan(entries, { yourGoal, knownPriorities });
          expect(p.step4.time).toBe(false);
          expect(p.step4.reason).toMatch(/^Not yet/);
          expect(p.draft.purpose).toBe(2);
          expect(p.draft.text).not.toContain(yourGoal);
          expect(asks(p.draft.text), p.draft.text).toEqual([]);
        }
      }
    }
  });

  it('makes the ask once help is on record: the goal, linked to their needs, and what it would take', () => {
    const done = { id: 'c1', text: 'own the evidence collection', owner: 'me' as const, due: '2026-11-20', when: 'by Friday', status: 'done' as const };
    const p = plan(history(helped({ commitments: [done] })));
    expect(p.step4.time).toBe(true);
    expect(p.draft.purpose).toBe(4);
    expect(p.draft.text).toContain('be promoted to staff engineer next cycle');
    expect(p.draft.text).toContain("I said I'd own the evidence collection, and it's done.");
    expect(asks(p.draft.text).sort()).toEqual(['asks_what_it_takes', 'links_goal_to_needs', 'states_goal']);
    expect(p.report).toEqual(['Done: own the evidence collection.']);
    expect(p.offer).toContain('Offer to take a specific piece of the Q3 audit.');
  });

  it('holds the ask while a commitment of the user’s is late, and without a goal to name', () => {
    const late = { id: 'c1', text: 'send the risk log', owner: 'me' as const, due: '2026-11-01', when: null, status: 'open' as const };
    const p = plan(history(helped({ commitments: [late] })));
    expect(p.step4).toMatchObject({ time: false, reason: expect.stringMatching(/late/) });
    expect(p.report[0]).toMatch(/^Late: send the risk log/);
    expect(asks(p.draft.text)).toEqual([]);
    const noGoal = plan(history(helped()), { yourGoal: null });
    expect(noGoal.step4.time).toBe(false);
    expect(noGoal.ask).toContain(LOOP_PHRASES.plan.askSetGoal);
  });

  it('after a stop-looping warning, asks once more, explicitly and with a date', () => {
    const p = plan(history(loop(false), loop(false), loop(false)));
    expect(p.draft.purpose).toBe(4);
    expect(p.draft.text).toMatch(/come back to my goal: be promoted to staff engineer next cycle\. What would it take.*by \w+day \d+ \w+\?/);
    expect(p.ask.at(-1)).toMatch(/^Ask once more/);
  });

  it("plans a report's conversation from the manager's side", () => {
    const p = plan([], { relation: 'report', name: 'Sam Lee' });
    expect(p.draft.mode).toBe('manager');
    expect(analyze(p.draft.text, 'manager').checks.asks_about_goals?.present).toBe(true);
    expect(p.step4.time).toBe(false);
  });
});

describe('the calendar feed', () => {
  const feed = calendarFeed({
    relationshipId: 'rel_1',
    name: 'Helen Park',
    nextCheckIn: { date: '2026-12-01' },
    commitments: [
      {
        id: 'ent_1.c1',
        entryId: 'ent_1',
        text: 'send deck, notes; and\nthe risk log \\ appendix',
        owner: 'me',
        due: '2026-12-04',
        when: 'by Friday',
        status: 'open',
      },
      { id: 'ent_1.c2', entryId: 'ent_1', text: 'intro me to the VP', owner: 'them', due: '2026-11-20', when: 'next week', status: 'overdue' },
      { id: 'ent_1.c3', entryId: 'ent_1', text: 'done already', owner: 'me', due: '2026-11-20', when: null, status: 'done' },
      { id: 'ent_1.c4', entryId: 'ent_1', text: 'no date', owner: 'me', due: null, when: null, status: 'open' },
    ],
    now: NOW,
  });
  const lines = feed.split('\r\n');

  it('is valid iCalendar: CRLF lines, a calendar of VEVENTs with all-day DTSTART dates and UIDs', () => {
    expect(feed.endsWith('\r\n')).toBe(true);
    expect(feed.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.find((l) => l.startsWith('PRODID:'))).toBeDefined();
    expect(lines.at(-2)).toBe('END:VCALENDAR');
    const unfolded = feed.replace(/\r\n /g, '');
    const events = unfolded.split('BEGIN:VEVENT').slice(1);
    expect(events).toHaveLength(3);
    for (const e of events) {
      expect(e).toMatch(/\r\nUID:[^\r\n]+@loop-coach\r\n/);
      expect(e).toMatch(/\r\nDTSTAMP:20261127T090000Z\r\n/);
      expect(e).toMatch(/\r\nDTSTART;VALUE=DATE:\d{8}\r\n/);
      expect(e).toMatch(/\r\nEND:VEVENT/);
    }
    expect(unfolded).toContain('UID:checkin-rel_1@loop-coach\r\nDTSTAMP:20261127T090000Z\r\nDTSTART;VALUE=DATE:20261201\r\nDTEND;VALUE=DATE:20261202');
    expect(unfolded).toContain('UID:ent_1.c1@loop-coach');
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20261120');
    expect(unfolded).not.toContain('done already');
    expect(unfolded).not.toContain('no date');
  });

  it('escapes commas, semicolons, backslashes and newlines in text', () => {
    expect(escapeText('a, b; c\\d\ne')).toBe('a\\, b\\; c\\\\d\\ne');
    expect(feed.replace(/\r\n /g, '')).toContain('SUMMARY:Due to Helen Park: send deck\\, notes\\; and\\nthe risk log \\\\ appendix');
  });

  it('folds lines at 75 octets, never inside a character', () => {
    for (const l of lines) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
    const long = `SUMMARY:${'é'.repeat(60)}${'😀'.repeat(20)}`;
    const folded = foldLine(long);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const [i, p] of parts.entries()) {
      expect(new TextEncoder().encode(p).length).toBeLessThanOrEqual(75);
      if (i > 0) expect(p.startsWith(' ')).toBe(true);
      // Each piece is whole UTF-8: no lone surrogate, no replacement character on a round trip.
      expect(new TextDecoder().decode(new TextEncoder().encode(p))).toBe(p);
      expect(p).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    }
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(long);
  });
});

describe('the rehearsal persona', () => {
  it('picks the scenario by where the loop stands and the persona by the style', () => {
    const none = loopState([], NOW);
    const withHelp = loopState(history(helped()), NOW);
    expect(rehearsalScenario('manager', none)).toBe('offer-help');
    expect(rehearsalScenario('manager', withHelp)).toBe('goal-alignment');
    expect(rehearsalScenario('report', withHelp)).toBe('manager-initiated');
    expect(rehearsalPersonaId('goal-alignment', 'skeptical')).toBe('skeptical');
    expect(rehearsalPersonaId('goal-alignment', 'numbers-first, wants evidence and follow-through, makes you earn every answer')).toBe('skeptical');
    expect(rehearsalPersonaId('offer-help', null)).toBe('overwhelmed');
  });

  it("plays the person: their role, the user's description, and the priorities the user knows, which it brings up", () => {
    const base = { persona: getPersona('supportive-busy'), brief: getBrief('supportive-busy', 'offer-help') };
    const { persona, brief } = withOverride(base, 'offer-help', {
      role: 'Head of Platform',
      style: 'blunt; likes numbers',
      priorities: ['the Q3 audit', 'hiring'],
    });
    expect(persona.role).toBe('Head of Platform');
    expect(persona.style).toContain('"blunt; likes numbers"');
    expect(persona.style).toContain('"the Q3 audit"; "hiring"');
    expect(persona.lines.opening?.['offer-help']).toMatch(/^The Q3 audit is taking most of my week/);
    expect(brief.facts).toEqual(base.brief.facts);
    // Asked what is on its mind, the offline persona answers with the priority the user knows.
    const reply = offlinePersonaReply({ persona, brief, difficulty: 'easy', reactions: [{ kind: 'answer', topic: 'focus' }], line: 0 });
    expect(reply).toContain('the Q3 audit');
    // Without a style of the user's own, the persona keeps its manner but not its own identity.
    const plain = withOverride(base, 'offer-help', { role: null, style: null, priorities: [] }).persona;
    expect(plain.style).not.toMatch(/^You are Priya Raman/);
    expect(plain.role).toBe(base.persona.role);
  });
});
