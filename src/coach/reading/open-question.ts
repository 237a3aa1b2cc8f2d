import { swapPeople } from './closed-answer.js';

/**
 * A practical question no line of the persona's world answers: how many, where, what date, when
 * to meet again, whether anything was missed. People answer these plainly or say when they will
 * ("How many tickets? I'd have to check."), so the reply names the question in the asker's words.
 * - `count`: how many / how much / ballpark / what number;
 * - `duration`: how long something takes or lasts ("how long does it eat up for you?");
 * - `where`: where something is or is found;
 * - `date`: when something happens that is not the persona's own diary;
 * - `meet`: when to talk again;
 * - `anything`: "did I miss anything?", "anything you want to change?";
 * - `fragment`: a question with no verb, about a thing or a place ("In your office?", "the CSAT?");
 * - `pick`: a verbless list of options ("the handover, the allocation, the phone?"), answered with the first;
 * - `reasked`: a question asked again because the last reply dodged it ("you didn't answer my question: how many?").
 */
export type OpenForm = 'count' | 'duration' | 'where' | 'date' | 'meet' | 'anything' | 'fragment' | 'pick' | 'reasked';

export interface OpenQuestion {
  form: OpenForm;
  /** The question in the persona's words ("How many tickets?"), or the fragment seen from its side ("in my office"). */
  echo: string;
}

/** One pattern from its alternatives, case-insensitive. */
const anyOf = (...parts: string[]) => new RegExp(parts.join('|'), 'i');

const FORMS: ReadonlyArray<[OpenForm, RegExp]> = [
  [
    'anything',
    anyOf(
      String.raw`\b(?:did|have) i (?:miss|missed|forget|forgotten|leave out|left out) (?:anything|something)\b`,
      String.raw`\banything else\s*(?:$|before|from (?:me|my side)|to (?:add|cover|discuss)|i (?:should|need to) (?:know|cover))`,
      String.raw`\banything (?:i(?:'ve)? (?:missed|forgot)|to (?:add|change)|you(?:'d)? (?:want|like) to (?:change|add))`,
      String.raw`\bwhat (?:did|have) i (?:miss|missed|forgotten)\b`,
    ),
  ],
  [
    'meet',
    anyOf(
      String.raw`\bwhen (?:should|shall|do|will) we (?:meet|talk|catch up|check in|speak|look at it|go through it|do this)\b`,
      String.raw`\bwhen (?:should|shall) we\b`,
    ),
  ],
  [
    'count',
    anyOf(
      String.raw`\bhow much\b(?!\s+(?:time|longer|does|do|did|is|are|was|were|would|will|of (?:a|an|the)|it|that|this|you|i|we)\b)`,
      String.raw`\bhow many\b(?!\s+(?:times|of (?:a|an|the|you|us)|you|i|we)\b)|\bwhat(?:'s| is) the number (?:i|we|to)\b`,
      String.raw`\bballpark\b|\bwhat (?:number|figure|percentage|size)\b|\bwhat(?:'s| is)? (?:the |my |our )?(?:margin|target|rate|budget|ratio|amount)\b`,
    ),
  ],
  // Time a task eats: "how long does it take you each week?", "how long are they waiting?"; not "how long should it be?".
  ['duration', anyOf(String.raw`\bhow long\b[^?,.]{0,40}\b(?:take|takes|taking|eat|eats|spend|spent|wait|waiting|queue|queued|sit|sitting|last)\b`)],
  // Where a thing is or is found ("where are the paper ones?"), not "where are you stretched?" or "where would you start?".
  [
    'where',
    anyOf(
      String.raw`\bwhere(?:'s| is| are| were| was) (?:the|my|our|those|these|that|this|it|they|all)\b(?! (?:going|heading|at|sitting|standing|now|up to)\b)`,
      String.raw`\bwhere (?:do|can|should|would|will) (?:i|we|they) (?:find|get|put|keep|send|store|look|save|file)\b`,
    ),
  ],
  [
    'date',
    anyOf(
      String.raw`\bwhat dates?\b|\bwhich dates?\b|\bwhen (?:is|are|does|do|will|did)\b(?! (?:you|we|u)\b)`,
      String.raw`\bwhen (?:it|they|that|this|the \w+) (?:actually )?(?:starts?|begins?|ends?|opens?|closes?|happens?)\b`,
    ),
  ],
];

/** Words that soften a question without changing it: left out of the echo. */
const SOFTENERS = /\s+(?:roughly|exactly|ballpark|approximately|realistically|actually|again|btw|tho|though)\b/gi;

const LEAD_IN =
  /^(?:(?:so|and|but|ok|okay|right|then|also|sorry|wait|just|one q(?:uestion)? (?:tho|though)|one thing|quick one|honestly|like|um|uh|oh)[,:—-]?\s+)+/i;

/** The question from its wh-words to its first break, seen from the other side: "how many tests are we talking". */
function echoOf(question: string, at: number): string {
  const clause = question.slice(at).split(/\s*(?:[,;:—–]|\s-\s|\?)\s*/)[0] ?? '';
  const words = clause.replace(SOFTENERS, '').trim().split(/\s+/);
  // A long question is cut where its object ends ("what margin are the partners expecting | on a project like that"), else after four words.
  const cut = words.findIndex((w, i) => i >= 3 && /^(?:on|for|in|with|by|like|about|at|from|to|so|because|if|when|before|after)$/i.test(w));
  const kept = words.length <= 9 ? words : cut > 0 && cut <= 9 ? words.slice(0, cut) : words.slice(0, 4);
  // "where are you stretched" -> "where am I stretched": a "you" after its verb is the subject too.
  const marked = kept.join(' ').replace(/\b(are|were|do|did|can|could|would|will|should|have|had) you\b/gi, '$1 \u0001');
  const text = swapPeople(marked)
    .replace(/\bare \u0001/gi, 'am I')
    .replace(/\bwere \u0001/gi, 'was I')
    .replace(/\u0001/g, 'I');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}?`;
}

/** A question with no verb that names a thing or a place: "In your office?", "the CSAT?", "After the inspection?". */
const FRAGMENT = /^(?:in|at|on|after|before|by|with|from|the|your|my|this|that|those|these)\b[^?]{0,40}$/i;
const VERBISH = new RegExp(
  [
    String.raw`\b(?:how|what|which|who|when|where|why)\b`,
    String.raw`\b(?:is|are|was|were|do|does|did|can|could|will|would|should|have|has|had|be|been|want|need|get|go|think|mean)\b|\w+(?:ing|ed)\b`,
  ].join('|'),
  'i',
);

/** "Maybe Daniel, since…", "Or Priya?": a name offered as the answer (case matters: a name has its capital). */
const NAMED = new RegExp(
  String.raw`^(?:[Mm]aybe|[Pp]erhaps|[Pp]robably|[Oo]r maybe|[Oo]r)\s+([A-Z][a-z]+(?: [A-Z][a-z]+)?)` +
    String.raw`(?=\s*$|,|\s+(?:since|because|as|cos|who|from|in|on|then|again)\b)`,
);

/** The open question a turn's last question is, when it is one of these forms; undefined otherwise. */
export function openQuestionOf(question: string): OpenQuestion | undefined {
  const asked = question.replace(/[?\s"')\]]+$/, '').trim();
  const bare = asked.replace(LEAD_IN, '');
  // "like the handover, the allocation, the phone?" offers a choice: the first is taken.
  const options = bare.split(/\s*,\s*(?:or\s+)?|\s+or\s+/);
  if (options.length > 1 && FRAGMENT.test(bare) && options.every((o) => o.split(/\s+/).length <= 4) && !VERBISH.test(bare)) {
    const first = swapPeople(options[0] ?? '');
    return { form: 'pick', echo: first.charAt(0).toUpperCase() + first.slice(1) };
  }
  // "Maybe Daniel, since he did the tier model?" names who the asker thinks it is: confirmed by name.
  const named = NAMED.exec(bare)?.[1];
  if (named) return { form: 'fragment', echo: named };
  // "Where is the paper, in your office in the blue folder?" offers its own answer after the comma: it is confirmed.
  // Only a place or a thing: "what is weighing on you, with the review ten days away?" offers no answer.
  const offered = /\b(?:where|which|what)\b[^,]*,\s*([^,]+)$/i.exec(bare)?.[1];
  if (offered && /^(?:in|at|on|under|the|your|my|this|that)\b/i.test(offered) && offered.split(/\s+/).length <= 8 && !VERBISH.test(offered)) {
    const echo = swapPeople(offered);
    return { form: 'fragment', echo: /^[A-Z][a-z]/.test(echo) ? echo.charAt(0).toLowerCase() + echo.slice(1) : echo };
  }
  if (FRAGMENT.test(bare) && bare.split(/\s+/).length <= 6 && !VERBISH.test(bare)) {
    // "In your office" -> "in my office": it follows "Yes,".
    const echo = swapPeople(bare);
    return { form: 'fragment', echo: /^[A-Z][a-z]/.test(echo) ? echo.charAt(0).toLowerCase() + echo.slice(1) : echo };
  }
  for (const [form, pattern] of FORMS) {
    const found = pattern.exec(asked);
    if (!found) continue;
    if (form === 'anything' || form === 'meet') return { form, echo: '' };
    // The echo starts at the question word ("how many…", "where are…", "what dates…").
    const wh = /\b(?:how|where|what|which|when)\b/i.exec(asked.slice(Math.max(0, found.index - 1)));
    const at = wh ? Math.max(0, found.index - 1) + wh.index : found.index;
    return { form, echo: echoOf(asked, at) };
  }
  return undefined;
}

/** The user says the last reply dodged them: "you didn't answer my question", "that's not what I asked". */
const DODGED = new RegExp(
  [
    String.raw`\b(?:didn't|didnt|did not|never|haven't|havent) (?:really |actually )?answer(?:ed)?\b|\b(?:that's|thats|that is) not what i (?:asked|meant)\b`,
    String.raw`\byou answered something else\b|\byou jumped (?:my|the) question\b`,
    String.raw`\byou(?:'ve| have)? (?:skipped|dodged|ignored|sidestepped) (?:my|the|that|it|me)\b|\bi was asking (?:about|if|whether)\b`,
    String.raw`\b(?:back to|but) my question\b|\bmy question was\b|\bnot what i asked\b|\byou(?:'re| are) dodging\b`,
  ].join('|'),
  'i',
);

/** A question asked again after a dodge, in the asker's words seen from the other side; undefined when the turn is no such thing. */
export function reaskedQuestion(text: string, question: string): OpenQuestion | undefined {
  if (!DODGED.test(text)) return undefined;
  const asked = question.replace(/[?\s"')\]]+$/, '').trim();
  // The question proper is the last clause that opens with a question word: "when you're off, what's the part where…".
  const starts = [...asked.matchAll(/(?:^|[,;:—–]\s*|\s-\s)(?:(?:so|and|but|ok|okay|then)\s+)?((?:how|what|what's|which|who|where|when|why)\b)/gi)];
  const last = starts.at(-1);
  if (!last) return undefined;
  return { form: 'reasked', echo: echoOf(asked, (last.index ?? 0) + last[0].length - (last[1]?.length ?? 0)) };
}
