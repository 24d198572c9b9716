// Plex against a fake PMS replaying ../shared/fixtures/protocols/plex (sections as JSON and the real XML answer,
// /identity, metadata 108): the exact requests (paths, the percent-encoded `path=`, the token header), which
// section a path goes to (deepest folder wins, path mappings applied), and the error taxonomy.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeHttpServer } from '../../../../test/support/fake-http-server.js';
import { systemClock } from '../../../lib/clock.js';
import { AuthError, NotFoundError, UnreachableError } from '../../../lib/errors.js';
import { errorToFindings } from '../../../providers/test-findings.js';
import { PlexAdapter } from './adapter.js';
import { sectionRefreshPath } from './api.js';
import { plexIntegration } from './index.js';
import { plexSettings } from './settings.js';

const FIXTURES = fileURLToPath(new URL('../../../../../../shared/fixtures/protocols/plex/', import.meta.url));
const TOKEN = 'plex-token-abc123XYZ';

let fake: FakeHttpServer;

beforeAll(async () => {
  fake = await FakeHttpServer.start({ fixtureRoot: FIXTURES });
});
afterAll(async () => {
  await fake?.close();
});
beforeEach(() => {
  fake.reset();
  fake.fixture('GET', '/identity', 'pms-identity.json');
  fake.fixture('GET', '/library/sections', 'pms-library-sections.json');
  fake.route('GET', '/library/sections/:id/refresh', { status: 200, body: '' });
});

function plex(overrides: Record<string, unknown> = {}, url = fake.url) {
  return new PlexAdapter(plexSettings.parse({ host: url, token: TOKEN, ...overrides }), systemClock);
}

const refreshes = () => fake.requests.filter((r) => /^\/library\/sections\/[^/]+\/refresh$/.test(r.path));

describe('Plex settings', () => {
  it('defaults to port 32400 with updates on, and requires a token', () => {
    const s = plexSettings.parse({ host: 'plex.lan', token: 't' });
    expect(s).toMatchObject({ port: 32400, useSsl: false, updateLibrary: true, onImport: true, pathMappings: [] });
    expect(plexSettings.safeParse({ host: 'plex.lan' }).success).toBe(false);
  });

  it('registers as a mediaserver with token/host error fields', () => {
    expect(plexIntegration).toMatchObject({ kind: 'mediaserver', id: 'plex' });
    expect(plexIntegration.errorFields).toEqual({ auth: 'token', connection: 'host' });
  });
});

describe('Plex test() and errors', () => {
  it('checks /identity, then the token on /library/sections, sending X-Plex-Token and asking for JSON', async () => {
    expect(await plex().test()).toEqual([]);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /identity', 'GET /library/sections']);
    for (const r of fake.requests) {
      expect(r.headers['x-plex-token']).toBe(TOKEN);
      expect(r.headers.accept).toBe('application/json');
    }
  });

  it('warns about a path mapping whose remote path no section uses', async () => {
    const findings = await plex({ pathMappings: [{ remotePath: '/nowhere', localPath: '/srv/x' }] }).test();
    expect(findings).toEqual([
      expect.objectContaining({ field: 'settings.pathMappings.0.remotePath', severity: 'warning' }),
    ]);
  });

  it('turns 401 into an AuthError reported on the token field, without the token', async () => {
    fake.route('GET', '/library/sections', { status: 401, body: `<html>Unauthorized ${TOKEN}</html>` });
    const err = await plex()
      .test()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthError);
    const findings = errorToFindings(plexIntegration, err, [TOKEN]);
    expect(findings).toEqual([expect.objectContaining({ field: 'settings.token', severity: 'error' })]);
    expect(findings[0]?.message).not.toContain(TOKEN);
    await expect(plex().healthCheck()).rejects.toBeInstanceOf(AuthError);
  });

  it('turns a server that is down into an UnreachableError on the host field', async () => {
    const gone = await FakeHttpServer.start();
    const url = gone.url;
    await gone.close();
    const err = await plex({}, url)
      .test()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnreachableError);
    expect(errorToFindings(plexIntegration, err, [TOKEN])).toEqual([
      expect.objectContaining({ field: 'settings.host', severity: 'error' }),
    ]);
  });

  it('builds the URL from host, port, SSL and URL base', async () => {
    const port = Number(new URL(fake.url).port);
    const adapter = plex({ host: '127.0.0.1', port, urlBase: '/plex/' }, '127.0.0.1');
    fake.fixture('GET', '/plex/identity', 'pms-identity.json');
    expect((await adapter.serverInfo()).version).toBe('1.41.3.9314-a0bfb8370');
    expect(fake.requests[0]?.path).toBe('/plex/identity');
  });
});

describe('Plex libraries()', () => {
  it('maps sections from JSON: key, title, type, every Location', async () => {
    expect(await plex().libraries()).toEqual([
      { id: '2', name: 'TV Shows', type: 'tv', paths: ['/data/media/tv', '/mnt/archive/tv'], itemCount: null },
      { id: '1', name: 'Movies', type: 'movie', paths: ['/data/media/movies'], itemCount: null },
    ]);
  });

  it('reads the real XML answer of an older server the same way', async () => {
    fake.fixture('GET', '/library/sections', 'pms-library-sections.xml');
    const libs = await plex().libraries();
    expect(libs.map((l) => [l.id, l.name, l.type, l.paths])).toEqual([
      ['5', 'Best Movies', 'movie', ['/media/Best Movies']],
      ['1', 'Movies with new Metadata', 'movie', ['/media/Movies']],
      ['2', 'Saw', 'movie', ['/media/Movies2']],
      ['3', 'TV Shows', 'tv', ['/media/TV']],
    ]);
  });
});

describe('Plex refreshPath()', () => {
  it('finds the section containing the folder and asks for a partial scan with path=', async () => {
    const result = await plex().refreshPath('/data/media/tv/Severance (2022)/Season 01');
    expect(result).toEqual({
      path: '/data/media/tv/Severance (2022)/Season 01',
      serverPath: '/data/media/tv/Severance (2022)/Season 01',
      libraryId: '2',
      sent: true,
    });
    const [req] = refreshes();
    expect(refreshes()).toHaveLength(1);
    expect(req?.method).toBe('GET');
    expect(req?.path).toBe('/library/sections/2/refresh');
    expect(req?.query).toEqual({ path: '/data/media/tv/Severance (2022)/Season 01' });
    expect(req?.headers['x-plex-token']).toBe(TOKEN);
  });

  it('matches the second Location of a section and compares whole segments', async () => {
    await plex().refreshPath('/mnt/archive/tv/Day Break');
    expect(refreshes()[0]?.path).toBe('/library/sections/2/refresh');
    fake.requests.length = 0;
    const miss = await plex().refreshPath('/data/media/tvshows/Other');
    expect(miss).toMatchObject({ libraryId: null, sent: false });
    expect(refreshes()).toHaveLength(0);
  });

  it('picks the deepest section folder when sections nest', async () => {
    fake.route('GET', '/library/sections', {
      json: {
        MediaContainer: {
          Directory: [
            { key: '7', title: 'Everything', type: 'movie', Location: [{ path: '/data/media' }] },
            { key: '9', title: 'Anime', type: 'show', Location: [{ path: '/data/media/anime' }] },
            { key: '8', title: 'Media root', type: 'movie', Location: [{ path: '/data' }] },
          ],
        },
      },
    });
    expect((await plex().refreshPath('/data/media/anime/Frieren/Season 1')).libraryId).toBe('9');
    expect((await plex().refreshPath('/data/media/movies/Film (2020)')).libraryId).toBe('7');
    expect(refreshes().map((r) => r.path)).toEqual(['/library/sections/9/refresh', '/library/sections/7/refresh']);
  });

  it('applies path mappings before looking up the section (longest local prefix wins)', async () => {
    const adapter = plex({
      pathMappings: [
        { remotePath: '/data', localPath: '/srv' },
        { remotePath: '/data/media/movies', localPath: '/srv/library/films' },
      ],
    });
    const result = await adapter.refreshPath('/srv/library/films/Interstate 60 (2002)');
    expect(result).toMatchObject({ serverPath: '/data/media/movies/Interstate 60 (2002)', libraryId: '1' });
    expect(refreshes()[0]?.query.path).toBe('/data/media/movies/Interstate 60 (2002)');
  });

  it('maps to a Windows server path and matches its section case-insensitively', async () => {
    fake.route('GET', '/library/sections', {
      json: {
        MediaContainer: { Directory: [{ key: '4', title: 'TV', type: 'show', Location: [{ path: 'D:\\TV' }] }] },
      },
    });
    const adapter = plex({ pathMappings: [{ remotePath: 'd:\\tv', localPath: '/srv/tv' }] });
    const result = await adapter.refreshPath('/srv/tv/Show/Season 1');
    expect(result).toMatchObject({ serverPath: 'd:\\tv\\Show\\Season 1', libraryId: '4' });
    expect(refreshes()[0]?.query.path).toBe('d:\\tv\\Show\\Season 1');
  });

  it('refreshPaths looks sections up once and sends one request per distinct folder', async () => {
    const results = await plex().refreshPaths([
      '/data/media/tv/Severance (2022)',
      '/data/media/movies/Interstate 60 (2002)',
      '/data/media/tv/Severance (2022)',
    ]);
    expect(results.map((r) => r.libraryId)).toEqual(['2', '1', '2']);
    expect(fake.requestsTo('/library/sections')).toHaveLength(1);
    expect(refreshes().map((r) => [r.path, r.query.path])).toEqual([
      ['/library/sections/2/refresh', '/data/media/tv/Severance (2022)'],
      ['/library/sections/1/refresh', '/data/media/movies/Interstate 60 (2002)'],
    ]);
  });

  it('percent-encodes path= with %20 on the wire (never +)', async () => {
    expect(sectionRefreshPath('2', '/data/media/tv/Show Name (2020)/Season 1+2 & more')).toBe(
      '/library/sections/2/refresh?path=%2Fdata%2Fmedia%2Ftv%2FShow%20Name%20(2020)%2FSeason%201%2B2%20%26%20more',
    );
    const raw: string[] = [];
    const sections = JSON.stringify({
      MediaContainer: { Directory: [{ key: '2', title: 'TV', type: 'show', Location: [{ path: '/tv' }] }] },
    });
    const server = createServer((req, res) => {
      raw.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(req.url === '/library/sections' ? sections : '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await plex({}, `http://127.0.0.1:${port}`).refreshPath('/tv/Show Name (2020)');
      expect(raw).toEqual(['/library/sections', '/library/sections/2/refresh?path=%2Ftv%2FShow%20Name%20(2020)']);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('Plex library, item, metadata, users and history', () => {
  it('refreshLibrary() scans all sections; refreshLibrary(id) one section without path', async () => {
    fake.route('GET', '/library/sections/all/refresh', { body: '' });
    await plex().refreshLibrary();
    await plex().refreshLibrary('1');
    expect(fake.requests.map((r) => [r.path, r.query])).toEqual([
      ['/library/sections/all/refresh', {}],
      ['/library/sections/1/refresh', {}],
    ]);
  });

  it('refreshItem() PUTs /library/metadata/{id}/refresh', async () => {
    fake.route('PUT', '/library/metadata/:id/refresh', { body: '' });
    await plex().refreshItem('108');
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['PUT /library/metadata/108/refresh']);
  });

  it('getItemMetadata() maps metadata 108 (legacy imdb guid, genres, file paths)', async () => {
    fake.fixture('GET', '/library/metadata/108', 'pms-metadata-movie-with-media-parts.json');
    const m = await plex().getItemMetadata('108');
    expect(m).toEqual({
      id: '108',
      title: 'Interstate 60',
      type: 'movie',
      year: 2002,
      overview: expect.stringContaining('aspiring painter'),
      posterUrl: `${fake.url}/library/metadata/108/thumb/1663510739`,
      backdropUrl: `${fake.url}/library/metadata/108/art/1663510739`,
      rating: 7.7,
      genres: ['Adventure', 'Comedy', 'Drama', 'Fantasy'],
      imdbId: 'tt0165832',
      filePaths: ['/data/Movies/Interstate 60 (2002).mkv'],
    });
    expect(m.posterUrl).not.toContain(TOKEN);
    await expect(plex().getItemMetadata('999')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('users() lists the local accounts without the system account; the owner is admin', async () => {
    // Constructed after PMS /accounts: account 0 is the system account, 1 the owner.
    fake.route('GET', '/accounts', {
      json: {
        MediaContainer: {
          size: 3,
          Account: [
            { id: 0, key: '/accounts/0', name: '' },
            { id: 1, key: '/accounts/1', name: 'owner' },
            { id: 52312, key: '/accounts/52312', name: 'kid' },
          ],
        },
      },
    });
    expect(await plex().users()).toEqual([
      { id: '1', name: 'owner', isAdmin: true },
      { id: '52312', name: 'kid', isAdmin: false },
    ]);
  });

  it('recentlyWatched() reads the watch history newest first for one account', async () => {
    // Constructed after PMS /status/sessions/history/all.
    fake.route('GET', '/status/sessions/history/all', {
      json: {
        MediaContainer: {
          size: 2,
          Metadata: [
            {
              historyKey: '/status/sessions/history/9',
              ratingKey: '90',
              title: 'Good News About Hell',
              grandparentTitle: 'Severance',
              type: 'episode',
              parentIndex: 1,
              index: 1,
              viewedAt: 1738300000,
              accountID: 1,
            },
            {
              historyKey: '/status/sessions/history/8',
              ratingKey: '108',
              title: 'Interstate 60',
              type: 'movie',
              year: 2002,
              viewedAt: 1738200000,
              accountID: 1,
            },
          ],
        },
      },
    });
    const items = await plex().recentlyWatched('1', 2);
    expect(items).toEqual([
      {
        id: '90',
        title: 'Good News About Hell',
        type: 'episode',
        seriesTitle: 'Severance',
        seasonNumber: 1,
        episodeNumber: 1,
        watchedAt: new Date(1738300000 * 1000).toISOString(),
        userId: '1',
      },
      {
        id: '108',
        title: 'Interstate 60',
        type: 'movie',
        year: 2002,
        watchedAt: new Date(1738200000 * 1000).toISOString(),
        userId: '1',
      },
    ]);
    expect(fake.requests[0]?.query).toEqual({
      sort: 'viewedAt:desc',
      accountID: '1',
      'X-Plex-Container-Start': '0',
      'X-Plex-Container-Size': '2',
    });
  });
});
