// Secret masking. The API never returns a secret: it returns SECRET_SENTINEL when one is stored, and a client
// that sends the sentinel back means "keep what you have".
import type { z } from 'zod';
import { REDACTED } from '../lib/redact.js';
import { secretFields } from './settings-schema.js';

export const SECRET_SENTINEL = '********';

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

export function maskSettings(schema: z.ZodObject, settings: Record<string, unknown>): Record<string, unknown> {
  const out = { ...settings };
  for (const name of secretFields(schema)) out[name] = isSet(settings[name]) ? SECRET_SENTINEL : '';
  return out;
}

/** Replaces sentinel values with the stored secret; with nothing stored the field is dropped so validation decides. */
export function restoreSecrets(
  schema: z.ZodObject,
  incoming: Record<string, unknown>,
  stored: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const out = { ...incoming };
  for (const name of secretFields(schema)) {
    if (out[name] !== SECRET_SENTINEL) continue;
    if (stored && isSet(stored[name])) out[name] = stored[name];
    else delete out[name];
  }
  return out;
}

/** The secret values present in settings, for scrubbing messages that might echo them. */
export function secretValues(schema: z.ZodObject, settings: Record<string, unknown>): string[] {
  return secretFields(schema)
    .map((name) => settings[name])
    .filter((v): v is string | number => (typeof v === 'string' && v.length > 0) || typeof v === 'number')
    .map(String);
}

/** Removes any occurrence of a secret from text (a remote error page may quote the key we sent it). */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length > 0) out = out.split(secret).join(REDACTED);
  return out;
}
