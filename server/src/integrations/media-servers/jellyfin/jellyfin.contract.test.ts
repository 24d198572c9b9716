// Jellyfin against a fake server replaying ../shared/fixtures/protocols/jellyfin (System/Info, VirtualFolders,
// Users, Items with provider ids): the exact requests (token headers, the /Library/Media/Updated body with mapped
// paths), the library mapping, and the error taxonomy.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeHttpServer } from '../../../../test/support/fake-http-server.js';
import { systemClock } from '../../../lib/clock.js';
import { AuthError, NotFoundError, UnreachableError } from '../../../lib/errors.js';
import { errorToFindings } from '../../../providers/test-findings.js';
import { JellyfinAdapter } from './adapter.js';
import { jellyfinIntegration } from './index.js';
import { jellyfinSettings } from './settings.js';

const FIXTURES = fileURLToPath(new URL('../../../../../../shared/fixtures/protocols/jellyfin/', import.meta.url));
const TOKEN = 'f4c1b2a3d4e5f60718293a4b5c6d7e8f';

let fake: FakeHttpServer;

beforeAll(async () => {
  fake = await FakeHttpServer.start({ fixtureRoot: FIXTURES });
});
afterAll(async () => {
  await fake?.close();
});
beforeEach(() => {
  fake.reset();
  fake.fixture('GET', '/System/Info', 'system-info.json');
  fake.fixture('GET', '/Library/VirtualFolders', 'library-virtualfolders.json');
  fake.fixture('GET', '/Users', 'users.json');
  fake.fixture('GET', '/Items', 'items-series-with-provider-ids.json');
  fake.route('POST', '/Library/Media/Updated', { status: 204 });
});

function jellyfin(overrides: Record<string, unknown> = {}, url = fake.url) {
  return new JellyfinAdapter(jellyfinSettings.parse({ host: url, token: TOKEN, ...overrides }), systemClock);
}

describe('Jellyfin test() and errors', () => {
  it('checks /System/Info with both token headers, then reads the libraries', async () => {
    expect(await jellyfin().test()).toEqual([]);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /System/Info',
      'GET /Library/VirtualFolders',
    ]);
    for (const r of fake.requests) {
      expect(r.headers['x-emby-token']).toBe(TOKEN);
      expect(r.headers.authorization).toMatch(
        /^MediaBrowser Client="idkarr", .*Token="f4c1b2a3d4e5f60718293a4b5c6d7e8f"$/,
      );
    }
    expect(await jellyfin().serverInfo()).toEqual({
      name: 'media',
      version: '10.10.3',
      serverId: 'f0d6b2c2a1e64a3b9c8d7e6f5a4b3c2d',
    });
  });

  it('turns 401 into an AuthError reported on the token field', async () => {
    fake.route('GET', '/System/Info', { status: 401, body: '' });
    const err = await jellyfin()
      .test()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthError);
    const findings = errorToFindings(jellyfinIntegration, err, [TOKEN]);
    expect(findings).toEqual([expect.objectContaining({ field: 'settings.token', severity: 'error' })]);
    expect(findings[0]?.message).not.toContain(TOKEN);
  });

  it('turns a server that is down into an UnreachableError on the host field', async () => {
    const gone = await FakeHttpServer.start();
    const url = gone.url;
    await gone.close();
    const err = await jellyfin({}, url)
      .healthCheck()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnreachableError);
    expect(errorToFindings(jellyfinIntegration, err, [])[0]?.field).toBe('settings.host');
  });
});

describe('Jellyfin libraries and rescans', () => {
  it('maps virtual folders: ItemId, Name, CollectionType, Locations', async () => {
    expect(await jellyfin().libraries()).toEqual([
      {
        id: '767bffe4f11c93ef34b805451a696a4e',
        name: 'Shows',
        type: 'tv',
        paths: ['/data/media/tv', '/mnt/archive/tv'],
        itemCount: null,
      },
      {
        id: 'f137a2dd21bbc1b99aa5c0f6bf02a805',
        name: 'Movies',
        type: 'movie',
        paths: ['/data/media/movies'],
        itemCount: null,
      },
    ]);
  });

  it('refreshPath POSTs /Library/Media/Updated with the folder and UpdateType Modified', async () => {
    const result = await jellyfin().refreshPath('/data/media/tv/Severance (2022)');
    expect(result).toEqual({
      path: '/data/media/tv/Severance (2022)',
      serverPath: '/data/media/tv/Severance (2022)',
      libraryId: null,
      sent: true,
    });
    const [req] = fake.requestsTo('/Library/Media/Updated', 'POST');
    expect(fake.requests).toHaveLength(1);
    expect(req?.headers['content-type']).toBe('application/json');
    expect(req?.headers['x-emby-token']).toBe(TOKEN);
    expect(req?.json()).toEqual({ Updates: [{ Path: '/data/media/tv/Severance (2022)', UpdateType: 'Modified' }] });
  });

  it('refreshPaths sends one request with every folder, mapped to the server view and deduplicated', async () => {
    const adapter = jellyfin({ pathMappings: [{ remotePath: '/data/media', localPath: '/srv/media' }] });
    await adapter.refreshPaths([
      '/srv/media/tv/Day Break',
      '/srv/media/movies/Film (2020)',
      '/srv/media/tv/Day Break/',
    ]);
    const reqs = fake.requestsTo('/Library/Media/Updated', 'POST');
    expect(reqs).toHaveLength(1);
    expect(reqs[0]?.json()).toEqual({
      Updates: [
        { Path: '/data/media/tv/Day Break', UpdateType: 'Modified' },
        { Path: '/data/media/movies/Film (2020)', UpdateType: 'Modified' },
      ],
    });
  });

  it('refreshLibrary() POSTs /Library/Refresh; with an id it refreshes that folder recursively', async () => {
    fake.route('POST', '/Library/Refresh', { status: 204 });
    fake.route('POST', '/Items/:id/Refresh', { status: 204 });
    await jellyfin().refreshLibrary();
    await jellyfin().refreshLibrary('767bffe4f11c93ef34b805451a696a4e');
    await jellyfin().refreshItem('b2d6c1e0f9a84b7c8d6e5f4a3b2c1d0e');
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /Library/Refresh',
      'POST /Items/767bffe4f11c93ef34b805451a696a4e/Refresh',
      'POST /Items/b2d6c1e0f9a84b7c8d6e5f4a3b2c1d0e/Refresh',
    ]);
    expect(fake.requests[1]?.query).toEqual({
      Recursive: 'true',
      MetadataRefreshMode: 'Default',
      ImageRefreshMode: 'Default',
      ReplaceAllMetadata: 'false',
      ReplaceAllImages: 'false',
    });
  });
});

describe('Jellyfin metadata, users and history', () => {
  it('getItemMetadata() asks /Items?Ids= and maps provider ids and the path', async () => {
    const m = await jellyfin().getItemMetadata('b2d6c1e0f9a84b7c8d6e5f4a3b2c1d0e');
    expect(m).toEqual({
      id: 'b2d6c1e0f9a84b7c8d6e5f4a3b2c1d0e',
      title: 'Severance',
      type: 'series',
      year: 2022,
      genres: [],
      imdbId: 'tt11280740',
      tmdbId: 95396,
      tvdbId: 371980,
      filePaths: ['/data/media/tv/Severance (2022)'],
    });
    expect(fake.requests[0]?.query).toMatchObject({ Ids: 'b2d6c1e0f9a84b7c8d6e5f4a3b2c1d0e', Recursive: 'true' });
    expect(fake.requests[0]?.query.Fields).toContain('ProviderIds');
    const dayBreak = await jellyfin().getItemMetadata('0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f');
    expect(dayBreak).toMatchObject({ tvdbId: 79509 });
    expect(dayBreak).not.toHaveProperty('imdbId');
    fake.route('GET', '/Items', { json: { Items: [], TotalRecordCount: 0 } });
    await expect(jellyfin().getItemMetadata('nope')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('users() maps Id, Name and the administrator flag', async () => {
    expect(await jellyfin().users()).toEqual([
      { id: '4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b', name: 'admin', isAdmin: true },
    ]);
  });

  it("recentlyWatched() without a user reads the administrator's played items, newest first", async () => {
    // Constructed after Jellyfin's BaseItemDtoQueryResult for /Users/{id}/Items?Filters=IsPlayed.
    fake.route('GET', '/Users/:id/Items', {
      json: {
        Items: [
          {
            Id: 'e1',
            Name: 'Good News About Hell',
            Type: 'Episode',
            SeriesName: 'Severance',
            ParentIndexNumber: 1,
            IndexNumber: 1,
            UserData: { Played: true, LastPlayedDate: '2025-01-31T03:20:11Z' },
          },
        ],
        TotalRecordCount: 1,
      },
    });
    expect(await jellyfin().recentlyWatched(undefined, 5)).toEqual([
      {
        id: 'e1',
        title: 'Good News About Hell',
        type: 'episode',
        seriesTitle: 'Severance',
        seasonNumber: 1,
        episodeNumber: 1,
        watchedAt: '2025-01-31T03:20:11Z',
        userId: '4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b',
      },
    ]);
    const req = fake.requests.find((r) => r.path.endsWith('/Items'));
    expect(req?.path).toBe('/Users/4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b/Items');
    expect(req?.query).toMatchObject({
      Filters: 'IsPlayed',
      SortBy: 'DatePlayed',
      SortOrder: 'Descending',
      Limit: '5',
    });
  });
});
