import type { Context } from 'hono';
import { ValidationError } from '../errors.js';

/** A form field as a string ('' when missing or a file). A body that does not parse is the sender's error. */
export async function formFields(c: Context): Promise<(name: string) => string> {
  let body: Awaited<ReturnType<typeof c.req.parseBody>>;
  try {
    body = await c.req.parseBody();
  } catch {
    throw new ValidationError('The form could not be read; send it again from the page.');
  }
  return (name) => {
    const value = body[name];
    return typeof value === 'string' ? value : '';
  };
}

/**
 * A refused form's issues in the API's own words, each led by its field's label (the last part of
 * its path): "Your draft is empty: paste the message you want feedback on." The page script words
 * the API's `details` the same way, from the fields' `data-label`.
 */
export function issuesText(issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }>, labels: Readonly<Record<string, string>>): string {
  return issues
    .map((issue) => {
      const field = String(issue.path.at(-1) ?? '');
      const text = `${labels[field] ?? issue.path.map(String).join('.')} ${issue.message}`.trim();
      return /[.!?]$/.test(text) ? text : `${text}.`;
    })
    .join(' ');
}
