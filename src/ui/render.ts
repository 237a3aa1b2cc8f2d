import type { Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppError } from '../errors.js';
import type { ModelIdentity } from '../llm/chat-model.js';

/** A whole page: the doctype, then the rendered JSX (which escapes every text and attribute). */
export async function render(c: Context, page: JSX.Element, status: ContentfulStatusCode = 200): Promise<Response> {
  return c.html(`<!doctype html>\n${await page}`, status);
}

/** A page showing a refusal says, like the API, when trying again can work. */
export function setRetryAfter(c: Context, err: AppError): void {
  if (err.retryAfterSeconds !== undefined) c.header('retry-after', String(Math.ceil(err.retryAfterSeconds)));
}

/** How the pages mark the engine (`data-engine`): `offline`, or the model's name. */
export const engineName = (model: ModelIdentity) => (model.provider === 'offline' ? 'offline' : model.model);

/** The engine in plain words, for people (`engine` as `engineName` gives it): the built-in coach, or the AI model by name. */
export const coachName = (engine: string) => (engine === 'offline' ? 'Built-in coach (no AI model)' : `${engine} (AI model)`);
