import type { Doc } from '../doc.js';
import { assertedAt } from '../negation.js';
import { anyHit, matches, re } from '../pattern.js';
import type { Sentence } from '../sentences.js';
import { goalCuesIn } from './goals.js';

/**
 * The manager spelling out what the next level or the goal requires, or the gap between now and
 * then (rubric `clarifies_expectations`). A deadline ("I expect the report by Friday"), a team
 * target ("cut the backlog in half"), or a bar that is a pub are not expectations of a level.
 */

// Words that only ever describe a gap or a bar: enough with a level named nearby.
const GAP = re(
  String.raw`\b(?:(?:the |that'?s the |what'?s the |main |biggest |real |only )?gaps?\b(?! year)|what'?s (?:still )?missing|the (?:main |biggest |real )?things? (?:missing|between|standing)|(?:what )?(?:usually |really )?separates|the (?:jump|step|difference|leap|move) (?:from|between|up)|the bar (?:for|at|is|to)|(?:isn'?t|is not|'s not) just (?:about |being )?|(?:you'?re|you are|you'?re not|you are not) (?:not )?(?:yet )?(?:ready|there) (?:for|yet)|not (?:quite )?ready (?:for|yet)|you'?re at (?:[\w-]+ )of|(?:you )?haven'?t yet|what i'?d need to see|what (?:they|the panel|the committee)(?:'ll| will)? look for|holding you back|(?:stands?|standing) between you and|in your way|what'?s stopping you|keeping you from|the (?:main |real |key |big |first |only )?(?:things?|questions?|test) (?:(?:i|we|they|the [\w-]+)(?:'ll| will|'re|'m| are| am)? )?(?:be )?(?:look(?:ing|s)?|ask(?:ing|s)?) (?:at|for|about)|the (?:real|key|big) (?:question|test) is (?:whether|if|how)|(?:is|'s) the (?:piece|bit|part|thing) you|haven'?t (?:yet )?had (?:a|the) chance to show|the [\w-]+ bar (?:here |at [\w-]+ )?(?:is|for))`,
);
// Words that describe requirements only when a level is named in the same sentence or just before.
const REQUIRES = re(
  String.raw`\b(?:(?:you'?d|you would|you'?ll|you will|you) (?:really )?(?:need|have|be expected|must|should be able) to|(?:i'?d|i would|we'?d|they'?ll|they'?d|they will|they|the panel|the committee|the board|people) (?:expect|want to see|look for|need to see|ask about|will want|would want)|(?:is|are|be) expected to|expectations? (?:for|at|are|is)|(?:it'?s|is|'s) (?:mostly |really |all |largely |more )?about|requires?|means (?:owning|leading|being|running|taking|having)|involves|looks like|comes down to|(?:it'?s|is) (?:the )?(?:budget|owning|leading|running)|your [\w-]+ (?:has|have) to|you need to)`,
);
const LEVEL_WORDS = re(String.raw`\b(?:to get there|that level|that role|the role|the level|the jump|the post|step up|the promotion)\b`);

/** Sentences describing what the next level or goal takes, or the gap to it. */
export function findExpectations(doc: Doc): Sentence[] {
  const levelAt = doc.sentences.map((s) => goalCuesIn(s).length > 0 || matches(s.text, LEVEL_WORDS));
  return doc.sentences.filter((s, i) => {
    const near = (back: number): boolean => levelAt.slice(Math.max(0, i - back), i + 1).some(Boolean);
    if (anyHit(s, GAP, (h) => assertedAt(s, h.index)) && near(2)) return true;
    return anyHit(s, REQUIRES, (h) => assertedAt(s, h.index)) && near(2);
  });
}
