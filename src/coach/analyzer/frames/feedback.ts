import type { Doc } from '../doc.js';
import { assertedAt } from '../negation.js';
import { anyHit, matches, re } from '../pattern.js';
import type { Sentence } from '../sentences.js';

/**
 * Asking how the manager sees the writer's current work, or what they would want done differently
 * (rubric `asks_for_feedback`). Not a review of an artefact ("could you review my PR"), an approval
 * ("could you sign off the contract"), or a fact ("any feedback from the client yet?").
 */
const ASKS_VIEW = re(
  String.raw`\b(?:how (?:(?:do|did|would|will) )?you (?:see|view|rate|judge|assess|find) (?:my|how i|the way i)|what (?:did|do) you make of (?:my|how i|the way i)|how\b[^?.!]{0,80}?\bfrom your (?:side|end|pov|perspective|point of view|seat)|what do you think (?:of|about) (?:my|how i|the way i)|(?:something|anything) (?:in |about )?(?:the way|how) i (?:work|do|handle|run|communicate|write|manage|lead|approach)\b[^?]{0,40}?(?:frustrat|bother|annoy|concern|worr|change|improve|differently)|am i (?:on track|doing ok|doing okay|doing alright|doing all right|doing well|headed in the right direction|getting there)|how (?:(?:do|did|would|will) )?you (?:think|thought|feel|felt|see|saw|rate|find|found|judge|view|assess|reckon) (?:[\w'-]+ ){0,8}?(?:gone|going|went|landed|landing|doing|handl\w+|settl\w+|perform\w*|coming across|come across|came across|working out|worked out|turned out|getting on|shaping up|progress\w*)|how (?:am i|have i been) (?:doing|getting on|performing|coming across|tracking|handling|settling)|how (?:did|does|do|has|have|is|was)(?:n'?t)? (?:my|the|our) (?:[\w'-]+ ){0,4}?(?:land|landed|come across|go down|gone down|went down|read|reading|received)|(?:what|anything|something) (?:else )?(?:(?:would|could|should|do|did) you|you'?d) (?:[\w-]+ )?(?:want|like|have|prefer) me to (?:do|change|improve|approach|handle)|(?:done|do|doing|handled?|approach(?:ed)?) (?:it |this |that |things )?differently|what (?:could|should|can|would|might) i (?:do|be doing|have done) (?:better|differently)|(?:one thing|anything|something|what) i (?:could|should|can|might) (?:be doing|do|improve|change) better|(?:could|should|can) (?:be doing|do) better|(?:what|where|how) (?:can|could|should|might) i (?:improve|get better)|(?:what|where|how) (?:(?:do|would) you (?:think|say) )?i (?:could|should|can|might|need to) (?:improve|get better|do better|grow|develop|sharpen|work on)|(?:what|anything|one thing)(?:'s| is)? (?:[\w-]+ ){0,2}?(?:i should|should i|i could|i need to) (?:stop|start|keep) doing|areas? (?:for|of|to) (?:improve\w*|development)|what(?:'s| is) (?:the )?weakest|weak(?:est)? (?:spots?|points?|part|areas?)|blind ?spots?|my weaknesses|(?:your|any|some|honest|candid|frank|straight|brutal|quick) (?:[\w-]+ )?feedback(?! from)|(?:your|any|honest|candid|frank|straight|brutal) (?:[\w-]+ )?(?:input|thoughts|take|read|view|opinion|impressions?|assessment|critique|pointers|steer) (?:on|about|of|regarding|re) (?:my|how|the way i|me|whether (?:my|i))|(?:get|have|give me|hear) (?:some |any |your )?(?:honest |candid |quick )?feedback|feedback (?:on|for|about) (?:my|how|the|me)|(?:was|is|were|did) (?:the |my )?(?:[\w'-]+ ){0,8}?(?:ok|okay|alright|all right|fine|too [\w-]+|right|appropriate|what you wanted|what you expected|up to scratch|good enough|pitched right)\?|(?:did|do) i come across|i came across (?:as |too )|am i meeting (?:your )?expectations|are you (?:happy|satisfied|pleased) with (?:my|how i|the way i)|is my work (?:where|meeting|up to|good)|be (?:brutal|honest|straight|frank|candid)\b(?:[\s:,-]+)(?:[\w'-]+ ){0,6}?(?:weak|better|improve|differently|how i|my))`,
);
// Whose work: the writer's ("my", "I"), or work the manager is asked to judge ("how do you think it went", "from your side").
const ABOUT_THE_WRITER = re(String.raw`\b(?:my|i|me|i'?ve|i'?m|myself)\b|\bdo you see\b|\byou (?:think|feel|see|reckon|rate)\b|\bfrom your (?:side|end|pov|perspective|point of view|seat)\b`);

// An artefact review, an approval or a look at a file is not feedback on the writer's work.
const REVIEW_REQUEST = re(String.raw`\b(?:review|sign off|sign-off|approve|proofread|look over|take a look at|look at|check) (?:my |the |this |our )?(?:pr|pull request|code|diff|branch|commit|contract|invoice|spreadsheet|pivot|numbers|figures|form|request|expense)\b|\bfeedback from (?!you\b)`);

// "What gaps do you see?" about the writer's own work; about a goal it asks what the goal takes instead.
const GAPS_IN_WORK = re(String.raw`\b(?:what gaps do you see|what am i missing|where are the gaps)\b`);

/** Sentences asking how the manager sees the writer's work or what they would change; `aboutGoal` marks questions about a goal's gaps. */
export function findFeedbackAsks(doc: Doc, aboutGoal: (s: Sentence) => boolean): Sentence[] {
  return doc.sentences.filter((s) => {
    if (!s.question && !matches(s.text, WANTS_TO_HEAR)) return false;
    if (matches(s.text, REVIEW_REQUEST) || !matches(s.text, ABOUT_THE_WRITER)) return false;
    if (anyHit(s, ASKS_VIEW, (h) => assertedAt(s, h.index))) return true;
    return !aboutGoal(s) && anyHit(s, GAPS_IN_WORK, (h) => assertedAt(s, h.index));
  });
}

// "I'd appreciate your honest read on...", "would love your take": a request without a question mark.
const WANTS_TO_HEAR = re(String.raw`\b(?:appreciate|value|welcome|love|like|want|keen|grateful|curious|wanted to ask|rather hear|be brutal|be honest|be straight|be frank|tell me|let me know|interested)\b`);
