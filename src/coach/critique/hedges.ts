/**
 * Hedges and minimisers a rewrite removes ("sorry", "just", "no worries if not"). Removing them
 * leaves the request itself, stated plainly, in the writer's own words.
 */
const HEDGE_PHRASES = [
  /\b(?:i'?m |i am )?(?:so |really |very )?sorry(?: to (?:bother|ask|bug) you)?(?:,| -| —|!|\.)?\s*/gi,
  /\b(?:i hate to ask|i hate to bother you|sorry to bother you),?\s*/gi,
  new RegExp(
    String.raw`,?\s*(?:if it'?s not too much trouble|if that'?s ok(?:ay)?|if you don'?t mind|if you have (?:a moment|time)|only if you have time|` +
      String.raw`when(?:ever)? you (?:get|have) a (?:sec|second|moment|minute))\b[,.]?`,
    'gi',
  ),
  /[,.]?\s*(?:no worries|no pressure|totally fine|all good) if not\b[.!]?/gi,
  /\b(?:just|maybe|perhaps|possibly|kind of|kinda|sort of|a little bit|a bit|probably silly but|this might be a dumb question but),?\s+/gi,
];

export function withoutHedges(sentence: string): string {
  let out = sentence;
  for (const re of HEDGE_PHRASES) out = out.replace(re, ' ');
  out = out
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([,.!?])/g, '$1')
    .replace(/^[,\s]+/, '')
    .trim();
  if (out === '') return sentence.trim();
  return out[0]?.toUpperCase() + out.slice(1);
}
