// The one error taxonomy. Services and integrations throw these; only http/error-mapper turns them into responses.

export interface Finding {
  /** Dotted path of the offending field, e.g. `settings.password`; empty for the whole object. */
  field: string;
  message: string;
  severity: 'error' | 'warning';
}

export abstract class IdkarrError extends Error {
  abstract readonly code: string;
  /** Whether retrying the same call later could succeed. */
  readonly retryable: boolean = false;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class AuthError extends IdkarrError {
  readonly code = 'auth';
}

export class UnreachableError extends IdkarrError {
  readonly code = 'unreachable';
  override readonly retryable = true;
}

export class TimeoutError extends IdkarrError {
  readonly code = 'timeout';
  override readonly retryable = true;
}

export class RateLimitedError extends IdkarrError {
  readonly code = 'rate_limited';
  override readonly retryable = true;
  /** Milliseconds the remote asked us to wait, when it said. */
  readonly retryAfterMs: number | undefined;
  constructor(message: string, retryAfterMs?: number, options?: { cause?: unknown }) {
    super(message, options);
    this.retryAfterMs = retryAfterMs;
  }
}

/** The remote answered, but not in a shape we understand (HTML error page, broken XML, error body with 200). */
export class ProtocolError extends IdkarrError {
  readonly code = 'protocol';
  readonly excerpt: string | undefined;
  constructor(message: string, excerpt?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.excerpt = excerpt?.slice(0, 200);
  }
}

/** A remote server error (5xx) that may go away. */
export class ServerError extends IdkarrError {
  readonly code = 'server';
  override readonly retryable = true;
  readonly status: number;
  constructor(message: string, status: number, options?: { cause?: unknown }) {
    super(message, options);
    this.status = status;
  }
}

export class NotFoundError extends IdkarrError {
  readonly code = 'not_found';
}

export class ValidationError extends IdkarrError {
  readonly code = 'validation';
  readonly findings: Finding[];
  constructor(message: string, findings: Finding[] = []) {
    super(message);
    this.findings = findings;
  }
}

export class ConflictError extends IdkarrError {
  readonly code = 'conflict';
  /** The field that collides, when one does (e.g. `path` already used by another item). */
  readonly findings: Finding[];
  constructor(message: string, findings: Finding[] = [], options?: { cause?: unknown }) {
    super(message, options);
    this.findings = findings;
  }
}

/** A dependency we need is not available right now (e.g. a metadata provider is down). */
export class ServiceUnavailableError extends IdkarrError {
  readonly code = 'unavailable';
}

export function isRetryable(err: unknown): boolean {
  return err instanceof IdkarrError && err.retryable;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
