import type { z } from 'zod';
import type { CoachEngine } from '../../src/coach/engine.js';
import { createLlmEngine } from '../../src/coach/engines/llm-engine.js';
import { createOfflineEngine } from '../../src/coach/engines/offline-engine.js';
import type { ChatModel, ChatStreamEvent, StructuredRequest, Usage } from '../../src/llm/chat-model.js';
import { CassetteMissError } from './cassettes.js';

/** Model calls made for one case (or a whole run, summed). */
export interface UsageTotals {
  calls: number;
  promptTokens: number;
  completionTokens: number;
  /** Calls whose provider reported no token counts. */
  callsWithoutUsage: number;
  /** Replay misses: the case they happened in is not evaluated. */
  cassetteMisses: number;
  /** Calls that failed (the provider refused, timed out, answered with something unusable): not in `calls`. */
  failedCalls: number;
}

export const emptyUsage = (): UsageTotals => ({ calls: 0, promptTokens: 0, completionTokens: 0, callsWithoutUsage: 0, cassetteMisses: 0, failedCalls: 0 });

export function addUsage(a: UsageTotals, b: UsageTotals): UsageTotals {
  return {
    calls: a.calls + b.calls,
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    callsWithoutUsage: a.callsWithoutUsage + b.callsWithoutUsage,
    cassetteMisses: a.cassetteMisses + b.cassetteMisses,
    failedCalls: a.failedCalls + b.failedCalls,
  };
}

/**
 * Wraps a model to count its calls, tokens, failures and replay misses; one per case, so a case
 * knows what it cost and whether a call failed or missed inside it (also when the failure surfaced
 * as an HTTP error from the app, where the error itself is no longer visible).
 */
export function meterModel(inner: ChatModel): { model: ChatModel; usage: UsageTotals } {
  const usage = emptyUsage();
  const count = counter(usage);
  const failed = (err: unknown) => {
    if (err instanceof CassetteMissError) usage.cassetteMisses += 1;
    else usage.failedCalls += 1;
  };
  const watch = async <T>(p: Promise<T>): Promise<T> => {
    try {
      return await p;
    } catch (err) {
      failed(err);
      throw err;
    }
  };
  const model: ChatModel = {
    provider: inner.provider,
    model: inner.model,
    async complete(req) {
      const r = await watch(inner.complete(req));
      count(r.usage);
      return r;
    },
    async *stream(req): AsyncIterable<ChatStreamEvent> {
      try {
        for await (const event of inner.stream(req)) {
          if (event.type === 'done') count(event.usage);
          yield event;
        }
      } catch (err) {
        failed(err);
        throw err;
      }
    },
    async structured<S extends z.ZodType>(req: StructuredRequest<S>) {
      const r = await watch(inner.structured(req));
      count(r.usage);
      return r;
    },
  };
  return { model, usage };
}

function counter(usage: UsageTotals) {
  return (u: Usage | null) => {
    usage.calls += 1;
    if (u) {
      usage.promptTokens += u.promptTokens;
      usage.completionTokens += u.completionTokens;
    } else usage.callsWithoutUsage += 1;
  };
}

/**
 * The engine under test for one case, with its usage: on a model, the LLM engine over the metered
 * model; with none (`null`), the offline engine.
 */
export function meterEngine(model: ChatModel | null): { engine: CoachEngine; usage: UsageTotals } {
  if (model) {
    const metered = meterModel(model);
    // As the app composes it: the same model reads each turn (LOOP_COACH_CLASSIFIER_MODEL unset).
    return { engine: createLlmEngine(metered.model, { classifier: metered.model }), usage: metered.usage };
  }
  return meterOfflineEngine();
}

/**
 * Counts the offline engine's answers as calls without token counts: reports have always shown
 * how many in-process calls an offline run made, and a critique, a persona reply, a hint and a
 * summary are each one (reading a turn never was a call).
 */
function meterOfflineEngine(): { engine: CoachEngine; usage: UsageTotals } {
  const inner = createOfflineEngine();
  const usage = emptyUsage();
  const count = counter(usage);
  const counted =
    <I, R>(call: (input: I) => Promise<R>) =>
    async (input: I): Promise<R> => {
      const r = await call(input);
      count(null);
      return r;
    };
  const engine: CoachEngine = {
    provider: inner.provider,
    model: inner.model,
    critique: counted((input) => inner.critique(input)),
    readTurn: (input) => inner.readTurn(input),
    readEntry: (input) => inner.readEntry(input),
    async *personaReply(turn, opts): AsyncIterable<ChatStreamEvent> {
      for await (const event of inner.personaReply(turn, opts)) {
        if (event.type === 'done') count(event.usage);
        yield event;
      }
    },
    hint: counted((input) => inner.hint(input)),
    summary: counted((input) => inner.summary(input)),
  };
  return { engine, usage };
}
