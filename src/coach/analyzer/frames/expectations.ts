import type { Doc } from '../doc.js';
import { assertedAt } from '../negation.js';
import { anyHit, matches, oneOf, re, type Hit } from '../pattern.js';
import type { Sentence } from '../sentences.js';
import { goalCuesIn } from './goals.js';

/**
 * The manager spelling out what the next level or the goal requires, or the gap between now and
 * then (rubric `clarifies_expectations`). A deadline ("I expect the report by Friday"), a team
 * target ("cut the backlog in half"), or a bar that is a pub are not expectations of a level.
 */

// Words that only ever describe a gap or a bar: enough with a level named nearby.
const GAP = re(
  String.raw`\b` +
    oneOf([
      String.raw`(?:the |that'?s the |what'?s the |main |biggest |real |only )?gaps?\b(?! year)`,
      String.raw`what'?s (?:still )?missing`,
      String.raw`the (?:main |biggest |real )?things? (?:missing|between|standing)`,
      String.raw`(?:what )?(?:usually |really )?separates`,
      String.raw`the (?:jump|step|difference|leap|move) (?:from|between|up)`,
      String.raw`the bar (?:for|at|is|to)`,
      String.raw`(?:isn'?t|is not|'s not) just (?:about |being )?`,
      // Readiness is a gap only when it falls short: "you're not there yet", not "you're ready for it".
      String.raw`(?:you'?re not|you are not|you aren'?t) (?:yet |quite )?(?:ready|there) (?:for|yet)`,
      String.raw`(?:you'?re|you are) (?:not (?:quite )?)?(?:ready|there) yet`,
      String.raw`not (?:quite )?ready (?:for|yet)`,
      String.raw`you'?re at (?:[\w-]+ )of`,
      String.raw`(?:you )?haven'?t yet`,
      String.raw`what i'?d need to see`,
      String.raw`what (?:they|the panel|the committee)(?:'ll| will)? look for`,
      String.raw`holding you back`,
      String.raw`(?:stands?|standing) between you and`,
      String.raw`in your way`,
      String.raw`what'?s stopping you`,
      String.raw`keeping you from`,
      String.raw`the (?:main |real |key |big |first |only )?(?:things?|questions?|test) ` +
        String.raw`(?:(?:i|we|they|the [\w-]+)(?:'ll| will|'re|'m| are| am)? )?(?:be )?(?:look(?:ing|s)?|ask(?:ing|s)?) (?:at|for|about)`,
      String.raw`the (?:real|key|big) (?:question|test) is (?:whether|if|how)`,
      String.raw`(?:is|'s) the (?:piece|bit|part|thing) you`,
      String.raw`haven'?t (?:yet )?had (?:a|the) chance to show`,
      String.raw`the [\w-]+ bar (?:here |at [\w-]+ )?(?:is|for)`,
    ]),
);
// Words that describe requirements only when a level is named in the same sentence or just before.
const REQUIRES = re(
  String.raw`\b` +
    oneOf([
      String.raw`(?:you'?d|you would|you'?ll|you will|you) (?:really )?(?:need|have|be expected|must|should be able) to`,
      String.raw`(?:you'?d|you would|you'?ll|you will) need\b`,
      String.raw`^at (?:the )?[\w-]+(?: [\w-]+){0,2}(?: level)?, (?:people|everyone|folks|you)\b`,
      String.raw`(?:i'?d|i would|we'?d|we|we will|we'?ll|they'?ll|they'?d|they will|they|the panel|the committee|the board|people) ` +
        String.raw`(?:expect|want to see|look for|need to see|ask about|will want|would want)`,
      String.raw`i (?:need|want|have) to see you\b`,
      String.raw`(?:they|the panel|the committee|the board|panels?|interviewers?|governors|assessors|the partners|the firm)` +
        String.raw`(?:'ll| will| would)? (?:want to see|look for|expect|be looking for)`,
      String.raw`(?:look|looks|looking|will look|'ll look) for (?:evidence|proof|signs|a track record|examples?) (?:that|of)`,
      String.raw`(?:want|wants|need|needs) to see (?:evidence|proof|signs|a track record|examples?) (?:that|of)`,
      String.raw`(?:is|are|be) expected to`,
      String.raw`expectations? (?:for|at|are|is)`,
      String.raw`(?:it'?s|is|'s) (?:mostly |really |all |largely |more )?about`,
      String.raw`requires?`,
      String.raw`means (?:owning|leading|being|running|taking|having)`,
      String.raw`involves`,
      String.raw`looks like`,
      String.raw`comes down to`,
      String.raw`(?:it'?s|is) (?:the )?(?:budget|owning|leading|running)`,
      String.raw`your [\w-]+ (?:has|have) to`,
      String.raw`you need to`,
    ]),
);
const LEVEL_WORDS = re(
  String.raw`\b(?:to get there|that level|that role|the role|the level|the jump|the post|step up|the promotion|going from [\w-]+ to|to be considered for)\b`,
);

// Asking the employee's own picture of the level, not giving one.
const ASKS_THEIR_VIEW = /\b(?:do|would) you (?:think|reckon|see|imagine|picture)\b|\bin your (?:view|eyes|opinion)\b/;
// "I'll tell you what the gap looks like": a promise to spell it out later, not the spelling out.
// new RegExp rather than a literal only so it can span lines; not re(), which would change its spaces or flags.
const PROMISED_LATER = new RegExp(
  String.raw`\b(?:i'?ll|i will|i can|we'?ll|let me) (?:\w+ ){0,2}?` +
    String.raw`(?:tell|explain|spell out|walk you through|share|show|map out|write down|send) (?:you )?(?:\w+ ){0,6}?$`,
);

/** Sentences describing what the next level or goal takes, or the gap to it. */
export function findExpectations(doc: Doc): Sentence[] {
  // A level or goal named in this sentence or the two before: looked up only for sentences that need it.
  const namesLevel = (s: Sentence): boolean => goalCuesIn(s).length > 0 || matches(s.text, LEVEL_WORDS);
  return doc.sentences.filter((s, i) => {
    // "What do you think senior looks like?" asks the employee; it spells nothing out.
    if (s.question && ASKS_THEIR_VIEW.test(s.text)) return false;
    const spelled = (h: Hit): boolean => assertedAt(s, h.index) && !PROMISED_LATER.test(s.text.slice(Math.max(0, h.index - 80), h.index));
    if (!anyHit(s, GAP, spelled) && !anyHit(s, REQUIRES, spelled)) return false;
    return doc.sentences.slice(Math.max(0, i - 2), i + 1).some(namesLevel);
  });
}
