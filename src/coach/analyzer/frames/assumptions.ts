import type { Doc } from '../doc.js';
import { irrealisAt, quotedAt } from '../negation.js';
import { anyHit, matches, re } from '../pattern.js';
import type { Sentence } from '../sentences.js';
import { goalCuesIn } from './goals.js';

/**
 * The manager presuming the employee's path (rubric pitfall `assumes_goal`): "you'll want to move
 * into management like I did", "you're happy staying an IC, right?", "I'm keeping you off the
 * management track". Acting on what the employee said ("you told me you'd like to stay technical"),
 * listing options, or the manager's own plans are not presumptions.
 */
const PRESUMES = re(
  String.raw`\b(?:i (?:assume|presume|imagine|figure|figured|guess|bet|reckon|take it|suspect) (?:that )?you|i'?m (?:assuming|guessing|betting|presuming)\b(?=[^.?!]*\byou)|i'?m (?:sure|assuming|guessing|betting|certain|pretty sure) (?:that )?(?:you|the [\w-]+ (?:role|track|job|path)(?:'s| is))|you'?ll (?:obviously |naturally |surely |probably |definitely |clearly )?(?:want|be wanting|be going for|be after|be aiming|wanna|be keen|be looking|be heading|be headed|go for|end up)|you'?re (?:obviously|clearly|naturally|surely|definitely) |i'?ve (?:told|said to|let) (?:[\w-]+ ){1,3}?(?:know )?(?:that )?you'?re (?:keen|interested|after|aiming|up for)|you'?d be (?:mad|crazy|silly|daft) not to|you(?:'d| would) (?:obviously |naturally |surely )?(?:prefer|rather|hate)|you must (?:want|be (?:keen|dying|aiming|itching))|(?:obviously|of course|naturally|clearly|surely|no doubt) (?:you|you'?ll|you'?re|you'?d)\b|since you'?re (?:clearly|obviously|naturally)|i know you(?:'?d| would)? (?:love|hate|want|don'?t want|wouldn'?t want|prefer|enjoy|'re not|aren'?t)|no point (?:in )?asking you|i'?d hate to lose|you'?re (?:happy|fine|content|ok|okay|comfortable) (?:staying|to stay|being|where|with)|, right\?|don'?t you\?|aren'?t you\?|wouldn'?t you\?|(?:like|as|the way) i did|like everyone(?: else)?|everyone wants|(?:keeping|keep|putting|put|signed|moving|steering|leaving|left) you (?:off|on|onto|down for|up for|towards?|out of) the (?:[\w-]+ )?(?:track|path|route|list|shortlist)|i'?ve put you down for|the (?:natural|obvious) (?:next step|path|move|route) for you|(?:'s|is|isn'?t) not for you|not for you\?)`,
);
// What is presumed has to be a career path.
const CAREER = re(String.raw`\b(?:manag\w+|ic|individual contributor|technical|hands-on|coding|code|my job|part-time|track|career|meetings|people|staying|stay|move up|go for)\b`);
// The employee said it: acting on their words is listening, not presuming.
const THEY_SAID = re(String.raw`\byou(?: told me| said| mentioned|'ve said|'d said| have said| asked (?:about|for)| wrote| put in your)\b|\blike you asked\b|\bshout if\b|\blet me know if (?:that'?s|i'?m) wrong\b`);

/** Sentences where the manager presumes what the employee wants from their career. */
export function findAssumedGoals(doc: Doc): Sentence[] {
  return doc.sentences.filter((s) => {
    if (matches(s.text, THEY_SAID) || (!matches(s.text, CAREER) && goalCuesIn(s).length === 0)) return false;
    return anyHit(s, PRESUMES, (h) => !irrealisAt(s, h.index) && !quotedAt(s, h.index));
  });
}
