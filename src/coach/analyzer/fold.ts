/**
 * Folds a text for matching: lower case, one apostrophe, one quote mark, one dash, one space.
 * Every UTF-16 unit stays at its offset (the result has the input's length), because evidence
 * is sliced from the original text at offsets found in the folded one: that is what guarantees
 * each quote is a verbatim substring.
 */
export function foldText(text: string): string {
  // Most drafts are plain ASCII: lower-casing cannot change their length.
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase().replace(/`/g, "'");
  const lower = text.toLowerCase();
  // Lower-casing the whole text keeps its length unless it holds one of the few letters that grow
  // (İ to i + dot); then fold letter by letter, keeping those as they are.
  if (lower.length !== text.length) {
    let out = '';
    for (const ch of text) out += foldChar(ch);
    return out;
  }
  return lower.replace(TYPOGRAPHIC, foldChar);
}

// The characters `foldChar` maps to a plain one.
const TYPOGRAPHIC =
  /[\u2018\u2019\u201b\u2032\u0060\u00b4\u201c\u201d\u201e\u2033\u00ab\u00bb\u2010-\u2015\u2212\u2026\u00a0\u2007\u2009\u200a\u202f\u3000\uff1f]/g;

function foldChar(ch: string): string {
  switch (ch) {
    case '\u2018':
    case '\u2019':
    case '\u201b':
    case '\u2032':
    case '\u0060':
    case '\u00b4':
      return "'";
    case '\u201c':
    case '\u201d':
    case '\u201e':
    case '\u2033':
    case '\u00ab':
    case '\u00bb':
      return '"';
    case '\u2010':
    case '\u2011':
    case '\u2012':
    case '\u2013':
    case '\u2014':
    case '\u2015':
    case '\u2212':
      return '-';
    // An ellipsis ends a thought like a full stop; "." keeps its one unit.
    case '\u2026':
      return '.';
    case '\u00a0':
    case '\u2007':
    case '\u2009':
    case '\u200a':
    case '\u202f':
    case '\u3000':
      return ' ';
    case '\uff1f':
      return '?';
    default: {
      const lower = ch.toLowerCase();
      // A few letters lower-case to more units (İ to i + dot): keep them as they are.
      return lower.length === ch.length ? lower : ch;
    }
  }
}
