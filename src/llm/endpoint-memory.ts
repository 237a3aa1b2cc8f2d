import { APIError } from 'openai';

/**
 * What an OpenAI-compatible endpoint was found to refuse, so each refusal costs one failed call per
 * process, not one per request. Servers other than OpenAI's own lack features (json_schema,
 * stream_options) or parameters (temperature on reasoning models); they say so with a 400 naming
 * the field. Keyed by endpoint, base URL and model, since one server may host models that differ.
 */
const REFUSABLE = ['json_schema', 'json_object', 'stream_options', 'temperature', 'max_completion_tokens', 'max_tokens', 'top_p', 'seed'] as const;
export type Refusable = (typeof REFUSABLE)[number];

/** The request fields that are dropped, rather than replaced, when refused. */
const PARAMETERS = REFUSABLE.filter((f) => f !== 'json_schema' && f !== 'json_object');

export interface EndpointMemory {
  refused(endpoint: string): ReadonlySet<Refusable>;
  remember(endpoint: string, feature: Refusable): void;
}

export function createEndpointMemory(): EndpointMemory {
  const byEndpoint = new Map<string, Set<Refusable>>();
  const none: ReadonlySet<Refusable> = new Set();
  return {
    refused: (endpoint) => byEndpoint.get(endpoint) ?? none,
    remember: (endpoint, feature) => {
      const known = byEndpoint.get(endpoint) ?? new Set();
      known.add(feature);
      byEndpoint.set(endpoint, known);
    },
  };
}

/** Shared by every model of the process: the persona's and the classifier's calls to one endpoint learn together. */
export const processEndpointMemory = createEndpointMemory();

export function endpointKey(baseURL: string, model: string): string {
  return `${baseURL.replace(/\/+$/, '')} ${model}`;
}

/**
 * The feature of `body` that a provider's 400 (or 422, FastAPI's validation status) names, if
 * any: a request without it can succeed. Only fields the request carried count, so a message
 * that names one we did not send is an ordinary failure.
 */
export function refusedFeature(err: unknown, body: object): Refusable | undefined {
  if (!(err instanceof APIError) || (err.status !== 400 && err.status !== 422)) return undefined;
  const said = `${err.message} ${typeof err.param === 'string' ? err.param : ''}`;
  const format = (body as { response_format?: { type?: unknown } }).response_format;
  // Gemini's compatible endpoint names neither, only the schema keyword it lacks.
  if (format && /response_format|json_schema|json_object|response_schema|additionalProperties/i.test(said)) {
    return format.type === 'json_object' ? 'json_object' : 'json_schema';
  }
  return PARAMETERS.find((p) => p in body && names(said, p));
}

/** `max_tokens` is named in "max_tokens must be…" but not in "max_completion_tokens". */
function names(text: string, field: string): boolean {
  return new RegExp(`(^|[^a-z_])${field}($|[^a-z_])`, 'i').test(text);
}
