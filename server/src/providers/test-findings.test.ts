import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AuthError, NotFoundError, RateLimitedError, TimeoutError } from '../lib/errors.js';
import type { AnyIntegration } from './integration.js';
import { errorToFindings, hasErrors } from './test-findings.js';

const base = {
  kind: 'indexer',
  id: 'x',
  name: 'x',
  description: '',
  capabilities: [],
  settings: z.object({}),
} as const;
const create = () => ({ test: async () => [], healthCheck: async () => ({ latencyMs: 0 }) }) as never;
const named: AnyIntegration = { ...base, errorFields: { auth: 'apiKey', connection: 'url' }, create };
const plain: AnyIntegration = { ...base, create };

describe('errorToFindings', () => {
  it('puts auth and connection errors on the fields the integration names, else on the whole object', () => {
    expect(errorToFindings(named, new AuthError('no'), [])).toEqual([
      { field: 'settings.apiKey', message: 'no', severity: 'error' },
    ]);
    expect(errorToFindings(named, new TimeoutError('slow'), [])[0]?.field).toBe('settings.url');
    expect(errorToFindings(named, new NotFoundError('gone'), [])[0]?.field).toBe('');
    expect(errorToFindings(plain, new AuthError('no'), [])[0]?.field).toBe('');
  });

  it('rate limiting is a warning; unexpected errors hide their message; secrets are scrubbed', () => {
    expect(errorToFindings(plain, new RateLimitedError('later', 1000), [])[0]?.severity).toBe('warning');
    expect(errorToFindings(plain, new Error('stack secret'), [])[0]?.message).not.toContain('stack');
    expect(errorToFindings(plain, new AuthError('key k3y bad'), ['k3y'])[0]?.message).toBe('key [redacted] bad');
    expect(hasErrors([{ field: '', message: '', severity: 'warning' }])).toBe(false);
  });
});
