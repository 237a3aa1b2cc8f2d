import type { Doc } from '../doc.js';
import { anyOf, matches, oneOf, re } from '../pattern.js';
import type { Sentence } from '../sentences.js';

/**
 * Over-hedging (rubric pitfall): apologies, minimizers and permission-seeking piled up until the
 * request is hard to take seriously. One "sorry" or a "just" and a "maybe" are ordinary politeness;
 * the pitfall is several kinds together. Markers are counted by kind, so "sorry ... sorry again"
 * is one kind and "sorry, just, maybe" are three.
 */
// `light` markers are common in plain, confident writing ("just flagging", "at some point"): each counts half.
const MARKERS: readonly { kind: string; pattern: RegExp; light?: boolean }[] = [
  { kind: 'apology', pattern: re(String.raw`\b(?:sorry|apologi[sz]e|apologies|forgive me|pardon)\b`) },
  // "just" minimizes ("I just wanted to ask"); "just finished", "just now", "just in case" tell time or reason.
  {
    kind: 'just',
    light: true,
    pattern: re(
      String.raw`\bjust\b(?! (?:now|in case|in time|as|like|finished|got back|arrived|started|joined|heard|landed|came|went|back|the (?:same|one))\b)`,
    ),
  },
  { kind: 'maybe', pattern: re(String.raw`\bmaybe\b`) },
  // "I hope it is ok", "hope that's alright?": asking leave after the fact.
  { kind: 'hope-ok', pattern: re(String.raw`\b(?:i )?hope (?:it|that|this)?(?:'s| is| was)? ?(?:ok|okay|alright|all right|fine)\b`) },
  { kind: 'perhaps', pattern: re(String.raw`\b(?:perhaps|possibly|potentially)\b`) },
  {
    kind: 'trouble',
    pattern: re(
      [
        String.raw`\bif (?:it'?s|it is|it isn'?t) (?:not )?(?:too much|no) (?:trouble|bother|of a (?:bother|hassle))`,
        String.raw`\bif it'?s not (?:a )?(?:problem|bother|hassle)\b`,
      ].join('|'),
    ),
  },
  {
    kind: 'no-worries',
    pattern: re(
      String.raw`\b` +
        oneOf([
          String.raw`no worries|no pressure|no rush`,
          String.raw`(?:totally|completely|absolutely|perfectly|entirely|really) (?:fine|ok|okay|understand|get it|understandable)`,
          String.raw`(?:it'?s |that'?s )?(?:fine|ok|okay|no problem) if not`,
          String.raw`no problem at all`,
          String.raw`feel free to (?:say no|ignore|decline|push back|tell me)`,
          String.raw`(?:i )?(?:totally |completely )?(?:understand|get it) if (?:not|the answer is no|you can'?t|you'?re|it'?s)`,
          String.raw`if not possible`,
          String.raw`don'?t worry (?:if|about it)`,
          String.raw`ignore (?:this|me) if`,
          String.raw`otherwise no worries|no worries otherwise|happy either way|fine either way`,
        ]) +
        String.raw`\b`,
    ),
  },
  {
    kind: 'bother',
    pattern: re(
      String.raw`\b` +
        oneOf([
          String.raw`i hate to (?:ask|bother|bug|trouble|pester)`,
          String.raw`sorry to (?:bother|bug|trouble|ask|disturb|pester)`,
          String.raw`(?:bother|disturb|bug|pester) you`,
          String.raw`i don'?t want to (?:bother|bug|impose|be a (?:pain|bother|nuisance|burden))`,
          String.raw`i know you'?re (?:[\w-]+ )?(?:busy|swamped|stretched|slammed|drowning|snowed under|flat out)`,
          String.raw`(?:if|when) you'?re (?:[\w-]+ )?(?:busy|swamped|slammed)`,
          String.raw`the timing is (?:bad|terrible|awful|not great)`,
          String.raw`bad timing|out of line|overstepping|not my place|presumptuous|to ask again`,
        ]) +
        String.raw`\b`,
    ),
  },
  {
    kind: 'self-doubt',
    pattern: re(
      String.raw`\b` +
        oneOf([
          String.raw`(?:a |this is )?(?:probably |might be |may be )?(?:a )?` +
            String.raw`(?:silly|stupid|dumb|weird|daft|naive|odd) (?:question|idea|ask|thing|request)`,
          String.raw`probably nothing`,
          String.raw`(?:feel|sound|look) (?:a bit |a little |kind of |so )?(?:silly|stupid|dumb|daft)`,
          String.raw`i(?: was| am|'m) not sure (?:if|whether)`,
          String.raw`i wasn'?t sure (?:if|whether)`,
          String.raw`not sure if|i don'?t know if|i might be wrong|could be wrong`,
        ]) +
        String.raw`\b`,
    ),
  },
  {
    kind: 'if-time',
    light: true,
    pattern: re(
      String.raw`\b` +
        oneOf([
          String.raw`only if you (?:have|get|think|want)`,
          String.raw`if you have (?:a |the )?(?:minute|moment|second|sec|time)`,
          String.raw`whenever you (?:have|get) (?:a )?(?:chance|minute|moment|sec|time)`,
          String.raw`when(?:ever)? you get a (?:chance|sec|minute)`,
          String.raw`at some point|if you get a chance`,
          String.raw`when things (?:are )?(?:calmer|quieter)`,
          String.raw`when(?:ever)? it'?s convenient`,
        ]) +
        String.raw`\b`,
    ),
  },
  {
    kind: 'kind-of',
    pattern: re(
      String.raw`\b` +
        oneOf([
          String.raw`kind of|sort of|kinda|sorta`,
          String.raw`a (?:tiny|little) (?:bit|thing)?`,
          String.raw`tiny (?:thing|question|favou?r|ask)`,
          String.raw`small (?:favou?r|ask)`,
          String.raw`slightly|somewhat`,
        ]) +
        String.raw`\b`,
    ),
  },
  { kind: 'i-guess', pattern: re(String.raw`\b(?:i guess|i suppose|i think maybe|maybe i'?m)\b`) },
  {
    kind: 'permission',
    pattern: re(
      String.raw`\b` +
        oneOf([
          String.raw`if (?:that'?s|it'?s|this is) (?:ok|okay|alright|all right|fine|appropriate|allowed)`,
          String.raw`if you (?:don'?t mind|think it'?s (?:ok|okay|fine))`,
          String.raw`would it be (?:ok|okay|possible|alright|all right)`,
          String.raw`is it (?:ok|okay|alright) if`,
          String.raw`would you mind`,
          String.raw`if (?:at all )?possible`,
          String.raw`i (?:was )?(?:only|just) (?:wanted|wondered|thought)`,
          String.raw`i wondered if|any chance`,
          String.raw`i was (?:sort of |kind of )?(?:hoping|wondering)`,
          String.raw`if i'?m allowed|am i allowed`,
        ]) +
        String.raw`\b`,
    ),
  },
  { kind: 'might', pattern: re(String.raw`\bi (?:might|may) (?:maybe |possibly )?(?:like|want|be able|ask)\b`) },
  { kind: 'filler', pattern: re(String.raw`\b(?:um+|uh+|erm+|hmm+)\b`) },
];

// Words every marker contains: most sentences have none and skip the per-kind patterns.
const MAY_HEDGE = anyOf([
  'sorry',
  'apolog',
  'forgive',
  'pardon',
  'just',
  'maybe',
  'perhaps',
  'possibl',
  'potential',
  'trouble',
  'bother',
  'problem',
  'hassle',
  'worr',
  'pressure',
  'rush',
  'fine',
  'ok',
  'understand',
  'get it',
  'free to',
  'if not',
  'ignore',
  'either way',
  'hate to',
  'disturb',
  'bug',
  'pester',
  'impose',
  'busy',
  'swamp',
  'stretched',
  'slammed',
  'drowning',
  'snowed',
  'flat out',
  'timing',
  'out of line',
  'overstep',
  'place',
  'presumptuous',
  'again',
  'silly',
  'stupid',
  'dumb',
  'weird',
  'daft',
  'naive',
  'odd',
  'nothing',
  'not sure',
  "n't sure",
  'know if',
  'wrong',
  'if you have',
  'whenever',
  'get a chance',
  'some point',
  'calmer',
  'quieter',
  'convenient',
  'kind of',
  'sort of',
  'kinda',
  'sorta',
  'tiny',
  'little',
  'small',
  'slightly',
  'somewhat',
  'guess',
  'suppose',
  'think maybe',
  'allowed',
  'mind',
  'possible',
  'wondered',
  'wondering',
  'hoping',
  'only',
  'might',
  'may',
  'um',
  'uh',
  'erm',
  'hmm',
  'chance',
  'would it be',
  'is it ok',
  'is it okay',
  'pain',
  'nuisance',
  'burden',
]);

/** How many kinds of hedge make a pile-up (light ones counting half). */
const PILE_UP = 3;

/** The sentences carrying the hedges, when enough kinds pile up; empty otherwise. */
export function findOverHedging(doc: Doc): Sentence[] {
  const kinds = new Map<string, number>();
  const where = new Set<Sentence>();
  for (const s of doc.sentences) {
    if (!MAY_HEDGE(s.text)) continue;
    for (const { kind, pattern, light } of MARKERS) {
      if (matches(s.text, pattern)) {
        kinds.set(kind, light ? 0.5 : 1);
        where.add(s);
      }
    }
  }
  let weight = 0;
  for (const w of kinds.values()) weight += w;
  // An apology said three times over weighs as a second kind: "sorry … sorry if it is not perfect … sorry".
  if ((doc.folded.match(/\b(?:sorry|apologies)\b/g)?.length ?? 0) >= 3) weight += 1;
  return weight >= PILE_UP ? [...where] : [];
}
