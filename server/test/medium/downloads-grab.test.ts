// GrabService on both dialects with a recording download client and a local indexer: what is sent (source,
// category media type, recent flag, seed limits), the release fetcher (size cap, redirect to a magnet, garbage
// instead of a torrent, magnet fallback), no available client, and atomicity (a failing history write leaves no
// queue entry behind).
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EpisodeRepository } from '../../src/db/repositories/episode.repository.js';
import { MovieRepository } from '../../src/db/repositories/movie.repository.js';
import { SeriesRepository } from '../../src/db/repositories/series.repository.js';
import { type AnyEvent, EventBus } from '../../src/events/event-bus.js';
import { systemClock } from '../../src/lib/clock.js';
import { ProtocolError, ServiceUnavailableError } from '../../src/lib/errors.js';
import { createLogger } from '../../src/lib/logger.js';
import type {
  AddDownloadRequest,
  DownloadClientPort,
  DownloadProtocol,
} from '../../src/providers/ports/download-client.port.js';
import type { ReleaseInfo } from '../../src/providers/ports/indexer.port.js';
import type { ProviderDefinition } from '../../src/providers/provider.types.js';
import { ClientSelector } from '../../src/services/downloads/client-selector.js';
import { GrabService } from '../../src/services/downloads/grab.service.js';
import { ReleaseFetcher } from '../../src/services/downloads/release-fetcher.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';
import { episodeMeta, newMovie, newSeries } from '../support/library-factories.js';

// A minimal valid single-file .torrent (bencoded), info-hash computed by the fetcher.
const TORRENT = Buffer.from(
  'd8:announce30:http://127.0.0.1:6969/announce4:infod6:lengthi16384e4:name8:file.mkv12:piece lengthi16384e6:pieces20:aaaaaaaaaaaaaaaaaaaaee',
);
const MAGNET = 'magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567&dn=Redirected';
const NZB = Buffer.from('<?xml version="1.0"?>\n<nzb xmlns="http://www.newzbin.com/DTD/2003/nzb"><file/></nzb>');

class RecordingClient {
  readonly added: AddDownloadRequest[] = [];
  constructor(readonly protocol: DownloadProtocol) {}
  async add(req: AddDownloadRequest) {
    this.added.push(req);
    return { downloadId: `${this.protocol.toUpperCase()}-${this.added.length}` };
  }
}

function def(id: number, name: string, tags: number[] = [], priority?: number): ProviderDefinition {
  return {
    id,
    kind: 'downloadclient',
    implementation: 'x',
    name,
    enabled: true,
    tags,
    settings: priority === undefined ? {} : { priority },
    createdAt: '',
    updatedAt: '',
  };
}

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    switch (req.url) {
      case '/file.torrent':
        return void res.writeHead(200).end(TORRENT);
      case '/redirect.torrent':
        return void res.writeHead(302, { location: '/hop' }).end();
      case '/hop':
        return void res.writeHead(301, { location: MAGNET }).end();
      case '/huge.torrent':
        return void res.writeHead(200, { 'content-length': String(11 * 1024 * 1024) }).end(Buffer.alloc(16));
      case '/login-page.torrent':
        return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>please log in</html>');
      case '/file.nzb':
        return void res.writeHead(200).end(NZB);
      default:
        return void res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
afterAll(async () => new Promise((r) => server.close(r)));

describe('ReleaseFetcher', () => {
  const fetcher = new ReleaseFetcher({ timeoutMs: 5000 });
  it('fetches a .torrent and computes its info-hash', async () => {
    const f = await fetcher.fetch(`${base}/file.torrent`, 'torrent');
    expect(f.kind).toBe('torrentFile');
    expect(f.kind === 'torrentFile' && f.infoHash).toMatch(/^[0-9A-F]{40}$/);
  });
  it('follows redirects to a magnet', async () => {
    expect(await fetcher.fetch(`${base}/redirect.torrent`, 'torrent')).toEqual({
      kind: 'magnet',
      uri: MAGNET,
      infoHash: '0123456789ABCDEF0123456789ABCDEF01234567',
    });
  });
  it('refuses a body over the cap, an HTML page instead of a torrent, a 404', async () => {
    await expect(fetcher.fetch(`${base}/huge.torrent`, 'torrent')).rejects.toThrow(/exceeds the 10485760-byte limit/);
    await expect(fetcher.fetch(`${base}/login-page.torrent`, 'torrent')).rejects.toBeInstanceOf(ProtocolError);
    await expect(fetcher.fetch(`${base}/login-page.torrent`, 'usenet')).rejects.toThrow(/not return an NZB/);
    await expect(fetcher.fetch(`${base}/nope`, 'torrent')).rejects.toThrow(/HTTP 404/);
  });
  it('reads an NZB', async () => {
    expect((await fetcher.fetch(`${base}/file.nzb`, 'usenet')).kind).toBe('nzbFile');
  });
});

describe.each(DIALECTS)('GrabService (%s)', (dialect) => {
  let t: TestDatabase;
  let torrent: RecordingClient;
  let torrent2: RecordingClient;
  let usenet: RecordingClient;
  let events: AnyEvent[];
  let grab: GrabService;
  let available: ProviderDefinition[];
  let movieId: number;
  let animeId: number;
  let episodeIds: number[];
  const quality = { quality: 'bluray-1080p', revision: { version: 1, real: 0 } };

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    const recent = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    movieId = (await new MovieRepository(t.database.db).insert(newMovie(1, { digitalRelease: recent, tags: [5] }))).id;
    animeId = (await new SeriesRepository(t.database.db).insert(newSeries(1, { seriesType: 'anime' }))).id;
    const episodes = new EpisodeRepository(t.database.db);
    await episodes.upsertMany(animeId, [
      { ...episodeMeta(1, 1, { airDate: '2001-01-01', airDateUtc: '2001-01-01T00:00:00Z' }), monitored: true },
    ]);
    episodeIds = (await episodes.listBySeries(animeId)).map((e) => e.id);
  });
  afterAll(async () => t?.cleanup());

  beforeEach(async () => {
    await t.database.db.deleteFrom('history').execute();
    await t.database.db.deleteFrom('tracked_downloads').execute();
    torrent = new RecordingClient('torrent');
    torrent2 = new RecordingClient('torrent');
    usenet = new RecordingClient('usenet');
    events = [];
    const bus = new EventBus();
    bus.onAny((e) => events.push(e));
    available = [def(1, 'Torrents A', [], 2), def(2, 'Torrents B (tagged)', [5], 2), def(3, 'Usenet')];
    const ports = new Map<number, RecordingClient>([
      [1, torrent],
      [2, torrent2],
      [3, usenet],
    ]);
    const instance = (d: ProviderDefinition) => ports.get(d.id) as unknown as DownloadClientPort;
    grab = new GrabService({
      db: t.database.db,
      selector: new ClientSelector({ available: async () => available, instance }),
      fetcher: new ReleaseFetcher({ timeoutMs: 5000 }),
      movies: new MovieRepository(t.database.db),
      series: new SeriesRepository(t.database.db),
      episodes: new EpisodeRepository(t.database.db),
      client: async (id) => {
        const d = available.find((x) => x.id === id);
        return d ? { definition: d, client: instance(d) } : undefined;
      },
      health: { recordFailure: async () => {}, recordSuccess: async () => {} },
      events: bus,
      clock: systemClock,
      log: (await createLogger({ level: 'silent' })).logger,
    });
  });

  const release = (over: Partial<ReleaseInfo>): ReleaseInfo => ({
    guid: 'g-1',
    title: 'Movie.0001.2001.1080p.BluRay.x264-GRP',
    downloadUrl: `${base}/file.torrent`,
    indexer: 'Idx',
    indexerId: 3,
    protocol: 'torrent',
    size: 16384,
    publishDate: '2026-01-01T00:00:00Z',
    categories: [],
    freeleech: false,
    ...over,
  });

  it('sends the torrent file to the tagged client first, with movie category, recent flag and seed limits', async () => {
    const r = await grab.grab({ release: release({ minimumRatio: 2, minimumSeedTime: 90 }), movieId, quality });
    expect(r.downloadClient.name).toBe('Torrents B (tagged)');
    expect(torrent2.added).toHaveLength(1);
    expect(torrent2.added[0]).toMatchObject({
      mediaType: 'movie',
      isRecent: true,
      seedRatio: 2,
      seedTimeMinutes: 2,
      source: { kind: 'torrentFile', fileName: 'Movie.0001.2001.1080p.BluRay.x264-GRP.torrent' },
    });
    expect(events.map((e) => e.type)).toEqual(['download.grabbed', 'queue.updated']);
  });

  it('a redirect to a magnet sends the magnet; an anime episode goes out as anime, not recent', async () => {
    await grab.grab({
      release: release({ guid: 'g-2', downloadUrl: `${base}/redirect.torrent` }),
      seriesId: animeId,
      episodeIds,
      quality,
    });
    expect(torrent.added[0]).toMatchObject({
      mediaType: 'anime',
      isRecent: false,
      source: { kind: 'magnet', uri: MAGNET },
    });
    const rows = await t.database.db.selectFrom('history').selectAll().execute();
    expect(rows.map((r) => [r.event_type, r.series_id, r.episode_id])).toEqual([['grabbed', animeId, episodeIds[0]]]);
  });

  it('a broken .torrent link falls back to the release magnet', async () => {
    await grab.grab({
      release: release({ guid: 'g-3', downloadUrl: `${base}/nope`, magnetUrl: MAGNET }),
      movieId,
      quality,
    });
    expect(torrent2.added[0]?.source).toEqual({ kind: 'magnet', uri: MAGNET });
  });

  it('usenet goes to the usenet client as an NZB file', async () => {
    await grab.grab({
      release: release({ guid: 'n-1', protocol: 'usenet', downloadUrl: `${base}/file.nzb` }),
      movieId,
      quality,
    });
    expect(usenet.added[0]?.source).toMatchObject({ kind: 'nzbFile' });
  });

  it('no available client for the protocol → ServiceUnavailableError, nothing recorded', async () => {
    available = available.filter((d) => d.id !== 3);
    await expect(
      grab.grab({
        release: release({ guid: 'n-2', protocol: 'usenet', downloadUrl: `${base}/file.nzb` }),
        movieId,
        quality,
      }),
    ).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(await t.database.db.selectFrom('tracked_downloads').selectAll().execute()).toEqual([]);
  });

  it('the queue entry and the grabbed history commit together: a failing history write leaves no entry', async () => {
    await t.database.db.schema.alterTable('history').renameTo('history_away').execute();
    try {
      await expect(grab.grab({ release: release({ guid: 'g-9' }), movieId, quality })).rejects.toThrow();
      expect(await t.database.db.selectFrom('tracked_downloads').selectAll().execute()).toEqual([]);
      expect(events.some((e) => e.type === 'download.grabbed')).toBe(false);
    } finally {
      await t.database.db.schema.alterTable('history_away').renameTo('history').execute();
    }
  });
});
