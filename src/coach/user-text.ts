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

/** A string field a user writes: stored exactly as sent. */
export const userText = () => z.string().refine(isStorableText, UNSTORABLE_MESSAGE);
