// What the HTTP client writes to logs and error messages. Builds on lib/redact (the project's one list of secret
// names) and adds what only a request knows: the integration's own secret values, which some APIs put in the
// path (Telegram /bot<token>/, Discord webhook tokens), and tracker-style parameters such as rsskey/torrent_pass.
import { isSecretKey, REDACTED, redactUrl } from '../redact.js';

export { redactUrl };

// Substrings that mark a query parameter as secret even when lib/redact does not list the exact name.
const SECRET_PARAM_PART = /key|token|pass|secret|signature|auth/i;
const SECRET_HEADER_PART = /key|token|secret|auth|cookie|pass|session/i;

/** redactUrl plus tracker-style parameters and any known secret value wherever it appears in the URL. */
export function redactHttpUrl(url: string | URL, secrets: readonly string[] = []): string {
  let out = redactUrl(String(url));
  const q = out.indexOf('?');
  if (q !== -1) {
    const query = out
      .slice(q + 1)
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=');
        if (eq === -1) return pair;
        return SECRET_PARAM_PART.test(safeDecode(pair.slice(0, eq))) ? `${pair.slice(0, eq)}=${REDACTED}` : pair;
      })
      .join('&');
    out = `${out.slice(0, q)}?${query}`;
  }
  return maskSecrets(out, secrets);
}

/** Replaces every occurrence of each secret (raw and URL-encoded); short values are skipped to avoid mangling. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join(REDACTED);
  }
  return out;
}

/** A plain header object for logs with credentials (Authorization, Cookie, X-Api-Key...) replaced. */
export function redactHeaders(headers: Headers | Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
  for (const [name, value] of entries) {
    out[name] = isSecretKey(name) || SECRET_HEADER_PART.test(name) ? REDACTED : value;
  }
  return out;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
