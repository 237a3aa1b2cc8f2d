import type { Doc } from '../doc.js';
import { irrealisAt, negatedAt, quotedAt } from '../negation.js';
import { anyHit, matches, re, union } from '../pattern.js';
import type { Sentence } from '../sentences.js';
import { GOAL_CUE } from './goal-vocabulary.js';

/**
 * Refusing work (rubric pitfall): declining work the manager needs ("not my job", "someone else can
 * do the maintenance", "I'm a developer, not QA"), or bargaining it away for a perk ("I'll cover the
 * late shift only if I can have the bank holiday off"). Not refusals: missing a meeting ("I can't
 * make the 3pm"), idioms ("I can't believe"), and work offered in exchange for help toward a career
 * goal, which the rubric counts as linking the goal to the manager's needs.
 */
const DECLINES = re(
  String.raw`(?:(?:^|[.;:,-] |\bi )(?:can'?t|cannot|won'?t|will not) (?:take|do|pick up|cover|handle|own|fit in|squeeze in)(?: on)? (?:the|that|this|it|any more|more|another|on)\b)|\b(?:not (?:really |exactly )?(?:in |part of )?my (?:job|problem|responsibility|role|remit|area|department|wheelhouse|call|concern|lane|patch|job description|pay grade|circus)|(?:isn'?t|aren'?t|is not|are not|wasn'?t) (?:really |exactly )?(?:in |part of )?my (?:job|problem|responsibility|role|remit|area|department|job description|concern)|(?:not|isn'?t|is not|wasn'?t|aren'?t) (?:really )?(?:what|something|anything|stuff|work) i (?:was hired|signed up|came here|trained) (?:for|to do)|i'?ve done my (?:time|stint) (?:on|with|in)|(?:give|assign|pass|hand|move|put) (?:[\w'-]+ ){1,4}?(?:to|on) (?:one of the|the (?:[\w-]+ )?(?:juniors|new starters|newer [\w-]+|grads|graduates|interns|temps|trainees|apprentices)|someone|somebody) (?:[\w-]+ ){0,3}?(?:instead|else|\?|$)|(?:give|assign|pass|hand|move|put) (?:[\w'-]+ ){1,6}?instead of me\b|i didn'?t sign up (?:for|to)|(?:someone|somebody|anyone|one of the others) else (?:can|could|should|will have to|needs to|has to|ought to|may as well) (?:do|take|pick|cover|handle|own|deal|sort|look)|(?:can|could) (?:someone|somebody) else (?:do|take|pick|cover|handle|own|deal|sort|look)|(?:give|assign|pass|hand) (?:it|that|this|them) to (?:someone|somebody) else|get (?:someone|somebody|an intern|a junior|an? [\w-]+) (?:else )?to do (?:it|that|this)|(?:shouldn'?t|should not|doesn'?t|does not) (?:really )?fall (?:to|on) me|not (?:down to|up to) me|why (?:is|does) (?:it|this|that) (?:always )?(?:on|fall to) me|why (?:do|should|must) i (?:always )?(?:have to|be the one)|i'?m (?:a|an) [\w-]+,? not (?:a |an )?[\w-]+|i'?m not (?:doing|spending|taking|picking up|covering|touching|wasting|writing(?! off)|running(?! late| behind| out)|organi[sz]ing|chairing|hosting|redoing|rewriting|preparing|handling|owning|training|sorting|filling in|going to (?:do|take|cover|pick|spend|own)|gonna (?:do|take|cover))|i (?:won'?t|will not|refuse to) (?:be )?(?:do(?:ing)?|tak(?:e|ing)|cover(?:ing)?|pick(?:ing)? up|handl(?:e|ing)|own(?:ing)?|work(?:ing)? on|spend(?:ing)?|run(?:ning)?|doing)\b|(?:a )?waste of my time|beneath me|beneath my (?:level|grade|pay grade|role)|at my level|not worth my time|(?:isn'?t|is not|not) (?:really )?(?:something|what) i should (?:be )?(?:doing|do)|i'?d (?:rather|prefer) not (?:do|take|pick|cover|own|handle|work|be on|be the one|spend|run|organi[sz]e|lead|host|manage|deal with|chair|present)|i'?d (?:rather|prefer to) (?:stick to|stay on|keep to|just do|focus on|stick with) (?:my own|my|what i)|i'?d prefer (?:if )?(?:someone|somebody) else|i only (?:do|work on|handle|take)|count me out|i'?ll pass\b|hard pass|i don'?t do (?:[\w-]+ ){0,2}?(?:work|tasks|shifts|weekends|nights|on-call|admin|paperwork)|i'?ll leave (?:it|that|this|them) (?:to|for) (?!you\b)[\w-]+|(?:that'?s|this is|it'?s) (?:more of )?(?:an? )?[\w-]+ (?:thing|job|problem|task|issue) than (?:an? )?[\w-]+ (?:thing|job|problem|task)|(?:is|'s) (?:on|down to) (?:them|him|her|receiving|dispatch|goods in|night shift|day shift|the [\w-]+ (?:team|shift|crew|side)|[\w-]+'s team|ops|sales|legal|finance|procurement|marketing|design|qa|support|hr)\b)`,
);
// Work traded for a perk, not for help toward a goal: "I'll do the migration if I get to skip the support rotation".
const BARGAINS = re(
  String.raw`\b(?:i'?ll|i will|i'?d|i would|i can|i could|happy to) (?:[\w,'-]+ ){1,8}?(?:only if|if (?:i|you let me) (?:get to |can )?(?:skip|drop|avoid|get out of|not do|leave early|have (?:the|a|my) [\w-]+ off)|if i (?:get to|can (?:have|skip|get|leave|drop)|don'?t have to|get (?:the|a|my) (?!promot)[\w-]+ off)|as long as i (?:get|can|don'?t)|in exchange for (?:a|the|my) (?:day|days|time|afternoon|morning|weekend|bank holiday) off)`,
);

// Both in one pass: most sentences have neither.
const ANY_REFUSAL = union(DECLINES, BARGAINS);

/** Sentences declining, or bargaining away, work the manager needs. */
export function findRefusals(doc: Doc): Sentence[] {
  return doc.sentences.filter((s) => {
    if (!matches(s.text, ANY_REFUSAL)) return false;
    const declined = anyHit(s, DECLINES, (h) => !negatedAt(s, h.index, 3) && !irrealisAt(s, h.index) && !quotedAt(s, h.index));
    if (declined) return true;
    return anyHit(s, BARGAINS, (h) => !forGoal(s.text.slice(h.index)) && !irrealisAt(s, h.index));
  });
}

const GOAL = re(GOAL_CUE);

function forGoal(text: string): boolean {
  GOAL.lastIndex = 0;
  return GOAL.test(text.slice(text.search(/\b(?:if|as long as|in exchange)\b/)));
}
