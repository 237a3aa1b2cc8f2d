import type { Doc } from '../doc.js';
import { firstHit, matches, oneOf, re } from '../pattern.js';
import { negatedAt } from '../negation.js';
import type { Sentence } from '../sentences.js';

/**
 * Asking what a goal requires (rubric `asks_what_it_takes`): what it would take, what the manager
 * would need to see, where the gaps are, what the bar looks like. The same words ask facts ("what
 * does it take to get the VPN working?", "is the bar for expenses still £500?"), so a requirement
 * question only counts when a career goal is in sight: named in the sentence, or named elsewhere.
 */
export const REQUIREMENT = re(
  String.raw`\b` +
    oneOf([
      String.raw`what (?:would|will|does|do|did|might) (?:it|that) take`,
      String.raw`what it(?: would| will|'d) take`,
      // "whats it take now?", "what's it gonna take?"
      String.raw`what(?:'s|s| is) it (?:gonna |going to )?take`,
      String.raw`what(?: would| will| do| does| did| might|'d) ` +
        String.raw`(?:you|they|the [\w-]+(?: [\w-]+)?|leadership|people|the panel|the committee|the board|the partners|you guys|i) ` +
        String.raw`(?:need|want|like|expect|look for|have|require|be looking for|have to see)(?! (?:for lunch|for dinner)\b)`,
      String.raw`what do you think i'?d need`,
      String.raw`what (?:else )?(?:would|do|should|must|will|'d|might) i (?:need|have) to`,
      String.raw`what (?:evidence|proof|experience|skills?|examples?) (?:would|will|do|does) ` +
        String.raw`(?:you|they|the [\w-]+|the panel|the committee|the board|the partners) (?:need|want|expect|look for|be looking for|require)`,
      String.raw`what (?:the [\w-]+|you|they) (?:expects?|requires?|wants?) (?:of|from) (?:a|an|the|me)\b`,
      String.raw`what(?:'s| is| are|'re| (?:[\w-]+ ){1,2}(?:are|is|'s|'re)) (?:the |your |their )?(?:actual |real |main |key |exact )?` +
        String.raw`(?:expectations?|requirements?|criteria|bar|standards?|benchmarks?|gaps?|milestones?|prerequisites?|competenc\w+)`,
      String.raw`what does the bar`,
      String.raw`where(?:'s| is) the bar`,
      String.raw`what (?:would|will) (?:have|need) to (?:be true|happen|change)`,
      String.raw`what would make you (?:confident|comfortable|happy|ready|willing|feel|say yes|back|support)`,
      String.raw`what (?:skills?|experience|qualifications?|competenc\w+|training) (?:i|i'?d|i would) (?:need|must|have|should)`,
      String.raw`what(?:'s| is| are) (?:still )?(?:standing|missing|lacking|holding me back|in the way|between me and|keeping me from|stopping me)`,
      String.raw`where (?:do you think |would you say )?(?:i'?m|am i) (?:falling short|lacking|weakest|short|behind)`,
      String.raw`where are my gaps`,
      String.raw`what gaps`,
      String.raw`what (?:skills?|experience|qualifications?|competenc\w+) (?:am i|do i) (?:missing|lacking|need)`,
      String.raw`what am i (?:missing|lacking)`,
      String.raw`my (?:biggest |main )?gaps?\b`,
      String.raw`what should i (?:focus on|work on|improve|develop|build|prioriti[sz]e|be doing|do differently|learn|get better at|start doing)`,
      String.raw`how (?:do|can|could|would|should|might) i ` +
        oneOf([
          String.raw`get|become|reach|make|prepare|qualify|position myself|be considered`,
          String.raw`demonstrate|show|prove|build|earn|close|work toward|go about|move|put myself`,
        ]),
      String.raw`what (?:does|do) (?:a |an |the |being )?(?:[\w-]+ ){0,4}(?:look like|look for|need|require|involve|entail|do differently)`,
      String.raw`what (?:i|do i|i'?d|i would) (?:must|need to|should|have to) ` +
        String.raw`(?:learn|improve|do|show|develop|work on|get better at|change|prove|demonstrate|deliver|achieve)`,
      String.raw`(?:what|which) (?:kind of |sort of )?(?:things|steps|skills|experience) ` +
        String.raw`(?:should|could|do|would|must) i (?:be )?(?:doing|do|take|taking|build|building|get|getting|need)`,
      String.raw`(?:anything|something|what) (?:else )?i (?:should|could|need to|ought to|must) (?:be )?` +
        String.raw`(?:work(?:ing)? on|focus(?:ing)? on|improv\w*|develop\w*|learn\w*|do(?:ing)? differently|start(?:ing)? doing)`,
      String.raw`(?:at|up to|meets?|meeting) the (?:standard|level|bar) (?:you'?d|you would|for|expected)`,
      String.raw`what would make (?:me|my [\w-]+|that(?: [\w-]+)?|this(?: [\w-]+)?|it) ` +
        String.raw`(?:a yes|ready|a strong|stronger|possible|happen|more|an? (?:easy|obvious))`,
      String.raw`how (?:far|close) (?:am i|off am i)`,
      String.raw`am i (?:ready|close) for`,
      String.raw`what (?:would|could) help me (?:get|reach|become|there)`,
      String.raw`(?:need|want|like) to see (?:from me|me)`,
      String.raw`need to see\b`,
      String.raw`(?:the )?(?:next|first) steps? (?:to|towards?|for) (?:get(?:ting)? )?there`,
      String.raw`what'?s the (?:best )?(?:way|route|path) (?:to get )?(?:there|forward)`,
      String.raw`before you'?d (?:feel comfortable|be comfortable|support|back|sign|put)`,
    ]),
);

/** A requirement question tied to a goal: the sentences that show `asks_what_it_takes`. */
export function findRequirementQuestions(doc: Doc, goalInSentence: (s: Sentence) => boolean, goalInText: boolean): Sentence[] {
  return doc.sentences.filter((s) => {
    if (!asksSomething(s)) return false;
    // A hypothetical goal still has requirements ("if I wanted to move teams, what would I need
    // to show?"): only negation counts here.
    const hit = firstHit(s, REQUIREMENT, (h) => !negatedAt(s, h.index));
    if (!hit) return false;
    return goalInSentence(s) || (goalInText && !namesOtherObject(s.text));
  });
}

// "I'd like to talk about what it would take", "tell me what the bar is": requests phrased as statements.
const EMBEDDED_ASK = re(
  String.raw`\b` +
    oneOf([
      String.raw`talk|chat|ask|know|understand|hear|discuss|view|opinion|take on|read on`,
      String.raw`thoughts|tell me|clarity on|idea of|sense of|be clear on|be straight with me`,
      String.raw`advise|advice|guidance`,
    ]) +
    String.raw`\b`,
);

function asksSomething(s: Sentence): boolean {
  return s.question || matches(s.text, EMBEDDED_ASK);
}

// A requirement question about a tool or a process, not the user's goal.
const OTHER_OBJECT = re(
  String.raw`\b` +
    oneOf([
      String.raw`to get (?:the|this|that|it|my|our) [\w-]+ (?:working|fixed|running|approved|signed|done|back)`,
      String.raw`vpn|laptop|printer|invoice|expense|shipment|delivery|deadline|budget|go-live`,
      String.raw`release date|cutoff|timesheets?`,
    ]) +
    String.raw`\b`,
);

export function namesOtherObject(text: string): boolean {
  return matches(text, OTHER_OBJECT);
}
