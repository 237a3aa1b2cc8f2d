import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { ModelBadReplyError } from '../../src/errors.js';
import type { ChatMessage, ChatModel, ChatRequest, ChatStreamEvent, StructuredRequest, Usage } from '../../src/llm/chat-model.js';

export type CassetteMode = 'record' | 'replay';

/** A replayed run asked for something never recorded: the case is not evaluated, never passed. */
export class CassetteMissError extends Error {
  constructor(
    readonly key: string,
    promptId: string | undefined,
  ) {
    super(`No cassette for this request (prompt ${promptId ?? '(none)'}, key ${key.slice(0, 12)}): record it first with --record.`);
    this.name = 'CassetteMissError';
  }
}

interface Cassette {
  key: string;
  provider: string;
  model: string;
  kind: 'text' | 'structured';
  promptId: string | null;
  promptVersion: number | null;
  messages: ChatMessage[];
  text?: string;
  value?: unknown;
  usage: Usage | null;
}

/**
 * The key of one request: the model, the prompt id and version, and the messages. A session's
 * canary is random per session, and a request's data marker random per request, so their values
 * are masked out of the messages; anything else that changes the messages makes a new key, and so a miss.
 */
export function cassetteKey(identity: { provider: string; model: string }, kind: Cassette['kind'], req: ChatRequest & { schemaName?: string }) {
  const mask = (text: string) =>
    (['canary', 'marker'] as const).reduce((t, name) => {
      const value = req.prompt?.vars[name];
      return value ? t.split(value).join(`{{${name}}}`) : t;
    }, text);
  const messages = req.messages.map((m) => ({ role: m.role, content: mask(m.content) }));
  const material = {
    provider: identity.provider,
    model: identity.model,
    kind,
    schema: req.schemaName ?? null,
    prompt: req.prompt ? [req.prompt.id, req.prompt.version] : null,
    messages,
  };
  return { key: createHash('sha256').update(JSON.stringify(material)).digest('hex'), messages };
}

/**
 * Wraps a model so its answers are stored (`record`) or read back (`replay`) from `dir`, one JSON
 * file per request key. Replay never calls `inner`, so it needs no network and no key; `inner`
 * only gives the identity (provider, model) the run is reported under.
 */
export function createCassetteModel(inner: ChatModel, opts: { mode: CassetteMode; dir: string }): ChatModel {
  const identity = { provider: inner.provider, model: inner.model };
  const path = (key: string) => join(opts.dir, `${key}.json`);
  const load = (key: string, req: ChatRequest): Cassette => {
    try {
      return JSON.parse(readFileSync(path(key), 'utf8')) as Cassette;
    } catch {
      throw new CassetteMissError(key, req.prompt?.id);
    }
  };
  const save = (c: Omit<Cassette, 'provider' | 'model' | 'promptId' | 'promptVersion'>, req: ChatRequest) => {
    mkdirSync(opts.dir, { recursive: true });
    const full: Cassette = { ...identity, promptId: req.prompt?.id ?? null, promptVersion: req.prompt?.version ?? null, ...c };
    writeFileSync(path(c.key), JSON.stringify(full, null, 2) + '\n');
  };

  async function text(req: ChatRequest): Promise<{ text: string; usage: Usage | null }> {
    const { key, messages } = cassetteKey(identity, 'text', req);
    if (opts.mode === 'replay') {
      const c = load(key, req);
      return { text: c.text ?? '', usage: c.usage };
    }
    const result = await inner.complete(req);
    save({ key, kind: 'text', messages, text: result.text, usage: result.usage }, req);
    return result;
  }

  return {
    ...identity,
    async complete(req) {
      return { ...identity, ...(await text(req)) };
    },
    async *stream(req): AsyncIterable<ChatStreamEvent> {
      // Recorded whole and replayed as one delta: the evals grade replies, not chunking.
      const result = await text(req);
      yield { type: 'delta', text: result.text };
      yield { type: 'done', text: result.text, usage: result.usage, ...identity };
    },
    async structured<S extends z.ZodType>(req: StructuredRequest<S>) {
      const { key, messages } = cassetteKey(identity, 'structured', req);
      if (opts.mode === 'record') {
        const result = await inner.structured(req);
        save({ key, kind: 'structured', messages, value: result.value, usage: result.usage }, req);
        return result;
      }
      const c = load(key, req);
      const parsed = req.schema.safeParse(c.value);
      if (!parsed.success) throw new ModelBadReplyError(`The cassette for "${req.schemaName}" no longer matches its schema.`);
      return { ...identity, value: parsed.data as z.infer<S>, usage: c.usage };
    },
  };
}
