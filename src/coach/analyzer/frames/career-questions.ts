import type { Doc } from '../doc.js';
import { assertedAt } from '../negation.js';
import { anyHit, matches, oneOf, re } from '../pattern.js';
import type { Sentence } from '../sentences.js';

/**
 * The manager asking, open-endedly, what the employee wants from their career or next role (rubric
 * `asks_about_goals`), directly or through a question that says it serves that purpose ("what
 * energises you, so your next project fits where you want to go"). Not small talk ("plans for
 * the summer?"), status, or a closed question about one path ("do you want to go into management?").
 */

// Where they want to go: years ahead, next role, career, what they want out of the job.
const CAREER_QUESTION = re(
  String.raw`\b` +
    oneOf([
      String.raw`where (?:would|do|did|does) (?:you|he|she|they) (?:[\w-]+ )?` +
        String.raw`(?:like|want|wants|hope|see (?:yourself|himself|herself|themselves)|picture yourself|imagine yourself) ` +
        String.raw`(?:to )?(?:be|go|end up|head|take|get)`,
      String.raw`where (?:do|would) you (?:want|like) (?:your career|to go|to be|to end up|to take)`,
      String.raw`where do you see (?:yourself|that going|this going|it going|your career)`,
      String.raw`where you see yourself\b`,
      String.raw`(?:picture|imagine|see) your (?:[\w-]+ )?(?:career|future|life|self) (?:in |over )?(?:(?:five|ten|three|two|\d+) years?|the next|long-?term)`,
      String.raw`what (?:kind|sort|type) of (?:role|job|position|career|work) (?:are you|you'?re) (?:aiming|hoping|looking|heading|going)`,
      String.raw`what(?:'s| is) the next (?:job|role|position|step|move) you (?:want|'d like|would like|see)`,
      String.raw`(?:know|hear|understand) what you (?:actually |really |genuinely )?want (?:long-?term|longer-?term|next|from your career|in the long run)`,
      String.raw`what would you (?:actually |really |genuinely )?(?:like|want)\?`,
      String.raw`what(?:'s| is| are) your (?:long-?term|longer-?term|career|five-year|5-year|ten-year|10-year) plans?\b`,
      String.raw`what would (?:a |the |your )?(?:good |great |ideal |right |sensible )?next (?:move|step|role|job) (?:look like|be) for you`,
      String.raw`(?:ask|asking|know|hear|understand) (?:you )?what you (?:actually |really |truly )?want (?:out of|from) (?:this|the|your)`,
      String.raw`what you (?:actually |really |truly )?want (?:out of|from) (?:this|the|your) (?:job|role|career|work|next|life)`,
      String.raw`where (?:he|she|they) wants? to be`,
      String.raw`what (?:do|would) you (?:[\w-]+ )?(?:want|like|hope|wish) ` +
        oneOf([
          String.raw`to do ` +
            String.raw`(?:next|long-?term|longer-?term|eventually|after|in (?:\d+|a|two|three|five|the) (?:years?|future|long)|with your career)`,
          String.raw`to be doing`,
          String.raw`out of (?:this|the|your) (?:job|role|career|work)`,
          String.raw`from your (?:career|job|role)`,
          String.raw`to get out of|to achieve|to move into|to go after|next|the next|your next`,
          String.raw`for your (?:career|future)`,
          String.raw`in (?:the|your) (?:next|future)`,
        ]),
      String.raw`what(?: are|'s| is|'re) your (?:[\w-]+ )?(?:career |long-?term |longer-?term )?` +
        oneOf([
          String.raw`goals?|aspirations?|ambitions?`,
          String.raw`wish(?:es)?`,
          String.raw`dreams?`,
          String.raw`plans? for (?:your career|the future|the next (?:few |couple of )?years)`,
        ]) +
        String.raw`\b(?! for (?:this|the|next|today'?s?|tomorrow'?s?) ` +
        String.raw`(?:sprint|week|month|quarter|meeting|project|session|call|offsite|day|shift|term))`,
      String.raw`what (?:are|were) you hoping (?:to|for)`,
      String.raw`(?:your|the) (?:ideal|dream|perfect) (?:next )?(?:role|job|career|position)`,
      String.raw`(?:design|shape|build|write|pick|choose|create) your (?:next |own |ideal |perfect )?(?:role|job|career|position)`,
      String.raw`if you could (?:do|have|be|pick|choose) (?:any|anything|whatever)\b`,
      String.raw`what would (?:make|count as|feel like|look like) ` +
        String.raw`(?:the next [\w-]+ (?:months?|years?)|this year|next year|the year ahead|your next [\w-]+) ` +
        String.raw`(?:[\w'-]+ ){0,5}?(?:step (?:forward|up)|success|progress|worthwhile|a win|great) for you`,
      String.raw`(?:step forward|progress|success) for you (?:professionally|career-?wise|in your career)`,
      String.raw`where your head is`,
      String.raw`what is your wish`,
      String.raw`what (?:kind|sort|type) of (?:work|role|job|projects?|career|path) (?:would|do) you (?:want|like|enjoy|love|see yourself)`,
      String.raw`(?:is there|are there) (?:a |any |some )?(?:[\w-]+ ){0,3}?` +
        String.raw`(?:skill|role|direction|kind of|area|path|type of|project|job|move|thing)s?,? (?:[\w,-]+ ){0,10}?` +
        oneOf([
          String.raw`you'?d (?:really |actually )?(?:like|love|want)`,
          String.raw`you (?:really |actually )?want`,
          String.raw`you'?re (?:keen|interested|hoping)`,
          String.raw`you'?re (?:working|aiming|building|heading|pushing) (?:toward|towards|for)`,
          String.raw`interests you`,
        ]),
      oneOf([
        String.raw`tell me`,
        String.raw`i'?d love to (?:know|hear)`,
        String.raw`i would love to (?:know|hear)`,
        String.raw`i'?d like to (?:know|hear|understand)`,
        String.raw`i would like to (?:know|hear|understand)`,
        String.raw`i want to (?:know|understand|hear)`,
        String.raw`help me understand`,
      ]) +
        String.raw`(?:,? (?:[\w'-]+ ){0,4}[\w'-]+,)? (?:about |more about )?(?:what|where|how|the work|the kind) ` +
        String.raw`(?:[\w-]+ ){0,5}?(?:you'?d|you would|you want|you see yourself|you'?re aiming|your career|you'?d like|you hope)`,
      String.raw`what (?:kind|sort|type) of (?:role|job|position|career|path) (?:would|could|might) (?:excite|interest|appeal to|energi[sz]e|suit) you`,
      String.raw`what (?:do|would) you see yourself doing`,
      String.raw`how do you see your (?:career|future|next)`,
      String.raw`what'?s next for you`,
      String.raw`what you'?d like to do next`,
      String.raw`what (?:would|could) make (?:this|the|your) (?:job|role|work|career) (?:[\w'-]+ ){0,4}?(?:for you|great|fulfilling|worthwhile)`,
      String.raw`what would you like to do next`,
      String.raw`which (?:way|direction|path|route) (?:are you|you'?re) (?:leaning|drawn|heading)`,
      String.raw`which (?:way|direction|path) (?:do you|would you) (?:lean|want|prefer)`,
    ]),
);
// "What energises you?" serves the career only when the text says so.
const INTEREST_QUESTION = re(
  String.raw`\b` +
    oneOf([
      String.raw`what (?:kind of work |part of the job |parts of the job )?` +
        String.raw`(?:energi[sz]es|excites|motivates|drives|interests|fulfils|fulfills) you`,
      String.raw`what (?:kind of |sort of |type of )?(?:work|parts? of the (?:job|role)|bits? of the (?:job|role)|tasks?|projects?) ` +
        String.raw`(?:have|do|did) you (?:found yourself |been )?(?:enjoy|enjoying|enjoyed|love|loving|loved|like|liking)`,
      String.raw`which (?:parts?|bits?|aspects?) of (?:the|your) (?:job|role|work) (?:do )?you (?:enjoy|like|love)`,
      String.raw`which (?:parts?|bits?|aspects?) of (?:the|your) (?:job|role|work) (?:give|gives) you (?:the most )?energy`,
      String.raw`what do you (?:enjoy|love|like) (?:most|doing)`,
      String.raw`(?:which|what) (?:bits?|parts?|aspects?|kinds?|sorts?) of (?:the |your )?(?:[\w-]+ )?(?:work|job|role) ` +
        String.raw`(?:do |have )?you (?:find yourself |most )?(?:enjoy\w*|lik\w+|lov\w+|looking forward to|look forward to)`,
      String.raw`what kind of work (?:energi[sz]es|excites) you`,
      String.raw`what (?:would|do) you (?:really |actually )?want(?: to do)?\?`,
    ]),
);
const CAREER_PURPOSE = re(
  String.raw`\b` +
    oneOf([
      String.raw`next (?:project|role|year|step|quarter)`,
      String.raw`where you want to (?:go|be)`,
      String.raw`your (?:career|future|development|growth)`,
      String.raw`what comes next for you|direction`,
      String.raw`fits? (?:where|what)`,
      String.raw`point (?:that|it|your work) `,
      String.raw`shape`,
      String.raw`plan (?:your|around)`,
      String.raw`aim|grow|next for you|management|career|path`,
    ]) +
    String.raw`\b`,
);

// Options on a career path left open: "management, going deeper technically, or something else entirely?"
const OPEN_OPTIONS = re(String.raw`\b(?:or|,) (?:something else|anything else|something different|neither|none of those|another path|a different path)\b`);
const PATHS = re(
  String.raw`\b` +
    oneOf([
      String.raw`manag\w+|technical\w*|speciali[sz]\w*|ic|individual contributor|track|path`,
      String.raw`role|career|lead\w*|education|teaching|research`,
      String.raw`stay(?:ing)? (?:in|on|where)`,
    ]) +
    String.raw`\b`,
);

const YOUR_VIEW =
  /\b(?:what'?s your (?:take|view|thinking|preference|call)|what do you (?:think|reckon|want)|which (?:is it|would you (?:pick|choose))|your call)\b/;

// "Some go into management, some go deeper... Which of those appeals to you?": a choice among career paths just listed.
const WHICH_APPEALS = re(
  [
    String.raw`\bwhich(?: (?:of (?:those|these|them|the (?:[\w-]+ )?(?:paths|options|routes|tracks))|one|path|option|route))?` +
      String.raw`(?:,? if any,?)? (?:appeals?|interests?|speaks?|draws?|calls?) (?:to )?you`,
    String.raw`\bwhich (?:of (?:those|these|them)|one|path|option|route)` +
      String.raw`(?:,? if any,?)? (?:do|would) you (?:lean|prefer|pick|go for|want|fancy)`,
  ].join('|'),
);

// "Is that something you'd want more of as your career develops?": their wish, asked about their career.
const THEIR_WISH = re(String.raw`\byou(?:'d| would)? (?:really |actually )?(?:want|like|love|enjoy|see yourself)\b`);
const CAREER_CONTEXT = re(
  String.raw`\b` +
    oneOf([
      String.raw`your career|career|your future|long[- ]term|next role|next step|next move`,
      String.raw`in (?:a|two|three|five|\d+) years?`,
      String.raw`years from now|grow into|develops?`,
    ]) +
    String.raw`\b`,
);

/** Sentences asking the employee about their career aims. */
export function findCareerQuestions(doc: Doc): Sentence[] {
  return doc.sentences.filter((s, i) => {
    if (anyHit(s, CAREER_QUESTION, (h) => assertedAt(s, h.index))) return true;
    if (s.question && matches(s.text, OPEN_OPTIONS) && matches(s.text, PATHS)) return true;
    // "I don't want to guess what you're after: management, specialist, something else. What's your take?"
    const before = doc.sentences[i - 1];
    if (s.question && YOUR_VIEW.test(s.text) && before !== undefined && matches(before.text, OPEN_OPTIONS) && matches(before.text, PATHS)) return true;
    if (s.question && matches(s.text, WHICH_APPEALS) && [doc.sentences[i - 2], doc.sentences[i - 1], s].some((t) => t !== undefined && matches(t.text, PATHS)))
      return true;
    if (s.question && matches(s.text, THEIR_WISH) && matches(s.text, CAREER_CONTEXT)) return true;
    if (!matches(s.text, INTEREST_QUESTION)) return false;
    const around = [doc.sentences[i - 1], s, doc.sentences[i + 1], doc.sentences[i + 2]];
    return around.some((t) => t !== undefined && matches(t.text, CAREER_PURPOSE));
  });
}
