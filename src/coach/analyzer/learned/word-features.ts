/**
 * The learned reader's features, one definition for training (`training/`, the reader experiment)
 * and for reading at run time: lower-cased, curly and back-tick apostrophes folded to ' and then
 * dropped, so "I’m", "I'm" and "im" are one token (casual writers drop apostrophes). Word tokens are
 * runs of letters and digits, plus "?" and "!" (questions carry most of the asking checks) and "£$%".
 */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02bc`\u00b4']/g, '')
    .replace(/[\u2013\u2014]/g, ' - ');
}

export function wordTokens(text: string): string[] {
  return normalise(text).match(/[\p{L}\p{N}]+|[?!£$%]/gu) ?? [];
}

/** Word unigrams (`w:`) and bigrams (`b:`), the first bigram anchored on the start of the text (`<s>`); each once. */
export function wordFeatures(text: string): string[] {
  const out = new Set<string>();
  let prev = '<s>';
  for (const t of wordTokens(text)) {
    out.add(`w:${t}`);
    out.add(`b:${prev} ${t}`);
    prev = t;
  }
  return [...out];
}
