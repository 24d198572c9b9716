// Retry-After comes as delta-seconds ("120") or an HTTP date ("Wed, 21 Oct 2015 07:28:00 GMT") (RFC 9110 10.2.3).

/** Milliseconds to wait, or undefined when the header is absent or unparseable. Dates in the past give 0. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // Date.parse also accepts odd shapes like "5" or ISO strings; require a weekday-or-month style date.
  if (!/[a-z]{3}/i.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
