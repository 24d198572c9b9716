// Turns fetch failures and HTTP statuses into the project's error taxonomy, so callers (retry, circuit breaker,
// provider backoff, health) decide on kinds, never on status numbers or Node error codes.
import {
  AuthError,
  ConflictError,
  IdkarrError,
  NotFoundError,
  ProtocolError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  UnreachableError,
} from '../errors.js';

const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL']);
// Certificate and TLS handshake problems will not heal by retrying; the user must fix the URL or trust settings.
const TLS_CODE = /^(CERT_|ERR_TLS_|ERR_SSL_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_)/;

/** Node/undici put the system error code on `cause`, sometimes inside an AggregateError (IPv4 + IPv6 tries). */
function errorCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const { code, errors, cause } = e as { code?: unknown; errors?: unknown[]; cause?: unknown };
    if (typeof code === 'string') return code;
    e = Array.isArray(errors) && errors.length > 0 ? errors[0] : cause;
  }
  return undefined;
}

/** `what` is "<METHOD> <redacted url>"; it is the only place the URL enters a message. */
export function mapFetchError(err: unknown, what: string): Error {
  if (err instanceof IdkarrError) return err;
  const code = errorCode(err);
  const opts = { cause: err };
  if (code === 'ECONNREFUSED') return new UnreachableError(`${what}: connection refused`, opts);
  if (code && DNS_CODES.has(code)) return new UnreachableError(`${what}: host not found (${code})`, opts);
  if (code && TIMEOUT_CODES.has(code)) return new TimeoutError(`${what}: timed out (${code})`, opts);
  if (code && TLS_CODE.test(code)) return new ProtocolError(`${what}: TLS error (${code})`, undefined, opts);
  const detail = code ?? (err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : '');
  return new UnreachableError(`${what}: request failed${detail ? ` (${detail})` : ''}`, opts);
}

/** The error for a non-success status; `retryAfterMs` is the parsed Retry-After, if any. */
export function errorForStatus(status: number, what: string, excerpt: string, retryAfterMs?: number): Error {
  const msg = `${what}: HTTP ${status}`;
  if (status === 401 || status === 403) return new AuthError(`${msg} (check the API key or credentials)`);
  if (status === 404 || status === 410) return new NotFoundError(msg);
  if (status === 408) return new TimeoutError(msg);
  if (status === 409) return new ConflictError(msg);
  if (status === 429) return new RateLimitedError(msg, retryAfterMs);
  if (status >= 500) return new ServerError(msg, status);
  return new ProtocolError(msg, excerpt);
}
