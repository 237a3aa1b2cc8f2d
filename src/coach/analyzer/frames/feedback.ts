import type { Doc } from '../doc.js';
import { assertedAt } from '../negation.js';
import { anyHit, matches, oneOf, re } from '../pattern.js';
import type { Sentence } from '../sentences.js';

/**
 * Asking how the manager sees the writer's current work, or what they would want done differently
 * (rubric `asks_for_feedback`). Not a review of an artefact ("could you review my PR"), an approval
 * ("could you sign off the contract"), or a fact ("any feedback from the client yet?").
 */
const ASKS_VIEW = re(
  String.raw`\b` +
    oneOf([
      String.raw`how (?:(?:do|did|would|will) )?you (?:see|view|rate|judge|assess|find) (?:my|how i|the way i)`,
      String.raw`what (?:did|do) you make of (?:my|how i|the way i)`,
      String.raw`how\b[^?.!]{0,80}?\bfrom (?:your (?:side|end|pov|perspective|point of view|seat)|where you(?:'re| are)? (?:sit|sitting|stand|standing|are))`,
      // "how I'm doing against the plan we wrote" tracks a goal (a follow-up), not the work as the manager sees it.
      String.raw`how (?:i'?m|i am|i'?ve been|i have been) (?:doing|getting on|performing|progressing|coming across|settling in|handling)` +
        String.raw`(?! (?:against|towards?|toward|on (?:the|my|our|that) (?:[\w-]+ )?(?:goal|plan|target|promotion)))`,
      String.raw`(?:pitched|pitch|pitching|set|setting|written|writing) (?:[\w'-]+ ){0,4}?(?:at )?(?:the )?right (?:level|tone|length)`,
      String.raw`(?:one thing|anything|something|what)(?:'s| is)? (?:the )?(?:[\w-]+ ){0,2}?` +
        String.raw`(?:you'?d|you would) (?:change|do differently|want (?:me )?to change)\b`,
      String.raw`(?:are|is) (?:my|the way i|how i) (?:[\w'-]+ ){0,8}?` +
        String.raw`(?:meeting your expectations|useful (?:to|for) you|helpful (?:to|for) you|working for you|landing|what you (?:need|want))`,
      String.raw`meeting your expectations`,
      String.raw`would you have (?:wanted|liked|preferred|done)`,
      String.raw`what (?:do )?you (?:think|make) (?:of|about) (?:my|how i|the way i)`,
      String.raw`(?:something|anything) (?:in |about )?(?:the way|how) i (?:work|do|handle|run|communicate|write|manage|lead|approach)` +
        String.raw`\b[^?]{0,40}?(?:frustrat|bother|annoy|concern|worr|change|improve|differently|bug|irritat)`,
      String.raw`am i (?:on track|doing ok|doing okay|doing alright|doing all right|doing well|headed in the right direction|getting there)`,
      String.raw`how (?:(?:do|did|would|will) )?you ` +
        String.raw`(?:think|thought|feel|felt|see|saw|rate|find|found|judge|view|assess|reckon) (?:[\w'-]+ ){0,8}?` +
        oneOf([
          String.raw`gone|going|went|landed|landing|doing|handl\w+|settl\w+|perform\w*`,
          String.raw`coming across|come across|came across|working out|worked out|turned out`,
          String.raw`getting on|shaping up|progress\w*`,
        ]),
      String.raw`how (?:am i|have i been) (?:doing|getting on|performing|coming across|tracking|handling|settling)`,
      String.raw`how(?:'s| (?:did|does|do|has|have|is|was)(?:n'?t)?) (?:my|the|our) (?:[\w'-]+ ){0,4}?` +
        String.raw`(?:land|landed|come across|go down|gone down|went down|read|reading|received)`,
      String.raw`(?:what|anything|something|stuff|things?) (?:else )?` +
        String.raw`(?:(?:would|could|should|do|did) you|you'?d) (?:[\w-]+ )?(?:want|like|have|prefer) me to ` +
        String.raw`(?:do|change|improve|approach|handle|tighten|fix|adjust|tweak|work on|sharpen|stop|start|drop)`,
      String.raw`(?:one thing|anything|something|what) i (?:could|should|can|might) (?:be doing|do|improve|change) better`,
      String.raw`(?:could|should|can) (?:be doing|do) better`,
      String.raw`(?:what|where|how) (?:can|could|should|might) i (?:improve|get better)`,
      String.raw`(?:what|where|how) (?:(?:do|would) you (?:think|say) )?i (?:could|should|can|might|must|have to|need to) ` +
        String.raw`(?:improve|get better|do better|grow|develop|sharpen|work on)`,
      String.raw`(?:what|anything|one thing)(?:'s| is)? (?:[\w-]+ ){0,2}?(?:i should|should i|i could|i need to) (?:stop|start|keep) doing`,
      String.raw`areas? (?:for|of|to) (?:improve\w*|development)`,
      String.raw`what(?:'s| is) (?:the )?weakest`,
      String.raw`weak(?:est)? (?:spots?|points?|part|areas?)`,
      String.raw`blind ?spots?`,
      String.raw`my weaknesses`,
      String.raw`(?:your|any|some|honest|candid|frank|straight|brutal|quick) (?:[\w-]+ )?feedback(?! from)`,
      String.raw`(?:your|any|honest|candid|frank|straight|brutal) (?:[\w-]+ )?` +
        String.raw`(?:input|thoughts|take|read|view|opinion|impressions?|assessment|critique|pointers|steer) ` +
        String.raw`(?:on|about|of|regarding|re) (?:my|how|the way i|me|whether (?:my|i))`,
      String.raw`(?:get|have|give me|hear) (?:some |any |your )?(?:honest |candid |quick )?feedback`,
      String.raw`feedback (?:on|for|about) (?:my|how|the|me)`,
      String.raw`(?:was|is|were|did) (?:the |my )?(?:[\w'-]+ ){0,8}?` +
        oneOf([
          String.raw`ok|okay|alright|all right|fine|too [\w-]+|right|appropriate|what you wanted`,
          String.raw`what you expected|up to scratch|good enough|pitched right`,
        ]) +
        String.raw`\?`,
      String.raw`(?:did|do) i come across`,
      String.raw`i came across (?:as |too )`,
      String.raw`am i meeting (?:your )?expectations`,
      String.raw`are you (?:happy|satisfied|pleased) with (?:my|how i|the way i)`,
      String.raw`is my work (?:where|meeting|up to|good)`,
      String.raw`be (?:brutal|honest|straight|frank|candid)\b(?:[\s:,-]+)(?:[\w'-]+ ){0,6}?(?:weak|better|improve|differently|how i|my)`,
    ]),
);
// Whose work: the writer's ("my", "I"), or work the manager is asked to judge ("how do you think it went", "from your side").
const ABOUT_THE_WRITER = re(
  [
    String.raw`\b(?:my|i|me|i'?ve|i'?m|myself)\b`,
    String.raw`\bwould you have (?:wanted|liked|preferred)\b`,
    String.raw`\bdo you see\b`,
    String.raw`\byou (?:think|feel|see|reckon|rate)\b`,
    String.raw`\bfrom your (?:side|end|pov|perspective|point of view|seat)\b`,
  ].join('|'),
);

// An artefact review, an approval or a look at a file is not feedback on the writer's work.
const REVIEW_REQUEST = re(
  [
    String.raw`\b(?:review|sign off|sign-off|approve|proofread|look over|take a look at|look at|check) (?:my |the |this |our )?` +
      String.raw`(?:pr|pull request|code|diff|branch|commit|contract|invoice|spreadsheet|pivot|numbers|figures|form|request|expense)\b`,
    String.raw`\bfeedback from (?!you\b)`,
  ].join('|'),
);

// "What gaps do you see?", "what should I do differently?" about the writer's own work; about a
// goal ("what would I need to do differently to be considered for charge nurse?") they ask what the goal takes.
const CHANGES_TO_WORK = re(
  String.raw`\b` +
    oneOf([
      String.raw`what gaps do you see|what am i missing|where are the gaps`,
      String.raw`(?:done|do|doing|handled?|approach(?:ed)?) (?:it |this |that |them |things )?differently`,
      String.raw`what (?:could|should|can|would|might) i (?:do|be doing|have done) (?:better|differently)`,
    ]) +
    String.raw`\b`,
);

/** Sentences asking how the manager sees the writer's work or what they would change; `aboutGoal` marks questions about a goal's gaps. */
export function findFeedbackAsks(doc: Doc, aboutGoal: (s: Sentence) => boolean): Sentence[] {
  return doc.sentences.filter((s) => {
    if (!s.question && !matches(s.text, WANTS_TO_HEAR)) return false;
    if (matches(s.text, REVIEW_REQUEST) || !matches(s.text, ABOUT_THE_WRITER)) return false;
    if (anyHit(s, ASKS_VIEW, (h) => assertedAt(s, h.index))) return true;
    return !aboutGoal(s) && anyHit(s, CHANGES_TO_WORK, (h) => assertedAt(s, h.index));
  });
}

// "I'd appreciate your honest read on...", "would love your take": a request without a question mark.
const WANTS_TO_HEAR = re(
  String.raw`\b` +
    oneOf([
      String.raw`appreciate|value|welcome|love|like|want|keen|grateful|curious|wanted to ask`,
      String.raw`rather hear|be brutal|be honest|be straight|be frank|tell me|let me know|interested`,
    ]) +
    String.raw`\b`,
);
