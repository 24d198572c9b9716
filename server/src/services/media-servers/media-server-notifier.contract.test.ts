// The media server notifier with real Plex and Jellyfin adapters against fake servers (fixtures from
// ../shared/fixtures/protocols/{plex,jellyfin}) and a fake clock: paths collected in the debounce window become one
// request per affected section folder (Plex) or one request for all (Jellyfin); switches, blocked and failing
// servers never reach or break the caller, and outcomes land in provider health.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeHttpServer } from '../../../test/support/fake-http-server.js';
import { JellyfinAdapter } from '../../integrations/media-servers/jellyfin/adapter.js';
import { jellyfinSettings } from '../../integrations/media-servers/jellyfin/settings.js';
import { PlexAdapter } from '../../integrations/media-servers/plex/adapter.js';
import { plexSettings } from '../../integrations/media-servers/plex/settings.js';
import { FakeClock, systemClock } from '../../lib/clock.js';
import { UnreachableError } from '../../lib/errors.js';
import { silentLogger } from '../../lib/logger.js';
import type { MediaServerPort } from '../../providers/ports/media-server.port.js';
import type { ProviderDefinition } from '../../providers/provider.types.js';
import { MediaServerNotifier } from './media-server-notifier.service.js';

const PROTOCOLS = fileURLToPath(new URL('../../../../../shared/fixtures/protocols/', import.meta.url));
const DEBOUNCE = 5_000;

let plexFake: FakeHttpServer;
let jellyFake: FakeHttpServer;

beforeAll(async () => {
  plexFake = await FakeHttpServer.start({ fixtureRoot: `${PROTOCOLS}plex` });
  jellyFake = await FakeHttpServer.start({ fixtureRoot: `${PROTOCOLS}jellyfin` });
});
afterAll(async () => {
  await plexFake?.close();
  await jellyFake?.close();
});
beforeEach(() => {
  plexFake.reset();
  plexFake.fixture('GET', '/library/sections', 'pms-library-sections.json');
  plexFake.route('GET', '/library/sections/:id/refresh', { body: '' });
  plexFake.route('GET', '/library/sections/all/refresh', { body: '' });
  jellyFake.reset();
  jellyFake.route('POST', '/Library/Media/Updated', { status: 204 });
});

function definition(id: number, implementation: string, settings: Record<string, unknown>): ProviderDefinition {
  return {
    id,
    kind: 'mediaserver',
    implementation,
    name: `${implementation} ${id}`,
    enabled: true,
    tags: [],
    settings,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
  };
}

interface Harness {
  notifier: MediaServerNotifier;
  clock: FakeClock;
  successes: number[];
  failures: { id: number; err: unknown }[];
  blocked: Set<number>;
}

function harness(
  defs: ProviderDefinition[],
  opts: { maxFolders?: number; available?: () => Promise<ProviderDefinition[]> } = {},
): Harness {
  const clock = new FakeClock(1_000_000);
  const successes: number[] = [];
  const failures: { id: number; err: unknown }[] = [];
  const blocked = new Set<number>();
  const instances = new Map<number, MediaServerPort>();
  const notifier = new MediaServerNotifier({
    available: opts.available ?? (async () => defs.filter((d) => !blocked.has(d.id))),
    instance: (d) => {
      let port = instances.get(d.id);
      if (!port) {
        port =
          d.implementation === 'plex'
            ? new PlexAdapter(plexSettings.parse(d.settings), systemClock)
            : new JellyfinAdapter(jellyfinSettings.parse(d.settings), systemClock);
        instances.set(d.id, port);
      }
      return port;
    },
    health: {
      recordSuccess: async (id) => {
        successes.push(id);
      },
      recordFailure: async (id, err) => {
        failures.push({ id, err });
      },
    },
    clock,
    log: silentLogger(),
    debounceMs: DEBOUNCE,
    ...(opts.maxFolders === undefined ? {} : { maxFolders: opts.maxFolders }),
  });
  return { notifier, clock, successes, failures, blocked };
}

const plexDef = (id = 1, extra: Record<string, unknown> = {}) =>
  definition(id, 'plex', { host: plexFake.url, token: 'plex-token', ...extra });
const jellyDef = (id = 2, extra: Record<string, unknown> = {}) =>
  definition(id, 'jellyfin', { host: jellyFake.url, token: 'jelly-token', ...extra });

const plexRefreshes = () =>
  plexFake.requests
    .filter((r) => /^\/library\/sections\/[^/]+\/refresh$/.test(r.path))
    .map((r) => `${r.path}?${r.query.path ?? ''}`);

async function windowPasses(h: Harness): Promise<void> {
  await h.clock.advance(DEBOUNCE);
  await h.notifier.idle();
}

describe('MediaServerNotifier', () => {
  it('coalesces many paths in one window into one request per affected folder', async () => {
    const h = harness([plexDef(), jellyDef()]);
    const season1 = Array.from(
      { length: 10 },
      (_, i) => `/data/media/tv/Severance (2022)/Season 01/Severance - S01E${String(i + 1).padStart(2, '0')}.mkv`,
    );
    h.notifier.pathsChanged(season1.slice(0, 5), 'import');
    h.notifier.pathsChanged(season1.slice(5), 'import');
    h.notifier.pathsChanged(['/data/media/tv/Severance (2022)/Season 02/Severance - S02E01.mkv'], 'upgrade');
    h.notifier.pathsChanged(['/data/media/movies/Interstate 60 (2002)/Interstate 60 (2002).mkv'], 'import');

    await h.clock.advance(DEBOUNCE - 1);
    await h.notifier.idle();
    expect(plexFake.requests).toHaveLength(0);
    expect(jellyFake.requests).toHaveLength(0);

    await h.clock.advance(1);
    await h.notifier.idle();
    expect(plexFake.requestsTo('/library/sections')).toHaveLength(1);
    expect(plexRefreshes()).toEqual([
      '/library/sections/1/refresh?/data/media/movies/Interstate 60 (2002)',
      '/library/sections/2/refresh?/data/media/tv/Severance (2022)/Season 01',
      '/library/sections/2/refresh?/data/media/tv/Severance (2022)/Season 02',
    ]);
    const updates = jellyFake.requestsTo('/Library/Media/Updated', 'POST');
    expect(updates).toHaveLength(1);
    expect(updates[0]?.json<{ Updates: { Path: string }[] }>().Updates.map((u) => u.Path)).toEqual([
      '/data/media/movies/Interstate 60 (2002)',
      '/data/media/tv/Severance (2022)/Season 01',
      '/data/media/tv/Severance (2022)/Season 02',
    ]);
    expect(h.successes.sort()).toEqual([1, 2]);
    expect(h.failures).toEqual([]);
  });

  it('a folder covers the files inside it: a deleted series folder and its episodes become one rescan', async () => {
    const h = harness([plexDef()]);
    h.notifier.pathsChanged(['/data/media/tv/Severance (2022)/Season 01/e1.mkv'], 'delete');
    h.notifier.pathsChanged(['/data/media/tv/Severance (2022)'], 'delete');
    await windowPasses(h);
    expect(plexRefreshes()).toEqual(['/library/sections/2/refresh?/data/media/tv']);
  });

  it('applies each server’s switches: updateLibrary off, or the reason switched off', async () => {
    const h = harness([plexDef(1, { onRename: false }), jellyDef(2, { updateLibrary: false })]);
    h.notifier.pathsChanged(['/data/media/movies/A (2001)/a.mkv'], 'rename');
    await windowPasses(h);
    expect(plexFake.requests).toHaveLength(0);
    expect(jellyFake.requests).toHaveLength(0);

    h.notifier.pathsChanged(['/data/media/movies/A (2001)/a.mkv'], 'import');
    await windowPasses(h);
    expect(plexRefreshes()).toEqual(['/library/sections/1/refresh?/data/media/movies/A (2001)']);
    expect(jellyFake.requests).toHaveLength(0);
  });

  it('skips a blocked server and still serves the others', async () => {
    const h = harness([plexDef(), jellyDef()]);
    h.blocked.add(1);
    h.notifier.pathsChanged(['/data/media/movies/A (2001)/a.mkv'], 'import');
    await windowPasses(h);
    expect(plexFake.requests).toHaveLength(0);
    expect(jellyFake.requestsTo('/Library/Media/Updated')).toHaveLength(1);
    expect(h.successes).toEqual([2]);
  });

  it('a server that is down never throws into the caller and is recorded in health', async () => {
    const gone = await FakeHttpServer.start();
    const url = gone.url;
    await gone.close();
    const h = harness([definition(1, 'plex', { host: url, token: 't' }), jellyDef()]);
    expect(() => h.notifier.pathsChanged(['/data/media/movies/A (2001)/a.mkv'], 'import')).not.toThrow();
    await windowPasses(h);
    expect(h.failures).toHaveLength(1);
    expect(h.failures[0]?.id).toBe(1);
    expect(h.failures[0]?.err).toBeInstanceOf(UnreachableError);
    expect(h.successes).toEqual([2]);
    expect(jellyFake.requestsTo('/Library/Media/Updated')).toHaveLength(1);
  });

  it('a server answering 500 is recorded as a failure; the next window tries again', async () => {
    const h = harness([plexDef()]);
    plexFake.once('GET', '/library/sections', { status: 500, body: 'boom' });
    h.notifier.pathsChanged(['/data/media/movies/A (2001)/a.mkv'], 'import');
    await windowPasses(h);
    expect(h.failures.map((f) => f.id)).toEqual([1]);
    expect(plexRefreshes()).toEqual([]);
    h.notifier.pathsChanged(['/data/media/movies/B (2002)/b.mkv'], 'import');
    await windowPasses(h);
    expect(plexRefreshes()).toEqual(['/library/sections/1/refresh?/data/media/movies/B (2002)']);
    expect(h.successes).toEqual([1]);
  });

  it('a failing server list or a broken definition never reaches the caller', async () => {
    const h = harness([], {
      available: async () => {
        throw new Error('database gone');
      },
    });
    h.notifier.pathsChanged(['/x/y.mkv'], 'import');
    await expect(windowPasses(h)).resolves.toBeUndefined();

    const broken = harness([definition(3, 'plex', { host: plexFake.url })]); // no token: settings do not parse
    broken.notifier.pathsChanged(['/data/media/movies/A (2001)/a.mkv'], 'import');
    await windowPasses(broken);
    expect(broken.failures.map((f) => f.id)).toEqual([3]);
  });

  it('refreshes whole libraries when more folders changed than maxFolders', async () => {
    const h = harness([plexDef()], { maxFolders: 2 });
    h.notifier.pathsChanged(
      ['/data/media/movies/A/a.mkv', '/data/media/movies/B/b.mkv', '/data/media/movies/C/c.mkv'],
      'import',
    );
    await windowPasses(h);
    expect(plexFake.requests.map((r) => r.path)).toEqual(['/library/sections/all/refresh']);
  });

  it('paths arriving while a server is busy go out in its next request, never concurrently', async () => {
    const h = harness([plexDef()]);
    plexFake.once('GET', '/library/sections', { file: 'pms-library-sections.json', delayMs: 300 });
    h.notifier.pathsChanged(['/data/media/movies/A/a.mkv'], 'import');
    await h.clock.advance(DEBOUNCE);
    await new Promise((r) => setTimeout(r, 50)); // the first batch is now waiting on the slow server
    h.notifier.pathsChanged(['/data/media/movies/B/b.mkv'], 'import');
    await windowPasses(h);
    expect(plexRefreshes()).toEqual([
      '/library/sections/1/refresh?/data/media/movies/A',
      '/library/sections/1/refresh?/data/media/movies/B',
    ]);
    expect(plexFake.requestsTo('/library/sections')).toHaveLength(2);
  });

  it('flush() sends at once; stop() drops what is pending and ignores later calls', async () => {
    const h = harness([plexDef()]);
    h.notifier.pathsChanged(['/data/media/movies/A/a.mkv'], 'import');
    await h.notifier.flush();
    expect(plexRefreshes()).toHaveLength(1);
    h.notifier.pathsChanged(['/data/media/movies/B/b.mkv'], 'import');
    await h.notifier.stop();
    h.notifier.pathsChanged(['/data/media/movies/C/c.mkv'], 'import');
    await windowPasses(h);
    expect(plexRefreshes()).toHaveLength(1);
  });
});
