import type { ResponseFormatJSONObject, ResponseFormatJSONSchema } from 'openai/resources/shared';
import { z } from 'zod';
import { ModelBadReplyError } from '../errors.js';
import type { Refusable } from './endpoint-memory.js';

/**
 * Both sides of a structured reply. Asking: the strongest `response_format` the endpoint takes
 * (a strict JSON schema, else JSON mode, else none: the prompt itself asks for the JSON). Reading:
 * leniently, because the weaker modes get JSON in a code fence or inside a sentence, and a
 * reasoning model's `<think>` block (removed before this) may precede it.
 */
export interface JsonSchemaFormat {
  schema: Record<string, unknown>;
  strict: boolean;
}

const formats = new WeakMap<z.ZodType, JsonSchemaFormat>();

/**
 * The schema as OpenAI's strict mode takes it: every object closed (`additionalProperties:
 * false`). Strict mode also wants every property required; a schema with optional ones is sent
 * unstrict rather than refused. The input side is described, since the model writes what it parses.
 */
export function jsonSchemaFormat(schema: z.ZodType): JsonSchemaFormat {
  const known = formats.get(schema);
  if (known) return known;
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
  let strict = true;
  const close = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(close);
    if (node === null || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    if (obj.type === 'object' || obj.properties !== undefined) {
      obj.additionalProperties ??= false;
      const required = Array.isArray(obj.required) ? obj.required : [];
      const keys = Object.keys((obj.properties as object | undefined) ?? {});
      if (obj.additionalProperties !== false || keys.some((k) => !required.includes(k))) strict = false;
    }
    Object.values(obj).forEach(close);
  };
  close(json);
  const format = { schema: json, strict };
  formats.set(schema, format);
  return format;
}

export function responseFormat(
  refused: ReadonlySet<Refusable>,
  name: string,
  format: JsonSchemaFormat,
): { response_format?: ResponseFormatJSONSchema | ResponseFormatJSONObject } {
  if (!refused.has('json_schema')) return { response_format: { type: 'json_schema', json_schema: { name, ...format } } };
  if (!refused.has('json_object')) return { response_format: { type: 'json_object' } };
  return {};
}

/** The reply's JSON, checked against `schema`: as is, out of a code fence, or the first whole object in the prose around it. */
export function parseJsonReply<S extends z.ZodType>(schema: S, schemaName: string, text: string): z.infer<S> {
  const json = findJson(text.replace(/```[\w-]*/g, ''));
  if (json === undefined) throw new ModelBadReplyError(`The model reply for "${schemaName}" was not valid JSON.`);
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    // Paths and messages only: issues can carry the offending input, which is model output.
    const details = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), code: i.code, message: i.message }));
    throw new ModelBadReplyError(`The model reply did not match the "${schemaName}" schema.`, { details });
  }
  return parsed.data;
}

function findJson(text: string): unknown {
  const whole = tryParse(text.trim());
  if (whole !== undefined) return whole;
  for (let start = text.indexOf('{'); start !== -1; start = text.indexOf('{', start + 1)) {
    const end = closingBrace(text, start);
    const found = end === -1 ? undefined : tryParse(text.slice(start, end + 1));
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Where the object opened at `start` closes, braces inside strings aside; -1 if it never does. */
function closingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
