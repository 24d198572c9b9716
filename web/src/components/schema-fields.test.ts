import { describe, expect, it } from 'vitest';
import { fieldsOf, findingTarget, humanize } from './schema-fields';

describe('fieldsOf', () => {
  it('orders fields, reads meta and picks an input per type', () => {
    const fields = fieldsOf({
      properties: {
        password: { type: 'string', secret: true, label: 'Password', order: 3 },
        host: { type: 'string', label: 'Host', help: 'name or IP', order: 1 },
        port: { type: 'integer', minimum: 1, maximum: 65535, default: 8080, order: 2 },
        useSsl: { type: 'boolean', default: false, advanced: true },
        initialState: { type: 'string', enum: ['start', 'pause'] },
        categories: { type: 'array', items: { type: 'string' } },
        urlBase: { anyOf: [{ type: 'string' }, { type: 'null' }], label: 'URL base' },
      },
      required: ['host', 'port'],
    });
    expect(fields.map((f) => [f.name, f.kind])).toEqual([
      ['host', 'string'],
      ['port', 'number'],
      ['password', 'secret'],
      ['useSsl', 'boolean'],
      ['initialState', 'enum'],
      ['categories', 'stringList'],
      ['urlBase', 'string'],
    ]);
    expect(fields[0]).toMatchObject({ label: 'Host', help: 'name or IP', required: true });
    expect(fields[1]).toMatchObject({ integer: true, min: 1, max: 65535, required: false });
    expect(fields[3]).toMatchObject({ label: 'Use ssl', advanced: true });
    expect(fields[4]?.options).toEqual(['start', 'pause']);
    expect(fields[6]?.label).toBe('URL base');
  });
});

describe('findingTarget', () => {
  it('maps API finding fields to form fields', () => {
    expect(findingTarget('settings.password')).toBe('password');
    expect(findingTarget('settings.categories.0')).toBe('categories');
    expect(findingTarget('body.name')).toBe('name');
    expect(findingTarget('connection')).toBe('');
  });
  it('humanizes camelCase names', () => {
    expect(humanize('apiKey')).toBe('Api key');
  });
});
