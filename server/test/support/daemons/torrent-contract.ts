// Steps the torrent clients' contract tests share (qBittorrent, Transmission, Deluge, rTorrent): payloads in a
// throwaway root, waiting for a status, "add from a .torrent URL reaches seeding", a seeding survivor for the
// restart checks, and "remove with data deletes the files". Client-specific checks stay in each test file.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type {
  DownloadClientPort,
  DownloadItem,
  DownloadStatus,
} from '../../../src/providers/ports/download-client.port.js';
import { makeTestTorrent, serveTorrent, type TestTorrent } from '../torrents.js';
import { eventually } from './common.js';

type Client = Pick<DownloadClientPort, 'add' | 'get' | 'remove'>;

/** A test torrent whose payload goes to `root/<folder>` and whose .torrent file to `root/torrents`. */
export function torrentIn(root: string, folder: string, name: string): TestTorrent {
  return makeTestTorrent({ saveDir: join(root, folder), torrentDir: join(root, 'torrents'), name });
}

/** Polls the client until the download reaches `status`. */
export function waitForStatus(
  client: Client,
  downloadId: string,
  status: DownloadStatus,
): Promise<DownloadItem | null> {
  return eventually(
    status,
    () => client.get(downloadId),
    (i) => i?.status === status,
  );
}

/** Adds a .torrent served over HTTP with its data in place: the id is the info-hash and it ends seeding. */
export async function expectTorrentUrlSeeds(client: Client, root: string): Promise<void> {
  const tt = torrentIn(root, 'url', 'Url.Show.S03E04.1080p.WEB-GRP');
  const served = await serveTorrent(tt.data);
  try {
    const { downloadId } = await client.add({
      title: tt.name,
      mediaType: 'tv',
      source: { kind: 'torrentUrl', url: served.url },
      savePath: tt.saveDir,
    });
    expect(downloadId).toBe(tt.infoHash);
    const done = await waitForStatus(client, downloadId, 'seeding');
    expect(done).toMatchObject({ category: 'tv-sonarr', outputPath: tt.contentPath });
  } finally {
    await served.close();
  }
}

/** A .torrent (not a magnet) seeding from its payload: the daemon keeps it in its session across a restart. */
export async function addSeedingSurvivor(
  client: Client,
  root: string,
): Promise<{ downloadId: string; tt: TestTorrent }> {
  const tt = torrentIn(root, 'survivor', 'Survivor.Movie.2018.720p.BluRay-GRP');
  const { downloadId } = await client.add({
    title: tt.name,
    mediaType: 'movie',
    source: { kind: 'torrentFile', data: tt.data },
    savePath: tt.saveDir,
  });
  await waitForStatus(client, downloadId, 'seeding');
  return { downloadId, tt };
}

/** remove(id, true) deletes the payload's files and forgets the item. */
export async function expectRemovedWithData(client: Client, downloadId: string, tt: TestTorrent): Promise<void> {
  await client.remove(downloadId, true);
  await eventually(
    'files deleted',
    async () => existsSync(tt.contentPath),
    (e) => e === false,
  );
  for (const f of tt.files) expect(existsSync(f)).toBe(false);
  expect(await client.get(downloadId)).toBeNull();
}
