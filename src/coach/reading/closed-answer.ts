/**
 * The plain answer to a closed question, in the asker's own words seen from the other side:
 * "do I have your authority to roll back, or do I have to reach you?" -> "You have my authority
 * to roll back."; "was that fun or a slog?" -> "That was fun." The first option of a choice is
 * taken, since the persona never agrees to more than the user put on the table. Requests ("can
 * you…", "will you…") are not answered here: whether to grant one is the persona's character.
 */
// A thing named after "that"/"this", then what it does: "timeline fit…", "plan work…".
const THING_THEN_VERB = new RegExp(
  String.raw`^(?!(?:really|still|actually|also|just|even|definitely|ever|not|all|both)\b)([a-z][\w-]*) ` +
    String.raw`(?:fit|suit|work|help|sound|look|seem|make|count|matter|cover|need|go|run|take|cause|affect|change|mean|fix|solve|clash|` +
    String.raw`conflict|overlap|leave|give)\b`,
  'i',
);

const OPENERS: ReadonlyArray<[RegExp, string]> = [
  [/^(?:do|does) i\s+/i, 'You '],
  [/^am i\s+/i, "You're "],
  [/^(?:should|shall) i\s+/i, 'You should '],
  // "Can I ask: what…?" leads into a question; it asks no leave.
  [/^(?:can|could|may) i\s+(?!ask\b|(?:just )?(?:check|confirm|clarify|ask)\b)/i, 'You can '],
  [/^shall we\s+/i, "Let's "],
  [/^(?:should|can|could) we\s+/i, 'We can '],
  [/^do we\s+/i, 'We '],
  [/^(?:do you )?want me to\s+/i, 'Yes, '],
  [/^(?:are|were) we\s+/i, "We're "],
  [/^is it\s+/i, "It's "],
  [/^was it\s+/i, 'It was '],
  [/^is that\s+/i, "That's "],
  [/^is this\s+/i, 'This is '],
  [/^was that\s+/i, 'That was '],
  [/^(?:are|were) you\s+/i, "I'm "],
  [/^do you\s+(?=(?:want|need|mean|think|prefer|agree|like|see)\b)/i, 'I '],
  [/^you\s+(?=(?:want|need|mean|think|prefer|said)\b)/i, 'I '],
  [/^(?:are|were) (?:they|these|those)\s+/i, "They're "],
  [/^did (?:it|that|this)\s+/i, 'It did '],
  [/^does (?:it|that|this)\s+/i, 'It does '],
  [/^will (?:it|that|this)\s+/i, 'It will '],
  [/^would (?:it|that|this)\s+/i, 'It would '],
];

/** The yes of a long yes/no question, in the fewest words: "does that match what the panel wants, roughly, from …?" -> "It does." */
const SHORT: Record<string, string> = {
  'It does ': 'It does.',
  'It would ': 'It would.',
  'It will ': 'It will.',
  'It did ': 'It did.',
  "That's ": 'It is.',
  "It's ": 'It is.',
};

/** Words that lead into the question proper: "so", "and", "but", "okay", a name, "then". */
const LEAD_IN =
  /^(?:(?:so|and|but|ok|okay|right|then|also|sorry|wait|just|one thing|quick one|honestly|like|for example|e\.g\.|say|maybe|perhaps)[,:—-]?\s+)+/i;

const SWAP: Record<string, string> = {
  your: 'my',
  yours: 'mine',
  you: 'me',
  my: 'your',
  mine: 'yours',
  me: 'you',
  i: 'you',
  "i'm": "you're",
  "i'll": "you'll",
  "i've": "you've",
  "i'd": "you'd",
  "you'd": "I'd",
  "you're": "I'm",
  "you've": "I've",
  "you'll": "I'll",
  myself: 'yourself',
  yourself: 'myself',
};

/** "you" before a verb is the subject: "is that what you see" -> "that's what I see". */
const YOU_ACTS = new RegExp(
  String.raw`\byou(?=\s+(?:see|think|want|need|mean|know|like|liked|feel|are|were|have|had|do|did|can|could|would|will|should|said|told|get|got|expect|` +
    String.raw`prefer|meant|wanted|hoped|planned|sent|send|wrote|write|made|make|gave|give|asked|ask|mentioned|use|used|promised|offered|` +
    String.raw`agreed|put|set|showed|shared|built|ran)\b)`,
  'gi',
);

export function swapPeople(text: string): string {
  // "you pick or I pick?" -> "I pick.": "you" that opens the answer is its subject, whatever the verb (round 25's "Me pick").
  const marked = text.replace(YOU_ACTS, '\u0000').replace(/^you\b(?=\s+(?!(?:that|who|which|and|or|too|as well)\b)[a-z])/i, '\u0000');
  return marked
    .replace(/\b(?:you'd|you're|you've|you'll|your|yours|you|my|mine|me|i'm|i'll|i've|i'd|i|myself|yourself)\b/gi, (w) => SWAP[w.toLowerCase()] ?? w)
    .replace(/\u0000/g, 'I');
}

/** Whether they will be promoted or paid more is never the persona's to grant in a sentence. */
const NOT_MINE_TO_GRANT =
  /\b(?:promot\w*|senior|raise|pay|salary|title|level|bonus|rating|on track|counts? (?:towards?|for)|put me forward|my case|back me|sponsor|nominate)\b/i;

/** An open question after the opener ("may I ask, what is the one thing you need?") is not closed. */
const OPEN_CLAUSE = /^(?:(?:so|and|but|then|like|honestly)\s+)*(?:what|what's|which|who|whom|whose|how|why|where|when)\b/i;

/** "You said Denise's job, is she leaving?": the question proper is a clause after the opener's, with no plain answer in its words. */
const ASKS_AGAIN = /,\s*(?:is|are|was|were|does|did|has|have) (?:she|he|they|there)\b/i;

const ASKS_WHAT = /^(?:what|which|who|how|where|when)(?:'s)?\s+(?:are|is|do|does|did|was|were|can|could|will|would|should|many|much|long)\b/i;

/** "shared gdoc or confluence page, which do you prefer?": the choice is before its "which". */
const WHICH_OF_THEM = /,\s*which (?:one )?(?:do|would|should|shall|will) (?:you|i|we)\b[^,?]*\?*\s*$/i;

const EXPECTS_NO = new RegExp(
  String.raw`^\W*(?:(?:and|but|so|ok|okay|sorry|also|oh|um|hmm)\W+)*(?:is|was|would|will|does|wd)\s+(?:that|it|this)\s+(?:be\s+)?` +
    String.raw`(?:too (?:much|many|ambitious|soon|early|late|big|long|short|tight|far|heavy|pushy|forward|cheeky|rude)|` +
    String.raw`a (?:problem|pain|bother|hassle|stretch too far)|an (?:issue|imposition)|annoying|overkill)\b`,
  'i',
);

export function closedAnswer(asking: string): string | undefined {
  if (NOT_MINE_TO_GRANT.test(asking)) return undefined;
  // "Is that too much of your time?", "would that be a problem?": the cooperative answer is no, not a yes in the asker's words
  // ("That's too much of my time. Brilliant.", round 23's reviews).
  if (EXPECTS_NO.test(asking)) return "No, that's fine.";
  const question = /\bor\b/i.test(asking) ? asking.replace(WHICH_OF_THEM, '?') : asking;
  if (
    question
      .split(/\s*(?:[,;:—–]|\s-\s)\s*/)
      .slice(1)
      .some((clause) => OPEN_CLAUSE.test(clause))
  )
    return undefined;
  const asked = question.replace(/\?+\s*$/, '').trim();
  for (const [opener, replacement] of OPENERS) {
    // The question proper starts at its opener, after whatever led into it ("If it runs late at midnight, do I…").
    // An emoji ends what came before as a full stop would: "I promise 😅 should I send it over Slack or email?"
    // So does a short phrase saying what it is about: "for estimates, do you want t-shirt sizes or eng-weeks?"
    const before = String.raw`(?:^|[,;:.!?—–-]\s*|\p{Extended_Pictographic}\s*|\b(?:so|and|but|then|okay|ok)\s+)`;
    const about = String.raw`(?:(?:for|on|about|re|with) [\w'-]+(?: [\w'-]+)?,?\s+)?`;
    const at = new RegExp(`${before}${about}(${opener.source.slice(1)})`, 'iu').exec(asked);
    if (!at) continue;
    // "When are the inspectors due, do we know?" asks when: the "do we know?" after it is a tag, not the question.
    // "Who do I go to, is it still Marta?" offers its own answer, which is confirmed.
    const tag = /^(?:know|remember|recall|think|reckon|have (?:a|any) (?:date|idea|clue))\b/i.test(asked.slice(at.index + at[0].length));
    if (tag && ASKS_WHAT.test(asked.slice(0, at.index).replace(LEAD_IN, ''))) return undefined;
    if (ASKS_AGAIN.test(asked.slice(at.index + at[0].length))) return undefined;
    const from = asked.slice(at.index + at[0].length - (at[1]?.length ?? 0)).replace(LEAD_IN, '');
    // A choice: the first option, before ", or" / " or " / the first comma of a list.
    const first = from.split(/,?\s+or\s+|,\s+/i)[0]?.trim() ?? '';
    const m = opener.exec(first);
    if (!m) continue;
    // An offer is taken up in its first words: "want me to pre-fill the Leeds one so you can see it?" -> "Yes, pre-fill the Leeds one."
    const offered = replacement === 'Yes, ' ? first.slice(m[0].length).split(/\s+(?:so|so that|because|before|and|with|in case)\s+/i)[0] : undefined;
    const rest = swapPeople(offered ?? first.slice(m[0].length)).trim();
    // "Does it change anything?" has no plain yes in its own words ("It does change anything.").
    if (/\b(?:any|anything|anyone|anybody|ever|yet|at all)\b/i.test(rest)) return undefined;
    const words = rest.split(/\s+/).length;
    // Too short says nothing; too long is no longer an answer anyone would give, though "It does." still is.
    if (words > 14 && SHORT[replacement] !== undefined) return SHORT[replacement];
    if (rest === '' || words > 14) return undefined;
    // "Does that timeline fit how you're seeing it?": "that" points at a thing named next, so the answer keeps it
    // ("Yes, that timeline does fit…", not "It does timeline fit…", round 24 and 25's reviews).
    const named = THING_THEN_VERB.exec(rest);
    const aux = /^It (does|would|will|did) $/.exec(replacement)?.[1];
    const pointer = /\b(that|this)\s+$/i.exec(m[0])?.[1]?.toLowerCase();
    if (named && aux && pointer) return `Yes, ${pointer} ${named[1]} ${aux} ${rest.slice(named[1]!.length + 1)}.`;
    return `${replacement}${rest}.`;
  }
  // A bare choice ("the planning doc: usual template or something new?") is answered with its first option.
  // Its options follow the last break: "which bit is the not-yes - the SOW name or the cert?" offers "the SOW name".
  const orAt = asked.search(/,?\s+or\s+[^,?]{2,60}$/i);
  const option =
    orAt > 0
      ? asked
          .slice(0, orAt)
          .split(/\s*(?:[,:;—–]|\s-\s)\s*/)
          .pop()
          ?.trim()
          .replace(LEAD_IN, '')
      : undefined;
  if (
    option &&
    option.length >= 2 &&
    option.split(/\s+/).length <= 6 &&
    !/^(?:what|which|who|how|why|when|where|do|does|did|is|are|was|were|can|could|will|would|should|has|have|had|may|might|shall|am)\b/i.test(option) &&
    // "I think I just assume Jenny or Tom will do it?" is a thought said aloud, not a choice offered.
    !/^(?:i|we) (?:think|guess|suppose|assume|just|feel|reckon)\b/i.test(option) &&
    // "anything about how I do those, or…?" offers no option to pick.
    !/^(?:any|anything|something|anyone|someone)\b/i.test(option)
  ) {
    const mine = swapPeople(option);
    return `${mine.charAt(0).toUpperCase()}${mine.slice(1)}.`;
  }
  return undefined;
}

/** How a granted request starts ("Yes, I'll forward you the brief."): the persona tells a granted request by it. */
export const GRANTED = "Yes, I'll ";

/** Requests for information are answered with the information, not with "yes, I'll tell you". */
const ASKS_FOR_WORDS = /^(?:tell(?= (?:me|us)\b)|say|explain|confirm|let|remind|clarify|describe|imagine|think|see|believe|guess|live|promise|guarantee)\b/i;

/**
 * The plain yes to a practical request, in the asker's words seen from the other side: "can you
 * forward me the Northgate brief?" -> "Yes, I'll forward you the Northgate brief." Never a promotion,
 * pay or a say-so about the asker's case (`NOT_MINE_TO_GRANT`), and never "yes, I'll tell you".
 */
export function requestAnswer(question: string): string | undefined {
  if (NOT_MINE_TO_GRANT.test(question)) return undefined;
  const asked = question.replace(/\?+\s*$/, '').trim();
  const at = /(?:^|[,;:.!?—–-]\s*|\b(?:so|and|but|then|okay|ok)\s+)(?:can|could|will|would) (?:you|u)\s+(?:please\s+|just\s+|maybe\s+)?/i.exec(asked);
  if (!at) return undefined;
  // The first of the options ("give me those now or send them by tomorrow") is the one granted.
  const rest =
    asked
      .slice(at.index + at[0].length)
      .split(/,?\s+or\s+|,\s+/i)[0]
      ?.trim() ?? '';
  // "Can you tell me by Wednesday?" asks for an answer by a time, which can be promised.
  const byWhen = /^(?:tell|let) (?:me|us)(?: know)? (?:by|before|on|at|first thing|tomorrow|today|this|next)\b/i.test(rest);
  if (rest === '' || (ASKS_FOR_WORDS.test(rest) && !byWhen) || /^(?:be|mind|like|want|prefer|rather|do that|have|help)\b/i.test(rest)) return undefined;
  // "Would you need anything, like fewer shifts?" asks what would help, not for a favour ("Yes, I'll need anything.", round 24).
  if (/\b(?:any|anything|anyone|anybody)\b/i.test(rest)) return undefined;
  const words = rest.split(/\s+/).length;
  if (words < 2 || words > 16) return undefined;
  return `${GRANTED}${swapPeople(rest)}.`;
}
