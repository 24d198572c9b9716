// Canonical JSON: object keys sorted at every depth, so bodies that differ only in key order dedupe together.
import { createHash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      // JSON.stringify drops undefined members; dropping them here keeps {a: undefined} equal to {}.
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** `name:sha256(canonical body)`. Hashed so large bodies never exceed PostgreSQL's btree entry limit. */
export function dedupeKey(name: string, body: unknown): string {
  return `${name}:${createHash('sha256').update(canonicalJson(body)).digest('hex')}`;
}
