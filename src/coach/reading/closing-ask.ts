import { readDoc, quoteOf } from '../analyzer/doc.js';
import type { AnswerTopic } from '../scenarios/content-schema.js';
import { ASK_CUES, type AskCueId } from './ask-cues.js';
import { closedAnswer, requestAnswer, swapPeople } from './closed-answer.js';
import { openQuestionOf, reaskedQuestion, type OpenQuestion } from './open-question.js';

/**
 * What the end of a turn leaves the other person to answer. People answer the last thing said to
 * them: "I'll do the draft. Can we talk Thursday?" needs "Thursday works" whatever else the
 * reply says.
 * - `when`: a time or date the user proposed or asked about ("is Friday 9am okay?");
 * - `check`: asks whether what they said is right or agreed ("sound right?", "deal?");
 * - `closed`: a yes/no or either/or question, with its plain answer (`closed-answer.ts`);
 * - `open`: a practical question of a form no line of the persona's world answers (`open-question.ts`);
 * - `about`: a question about the other person's own world, by topic.
 */
export type ClosingAsk =
  | { kind: 'when'; when: string }
  | { kind: 'check' }
  | { kind: 'closed'; answer: string }
  | { kind: 'open'; open: OpenQuestion }
  | { kind: 'about'; topic: AnswerTopic }
  /** Whether the work counts toward the asker's goal, or what it would take: answered with what the persona would want to see. */
  | { kind: 'counts'; closed: boolean };

const PATTERNS = Object.fromEntries(
  Object.entries(ASK_CUES).map(([id, cue]) => [id, new RegExp(cue.patterns.map((p) => `(?:${p})`).join('|'), 'i')]),
) as Record<AskCueId, RegExp>;

/** Whether a sentence shows an ask cue: for the vocabulary's own tests. */
export function showsAskCue(text: string, cue: AskCueId): boolean {
  return PATTERNS[cue].test(text);
}

const TOPIC_CUES: ReadonlyArray<[AskCueId, AnswerTopic]> = [
  ['diary', 'diary'],
  ['people', 'people'],
  ['numbers', 'numbers'],
  ['timeline', 'timeline'],
  ['focus', 'focus'],
];

/** The other side's words seen from the speaker's side: "your morning" said to me is "my morning". */
export function reflect(phrase: string): string {
  const swap: Record<string, string> = { your: 'my', yours: 'mine', you: 'me', my: 'your', me: 'you', mine: 'yours', "you'd": "I'd", "you're": "I'm" };
  return phrase.replace(/\b(?:you'd|you're|your|yours|you|my|me|mine)\b/gi, (w) => {
    const out = swap[w.toLowerCase()] ?? w;
    return w[0] === w[0]?.toUpperCase() ? out[0]?.toUpperCase() + out.slice(1) : out;
  });
}

/** "Does running this count toward delivery lead?", "is that the kind of evidence you meant?", "would that get me closer?". */
const COUNTS = new RegExp(
  [
    String.raw`\b(?:count|counts|counted|go|goes|help|helps|contribute|contributes|work|works|move|moves) (?:me )?(?:toward|towards)\b|\bcounts? for\b`,
    String.raw`\b(?:the|that|this) (?:kind|sort) of (?:evidence|proof|thing|work|stuff|example)\b|\bget me (?:closer|there|nearer)\b`,
    String.raw`\b(?:help|make|strengthen|build) (?:my|the) case\b`,
  ].join('|'),
  'i',
);
/** "What would it actually take?", "what would you need to see from me?", "is something still missing?". */
const TAKES = new RegExp(
  [
    String.raw`\bwhat (?:would|will|does|did|'d|else would) it (?:\w+ )?take\b`,
    String.raw`\bwhat (?:else )?(?:would|do|will|'d) you (?:\w+ )?(?:need|want|expect) to see\b`,
    String.raw`\b(?:is|what's|whats) (?:anything |something )?(?:else )?(?:still )?missing\b`,
  ].join('|'),
  'i',
);

/**
 * A question written without its question mark: "but seriously when is the inspection, bc if its next month i need to move".
 * Only a question word followed by its verb at the start counts, so "when it lands I'll tell you" does not.
 */
const UNMARKED = new RegExp(
  String.raw`(?:^|[.!;]\s+)(?:(?:but|so|and|ok|okay|seriously|honestly|also|then)\W+)*(?:when|what|where|which|who|how) ` +
    String.raw`(?:is|are|was|were|do|does|did|can|could|should|will|would)\b(?![^.!]*\b(?:i'll|i will|let me)\b)`,
  'i',
);

/** A meeting asked for: its time is agreed, whatever else the question offers a choice between. */
const MEETS = /\b(?:meet|talk|check in|catch up|sit down|chat|diary|calendar|invite|invitation|slot|book|grab|borrow)\b/i;

const WHY_IT_MATTERS =
  /\bwhy (?:(?:does|is|do|did|would) )?(?:this|that|it|they|the \w+) (?:\w+ ){0,3}(?:matters?|important|urgent|a priority|a big deal|so pressing)\b/i;

const ASKS_WHEN = /^(?:\W*[\w']+\W+){0,3}?when\b|\bwhen (?:is|are|do|does|can|could|should|shall|would|will|did)\b|\bwhat time\b/i;

/** Asking whether a time suits. */
const SUITS = new RegExp(
  [
    String.raw`\b(?:works?|ok|okay|alright|fine|good|suit|suits|free|available|around|better|convenient|possible|still on|slot|instead)\b`,
    String.raw`\b(?:want me to|shall i|should i|do you want|prefer|check in|check back|catch up|meet|sit down|talk|chat|go through|look at it|review it)\b`,
    // "Can I grab you for five minutes next Friday?", "the Friday five minutes, is that okay?"
    String.raw`\b(?:grab|borrow|steal|catch|book) (?:you|u)\b|\b(?:\d+|five|ten|fifteen|twenty|thirty) (?:minutes|mins|min)\b`,
    // "Fancy a quick check-in halfway, say Wednesday the 17th?"
    String.raw`\bfancy\b|\bcheck-in\b|\bcatch-up\b|\bsay (?:on )?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b`,
  ].join('|'),
  'i',
);

const MEETING_PROPOSED = /\b(?:let'?s|lets|let us|shall we|how about|what about|could we|can we|we could|suggest|i(?:'ll| will) (?:put|pop|book|stick))\b/i;

/** A time offered after a question about when: "When would suit you? I was thinking Friday morning." */
const THINKING = /^(?:i was thinking|i'm thinking|im thinking|i thought|how about|what about|maybe|perhaps)\b/i;

/** Booking a time, not only naming one: "I'll put us in for", "invite's coming", "let's say". */
const BOOKS = new RegExp(
  [
    String.raw`\b(?:i'?ll|ill|i will|let'?s|lets|we could|how about) (?:put|pop|book|send|stick|drop|say|pencil)\b`,
    String.raw`\bcalendar\b|\binvite\b|\bdiary\b`,
    // "If so, I suggest we meet again on Tuesday the 19th at two."
    String.raw`\b(?:i'd|i would|i) suggest (?:that )?we\b|\bmeet again\b`,
  ].join('|'),
  'i',
);
const OPEN_START = new RegExp(
  String.raw`^(?:(?:so|and|but|ok|okay|right|then|also|like|honestly|sorry|wait|oh|um)\W+)*` +
    String.raw`(?:what|what's|whats|which|who|whom|whose|how|why|where|is there (?:one|any|anything|something)|anything)\b` +
    // "How about next Wednesday at 2?" proposes; it asks nothing open.
    String.raw`(?! about\b)`,
  'i',
);

/** The time phrase of a sentence, verbatim (reflected), or undefined. */
export function whenOf(sentence: string): string | undefined {
  const found = PATTERNS.when.exec(sentence);
  if (!found) return undefined;
  const phrase = found[0].replace(/^(?:on|at|for|by)\s+/i, '').replace(/[\s,]+$/, '');
  return phrase.length > 0 ? reflect(phrase) : undefined;
}

/** The turn's questions, verbatim, in order. */
export function questionsOf(text: string): string[] {
  const doc = readDoc(text);
  return doc.sentences.filter((s) => s.question).map((s) => quoteOf(doc, s));
}

/** The last question of a turn, verbatim, or undefined when it asks none. */
export function lastQuestionOf(text: string): string | undefined {
  return questionsOf(text).at(-1);
}

/**
 * The ask the turn ends on, if any: its last question, or a closing proposal of a time ("let's
 * say Monday the 24th", "I'll put something in for the 12th").
 */
export function closingAsk(turn: string): ClosingAsk | undefined {
  const text = splitJoined(turn);
  const doc = readDoc(text);
  const sentences = doc.sentences.map((s) => ({ text: quoteOf(doc, s), question: s.question || UNMARKED.test(quoteOf(doc, s)) }));
  const listed = listedPick(sentences);
  const lastQuestion = sentences.findLast((s) => s.question);
  if (sentences.length === 0) return undefined;
  const proposed = () => {
    // A time proposed in the closing sentences is the thing to answer, asked or not.
    for (const s of sentences.slice(-3).reverse()) {
      // "let's sit down again in a fortnight, say Wednesday the 20th": the time after "say" is the one proposed.
      // So is the time after the words that propose it: "tests by the 28th, and I'll stick a half hour in for the 15th".
      // Only a day or a date: "Friday the 21st, after handover, say 3:30" keeps its day.
      const said = /\bsay\s+(.*)$/i.exec(s.text)?.[1];
      const saidWhen = said !== undefined ? whenOf(said) : undefined;
      const dated = saidWhen !== undefined && /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\d+(?:st|nd|rd|th)\b/i.test(saidWhen);
      // A meeting proposed, not a thing sent: "I'll send you a summary Sunday night" proposes no time to meet.
      const proposal = MEETING_PROPOSED.exec(s.text);
      const afterProposal = proposal ? whenOf(s.text.slice(proposal.index)) : undefined;
      const when = (dated ? saidWhen : undefined) ?? afterProposal ?? whenOf(s.text);
      // A sentence that is little more than the time ("Thursday after handover.") proposes it.
      const bare = when !== undefined && when.length >= s.text.replace(/[\s.!,]+$/, '').length * 0.6;
      if (when && (s.question || bare || PATTERNS.proposes_time.test(s.text))) return when;
    }
    return undefined;
  };
  if (!lastQuestion) {
    const when = proposed();
    return when ? { kind: 'when', when } : undefined;
  }
  // "Is the 17th alright for ten minutes? Half nine?": a fragment after a question about a time adds to it.
  const before = sentences.slice(0, sentences.indexOf(lastQuestion)).findLast((s) => s.question);
  if (before && FRAGMENT_QUESTION(lastQuestion.text) && !PATTERNS.check.test(lastQuestion.text)) {
    const earlier = closingAsk(text.slice(0, text.indexOf(before.text) + before.text.length));
    if (earlier?.kind === 'when') return earlier;
  }
  // Its plain answer in its own words, if it is a yes/no or either/or question: read once, used below.
  const plainAnswer = closedAnswer(lastQuestion.text);
  // "so that's a yes? I'll put us in for the Thursday after the inspection": a time proposed after the last question is the answer sought.
  const after = sentences.slice(sentences.indexOf(lastQuestion) + 1);
  if (after.length > 0) {
    const when = after.map((s) => whenOf(s.text)).findLast((w) => w !== undefined);
    const aboutWhen = ASKS_WHEN.test(lastQuestion.text) || MEETS.test(lastQuestion.text) || /\b(?:suit|suits|check back|check in)\b/i.test(lastQuestion.text);
    if (when && after.some((s) => BOOKS.test(s.text) || (aboutWhen && THINKING.test(s.text)))) return { kind: 'when', when };
  }
  // "Is Friday okay?" asks about a time; "what could I take off you before Friday?" asks something else.
  // Only a question that starts open is open: "can we book next Thursday, to agree what it would mean?" asks about the time.
  const startsOpen = lastQuestion.text.split(/\s*(?:[,;:—–]|\s-\s)\s*/).some((clause) => OPEN_START.test(clause.trim()));
  // A closed question is about a time when it asks whether the time suits: "is 10 okay?", "can we say Friday?",
  // not "if we're past the checkpoint on Saturday night, am I allowed to call it?".
  const timeOnly = (() => {
    const when = whenOf(lastQuestion.text);
    // "Tuesday 3rd of next month, 3 o'clock?": a question with no verb of its own that names a time asks about it.
    const verbless = !/\b(?:is|are|was|were|do|does|did|can|could|will|would|should|have|has|had|be|want|need|go|think|mean|\w+ing)\b/i.test(lastQuestion.text);
    return when !== undefined && (lastQuestion.text.split(/\s+/).length - when.split(/\s+/).length <= 4 || verbless);
  })();
  // "the Tuesday or the Thursday?": a choice between times.
  const timeChoice =
    /\bor\b/i.test(lastQuestion.text) &&
    whenOf(
      lastQuestion.text
        .split(/\bor\b/i)
        .slice(1)
        .join(' or '),
    ) !== undefined;
  // "when" asking for a time, not "who do I chase when a store misses the Sunday submission".
  const asksWhen = ASKS_WHEN.test(lastQuestion.text);
  const aboutTime = timeOnly || timeChoice || asksWhen || PATTERNS.proposes_time.test(lastQuestion.text) || SUITS.test(lastQuestion.text);
  // "Should I send the Friday summary over Slack or email?" is a choice between two things, not about Friday.
  const otherChoice =
    /\bor\b/i.test(lastQuestion.text) &&
    !timeChoice &&
    !MEETS.test(lastQuestion.text) &&
    !PATTERNS.proposes_time.test(lastQuestion.text) &&
    plainAnswer !== undefined;
  // "when is the inspection, bc if it's next month I need to move faster than 3 months": the time asked about is in the clause of its "when".
  const timeOf = asksWhen ? (lastQuestion.text.split(/\s*\b(?:bc|because|cause|cos|if|so that)\b\s*/i)[0] ?? '') : lastQuestion.text;
  const asked = (startsOpen && !asksWhen) || !aboutTime || otherChoice ? undefined : whenOf(timeOf);
  if (asked) return { kind: 'when', when: asked };
  // "Why does this matter so much to you?" asks what is on the persona's plate, and so does "…? like is it a partners thing?" after it.
  const followsOn = /^\W*(?:like|or|is it|is that|i mean)\b/i.test(lastQuestion.text) && sentences.some((s) => s.question && WHY_IT_MATTERS.test(s.text));
  if (WHY_IT_MATTERS.test(lastQuestion.text) || followsOn) return { kind: 'about', topic: 'focus' };
  if (COUNTS.test(lastQuestion.text)) return { kind: 'counts', closed: !OPEN_START.test(lastQuestion.text.trim()) };
  // "Does that exist here, and if so what would it take?" keeps its plain answer; the reading places "what would it take?" as a move.
  if (TAKES.test(lastQuestion.text) && plainAnswer === undefined) return { kind: 'counts', closed: false };
  // Asked again after a dodge: owned and named this time ("Fair, I dodged that. Which stores? …").
  const again = reaskedQuestion(text, lastQuestion.text);
  if (again && plainAnswer === undefined) return { kind: 'open', open: again };
  if (PATTERNS.check.test(lastQuestion.text)) {
    // "Monday the 24th, thirty minutes. Deal?" agrees the time.
    const when = proposed();
    return when ? { kind: 'when', when } : { kind: 'check' };
  }
  // Else an earlier question of the turn says it ("six weeks until what? And what does it include?").
  // Only open questions: "do you want the deal on the budget?" is no question about numbers.
  if (PATTERNS.diary.test(lastQuestion.text)) return { kind: 'about', topic: 'diary' };
  const answer = plainAnswer ?? requestAnswer(lastQuestion.text);
  if (answer) return { kind: 'closed', answer };
  const open = openQuestionOf(lastQuestion.text);
  if (open) return { kind: 'open', open };
  const questions = [lastQuestion, ...sentences.filter((s) => s.question && s !== lastQuestion).reverse()].filter((s) => PATTERNS.open.test(s.text));
  for (const s of questions) for (const [cue, topic] of TOPIC_CUES) if (PATTERNS[cue].test(s.text)) return { kind: 'about', topic };
  const pick = listed ?? offeredInPassing(lastQuestion.text);
  return pick ? { kind: 'open', open: pick } : undefined;
}

/** Options that are no plain thing to pick: a question of their own ("or are you keeping both?"). */
const NOT_AN_OPTION =
  /^(?:(?:and|but|so|or|also|plus)\s+)*(?:what|whats|what's|which|who|how|why|when|where|is|are|do|does|did|can|could|will|would|should)\b/i;

/**
 * "Is it my case you'll push? Or is someone else in the running?" / "what did you like? Explaining stuff, seeing them get it?":
 * a list of short options after a question offers a choice, answered with the first when nothing else answers it.
 */
function listedPick(sentences: ReadonlyArray<{ text: string; question: boolean }>): OpenQuestion | undefined {
  const list = sentences.findLast((s) => s.question);
  if (!list || !sentences.slice(0, sentences.indexOf(list)).some((s) => s.question)) return undefined;
  const FILLER = /^(?:like|e\.g\.|eg|say|maybe|or|so|for example|i mean)$/i;
  const listed = list.text
    .replace(/[?\s]+$/, '')
    .split(/\s*,\s*(?:or\s+)?|\s+or\s+/)
    .filter((o) => !FILLER.test(o.trim()))
    .map((o) => o.replace(/^(?:like|e\.g\.|maybe|or|so)\s+(?:is it\s+)?/i, ''));
  // "and which bucket hurts most, payouts, webhooks, something else?": the question, then its options.
  const options = listed.length > 2 && NOT_AN_OPTION.test(listed[0] ?? '') ? listed.slice(1) : listed;
  const plain = options.every((o) => o.split(/\s+/).length <= 5 && !NOT_AN_OPTION.test(o));
  // Times offered ("Tuesday or Thursday?", "next year? two years?") are agreed, not picked.
  if (options.length < 2 || !plain || options.some((o) => whenOf(o) !== undefined || /\b(?:years?|months?|weeks?)\b/i.test(o))) return undefined;
  const first = swapPeople(options[0] ?? '');
  return first.length >= 2 ? { form: 'pick', echo: first.charAt(0).toUpperCase() + first.slice(1) } : undefined;
}

/**
 * The options the asker offered to pick from at the end of a turn, listed after the question or given in passing
 * inside it ("what will she look for? Cost, risk, the SCA deadline?"): said in front of the answer to the question,
 * since the asker wants one named.
 */
export function offeredPick(text: string): OpenQuestion | undefined {
  const doc = readDoc(splitJoined(text));
  const sentences = doc.sentences.map((s) => ({ text: quoteOf(doc, s), question: s.question }));
  const last = sentences.findLast((s) => s.question);
  return last ? (listedPick(sentences) ?? offeredInPassing(last.text)) : undefined;
}

const IN_PASSING = /(?:\bsuch as|,\s*like|\be\.g\.?|\bfor example|\bfor instance)\s+([^,?;]+?)(?:,|\s+or\s+)/i;

/** The first of options given in passing inside an open question, as a pick; undefined when there are none. */
function offeredInPassing(sentence: string): OpenQuestion | undefined {
  // The question proper, after whatever led into it: "I meant for the inspection next month: is there an area…".
  const question =
    sentence
      .split(/\s*[:;—–]\s*/)
      .pop()
      ?.trim() ?? '';
  if (!OPEN_START.test(question) && !/^\W*(?:(?:so|and|but|ok|okay)\W+)*is there (?:a|an|any|one)\b/i.test(question)) return undefined;
  const option = IN_PASSING.exec(question)?.[1]?.trim();
  if (!option || option.split(/\s+/).length > 5 || NOT_AN_OPTION.test(option)) return undefined;
  const first = swapPeople(option);
  return { form: 'pick', echo: first.charAt(0).toUpperCase() + first.slice(1) };
}

/**
 * Two questions joined in one sentence are two questions: "When is that happening, and what's the
 * hardest part of it?" is answered in two parts, the last first in importance.
 */
const JOINED = new RegExp(
  String.raw`,\s*and\s+(?=(?:(?:what|how|which|who|when|where|why)\s+(?:is|are|was|were|do|does|did|can|could|will|would|should|has|have|many|much|long)\b|` +
    String.raw`(?:what's|whats|who's|where's|when's|how's)\b|which\s+\w+\s+(?:is|are|do|does|did|should|would|will)\b|` +
    String.raw`(?:do|does|did|is|are|can|could|will|would|should)\s+(?:i|you|we|they|it|that|this|there)\b)[^.!?]*\?)`,
  'gi',
);

/**
 * Chat shorthand spelled out, so "cd i do a walk-round, report to u?" is read (and answered) as "could I
 * … report to you?": the words a question turns on, never a word that could be a name.
 */
const SHORTHAND: ReadonlyArray<[RegExp, string]> = [
  [/\bu\b(?!\.)/g, 'you'],
  [/\bU\b(?=\s+(?:can|could|want|think|need|know|said|free|ok|okay)\b)/g, 'you'],
  [/\bur\b/g, 'your'],
  [/\b(?:cd|cud)\b/gi, 'could'],
  [/\bwd\b/gi, 'would'],
  [/\bshd\b/gi, 'should'],
  [/\br\b(?= (?:you|u|we|they)\b)/gi, 'are'],
  [/\b(?:pls|plz)\b/gi, 'please'],
  [/\btmrw\b/gi, 'tomorrow'],
  [/\bthurs\b(?!day)/gi, 'Thursday'],
];

function splitJoined(text: string): string {
  const spelled = SHORTHAND.reduce((t, [from, to]) => t.replace(from, to), text);
  return spelled.replace(JOINED, '? And ');
}

/** A question with no verb of its own ("A year?", "Six months?", "the CSAT?"): it elaborates the question before it. */
const FRAGMENT_QUESTION = (question: string) =>
  question.split(/\s+/).length <= 5 &&
  !/\b(?:is|are|was|were|do|does|did|can|could|will|would|should|have|has|had|what|which|who|how|when|where|why)\b|'s\b/i.test(question);

/** Asks whose plain answer is a few words of the user's own, safe to give beside the reply to the last question. */
const PLAIN_EARLIER: ReadonlySet<string> = new Set(['closed', 'when', 'open:count', 'open:duration', 'open:date', 'open:where', 'open:meet', 'open:fragment']);

/**
 * The question before the last one, when a turn asks two and the earlier one has a plain answer:
 * "Do I need a login, or can you sort that? And where's the paper version?" is answered in both
 * parts, not only the last ("partly: login ignored", rounds 15-17 of the blind reviews). Undefined
 * when the turn asks one question, or when either question is a fragment elaborating the other ("what's
 * soon to you? Six months? A year?"). An `about` ask is returned too: it is answered only when the
 * reply to the last question is a plain answer with no line of its own.
 */
export function earlierAsk(turn: string): { ask: ClosingAsk; question: string } | undefined {
  const text = splitJoined(turn);
  const doc = readDoc(text);
  const questions = doc.sentences.filter((s) => s.question);
  const [earlier, last] = questions.slice(-2);
  if (!earlier || !last) return undefined;
  // "…, and can you send that today? Works?" still asks for the names: a check is no fragment.
  const lastText = quoteOf(doc, last);
  // "What worries you most? Is it meds stuff or something else?" asks one thing twice: the choice answers it.
  if (/^\W*(?:like|or|i mean|e\.g\.|say|is it|is that|are they)\b/i.test(lastText)) return undefined;
  if (FRAGMENT_QUESTION(quoteOf(doc, earlier)) || (FRAGMENT_QUESTION(lastText) && !PATTERNS.check.test(lastText))) return undefined;
  const ask = closingAsk(text.slice(0, earlier.end));
  if (!ask) return undefined;
  // "I mean?", "We know?": a plain answer of a word or two says nothing.
  if (ask.kind === 'closed' && ask.answer.split(/\s+/).length < 3 && !/^(?:It|That) (?:does|would|will|did|is)\.$/.test(ask.answer)) return undefined;
  const key = ask.kind === 'open' ? `open:${ask.open.form}` : ask.kind;
  return PLAIN_EARLIER.has(key) || ask.kind === 'about' || ask.kind === 'counts' ? { ask, question: quoteOf(doc, earlier) } : undefined;
}
