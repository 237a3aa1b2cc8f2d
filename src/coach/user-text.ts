import { z } from '@hono/zod-openapi';

/**
 * NUL and unpaired surrogates never belong in a message, and storage would not keep them: the
 * native SQLite driver ends a string at NUL (the rest is silently lost) and an unpaired surrogate
 * is stored as U+FFFD. Either way the saved text would differ from what the user sent, and
 * critique quotes point into the saved text. Refused at the door instead.
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const UNSTORABLE_MESSAGE = 'contains a NUL character or broken Unicode (an unpaired surrogate)';

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/**
 * Bidirectional embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069) change the
 * order in which the text after them is shown, not what it says: the "Trojan Source" trick, by which
 * a stored message, and every quote of it in a critique, a transcript or an export, would read
 * differently from what it is. A message to a manager never needs them, so they are removed before
 * anything is stored. The marks U+200E and U+200F, which reorder nothing, stay.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** A string field a user writes: stored as sent, without bidi controls (the checks that follow see it so). */
export const userText = () => z.string().overwrite(withoutBidiControls).refine(isStorableText, UNSTORABLE_MESSAGE);
