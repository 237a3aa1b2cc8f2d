/**
 * Finds a quote in the user's text, so only words the user really wrote are ever shown as
 * evidence. Exact match first; then a match that ignores differences in whitespace, curly vs
 * straight quote marks and dash styles (models "fix" those when copying). Either way the result
 * is sliced from the original text, so it is always a verbatim substring.
 */
const EQUIVALENT: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '`': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u2033': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u2026': '...',
};

interface Normalised {
  text: string;
  /** For each character of `text`, the offset in the original where it came from. */
  origin: number[];
}

function normalise(source: string): Normalised {
  let text = '';
  const origin: number[] = [];
  let lastWasSpace = true; // also drops leading whitespace
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (/\s/.test(ch)) {
      if (!lastWasSpace) {
        text += ' ';
        origin.push(i);
      }
      lastWasSpace = true;
      continue;
    }
    lastWasSpace = false;
    for (const out of (EQUIVALENT[ch] ?? ch).toLowerCase()) {
      text += out;
      origin.push(i);
    }
  }
  if (text.endsWith(' ')) {
    text = text.slice(0, -1);
    origin.pop();
  }
  return { text, origin };
}

export interface QuoteGrounder {
  /** The verbatim slice of the text the quote stands for, or null when the text does not contain it. */
  ground(quote: string): string | null;
}

export function quoteGrounder(source: string): QuoteGrounder {
  let normalised: Normalised | undefined;
  return {
    ground(quote) {
      const trimmed = quote.trim();
      if (trimmed === '') return null;
      if (source.includes(trimmed)) return trimmed;
      normalised ??= normalise(source);
      const needle = normalise(trimmed).text;
      if (needle === '') return null;
      const at = normalised.text.indexOf(needle);
      if (at < 0) return null;
      const start = normalised.origin[at] as number;
      const end = (normalised.origin[at + needle.length - 1] as number) + 1;
      return source.slice(start, end);
    },
  };
}
