// Secrets must never reach logs, API responses or error messages. These helpers are the one place that knows
// what a secret looks like.

const SECRET_KEY =
  /^(api[-_]?key|apikey|x-api-key|password|passwd|pass|passkey|secret|client[-_]?secret|token|access[-_]?token|refresh[-_]?token|auth|authorization|cookie|set-cookie|session|sid|webhook[-_]?url|bot[-_]?token)$/i;
const SECRET_PARAM = /^(apikey|api_key|api-key|key|token|access_token|passkey|password|pass|t|secret|auth|sid)$/i;

export const REDACTED = '[redacted]';

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/**
 * The built-in secret names plus `extra` exact field names (case-insensitive). Integrations name their secrets
 * freely (`userKey`, `appToken`, `pin`), so the composition root passes every field their schemas mark secret.
 */
export function secretKeyMatcher(extra: Iterable<string> = []): (key: string) => boolean {
  const names = new Set([...extra].map((k) => k.toLowerCase()));
  if (names.size === 0) return isSecretKey;
  return (key) => SECRET_KEY.test(key) || names.has(key.toLowerCase());
}

/** Replaces secret query parameters and userinfo in a URL (absolute or path-only). */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  let head = q === -1 ? url : url.slice(0, q);
  head = head.replace(/\/\/[^/@?#]*@/, `//${REDACTED}@`);
  if (q === -1) return head;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq === -1 ? pair : pair.slice(0, eq);
      return eq !== -1 && SECRET_PARAM.test(safeDecode(name)) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
  return `${head}?${query}`;
}

/** Deep copy with secret-named keys replaced; URLs in `url`-like strings are redacted too. Cycles are cut. */
export function redactDeep(value: unknown): unknown {
  return redactWith(isSecretKey, value, new WeakSet<object>(), 0);
}

/** redactDeep with a wider notion of secret keys (see secretKeyMatcher). */
export function createRedactor(isSecret: (key: string) => boolean): (value: unknown) => unknown {
  return (value) => redactWith(isSecret, value, new WeakSet<object>(), 0);
}

function redactWith(isSecret: (key: string) => boolean, value: unknown, seen: WeakSet<object>, depth: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value) || depth > 8) return '[circular]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => redactWith(isSecret, v, seen, depth + 1));
  if (value instanceof Error) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (isSecret(k) && v !== undefined && v !== null && v !== '') out[k] = REDACTED;
    else if ((k === 'url' || k.endsWith('Url')) && typeof v === 'string') out[k] = redactUrl(v);
    else out[k] = redactWith(isSecret, v, seen, depth + 1);
  }
  return out;
}

/** A malformed %-escape must not turn redaction (often inside an error handler) into a new error. */
function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
