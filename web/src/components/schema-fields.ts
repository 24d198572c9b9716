// Turns an integration's settings JSON Schema (GET /api/v1/{kind}/schema → fields) into a flat, ordered list of
// form fields. Pure, so it is unit-tested without a browser.
import type { JsonSchemaField } from '../api/types';

export type FieldKind = 'string' | 'secret' | 'number' | 'boolean' | 'enum' | 'stringList' | 'enumList' | 'json';

export interface FormField {
  name: string;
  label: string;
  help?: string;
  kind: FieldKind;
  required: boolean;
  advanced: boolean;
  order: number;
  options?: Array<string | number>;
  integer?: boolean;
  min?: number;
  max?: number;
  placeholder?: string;
}

export const SECRET_SENTINEL = '********';

/** `anyOf: [X, {type: 'null'}]` and `type: ['string', 'null']` both mean "X, nullable". */
function unwrap(field: JsonSchemaField): JsonSchemaField {
  if (field.anyOf) {
    const options = field.anyOf.filter((f) => f.type !== 'null');
    if (options.length === 1) return { ...options[0], ...withoutAnyOf(field) };
    // anyOf of consts (z.union of literals) reads as an enum.
    const consts = options.map((o) => (o as { const?: string | number }).const);
    if (consts.every((c) => c !== undefined)) return { ...withoutAnyOf(field), enum: consts as Array<string | number> };
  }
  if (Array.isArray(field.type)) {
    const types = field.type.filter((t) => t !== 'null');
    if (types.length === 1) return { ...field, type: types[0] };
  }
  return field;
}

function withoutAnyOf(field: JsonSchemaField): JsonSchemaField {
  const { anyOf: _ignored, ...rest } = field;
  return rest;
}

export function humanize(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

function kindOf(f: JsonSchemaField): FieldKind {
  if (f.secret) return 'secret';
  if (f.enum) return 'enum';
  if (f.type === 'boolean') return 'boolean';
  if (f.type === 'number' || f.type === 'integer') return 'number';
  if (f.type === 'array') {
    const items = f.items ? unwrap(f.items) : undefined;
    if (items?.enum) return 'enumList';
    if (!items || items.type === 'string' || items.type === 'number' || items.type === 'integer') return 'stringList';
    return 'json';
  }
  if (f.type === 'string' || f.type === undefined) return 'string';
  return 'json';
}

export function fieldsOf(schema: { properties?: Record<string, JsonSchemaField>; required?: string[] }): FormField[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {})
    .map(([name, raw], index) => {
      const f = unwrap(raw);
      const kind = kindOf(f);
      const field: FormField = {
        name,
        label: f.label ?? humanize(name),
        kind,
        required: required.has(name) && f.default === undefined,
        advanced: f.advanced === true,
        order: typeof f.order === 'number' ? f.order : 1000 + index,
      };
      const help = f.help ?? f.description;
      if (help) field.help = help;
      if (kind === 'enum') field.options = f.enum ?? [];
      if (kind === 'enumList') field.options = (f.items && unwrap(f.items).enum) || [];
      if (kind === 'number') {
        field.integer = f.type === 'integer';
        if (typeof f.minimum === 'number') field.min = f.minimum;
        if (typeof f.maximum === 'number') field.max = f.maximum;
      }
      if (f.placeholder) field.placeholder = f.placeholder;
      return field;
    })
    .sort((a, b) => a.order - b.order);
}

/** Where a finding belongs: a settings field name, `name`, or '' for the form as a whole. */
export function findingTarget(field: string): string {
  if (field.startsWith('settings.')) return field.slice('settings.'.length).split('.')[0] ?? '';
  if (field === 'name' || field === 'body.name') return 'name';
  return '';
}
