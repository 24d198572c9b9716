// Real torrents for the grab-flow spec: a loopback tracker, a qbittorrent-nox seeding real content, the
// qbittorrent-nox idkarr downloads with (rate-limited so a browser can watch the progress), and a fake Torznab
// indexer listing the releases and serving their `.torrent` files. Missing qbittorrent-nox or transmission-create
// is an error naming the Debian package (support/daemons/common requireBinary): the spec fails, it never skips.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { type FeedItem, torznabFeed } from '../../server/test/medium/search-support.js';
import { tempDir } from '../../server/test/support/daemons/common.js';
import { type QbittorrentDaemon, startQbittorrent } from '../../server/test/support/daemons/qbittorrent.js';
import type { FakeHttpServer } from '../../server/test/support/fake-http-server.js';
import { type LoopRelease, makeRelease, qbtApi, seed } from '../../server/test/support/loop/seeder.js';
import { type LoopbackTracker, startTracker } from '../../server/test/support/tracker.js';

export interface TorrentLoop {
  tracker: LoopbackTracker;
  seeder: QbittorrentDaemon;
  /** The client idkarr is configured with. */
  downloader: QbittorrentDaemon;
  /** Seeded releases by guid. */
  releases: Map<string, LoopRelease>;
  close(): Promise<void>;
}

export async function startTorrentLoop(
  specs: ReadonlyArray<{ guid: string; name: string; sizeBytes: number }>,
): Promise<TorrentLoop> {
  const [tracker, seeder, downloader] = await Promise.all([startTracker(), startQbittorrent(), startQbittorrent()]);
  const scratch = tempDir('e2e-torrents');
  const close = async () => {
    await Promise.all([seeder.stop(), downloader.stop(), tracker.close()]);
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    const releases = new Map<string, LoopRelease>();
    for (const spec of specs) {
      const release = makeRelease({
        saveDir: seeder.downloadDir,
        torrentDir: join(scratch, 'torrents'),
        name: spec.name,
        announceUrl: tracker.announceUrl,
        sizeBytes: spec.sizeBytes,
      });
      releases.set(spec.guid, release);
      await seed(seeder, release);
    }
    return { tracker, seeder, downloader, releases, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * Caps the daemon's global download rate (bytes per second). Loopback peers count as LAN peers, which
 * qBittorrent exempts from limits unless `limit_lan_peers` is on, so that is switched on too.
 */
export async function limitDownloadRate(daemon: QbittorrentDaemon, bytesPerSecond: number): Promise<void> {
  const api = await qbtApi(daemon);
  await api.setPreferences({ dl_limit: bytesPerSecond, limit_lan_peers: true, limit_utp_rate: true });
  const limit = await api.downloadLimit();
  if (limit !== bytesPerSecond) throw new Error(`qBittorrent download limit is ${limit}, wanted ${bytesPerSecond}`);
}

/**
 * A Torznab indexer at `fake.url + prefix`: caps from the recorded Jackett payload, searches answered with
 * `feed()`, `.torrent` downloads of the seeded releases. RSS requests (a bare `t=search`) get an empty feed so the
 * scheduled RSS sync can never grab behind the spec's back.
 */
export function serveTorznab(
  fake: FakeHttpServer,
  prefix: string,
  feed: () => FeedItem[],
  releases: Map<string, LoopRelease>,
): void {
  fake.route('GET', `${prefix}/api`, (req) => {
    if (req.query.t === 'caps') return { file: 'torznab/jackett-caps.xml' };
    const rss = req.query.t === 'search' && !req.query.q;
    return {
      body: torznabFeed(`${fake.url}${prefix}`, rss ? [] : feed(), Date.now()),
      headers: { 'content-type': 'application/xml' },
    };
  });
  fake.route('GET', `${prefix}/dl/:file`, (req) => {
    const release = releases.get(decodeURIComponent(req.params.file ?? '').replace(/\.torrent$/, ''));
    return release
      ? { body: Buffer.from(release.torrent), headers: { 'content-type': 'application/x-bittorrent' } }
      : { status: 404 };
  });
}
