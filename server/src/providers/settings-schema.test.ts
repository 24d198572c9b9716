import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ValidationError } from '../lib/errors.js';
import { fieldMeta, parseSettings, secretFields, settingsDefaults, settingsJsonSchema } from './settings-schema.js';

const schema = z.object({
  host: z.string().min(1).meta({ label: 'Host', order: 1 }),
  port: z.number().int().default(8080).meta({ label: 'Port', advanced: true }),
  token: z.string().meta({ label: 'Token', secret: true }).default('public-default'),
  nested: z.object({ a: z.number() }).optional().meta({ label: 'Nested' }),
});

describe('settings schema', () => {
  it('finds meta through default/optional wrappers', () => {
    expect(fieldMeta(schema.shape.token)).toEqual({ label: 'Token', secret: true });
    expect(fieldMeta(z.string())).toBeUndefined();
    expect(secretFields(schema)).toEqual(['token']);
  });

  it('publishes JSON Schema with meta but without secret defaults or $schema', () => {
    const json = settingsJsonSchema(schema) as {
      properties: Record<string, Record<string, unknown>>;
      required: string[];
    };
    expect(json).not.toHaveProperty('$schema');
    expect(json.required).toEqual(['host']);
    expect(json.properties.port).toMatchObject({ default: 8080, label: 'Port', advanced: true });
    expect(json.properties.token).toMatchObject({ secret: true });
    expect(json.properties.token).not.toHaveProperty('default');
  });

  it('lists non-secret defaults only', () => {
    expect(settingsDefaults(schema)).toEqual({ port: 8080 });
  });

  it('reports failures as settings.<path> findings and strips unknown keys', () => {
    expect(parseSettings(schema, { host: 'h', extra: 1 })).toEqual({ host: 'h', port: 8080, token: 'public-default' });
    try {
      parseSettings(schema, { host: '', nested: { a: 'x' } });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).findings.map((f) => f.field)).toEqual(['settings.host', 'settings.nested.a']);
    }
  });
});
