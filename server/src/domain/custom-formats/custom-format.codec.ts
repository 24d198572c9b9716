// Import/export of custom formats as TRaSH-guide JSON. Fields come as an object (`{value}` / `{min, max}`, the
// guides' shape) or as a list of `{name, value}` (Sonarr/Radarr's API shape); both read the same. Export writes
// the guides' object shape. Every regex is compiled on the way in so a broken pattern is refused with its path.
import { z } from 'zod';
import type { Finding } from '../../lib/errors.js';
import { conditionTest } from './custom-format.matcher.js';
import {
  CONDITION_IMPLEMENTATIONS,
  type ConditionFields,
  type CustomFormat,
  type CustomFormatInput,
} from './custom-format.types.js';

const fieldValue = z.union([z.string(), z.number(), z.boolean()]);
const fieldList = z.array(z.object({ name: z.string(), value: fieldValue.nullable().optional() }).loose());
const fieldObject = z.record(z.string(), fieldValue.nullable());

export const trashConditionSchema = z.object({
  name: z.string().trim().min(1).max(200),
  implementation: z.enum(CONDITION_IMPLEMENTATIONS),
  negate: z.boolean().default(false),
  required: z.boolean().default(false),
  fields: z.union([fieldObject, fieldList]).default({}),
});

export const trashFormatSchema = z.object({
  /** Radarr/Sonarr exports carry their own id and the guides a trash_id; both are ignored on import. */
  name: z.string().trim().min(1).max(200),
  includeCustomFormatWhenRenaming: z.boolean().default(false),
  specifications: z.array(trashConditionSchema).max(200).default([]),
});

/** What export writes (and import reads back): the guides' shape with fields as an object. */
export type TrashFormat = Omit<CustomFormatInput, 'specifications'> & {
  specifications: (Omit<CustomFormatInput['specifications'][number], 'fields'> & { fields: ConditionFields })[];
};

function normaliseFields(fields: z.infer<typeof trashConditionSchema>['fields']): ConditionFields {
  const out: ConditionFields = {};
  const entries: [string, unknown][] = Array.isArray(fields)
    ? fields.map((f) => [f.name, f.value])
    : Object.entries(fields);
  for (const [name, value] of entries) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[name] = value;
  }
  return out;
}

/** Parsed, normalised and validated; throws nothing, returns findings for what is wrong. */
export function readTrashFormat(
  input: unknown,
): { ok: true; format: CustomFormatInput } | { ok: false; findings: Finding[] } {
  const parsed = trashFormatSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      findings: parsed.error.issues.map((i) => ({
        field: i.path.join('.'),
        message: i.message,
        severity: 'error' as const,
      })),
    };
  }
  const format: CustomFormatInput = {
    name: parsed.data.name,
    includeCustomFormatWhenRenaming: parsed.data.includeCustomFormatWhenRenaming,
    specifications: parsed.data.specifications.map((s) => ({
      name: s.name,
      implementation: s.implementation,
      negate: s.negate,
      required: s.required,
      fields: normaliseFields(s.fields),
    })),
  };
  const findings = validateConditions(format);
  return findings.length ? { ok: false, findings } : { ok: true, format };
}

const NEEDS_VALUE = new Set<string>([
  'ReleaseTitleSpecification',
  'ReleaseGroupSpecification',
  'EditionSpecification',
  'SourceSpecification',
  'ResolutionSpecification',
  'QualityModifierSpecification',
  'LanguageSpecification',
  'IndexerFlagSpecification',
]);

/** Every condition has what it needs and every regex compiles in JavaScript. */
export function validateConditions(format: CustomFormatInput): Finding[] {
  const findings: Finding[] = [];
  format.specifications.forEach((c, i) => {
    const field = `specifications.${i}.fields.value`;
    if (NEEDS_VALUE.has(c.implementation) && (c.fields.value === undefined || c.fields.value === '')) {
      findings.push({ field, message: `${c.implementation} "${c.name}" needs a value`, severity: 'error' });
      return;
    }
    try {
      conditionTest(c);
    } catch (err) {
      findings.push({
        field,
        message: `invalid regular expression in "${c.name}": ${(err as Error).message}`,
        severity: 'error',
      });
    }
  });
  return findings;
}

/** The guides' JSON for one format (fields as an object). */
export function toTrashFormat(format: CustomFormat | CustomFormatInput): TrashFormat {
  return {
    name: format.name,
    includeCustomFormatWhenRenaming: format.includeCustomFormatWhenRenaming,
    specifications: format.specifications.map((s) => ({
      name: s.name,
      implementation: s.implementation,
      negate: s.negate,
      required: s.required,
      fields: { ...s.fields },
    })),
  };
}
