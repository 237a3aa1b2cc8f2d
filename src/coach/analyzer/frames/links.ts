import type { Doc } from '../doc.js';
import { GETS_ME_ON, SAVES_MANAGER } from '../lexicon.js';
import { assertedAt } from '../negation.js';
import { anyHit, firstHit, lastStretch, matches, oneOf, re, union } from '../pattern.js';
import type { Sentence } from '../sentences.js';
import type { HelpOffer } from './help.js';

/**
 * Linking the goal to the manager's needs (rubric `links_goal_to_needs`): help for the manager
 * that would also build toward the writer's goal ("it's exactly the negotiation experience I'm
 * missing for the procurement manager role"), or help given in exchange for help toward it ("I'll
 * take on the on-call lead rotation if you put me forward for senior"). A goal and, separately,
 * some help is not a link; nor is help that serves only a team target.
 */

// What the help would do for the writer: experience, practice, a step toward the goal.
const SELF_BENEFIT = re(
  String.raw`\b` +
    oneOf([
      String.raw`(?:would|could|will|'d|might|should) (?:also |really |definitely |probably )?` +
        String.raw`(?:get|bring|move|take|put|help) me (?:closer|nearer|there|toward|towards|on track|in front|ready)`,
      String.raw`(?:also |that )?(?:get|gets|getting|bring|move|moving) me (?:closer|nearer|there)`,
      String.raw`(?:give|gives|giving|get|gets|getting|build|builds|building|gain|gains|gaining|develop|developing)(?: me)? ` +
        String.raw`(?:the |some |more |valuable |real |hands-on |direct |good |solid |relevant |proper |exactly the )?(?:[\w-]+ ){0,2}?` +
        oneOf([
          String.raw`experience|exposure|practice|visibility|reps|track record`,
          String.raw`(?:first )?taste`,
          String.raw`feel for|window into|flavou?r of|evidence|credibility|material|examples?`,
          String.raw`stories|story|view|perspective|insight|understanding|grounding|confidence`,
          String.raw`knowledge|background|profile|network|contacts`,
          String.raw`something (?:concrete|real|to show|to point to|to talk about)`,
        ]),
      String.raw`(?:good|great|useful|valuable|perfect|ideal|real|solid|relevant|exactly the|the kind of|the sort of) (?:[\w-]+ ){0,2}?` +
        oneOf([
          String.raw`experience|practice|prep|preparation|training|exposure|stretch|stepping stone`,
          String.raw`way to (?:build|learn|get|practi[cs]e|develop|show|prove|grow|test)`,
        ]),
      String.raw`(?:experience|skills?|exposure|practice) (?:that )?(?:i'?m|i am|i'?ve been) (?:missing|lacking|after|looking for|needing)`,
      String.raw`i (?:need|want|lack) (?:that|this|the|some|more) (?:kind of |sort of )?(?:[\w-]+ )?` +
        String.raw`(?:experience|exposure|practice|skills?) (?:for|to get|to reach|to become|before)`,
      String.raw`(?:experience|exposure|practice) (?:i need|needed|required) (?:for|to)`,
      String.raw`(?:it|that|this)(?:'d| would| will|'ll) (?:also )?help me ` +
        String.raw`(?:too|as well|also|grow|build|get|learn|prepare|reach|with my|see|understand|practi[cs]e|try|find out)`,
      String.raw`(?:that|which|it) (?:would|could|'d|might|will) (?:also )?help (?:me )?(?:with|toward|towards) (?:that|this|it|my)\b`,
      String.raw`help(?:s|ing)? me (?:reach|build toward|work toward|get to|get closer|prepare for|move toward|towards?) `,
      String.raw`(?:also|too) (?:help|helps|benefit|benefits|serve|serves|develop|stretch|stretches) (?:me|my)`,
      String.raw`i'?d get (?:the |some |real |more |valuable |hands-on )?(?:[\w-]+ ){0,3}?(?:practice|experience|exposure|reps|work|skills?)`,
      String.raw`on my (?:cv|resume|portfolio|record|promo case|promotion case)`,
      String.raw`(?:to|and) (?:get|build|gain|develop|practi[cs]e|sharpen|prove|show|demonstrate|strengthen|test|stretch) ` +
        String.raw`(?:some |my |more |the |a bit of )?(?:[\w-]+ ){0,2}?` +
        String.raw`(?:reps|experience|exposure|skills?|practice|muscle|track record|credibility|readiness|chops|side)\b`,
      oneOf([
        String.raw`toward|towards|closer to|step toward|step towards`,
        String.raw`stepping stone (?:to|toward|towards|for)`,
        String.raw`counts? toward|count towards|contribute to|on the way to|on the path to`,
      ]) + String.raw` (?:my |the |that |a )?(?:goal|promotion|promo|move|role|level|[\w-]+ (?:role|goal|level|track))`,
      String.raw`(?:build|strengthen|support|help) (?:my|the) (?:case|promotion case|promo case|application)`,
      String.raw`(?:prepare|ready|position|set) me (?:up )?for`,
      String.raw`show (?:the [\w-]+ |you |them |people |the panel |the committee )?(?:that )?` +
        String.raw`i(?:'m| am| can)? (?:ready|capable|able|can|could|run|lead|handle|manage|do)`,
      String.raw`(?:kind|sort|type) of (?:[\w-]+ ){0,3}?(?:i'?d (?:like|love)|i want|i hope) to (?:do|be doing|get into|move into)`,
      String.raw`(?:good|great|useful|helpful|valuable) for me (?:too|as well)`,
      String.raw`(?:good|great|useful) for my (?:development|cv|goal|case|career|application)`,
      String.raw`prove (?:that )?i(?: can| could| am|'m)`,
      // "...and it's basically what tech artists do anyway": the help is the goal role's own work.
      String.raw`(?:is|'s) (?:basically |exactly |pretty much |literally |really |just )?` +
        String.raw`(?:what|the (?:kind|sort) of (?:thing|work)) (?:an? )?(?:[\w-]+ ){1,2}(?:do|does|would do)\b`,
      // "I'd learn the back office side", "teaches me the money side": learning by doing the manager's work.
      String.raw`(?:i'?d|id|i would|i'?ll|i will|i could|i get to|i'?d get to) (?:also |really |actually )?` +
        String.raw`(?:learn|pick up|see how|get to learn|get to see|get to practi[cs]e|understand)\b`,
      String.raw`(?:teach|teaches|teaching|taught|show|shows|showing) me (?:the|how|a lot|loads|lots|what|a bit)\b`,
      String.raw`(?:build|builds|building|develop|developing|practi[cs]e|practi[cs]ing|sharpen|stretch) ` +
        String.raw`(?:exactly |just |precisely )?(?:the|my|those|these) (?:[\w-]+ ){0,2}?skills? (?:i|i'?d|i'?ll|you said i|i'?m)\b`,
      String.raw`counts? (?:toward|towards) (?:it|that|this)\b`,
      String.raw`win[- ]win`,
      String.raw`help(?:s)? us both`,
      String.raw`good for both of us`,
      String.raw`both of us win`,
      String.raw`would also help me`,
      String.raw`that would also`,
      String.raw`that also helps? me`,
    ]),
);
// Help given in exchange for help toward the goal: "if you put me forward for senior", "in return, could you back me".
const EXCHANGE = re(
  String.raw`\b` +
    oneOf([
      String.raw`if you(?:'ll| will| can| could| would)? ` +
        oneOf([
          String.raw`make me`,
          String.raw`put me (?:forward|up)`,
          String.raw`support (?:my|me)`,
          String.raw`back (?:my|me)`,
          String.raw`sponsor|promote me|push for|make the case|consider me|nominate`,
          String.raw`sign off (?:on )?my`,
          String.raw`give me (?:the|a) [\w-]+ (?:role|title|position|raise)`,
          String.raw`help me (?:get|reach|become|move)`,
        ]),
      String.raw`in (?:return|exchange),? (?:could|can|would|will|i'?d|you)`,
      // "if you got me on the course, I could cover those shifts": the manager's help toward the goal first.
      String.raw`${GETS_ME_ON} (?:on|onto|in|into|up for|through)? ?(?:the|a|that|my|this) (?:[\w-]+ ){0,2}?` +
        String.raw`(?:course|training|programme|program|scheme|qualification|licen[cs]e|ticket|exam|apprenticeship|certificat\w*)`,
      String.raw`you back me`,
      String.raw`you(?:'ll| will)? (?:support|sponsor|champion) (?:me|my)`,
      String.raw`(?:and|,) you(?:'ll| will)? (?:back|support|sponsor|champion|push for|put (?:me|my name) (?:forward|up))`,
    ]),
);
// Help the writer gives or offers, as a gerund subject: "owning a mess like this end to end would be good experience".
const DOING_IT = re(
  String.raw`^(?:and )?` +
    oneOf([
      String.raw`(?:it|that|this|which|doing (?:that|this|it|so)|taking (?:that|this|it) on|the [\w-]+ (?:work|project))` +
        String.raw`(?:'d|'s| would| will| could| is)?`,
      oneOf([
        String.raw`owning|leading|running|taking on|taking over|doing|coordinating|handling`,
        String.raw`covering|training|mentoring|managing|organi[sz]ing|chairing|drafting`,
      ]) + String.raw`\b`,
      String.raw`you'?d get`,
    ]),
);
const SEPARATELY = re(
  String.raw`\b(?:separately|unrelated(?:ly)?|on (?:a|an) (?:different|other|separate|unrelated) (?:note|topic|point)|second(?:ly)?|2\))\b`,
);

/**
 * Sentences that tie the writer's goal to help for the manager. `offers` are the help sentences
 * already found; `goalInText` says whether a career goal is named anywhere (a team target is not one).
 */
export function findGoalLinks(doc: Doc, offers: readonly HelpOffer[], goalInText: boolean, stated: readonly Sentence[] = []): Sentence[] {
  if (!goalInText) return [];
  const offered = new Set(offers.map((o) => o.sentence));
  const found: Sentence[] = [];
  const beside = offerBesideGoal(doc, offered, new Set(stated));
  if (beside) found.push(beside);
  doc.sentences.forEach((s, i) => {
    const previous0 = doc.sentences[i - 1];
    const meetsRequirement = offered.has(s) && previous0 !== undefined && matches(previous0.text, REQUIREMENT_THEN);
    if (!meetsRequirement && !matches(s.text, ANY_LINK)) return;
    const exchange = anyHit(s, EXCHANGE, (h) => assertedAt(s, h.index));
    if (exchange && (offered.has(s) || matches(s.text, TAKES_ON) || isRecapDeal(doc, i))) {
      found.push(s);
      return;
    }
    // "To get to senior I need to own something cross-team. Could I take X off you?": the offer meets the stated requirement.
    if (offered.has(s) && (matches(s.text, GOAL_AS_REASON) || meetsRequirement)) {
      found.push(s);
      return;
    }
    const benefit = firstHit(s, SELF_BENEFIT, (h) => assertedAt(s, h.index));
    if (!benefit) return;
    const previous = doc.sentences[i - 1];
    const helpHere = offered.has(s) || matches(s.text, TAKES_ON);
    const pointsBack = matches(s.text, DOING_IT) || matches(s.text, BACK_REFERENCE) || matches(s.text, WANTS_EXPERIENCE);
    const helpBefore = previous !== undefined && offered.has(previous) && !matches(s.text, SEPARATELY) && pointsBack;
    const helpAsSubject = matches(s.text, TAKES_ON_GERUND);
    if (helpHere || helpBefore || helpAsSubject) found.push(s);
  });
  return found.filter((s, i) => found.indexOf(s) === i);
}

/**
 * The goal stated, then help offered within the next two sentences, or the help and then the goal,
 * with nothing that sets them apart ("Separately, …", "Two things.", a list): the writer puts the
 * offer forward as the way toward the goal. Of 275 labelled texts stating a goal and offering help,
 * 221 are links; of the 54 that are not, most part the two in words or lines. The offer is the quote.
 */
function offerBesideGoal(doc: Doc, offered: ReadonlySet<Sentence>, stated: ReadonlySet<Sentence>): Sentence | undefined {
  if (stated.size === 0 || offered.size === 0 || APART.test(doc.raw)) return undefined;
  const at = doc.sentences.map((s) => (stated.has(s) && !s.question && !matches(s.text, NOT_A_GOAL_TO_SERVE) ? 'goal' : offered.has(s) ? 'offer' : ''));
  for (let i = 0; i < at.length; i++) {
    if (at[i] !== 'offer') continue;
    for (let j = Math.max(0, i - 2); j <= Math.min(at.length - 1, i + 2); j++) {
      const between = doc.sentences.slice(Math.min(i, j), Math.max(i, j) + 1);
      if (at[j] === 'goal' && !between.some((s) => matches(s.text, SEPARATELY) || SETS_APART.test(s.text))) return doc.sentences[i];
    }
  }
  return undefined;
}
// Words and layouts that part a goal from the help beside it.
const APART = new RegExp(
  String.raw`\b(?:separately|unrelated|two things|2 things|separate thing|by the way|btw|oh and|other thing|` +
    String.raw`on (?:a|an) (?:different|other|separate|unrelated) (?:note|topic|point))\b|^\s*(?:[-*•]|\d[.)])\s`,
  'im',
);
// A sentence that opens on "Also" or puts the goal off ("but before that…") adds a second point.
const SETS_APART = /^\W*(?:also\b|anyway\b|but before (?:that|i|we)\b)/;
// A goal named in passing, in a check-in proposed or a claim to a post ("I've earned the senior post"), is not one the help serves.
const NOT_A_GOAL_TO_SERVE = re(String.raw`\b(?:check[- ]?ins?|catch[- ]?ups?|1:1|come back to|earned|deserve|tracking)\b`);

// Taking on work for the manager or team, in any form, for the exchange and benefit cases.
const TAKES_ON = re(
  [
    String.raw`\b(?:i'?ll|i will|i can|i could|i'?d|i would|happy to|glad to|let me|want me to|could i|can i|if i) (?:[\w-]+ ){0,3}?` +
      oneOf([
        String.raw`take|take on|take over|took|took over|do|cover|own|run|lead|handle|pick up`,
        String.raw`coordinate|help|mentor|train|organi[sz]e|draft|be the one`,
      ]) +
      String.raw`\b`,
    String.raw`\bi take (?:on|over)\b`,
    String.raw`\byour plate\b|\boff your hands\b`,
  ].join('|'),
);
const TAKES_ON_GERUND = re(
  String.raw`\b` +
    oneOf([
      String.raw`doing|owning|leading|running|taking on|taking over|coordinating|handling`,
      String.raw`covering|training|mentoring|managing|organi[sz]ing|chairing|drafting`,
    ]) +
    String.raw` (?:[\w-]+ ){0,8}?(?:would|will|could|is|'d|feels)\b`,
);
// "Since I want to move into data science, could I take...": the goal given as the reason for the offer.
const GOAL_AS_REASON = re(
  String.raw`\b(?:since|because|as|given(?: that)?|seeing as)\b[^.?!]{0,80}?\b` +
    String.raw`(?:i want|i'?d (?:like|love)|i'?m (?:keen|aiming|hoping|working|trying|interested)|my goal|my aim)\b`,
);
const REQUIREMENT_THEN = re(
  String.raw`\b` +
    oneOf([
      String.raw`to (?:get (?:to|there)|reach|become|make|move (?:up )?to|step up to)`,
      String.raw`for (?:the|a|my) [\w-]+ (?:role|promotion|level|post)`,
    ]) +
    String.raw`\b[^.?!]{0,60}?\bi(?:'d| would| will|'ll)? (?:need|have|must) to\b`,
);
// Any of the three ways help and goal are tied, in one pass.
const ANY_LINK = union(EXCHANGE, GOAL_AS_REASON, SELF_BENEFIT);
// "Is there a piece I could own? I'd love to get more project experience before...": the wish right after the offer.
const WANTS_EXPERIENCE = re(
  String.raw`\b(?:i'?d (?:really )?(?:love|like)|i want|i'?m keen|i'?m hoping|i need) to ` +
    String.raw`(?:get|gain|build|develop|have|pick up) (?:[\w-]+ ){0,3}?(?:experience|exposure|practice|skills?|reps)\b`,
);
// "...would be good experience", "one less thing for you": pointing back at the offer in the sentence before.
const BACK_REFERENCE = re(
  [
    String.raw`\b(?:it|that|this|which)(?:'d|'s| would| will| could| is)\b`,
    String.raw`\b(?:would|will|could|does) (?:that|this|it)\b`,
    String.raw`\byou'?d get\b`,
    String.raw`\bi'?d (?:learn|pick up|get)\b`,
    String.raw`\b(?:that|this) (?:kind|sort|type) of\b`,
    String.raw`\b(?:that|this) (?:experience|practice|exposure)\b`,
    SAVES_MANAGER,
  ].join('|'),
);

function isRecapDeal(doc: Doc, i: number): boolean {
  // "To recap what we agreed: I run X, and you'll put my name forward": the recap may open the same sentence.
  const here = doc.sentences[i];
  if (here && opensWithRecap(here.text)) return true;
  return doc.sentences.slice(Math.max(0, i - 4), i).some((s) => /agreed|recap/.test(lastStretch(s.text)));
}

// The words within the first 60 characters, in a first clause that a colon ends: what
// /^[^.!?:]{0,60}\b(?:agreed|recap)\b[^.!?:]*:/ says, without following the clause from each occurrence.
function opensWithRecap(text: string): boolean {
  const stop = text.search(/[.!?:]/);
  if (stop < 0 || text[stop] !== ':') return false;
  const recap = /\b(?:agreed|recap)\b/.exec(text.slice(0, stop));
  return recap !== null && recap.index <= 60;
}
