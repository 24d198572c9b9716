import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ValidationError } from '../lib/errors.js';
import { builtinRegistry } from './builtin-registry.js';
import { type AnyIntegration, defineIntegration } from './integration.js';
import { PROVIDER_KINDS } from './provider-kind.js';
import { ProviderRegistry } from './provider-registry.js';

const fake = (id: string, kind: AnyIntegration['kind'] = 'indexer'): AnyIntegration =>
  defineIntegration({
    kind,
    id,
    name: id,
    description: '',
    capabilities: [],
    settings: z.object({}),
    create: () => ({ test: async () => [], healthCheck: async () => ({ latencyMs: 0 }) }) as never,
  });

describe('ProviderRegistry', () => {
  it('finds implementations per kind and rejects unknown ones as a validation finding', () => {
    const registry = new ProviderRegistry({ indexer: [fake('a'), fake('b')] });
    expect(registry.list('indexer').map((i) => i.id)).toEqual(['a', 'b']);
    expect(registry.list('notification')).toEqual([]);
    expect(registry.find('indexer', 'b')?.id).toBe('b');
    expect(registry.find('downloadclient', 'a')).toBeUndefined();
    expect(() => registry.require('indexer', 'zzz')).toThrow(ValidationError);
  });

  it('refuses duplicates and integrations listed under the wrong kind', () => {
    expect(() => new ProviderRegistry({ indexer: [fake('a'), fake('a')] })).toThrow(/duplicate/);
    expect(() => new ProviderRegistry({ indexer: [fake('a', 'notification')] })).toThrow(/listed as indexer/);
  });

  it('defineIntegration refuses ids that would not survive a URL or a database', () => {
    expect(() => fake('Bad Id')).toThrow(/must match/);
  });

  it('the shipped registry builds and lists no test doubles', () => {
    const registry = builtinRegistry();
    for (const kind of PROVIDER_KINDS) expect(registry.list(kind).filter((i) => i.id.includes('test'))).toEqual([]);
  });
});
