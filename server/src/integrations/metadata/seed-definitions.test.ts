import { describe, expect, it } from 'vitest';
import type { ProviderDefinitionRepository } from '../../db/repositories/provider-definition.repository.js';
import { FakeClock } from '../../lib/clock.js';
import type { ProviderDefinition, ProviderDefinitionInput } from '../../providers/provider.types.js';
import type { ProviderKind } from '../../providers/provider-kind.js';
import { seedMetadataDefinitions } from './seed-definitions.js';

// Just enough of the repository for the seeder: list, insert and a transaction that runs in place.
function memoryRepo(existing: ProviderDefinition[] = []) {
  const rows = [...existing];
  const repo = {
    rows,
    list: async (kind?: ProviderKind) => rows.filter((r) => !kind || r.kind === kind),
    insert: async (kind: ProviderKind, input: ProviderDefinitionInput, now: string) => {
      const row = { ...input, id: rows.length + 1, kind, createdAt: now, updatedAt: now };
      rows.push(row);
      return row;
    },
    transaction: <T>(fn: (tx: ProviderDefinitionRepository) => Promise<T>) =>
      fn(repo as unknown as ProviderDefinitionRepository),
  };
  return repo;
}

const deps = (definitions: ReturnType<typeof memoryRepo>) => ({
  definitions,
  clock: new FakeClock(Date.parse('2030-01-01T00:00:00Z')),
  log: { info: () => undefined },
});

const config = (tmdbKey?: string, tvdbKey?: string) => ({
  tmdb: { apiKey: tmdbKey, url: 'https://tmdb.example/3' },
  tvdb: { apiKey: tvdbKey, url: 'https://tvdb.example/v4' },
});

describe('seedMetadataDefinitions', () => {
  it('creates TMDB and TVDB definitions with defaults from the keys and URLs', async () => {
    const repo = memoryRepo();
    const created = await seedMetadataDefinitions(config('tmdb-key', 'tvdb-key'), deps(repo));
    expect(created.map((d) => [d.implementation, d.name, d.enabled])).toEqual([
      ['tmdb', 'TMDB', true],
      ['tvdb', 'TheTVDB', true],
    ]);
    expect(created[0]?.settings).toMatchObject({
      apiKey: 'tmdb-key',
      baseUrl: 'https://tmdb.example/3',
      language: 'en-US',
      rateLimitRequests: 40,
    });
    expect(created[1]?.settings).toMatchObject({ apiKey: 'tvdb-key', baseUrl: 'https://tvdb.example/v4', pin: '' });
    expect(created[0]?.createdAt).toBe('2030-01-01T00:00:00.000Z');
  });

  it('seeds only the providers whose key is set', async () => {
    const repo = memoryRepo();
    const created = await seedMetadataDefinitions(config(undefined, 'tvdb-key'), deps(repo));
    expect(created.map((d) => d.implementation)).toEqual(['tvdb']);
    expect(await seedMetadataDefinitions(config('', '  '), deps(memoryRepo()))).toEqual([]);
  });

  it('leaves existing metadata definitions alone', async () => {
    const repo = memoryRepo();
    await seedMetadataDefinitions(config('k1', undefined), deps(repo));
    const again = await seedMetadataDefinitions(config('k1', 'k2'), deps(repo));
    expect(again).toEqual([]);
    expect(repo.rows).toHaveLength(1);
  });
});
