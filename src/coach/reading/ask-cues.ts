/**
 * The words that say what the end of a turn asks for (`closing-ask.ts`): a time, a check that
 * something is right, or what a question about the other person's world is about. Vocabulary as
 * data, held to its examples and counterexamples by the tests (`ask-cue-examples.ts`). Patterns
 * run case-insensitively on one sentence with plain apostrophes.
 */
// "sat" and "sun" alone are a verb and a star ("we sat down"), not days: only with a date after them ("sat 14th").
const WEEKDAY = String.raw`(?:(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|satur|sun)day|mon|tue|tues|wed|thu|thur|thurs|fri|(?:sat|sun)(?=\s+\d))`;
const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*`;
const ORDINAL = String.raw`\d{1,2}(?:st|nd|rd|th)`;
const CLOCK = String.raw`(?:\d{1,2}(?::\d{2})?\s?(?:am|pm)|\d{1,2}:\d{2}|noon|midday)`;
const PART = String.raw`(?:morning|afternoon|evening|lunch(?:time)?)`;
// "every Friday" is a habit, not a time to agree.
const ATOM =
  String.raw`(?<!every\s)(?:(?:this|next|coming|on|the)\s+)?` +
  String.raw`(?:${WEEKDAY}\b|tomorrow\b|the\s+${ORDINAL}\b|${ORDINAL}\b|${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?\b|${CLOCK}\b|` +
  String.raw`next week\b|this week\b|end of (?:the |this |next )?(?:week|day|month)\b|` +
  String.raw`after (?:handover|standup|stand-up|lunch|the (?:huddle|sync|meeting|review|call))\b|` +
  String.raw`(?:the )?(?:first|second|third|last|final) week (?:of|in) ${MONTH}\b|(?:early|mid|late|end of)[ -]${MONTH}\b|` +
  String.raw`(?:in )?(?:a|one|two|three|\d) (?:weeks?|months?)(?: time| or so)?\b)`;
const JOIN = String.raw`(?:\s*,\s*|\s+at\s+|\s+the\s+|\s+(?:in the|before|after)\s+|\s+)`;

export interface AskCue {
  patterns: readonly string[];
}

export const ASK_CUES = {
  /** A time or date, however it is put: "Friday 9am", "Monday the 24th", "the 12th", "Thursday after handover". */
  when: { patterns: [String.raw`\b${ATOM}(?:${JOIN}(?:${ATOM}|${PART}\b))*`] },
  /** Proposing a time without asking: "let's say", "I'll put something in", "first one Monday then". */
  proposes_time: {
    patterns: [
      String.raw`\b(?:let'?s|lets|let us|shall we|how about|what about|maybe|perhaps|could we|can we|we could|i suggest|i'd suggest|i would suggest)\b`,
      String.raw`\bi(?:'ll| will) (?:put|pop|send|book|stick|drop)\b`,
      // "First one Monday then." proposes; "before then I'll ping you" does not.
      String.raw`(?<!\b(?:since|by|until|till|before|after|from|back|even|just) )\bthen\W*$|\b(?:it is|it's a date|works for me|calendar|invite)\b`,
    ],
  },
  /** Asking whether what was just said is right or agreed. */
  check: {
    patterns: [
      String.raw`\b(?:sounds?|that) (?:right|good|fair|ok|okay|reasonable|like a plan|alright|all right|fine|sensible|doable|useful|helpful)\b.*\?`,
      String.raw`^\W*(?:is|it's|its) (?:it |that |this )?(?:ok|okay|alright|all right|fine)\s*\?`,
      String.raw`\b(?:ok|okay|alright|all right|fine|good) (?:with|by|for) (?:you|u)\b[^.!]*\?`,
      String.raw`\b(?:make|makes) sense\b.*\?|\bam i (?:wrong|right|off|missing)\b|\bis that (?:right|fair|ok|okay|alright|all right|accurate|true)\b`,
      String.raw`(?:^|[,.;—-]\s*)` +
        String.raw`(?:deal|fair|agreed|right|yeah|yes|ok|okay|no|correct|true|alright|all right|good|cool|sounds?|sound ok|sound good|works?)\s*\?\s*$`,
      String.raw`\b(?:does that|would that|will that|that) work\b|\bwork for you\b|\bhow does that sound\b|\bare we (?:agreed|aligned|good|on the same page)\b`,
      String.raw`\b(?:does|would|will) (?:that|this|it)(?: (?:date|time|slot|day|timeline|plan|schedule|split|order|approach))? suit(?: you)?\s*\?`,
      String.raw`\byes[ -]or[ -]no\b|\bwould you agree\b|\bdo you agree\b|\bdid i get (?:that|it) right\b|\bis that what you (?:meant|mean)\b`,
      String.raw`\b(?:that's|thats|that is|is that) a (?:yes|deal|plan)\b`,
    ],
  },
  /** An open question, or one that asks for something to be named ("is there one thing…?"). */
  open: {
    patterns: [
      String.raw`\b(?:what|what's|whats|which|who|whom|whose|when|where|how|why)\b`,
      String.raw`\bis there (?:one|any|anything|something)\b|\banything\b`,
    ],
  },
  /** When the other person is free, or whether now is a bad time. */
  diary: {
    patterns: [
      String.raw`\b(?:are|were) you (?:free|around|about|available|busy|in)\b(?! to)|\bbad time\b|\breschedule\b`,
      String.raw`\b(?:have you |you )?got (?:a (?:sec|second|minute|min)|time)\b`,
      String.raw`\byour (?:week|diary|calendar|schedule|day)\b|\bwhen (?:are|is) (?:you|it) (?:free|best|good|easiest)\b|\bwhen suits\b|\bwhen can we\b`,
      String.raw`\bwhich (?:days?|shifts?) (?:are|r) (?:you|u)\b|\bwhen (?:are|r) (?:you|u) (?:actually )?(?:on|in|working|around|back)\b`,
    ],
  },
  /** Who is involved, decides, or is worth talking to. */
  people: {
    patterns: [String.raw`\bwho(?:m|se|'s)?\b|\b(?:talk|speak|reach out) to\b|\bwhich (?:people|person|team|teams|stakeholders?|clients?)\b`],
  },
  /** Which numbers, metrics or results matter. */
  numbers: {
    patterns: [
      String.raw`\b(?:numbers?|metrics?|kpis?|figures?|data|stats|targets?|scores?|league table|dashboard)\b`,
      String.raw`\b(?:budget|revenue|margins?|shrink|rate|rates|percent|ratings?)\b`,
    ],
  },
  /** What is coming up, when something is due, how long there is. */
  timeline: {
    patterns: [
      String.raw`\bwhen\b|\bdeadlines?\b|\bdue\b|\bhow long\b|\buntil\b|\btill\b|\bby when\b|\bcoming up\b|\bhow much time\b|\bwhat date\b|\bhow soon\b`,
    ],
  },
  /** What is on the other person's mind: worries, priorities, the hardest part. */
  focus: {
    patterns: [
      String.raw`\bworr|\bfocus|\bpriorit|\bkeeps? you up\b|\bon your (?:mind|plate|list)\b|\bhardest\b|\bpushing\b|\bgrill|\bstress|\bbiggest\b`,
      String.raw`\bstruggl|\bbother|\bconcern|\bcare about\b|\bmatters? (?:most|to you)\b|\bheadache|\bpain\b|\bhurting\b`,
      String.raw`\bwhat(?:'s| is) (?:going on|happening|up)\b`,
      String.raw`\bwhat (?:are|is) (?:you|your team|the team) (?:working on|doing|up to)\b|\bwhat'?s (?:top|next) (?:of|on)\b`,
      String.raw`\bwhat (?:do|would) you (?:need|want)\b`,
    ],
  },
} as const satisfies Record<string, AskCue>;

export type AskCueId = keyof typeof ASK_CUES;
