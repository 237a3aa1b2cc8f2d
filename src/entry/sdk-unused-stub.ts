// Replaces, in the Worker build only (wrangler.toml [alias]), parts of zod and the OpenAI SDK that
// Loop Coach never calls: zod's JSON Schema importer (`z.fromJSONSchema`; we only export schemas) and
// the SDK's helpers for assistant runs, Responses API streams and chat-completion runners and streams
// (`.stream()`, `.runTools()`): our client calls `chat.completions.create` alone. Anything reaching one throws.
const missing = (name: string) => new Error(`${name} is left out of the Worker bundle (wrangler.toml [alias])`);

function unusedClass(name: string) {
  return class {
    constructor() {
      throw missing(name);
    }
  };
}

export function fromJSONSchema(): never {
  throw missing('z.fromJSONSchema');
}
export const AssistantStream = unusedClass('AssistantStream');
export const ResponseStream = unusedClass('ResponseStream');
export const ChatCompletionStream = unusedClass('ChatCompletionStream');
export const ChatCompletionRunner = unusedClass('ChatCompletionRunner');
export const ChatCompletionStreamingRunner = unusedClass('ChatCompletionStreamingRunner');
