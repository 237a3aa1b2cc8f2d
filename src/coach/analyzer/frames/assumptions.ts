import type { Doc } from '../doc.js';
import { irrealisAt, quotedAt } from '../negation.js';
import { anyHit, matches, oneOf, re } from '../pattern.js';
import type { Sentence } from '../sentences.js';
import { goalCuesIn } from './goals.js';

/**
 * The manager presuming the employee's path (rubric pitfall `assumes_goal`): "you'll want to move
 * into management like I did", "you're happy staying an IC, right?", "I'm keeping you off the
 * management track". Acting on what the employee said ("you told me you'd like to stay technical"),
 * listing options, or the manager's own plans are not presumptions.
 */
const PRESUMES = re(
  String.raw`\b` +
    oneOf([
      String.raw`i (?:assume|presume|imagine|figure|figured|guess|bet|reckon|take it|suspect) (?:that )?you`,
      String.raw`i take it\b`,
      String.raw`(?:figured|assumed|reckoned|guessed|presumed) (?:that )?you(?:'d| would)`,
      String.raw`you(?:'ll| will) (?:naturally |obviously |surely |of course )want`,
      String.raw`you'?re not (?:really )?(?:a |an )?(?:[\w-]+ )?(?:person|type|material)\b`,
      String.raw`(?:of course|obviously|naturally|clearly) your (?:aim|goal|plan|ambition|next step) is`,
      String.raw`once you'?ve got (?:a|your) (?:team|store|ward|kitchen|site|department) of your own`,
      String.raw`i'?ll (?:just )?assume`,
      String.raw`you'?re never going to (?:want|like|enjoy|leave)`,
      String.raw`(?:isn'?t|is not|'s not) (?:really )?your thing`,
      String.raw`follow (?:me|in my footsteps)`,
      String.raw`i'?m (?:assuming|guessing|betting|presuming)\b(?=[^.?!]*\byou)`,
      String.raw`i'?m (?:sure|assuming|guessing|betting|certain|pretty sure) (?:that )?(?:you|the [\w-]+ (?:role|track|job|path)(?:'s| is))`,
      String.raw`you'?ll (?:obviously |naturally |surely |probably |definitely |clearly )?` +
        String.raw`(?:want|be wanting|be going for|be after|be aiming|wanna|be keen|be looking|be heading|be headed|go for|end up)`,
      String.raw`you'?re (?:obviously|clearly|naturally|surely|definitely) `,
      String.raw`i'?ve (?:told|said to|let) (?:[\w-]+ ){1,3}?(?:know )?(?:that )?you'?re (?:keen|interested|after|aiming|up for)`,
      String.raw`you'?d be (?:mad|crazy|silly|daft) not to`,
      String.raw`you(?:'d| would) (?:obviously |naturally |surely )?(?:prefer|rather|hate)`,
      String.raw`you (?:obviously|clearly|naturally|surely|definitely) (?:want|wanna|prefer|love|hate|don'?t want|wouldn'?t want|won'?t want)`,
      String.raw`you(?:'d| would) (?:never|always) (?:want|prefer|choose|pick|leave|give up)`,
      String.raw`you (?:won'?t|wouldn'?t|will never) (?:want|like|enjoy|be interested in)`,
      String.raw`everyone (?:at your (?:[\w-]+ )?(?:stage|level|age|grade)|like you|in your (?:position|shoes)) (?:wants|is after|is aiming)`,
      String.raw`you must (?:want|be (?:keen|dying|aiming|itching))`,
      String.raw`(?:obviously|of course|naturally|clearly|surely|no doubt) (?:you|you'?ll|you'?re|you'?d)\b`,
      String.raw`since you'?re (?:clearly|obviously|naturally)`,
      String.raw`i know you(?:'?d| would)? (?:love|hate|want|don'?t want|wouldn'?t want|prefer|enjoy|'re not|aren'?t)`,
      String.raw`i know (?:that'?s |this is )?(?:where|what) you(?:'d)? (?:want|like|'re after|'re aiming)`,
      String.raw`no point (?:in )?asking you`,
      String.raw`i'?d hate to lose`,
      String.raw`you'?re (?:happy|fine|content|ok|okay|comfortable) (?:staying|to stay|being|where|with)`,
      String.raw`, right\?`,
      String.raw`don'?t you\?`,
      String.raw`aren'?t you\?`,
      String.raw`wouldn'?t you\?`,
      String.raw`(?:like|as|the way) i did`,
      String.raw`like everyone(?: else)?`,
      String.raw`everyone wants`,
      String.raw`(?:keeping|keep|putting|put|signed|moving|steering|leaving|left) you ` +
        String.raw`(?:off|on|onto|down for|up for|towards?|out of) the (?:[\w-]+ )?(?:track|path|route|list|shortlist)`,
      String.raw`i'?ve put you down for`,
      String.raw`the (?:natural|obvious) (?:next step|path|move|route) for you`,
      String.raw`(?:obviously|clearly|naturally|surely|of course),? (?:that'?s|it'?s|this is) ` +
        String.raw`(?:the |your )?(?:next|natural|obvious|right) (?:step|move|path|route|role|job)`,
      String.raw`same (?:path|route|road|way|track) (?:as )?i (?:took|did|went|followed|had)`,
      String.raw`(?:'s|is|isn'?t) not for you`,
      String.raw`not for you\?`,
      // "I know you're keen on partnership, as everyone is at your stage", "I guess that's what you're after anyway".
      String.raw`i know you'?re (?:itching|dying|desperate|set on)`,
      String.raw`(?:as )?every(?:one|body) (?:is )?(?:at your (?:stage|level|age)|your age)`,
      String.raw`(?:that'?s|this is) (?:what|where) you'?re (?:after|headed|heading|aiming)`,
      String.raw`(?:obviously|of course|clearly|naturally) the plan is for you`,
      String.raw`you(?:'ll| will) (?:naturally |obviously |surely )?(?:prefer|rather)`,
    ]),
);

/**
 * Presumptions that name the role itself, so need no career word beside them: "I know you're happy on
 * nights so I won't move you", "you'll be duty manager like me one day", "you're a lifer here",
 * "I can't see you ever wanting to go into management", "you prefer to stay there, no?".
 */
const PRESUMES_ROLE = re(
  String.raw`\b` +
    oneOf([
      String.raw`you'?re (?:obviously |clearly |just |so )?(?:happy|content|settled) (?:on|in|doing|just|at|as|on the)\b(?! (?:to|with (?:the|that|this|it)))`,
      String.raw`happy just doing`,
      String.raw`you(?:'ll| will) (?:be|make) (?:a |an )?(?:[\w-]+,? ){1,4}?like me\b`,
      String.raw`you'?re a lifer`,
      String.raw`through and through`,
      String.raw`(?:can'?t|cannot) see you (?:ever )?(?:wanting|going|leaving|moving)`,
      String.raw`you (?:prefer|'d prefer|would prefer|'ll prefer|will prefer) to stay`,
      // "it's the natural next step", "you're the obvious pick", "ur probably after a principal role", "you'll come round to it".
      String.raw`(?:the |a )?(?:natural|obvious|logical) (?:next )?(?:step|move|pick|choice|progression)\b`,
      String.raw`(?:you'?re|youre|ur|you are) probably (?:after|not looking|looking|wanting|keen|happy|set)`,
      String.raw`(?:i think|i guess|i reckon) (?:you|u) (?:want|wanna|'d want|would want|'ll want)\b`,
      String.raw`(?:you|u)(?:'d| would) want (?:it|that|this|to)\b[^.!?]*\bright\?`,
      String.raw`you'?ll come round`,
      String.raw`(?:you|u) should (?:def(?:initely)?|totally|really|just) (?:go for|apply)`,
    ]),
);
// What is presumed has to be a career path.
const CAREER = re(
  String.raw`\b` +
    oneOf([
      String.raw`manag\w+|ic|individual contributor|technical|hands-on|coding|code|my job`,
      String.raw`part-time|track|career|meetings|people|staying|stay|move up|go for|job|role`,
      String.raw`lab|office|post|next move|next step|your own [\w-]+`,
      String.raw`floor|nights|warehouse|counter|shop floor|out of the [\w-]+|get out|partnership|partner|editor|lectureship|supervis\w+`,
    ]) +
    String.raw`\b`,
);
// The employee said it: acting on their words is listening, not presuming.
const THEY_SAID = re(
  [
    String.raw`\byou(?: told me| said| mentioned|'ve said|'d said| have said| asked (?:about|for)| wrote| put in your)\b`,
    String.raw`\blike you asked\b|\bshout if\b`,
    String.raw`\blet me know if (?:that'?s|i'?m) wrong\b`,
  ].join('|'),
);

/** Sentences where the manager presumes what the employee wants from their career. */
export function findAssumedGoals(doc: Doc): Sentence[] {
  return doc.sentences.filter((s) => {
    const live = (h: { index: number }) => !irrealisAt(s, h.index) && !quotedAt(s, h.index);
    if (matches(s.text, THEY_SAID)) return false;
    if (anyHit(s, PRESUMES_ROLE, live)) return true;
    if (!anyHit(s, PRESUMES, live)) return false;
    return matches(s.text, CAREER) || goalCuesIn(s).length > 0;
  });
}
