import { describe, expect, it } from 'vitest';
import {
  AuthError,
  NotFoundError,
  ProtocolError,
  ServerError,
  ServiceUnavailableError,
  TimeoutError,
} from '../../lib/errors.js';
import { silentLogger } from '../../lib/logger.js';
import type { MetadataCapability, MetadataProviderPort } from '../../providers/ports/metadata.port.js';
import type { ProviderDefinition } from '../../providers/provider.types.js';
import { MetadataGateway, ownIdSpace } from './metadata-gateway.js';

function definition(id: number, implementation: string, name: string): ProviderDefinition {
  return {
    id,
    kind: 'metadata',
    implementation,
    name,
    enabled: true,
    tags: [],
    settings: {},
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
  };
}

function provider(capabilities: MetadataCapability[], impl: Partial<MetadataProviderPort>): MetadataProviderPort {
  return { capabilities, healthCheck: async () => ({ latencyMs: 1 }), test: async () => [], ...impl };
}

function gateway(
  entries: { def: ProviderDefinition; port: MetadataProviderPort }[],
  issues: { kind: string; name: string; status: string; message: string | null; disabledUntil: string | null }[] = [],
) {
  const failures: { id: number; err: unknown }[] = [];
  const g = new MetadataGateway({
    health: {
      available: async () => entries.map((e) => e.def),
      recordFailure: async (id, err) => {
        failures.push({ id, err });
      },
      healthIssues: async () => issues,
    },
    instances: { get: (d) => entries.find((e) => e.def.id === d.id)!.port },
    log: silentLogger(),
  });
  return { g, failures };
}

const tmdb = definition(1, 'tmdb', 'TMDB');
const tvdb = definition(2, 'tvdb', 'TheTVDB');
const series = (title: string) => async () => ({
  title,
  status: 'ended' as const,
  images: {},
  alternativeTitles: [],
  genres: [],
  seasons: [],
  episodes: [],
});

describe('MetadataGateway', () => {
  it('names id spaces after the implementation', () => {
    expect(ownIdSpace(tmdb)).toBe('tmdbId');
    expect(ownIdSpace(tvdb)).toBe('tvdbId');
    expect(ownIdSpace(definition(3, 'tvmaze', 'TVmaze'))).toBeUndefined();
  });

  it('asks only providers of the id space, preferred ones first', async () => {
    const { g } = gateway([
      {
        def: tmdb,
        port: provider(['getSeries', 'searchSeries'], {
          getSeries: series('from tmdb'),
          searchSeries: async () => [{ title: 'tmdb', status: 'ended', images: {} }],
        }),
      },
      {
        def: tvdb,
        port: provider(['getSeries', 'searchSeries'], {
          getSeries: series('from tvdb'),
          searchSeries: async () => [{ title: 'tvdb', status: 'ended', images: {} }],
        }),
      },
    ]);
    expect((await g.call('getSeries', (p) => p.getSeries(1), { idSpace: 'tvdbId' })).title).toBe('from tvdb');
    expect((await g.call('getSeries', (p) => p.getSeries(1), { idSpace: 'tmdbId' })).title).toBe('from tmdb');
    expect((await g.call('searchSeries', (p) => p.searchSeries('x'), { prefer: 'tvdbId' }))[0]?.title).toBe('tvdb');
    expect((await g.call('searchSeries', (p) => p.searchSeries('x')))[0]?.title).toBe('tmdb');
    expect(await g.can('getMovie')).toBe(false);
  });

  it('moves on after an outage, reports it, and names every provider when all are down', async () => {
    const down = (err: Error) => async () => {
      throw err;
    };
    const { g, failures } = gateway([
      {
        def: tmdb,
        port: provider(['searchSeries'], { searchSeries: down(new TimeoutError('no answer within 30 s')) }),
      },
      { def: tvdb, port: provider(['searchSeries'], { searchSeries: async () => [] }) },
    ]);
    expect(await g.call('searchSeries', (p) => p.searchSeries('x'))).toEqual([]);
    expect(failures.map((f) => f.id)).toEqual([1]);

    const all = gateway([
      { def: tmdb, port: provider(['searchSeries'], { searchSeries: down(new ServerError('HTTP 502', 502)) }) },
      { def: tvdb, port: provider(['searchSeries'], { searchSeries: down(new AuthError('invalid API key')) }) },
    ]);
    const err = await all.g.call('searchSeries', (p) => p.searchSeries('x')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceUnavailableError);
    expect((err as Error).message).toBe('TMDB is unavailable: HTTP 502; TheTVDB is unavailable: invalid API key');
    expect(all.failures.map((f) => f.id)).toEqual([1, 2]);
  });

  it('passes item answers through without touching health; wraps unexpected errors as protocol errors', async () => {
    const { g, failures } = gateway([
      {
        def: tmdb,
        port: provider(['getMovie', 'searchMovies'], {
          getMovie: async () => {
            throw new NotFoundError('TMDB /movie/1: not found');
          },
          searchMovies: async () => {
            throw new TypeError("Cannot read properties of undefined (reading 'map')");
          },
        }),
      },
    ]);
    await expect(g.call('getMovie', (p) => p.getMovie(1))).rejects.toBeInstanceOf(NotFoundError);
    const err = await g.call('searchMovies', (p) => p.searchMovies('x')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProtocolError);
    expect((err as Error).message).toMatch(/^TMDB answered something unexpected: /);
    expect(failures).toEqual([]);
  });

  it('explains why nothing can answer: none configured, or which provider is backing off', async () => {
    const none = gateway([]);
    await expect(none.g.call('getMovie', (p) => p.getMovie(1))).rejects.toThrow(
      'no metadata provider that can getMovie is configured',
    );
    const blocked = gateway(
      [],
      [
        {
          kind: 'metadata',
          name: 'TMDB',
          status: 'unhealthy',
          message: 'HTTP 503',
          disabledUntil: '2024-01-01T00:05:00Z',
        },
      ],
    );
    await expect(blocked.g.call('getMovie', (p) => p.getMovie(1))).rejects.toThrow(
      'TMDB is unavailable: HTTP 503 (retrying after 2024-01-01T00:05:00Z)',
    );
  });
});
