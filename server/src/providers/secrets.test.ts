import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { maskSettings, restoreSecrets, SECRET_SENTINEL, scrubSecrets, secretValues } from './secrets.js';

const schema = z.object({
  url: z.string(),
  apiKey: z.string().meta({ label: 'Key', secret: true }),
  pin: z.number().optional().meta({ label: 'PIN', secret: true }),
});

describe('secrets', () => {
  it('masks stored secrets with the sentinel and unset ones with an empty string', () => {
    expect(maskSettings(schema, { url: 'u', apiKey: 'k', pin: 1234 })).toEqual({
      url: 'u',
      apiKey: SECRET_SENTINEL,
      pin: SECRET_SENTINEL,
    });
    expect(maskSettings(schema, { url: 'u', apiKey: '' })).toEqual({ url: 'u', apiKey: '', pin: '' });
  });

  it('restores sentinels from stored settings, drops them when nothing is stored', () => {
    expect(restoreSecrets(schema, { url: 'n', apiKey: SECRET_SENTINEL }, { url: 'o', apiKey: 'old' })).toEqual({
      url: 'n',
      apiKey: 'old',
    });
    expect(restoreSecrets(schema, { apiKey: 'new' }, { apiKey: 'old' })).toEqual({ apiKey: 'new' });
    expect(restoreSecrets(schema, { apiKey: SECRET_SENTINEL }, undefined)).toEqual({});
    expect(restoreSecrets(schema, { apiKey: SECRET_SENTINEL }, { apiKey: '' })).toEqual({});
  });

  it('scrubs every secret value from text', () => {
    const values = secretValues(schema, { url: 'u', apiKey: 'abc123', pin: 4321 });
    expect(values).toEqual(['abc123', '4321']);
    expect(scrubSecrets('key abc123 pin 4321 abc123', values)).toBe('key [redacted] pin [redacted] [redacted]');
  });
});
