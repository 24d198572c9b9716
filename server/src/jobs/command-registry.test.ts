import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ValidationError } from '../lib/errors.js';
import { defineCommand } from './command.types.js';
import { CommandRegistry, emptyBody } from './command-registry.js';

const noop = async () => undefined;
const refresh = defineCommand({
  name: 'RefreshSeries',
  body: z.object({ seriesId: z.number().int().positive(), mode: z.enum(['full', 'quick']).default('quick') }),
  handler: noop,
});
const housekeeping = defineCommand({ name: 'Housekeeping', body: emptyBody, handler: noop });

function catchValidation(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ValidationError) return err;
    throw err;
  }
  throw new Error('expected a ValidationError');
}

describe('CommandRegistry', () => {
  const registry = new CommandRegistry().register(refresh, housekeeping);

  it('parses a body, applying defaults and dropping unknown keys', () => {
    const parsed = registry.parse('RefreshSeries', { seriesId: 4, extra: true });
    expect(parsed.definition).toBe(refresh);
    expect(parsed.body).toEqual({ seriesId: 4, mode: 'quick' });
  });

  it('treats a missing body as empty', () => {
    expect(registry.parse('Housekeeping', undefined).body).toEqual({});
  });

  it('rejects an unknown name with a finding on `name` listing the known commands', () => {
    const err = catchValidation(() => registry.parse('Nope', {}));
    expect(err.findings).toEqual([
      { field: 'name', message: 'unknown command; known: Housekeeping, RefreshSeries', severity: 'error' },
    ]);
  });

  it('names every invalid field', () => {
    const err = catchValidation(() => registry.parse('RefreshSeries', { seriesId: -1, mode: 'slow' }));
    expect(err.findings.map((f) => f.field)).toEqual(['seriesId', 'mode']);
    expect(err.message).toMatch(/^invalid body for command RefreshSeries: seriesId .+; mode .+/);
  });

  it('refuses to register a name twice', () => {
    expect(() => new CommandRegistry().register(housekeeping, housekeeping)).toThrow('registered twice');
  });

  it('lists names sorted', () => {
    expect(registry.names()).toEqual(['Housekeeping', 'RefreshSeries']);
    expect(registry.has('Housekeeping')).toBe(true);
    expect(registry.get('Nope')).toBeUndefined();
  });
});
