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
