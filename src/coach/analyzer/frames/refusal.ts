import type { Doc } from '../doc.js';
import { irrealisAt, negatedAt, quotedAt } from '../negation.js';
import { anyHit, matches, oneOf, re, union } from '../pattern.js';
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
  [
    // "Not doing another double sector today.", "not doing any more paperwork for a while".
    String.raw`(?:^|[.;:,-] )not doing (?:another|any more|anymore|more)\b|` +
      String.raw`(?:(?:^|[.;:,-] |\bi )(?:can'?t|cannot|won'?t|will not) (?:take|do|pick up|cover|handle|own|fit in|squeeze in)` +
      String.raw`(?: on)? (?:the|that|this|it|any more|more|another|on)\b)`,
    String.raw`\b` +
      oneOf([
        String.raw`not (?:really |exactly )?(?:in |part of )?my ` +
          oneOf([
            String.raw`job|problem|responsibility|role|remit|area|department|wheelhouse|call|concern`,
            String.raw`lane|patch|job description|pay grade|circus`,
          ]),
        String.raw`(?:isn'?t|aren'?t|is not|are not|wasn'?t) (?:really |exactly )?(?:in |part of )?my ` +
          String.raw`(?:job|problem|responsibility|role|remit|area|department|job description|concern)`,
        String.raw`(?:not|isn'?t|is not|wasn'?t|aren'?t) (?:really )?(?:what|something|anything|stuff|work) ` +
          String.raw`i (?:was hired|signed up|came here|trained) (?:for|to do)`,
        String.raw`i'?ve done my (?:time|stint) (?:on|with|in)`,
        String.raw`(?:give|assign|pass|hand|move|put) (?:[\w'-]+ ){1,4}?(?:to|on) ` +
          oneOf([
            String.raw`one of the`,
            String.raw`the (?:[\w-]+ )?(?:juniors|new starters|newer [\w-]+|grads|graduates|interns|temps|trainees|apprentices)`,
            String.raw`someone|somebody`,
          ]) +
          String.raw` (?:[\w-]+ ){0,3}?(?:instead|else|\?|$)`,
        String.raw`(?:give|assign|pass|hand|move|put) (?:[\w'-]+ ){1,6}?instead of me\b`,
        String.raw`i didn'?t sign up (?:for|to)`,
        String.raw`(?:someone|somebody|anyone|one of the others) else ` +
          String.raw`(?:can|could|should|will have to|needs to|has to|ought to|may as well) (?:do|take|pick|cover|handle|own|deal|sort|look)`,
        String.raw`(?:can|could) (?:someone|somebody) else (?:do|take|pick|cover|handle|own|deal|sort|look)`,
        String.raw`(?:give|assign|pass|hand) (?:it|that|this|them) to (?:someone|somebody) else`,
        String.raw`get (?:someone|somebody|an intern|a junior|an? [\w-]+) (?:else )?to do (?:it|that|this)`,
        String.raw`(?:shouldn'?t|should not|doesn'?t|does not) (?:really )?fall (?:to|on) me`,
        String.raw`not (?:down to|up to) me`,
        String.raw`why (?:is|does) (?:it|this|that) (?:always )?(?:on|fall to) me`,
        String.raw`why (?:do|should|must) i (?:always )?(?:have to|be the one)`,
        String.raw`i'?m (?:a|an) [\w-]+,? not (?:a |an )?[\w-]+`,
        String.raw`i'?m not ` +
          oneOf([
            String.raw`doing|spending|taking|picking up|covering|touching|wasting`,
            String.raw`writing(?! off)`,
            String.raw`running(?! late| behind| out)`,
            String.raw`organi[sz]ing|chairing|hosting|redoing|rewriting|preparing|handling|owning`,
            String.raw`training|sorting|filling in`,
            String.raw`going to (?:do|take|cover|pick|spend|own)`,
            String.raw`gonna (?:do|take|cover)`,
          ]),
        String.raw`i (?:won'?t|will not|refuse to) (?:be )?` +
          oneOf([
            String.raw`do(?:ing)?|tak(?:e|ing)|cover(?:ing)?|pick(?:ing)? up|handl(?:e|ing)|redo(?:ing)?|train(?:ing)?`,
            String.raw`own(?:ing)?|work(?:ing)? on|spend(?:ing)?|run(?:ning)?|doing`,
          ]) +
          String.raw`\b`,
        String.raw`(?:a )?waste of my time`,
        // "give it to kayleigh at the metro store", "give it to finance", "can't do both", "arent really my thing".
        String.raw`(?<!\b(?:i(?:'ll| will| can| could| would|'d)|you|u|to) )give (?:it|that|this|them) to (?!me\b|you\b|u\b|the client\b)[\w-]+`,
        String.raw`can'?t do both|(?:isn'?t|aren'?t|is not|are not|not) (?:really )?my thing`,
        // "That's the SENCO's job, not mine", "should be done by the night team, not us", "is for the engineers, not for me".
        String.raw`(?:job|work|task|responsibility|problem|process),? not (?:mine|ours)\b`,
        String.raw`should be done by (?:the |a )?[\w-]+(?: [\w-]+)?,? not (?:me|us)\b`,
        String.raw`(?:is|are) for (?:the )?[\w-]+(?: [\w-]+)?,? not (?:for )?(?:me|us)\b`,
        String.raw`(?:isn'?t|is not|not) (?:our|my) (?:process|work|shift|task|duty)\b|(?:isn'?t|is not) mine\b`,
        String.raw`(?:should|can) (?:clear|handle|sort|fix|clean up|do) (?:it|that|this|them|their own [\w-]+) (?:themselves|himself|herself)`,
        String.raw`(?:should|can) handle their own\b`,
        String.raw`get (?:someone|somebody|one of the [\w-]+)(?: [\w-]+){1,3}? (?:to do (?:it|that|this)|on it)\b`,
        String.raw`(?:roster|ask|put|find) (?:someone|somebody) else\b`,
        String.raw`(?:can|could|can'?t|couldn'?t) (?:one of the [\w-]+|the new [\w-]+|someone else|somebody else) (?:do|take|run|cover)\b`,
        String.raw`i(?:'ll)? (?:do|take) (?:the )?[\w-]+(?: [\w-]+)? only\b`,
        String.raw`i (?:don'?t|do not) do (?:the )?[\w-]+(?: [\w-]+)? (?:any ?more|again)\b`,
        String.raw`(?:don'?t|do not) (?:really )?want (?:another|more|any more) (?:[\w-]+ )?(?:projects?|jobs?|tasks?|work|shifts?|duties)\b`,
        String.raw`i'?d rather keep my (?:hours|time) for`,
        String.raw`(?:not|isn'?t) (?:a |really a )?good use of my time`,
        String.raw`beneath me`,
        String.raw`beneath my (?:level|grade|pay grade|role)`,
        String.raw`at my level|not worth my time`,
        String.raw`(?:isn'?t|is not|not) (?:really )?(?:something|what) i should (?:be )?(?:doing|do)`,
        String.raw`i'?d (?:rather|prefer) not ` +
          String.raw`(?:do|take|pick|cover|own|handle|work|be on|be the one|spend|run|organi[sz]e|lead|host|manage|deal with|chair|present)`,
        String.raw`i'?d (?:rather|prefer to) (?:stick to|stay on|keep to|just do|focus on|stick with) (?:my own|my|what i)`,
        String.raw`i'?d prefer (?:if )?(?:someone|somebody) else`,
        String.raw`i only (?:do|work on|handle|take)`,
        String.raw`count me out|i'?ll pass\b|hard pass`,
        String.raw`i don'?t do (?:[\w-]+ ){0,2}?(?:work|tasks|shifts|weekends|nights|on-call|admin|paperwork)`,
        String.raw`i'?ll leave (?:it|that|this|them) (?:to|for) (?!you\b)[\w-]+`,
        String.raw`(?:that'?s|this is|it'?s) (?:more of )?(?:an? )?[\w-]+ ` +
          String.raw`(?:thing|job|problem|task|issue) than (?:an? )?[\w-]+ (?:thing|job|problem|task)`,
        String.raw`(?:is|'s) (?:on|down to) ` +
          oneOf([
            String.raw`them|him|her|receiving|dispatch|goods in|night shift|day shift`,
            String.raw`the [\w-]+ (?:team|shift|crew|side)`,
            String.raw`[\w-]+'s team|ops|sales|legal|finance|procurement|marketing|design|qa|support|hr`,
          ]) +
          String.raw`\b`,
      ]),
  ].join('|'),
);
// Work traded for a perk, not for help toward a goal: "I'll do the migration if I get to skip the support rotation".
const BARGAINS = re(
  String.raw`\b(?:i'?ll|i will|i'?d|i would|i can|i could|happy to) (?:[\w,'-]+ ){1,8}?` +
    oneOf([
      String.raw`only if`,
      String.raw`if (?:i|you let me) (?:get to |can )?(?:skip|drop|avoid|get out of|not do|leave early|have (?:the|a|my) [\w-]+ off)`,
      String.raw`if i (?:get to|can (?:have|skip|get|leave|drop)|don'?t have to|get (?:the|a|my) (?!promot)[\w-]+ off)`,
      String.raw`as long as i (?:get|can|don'?t)`,
      String.raw`in exchange for (?:a|the|my) (?:day|days|time|afternoon|morning|weekend|bank holiday) off`,
    ]),
);

// Both in one pass: most sentences have neither.
const ANY_REFUSAL = union(DECLINES, BARGAINS);

/** Sentences declining, or bargaining away, work the manager needs. */
// "If you could hand one problem to someone else tomorrow, which would it be?": the manager's load, offered to be taken.
const YOU_HANDING_OFF = /\b(?:if you|you) (?:could|can|were to|had to|got to) $/;

export function findRefusals(doc: Doc): Sentence[] {
  return doc.sentences.filter((s) => {
    if (!matches(s.text, ANY_REFUSAL)) return false;
    const declined = anyHit(
      s,
      DECLINES,
      (h) =>
        !negatedAt(s, h.index, 3) &&
        !irrealisAt(s, h.index) &&
        !quotedAt(s, h.index) &&
        !YOU_HANDING_OFF.test(s.text.slice(Math.max(0, h.index - 20), h.index)),
    );
    if (declined) return true;
    return anyHit(s, BARGAINS, (h) => !forGoal(s.text.slice(h.index)) && !irrealisAt(s, h.index));
  });
}

const GOAL = re(GOAL_CUE);

function forGoal(text: string): boolean {
  GOAL.lastIndex = 0;
  return GOAL.test(text.slice(text.search(/\b(?:if|as long as|in exchange)\b/)));
}
