/**
 * Typed errors with a fixed HTTP status, a stable machine-readable code and whether
 * retrying the same request can succeed. `onError` renders all of them as one JSON shape.
 */
export type ErrorDetails = Record<string, unknown> | unknown[];

export abstract class AppError extends Error {
  abstract readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 502 | 503 | 504;
  abstract readonly code: string;
  readonly retryable: boolean = false;
  // Mutable so a route can add what the client needs to recover (e.g. the id of the saved draft).
  details: ErrorDetails | undefined;
  /** Seconds, sent as `retry-after` where a wait is known. */
  readonly retryAfterSeconds: number | undefined;

  constructor(message: string, opts: { details?: ErrorDetails; retryAfterSeconds?: number; cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.name = new.target.name;
    this.details = opts.details;
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }
}

export class ValidationError extends AppError {
  readonly status = 400;
  readonly code = 'invalid_request';
}

export class MalformedJsonError extends AppError {
  readonly status = 400;
  readonly code = 'malformed_json';
}

export class UnsupportedContentTypeError extends AppError {
  readonly status = 400;
  readonly code = 'unsupported_content_type';
}

export class UnauthorizedError extends AppError {
  readonly status = 401;
  readonly code = 'unauthorized';
}

/** A cookie-authenticated write that did not come from our own pages (cross-site request forgery). */
export class CrossSiteRequestError extends AppError {
  readonly status = 403;
  readonly code = 'cross_site_request';
}

/** Also used for rows that exist but belong to someone else: never confirm their existence. */
export class NotFoundError extends AppError {
  readonly status = 404;
  readonly code = 'not_found';
}

export class ConflictError extends AppError {
  readonly status = 409;
  readonly code = 'conflict';
  override readonly retryable = true;
}

export class PayloadTooLargeError extends AppError {
  readonly status = 413;
  readonly code = 'payload_too_large';
}

export class RuleViolationError extends AppError {
  readonly status = 422;
  readonly code: string;
  constructor(code: string, message: string, opts: { details?: ErrorDetails } = {}) {
    super(message, opts);
    this.code = code;
  }
}

export class RateLimitedError extends AppError {
  readonly status = 429;
  readonly code = 'rate_limited';
  override readonly retryable = true;
}

/** The model did not answer in time. */
export class ModelTimeoutError extends AppError {
  readonly status = 504;
  readonly code = 'model_timeout';
  override readonly retryable = true;
}

/** The provider is rate limiting us, failing (5xx) or unreachable. */
export class ModelUnavailableError extends AppError {
  readonly status = 503;
  readonly code = 'model_unavailable';
  override readonly retryable = true;
}

/** The provider answered, but not with something we can use (bad JSON, wrong shape, odd status). */
export class ModelBadReplyError extends AppError {
  readonly status = 502;
  readonly code = 'model_bad_reply';
  override readonly retryable = true;
}

/** The provider refused our credentials or model name: retrying cannot help, configuration must change. */
export class ModelConfigError extends AppError {
  readonly status = 502;
  readonly code = 'model_misconfigured';
}

/** A role-play reply gave away part of the hidden brief; it was withheld and can be regenerated. */
export class PersonaLeakError extends AppError {
  readonly status = 502;
  readonly code = 'persona_leak';
  override readonly retryable = true;
}
