import type { CheckId } from '../coach/rubric.js';

interface QuotedCheck {
  id: CheckId;
  present: boolean;
  evidence: readonly string[];
}

/** A run of the text; `markId` is set when some check quotes it. */
export interface Segment {
  text: string;
  checks: CheckId[];
  markId?: string;
}

/**
 * Splits `text` into runs so every evidence quote can be shown in place. Quotes may overlap (one
 * sentence can show several checks), so the text is cut at every quote boundary and each run
 * lists all the checks quoting it. `anchors` maps a check's quote to the mark where it starts.
 */
export function highlightQuotes(text: string, checks: readonly QuotedCheck[], idPrefix = 'q'): { segments: Segment[]; anchors: Map<string, string> } {
  const spans = checks.flatMap((check) =>
    check.present
      ? check.evidence.flatMap((quote) => {
          const start = quote === '' ? -1 : text.indexOf(quote);
          return start < 0 ? [] : [{ start, end: start + quote.length, id: check.id, quote }];
        })
      : [],
  );
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const segments: Array<Segment & { start: number }> = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i] as number;
    const end = cuts[i + 1] as number;
    const ids = [...new Set(spans.filter((s) => s.start <= start && s.end >= end).map((s) => s.id))];
    const previous = segments.at(-1);
    // Neighbouring runs quoted by the same checks read as one mark.
    if (previous && previous.checks.join() === ids.join() && !spans.some((s) => s.start === start)) {
      previous.text += text.slice(start, end);
    } else {
      segments.push({ start, text: text.slice(start, end), checks: ids });
    }
  }
  let marks = 0;
  for (const s of segments) if (s.checks.length > 0) s.markId = `${idPrefix}-${marks++}`;
  const anchors = new Map<string, string>();
  for (const span of spans) {
    const markId = segments.find((s) => s.start === span.start && s.markId)?.markId;
    if (markId) anchors.set(anchorKey(span.id, span.quote), markId);
  }
  return { segments: segments.map(({ start: _start, ...s }) => s), anchors };
}

export const anchorKey = (id: CheckId, quote: string) => `${id}\u0000${quote}`;
