// Reads an integration's settings schema: field metadata, the JSON Schema served by /schema, defaults, and
// validation into `settings.<field>` findings.
import { z } from 'zod';
import { type Finding, ValidationError } from '../lib/errors.js';
import type { SettingMeta } from './integration.js';

type AnySchema = z.ZodType;

/** `.meta()` may sit inside `.default()`/`.optional()` wrappers, so look through them. */
export function fieldMeta(field: AnySchema): Partial<SettingMeta> | undefined {
  let current: AnySchema | undefined = field;
  for (let depth = 0; current && depth < 8; depth++) {
    const meta = current.meta() as Partial<SettingMeta> | undefined;
    if (meta) return meta;
    const def = current._zod.def as { innerType?: AnySchema; in?: AnySchema };
    current = def.innerType ?? def.in;
  }
  return undefined;
}

export function secretFields(schema: z.ZodObject): string[] {
  return Object.entries(schema.shape)
    .filter(([, field]) => fieldMeta(field as AnySchema)?.secret === true)
    .map(([name]) => name);
}

/** JSON Schema of the settings as the client sends them; the field meta rides along as extra keywords. */
export function settingsJsonSchema(schema: z.ZodObject): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema: _ignored, ...rest } = json;
  const properties = (rest.properties ?? {}) as Record<string, Record<string, unknown>>;
  // A secret's default (rare, but e.g. a shared public key) must not be published either.
  for (const name of secretFields(schema)) {
    const prop = properties[name];
    if (prop && 'default' in prop) delete prop.default;
  }
  return rest;
}

/** The value each field takes when omitted, for fields that have one. Secrets are left out. */
export function settingsDefaults(schema: z.ZodObject): Record<string, unknown> {
  const secrets = new Set(secretFields(schema));
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(schema.shape)) {
    if (secrets.has(name)) continue;
    const parsed = (field as AnySchema).safeParse(undefined);
    if (parsed.success && parsed.data !== undefined) out[name] = parsed.data;
  }
  return out;
}

export function issuesToFindings(issues: readonly z.core.$ZodIssue[], prefix = 'settings'): Finding[] {
  return issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
    severity: 'error' as const,
  }));
}

/** Parses settings with the implementation's schema; unknown keys are dropped, failures become findings. */
export function parseSettings(schema: z.ZodObject, raw: unknown): Record<string, unknown> {
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) {
    const findings = issuesToFindings(parsed.error.issues);
    throw new ValidationError(`invalid settings: ${findings.map((f) => f.field).join(', ')}`, findings);
  }
  return parsed.data as Record<string, unknown>;
}
