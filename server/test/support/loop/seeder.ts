// The far side of the loop test: a release made of real content (a random-bytes `.mkv` inside a folder named like
// the release) with a `.torrent` announcing to the loopback tracker, and a second qbittorrent-nox that has the
// content in place, verifies it and seeds it. DHT, LSD and PeX are off in both daemons (support/daemons/qbittorrent).
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { torrentInfoHash } from '../../../src/lib/torrent/info-hash.js';
import { requireBinary, waitUntil } from '../daemons/common.js';
import type { QbittorrentDaemon } from '../daemons/qbittorrent.js';

export interface LoopRelease {
  /** Release name: the payload folder and the indexer title. */
  name: string;
  /** The video file's name inside the folder (`<name>.mkv`). */
  videoName: string;
  /** Total payload size in bytes (the video only). */
  size: number;
  sha256: string;
  torrent: Uint8Array;
  /** Upper-case hex. */
  infoHash: string;
}

/** Writes `saveDir/name/name.mkv` (random bytes) and builds its `.torrent` announcing to `announceUrl`. */
export function makeRelease(opts: {
  saveDir: string;
  torrentDir: string;
  name: string;
  announceUrl: string;
  sizeBytes: number;
}): LoopRelease {
  const bin = requireBinary('transmission-create', 'transmission-cli');
  const folder = join(opts.saveDir, opts.name);
  mkdirSync(folder, { recursive: true });
  mkdirSync(opts.torrentDir, { recursive: true });
  const videoName = `${opts.name}.mkv`;
  const bytes = randomBytes(opts.sizeBytes);
  writeFileSync(join(folder, videoName), bytes);
  const torrentFile = join(opts.torrentDir, `${opts.name}.torrent`);
  execFileSync(bin, ['-o', torrentFile, '-s', '256', '-t', opts.announceUrl, folder], { stdio: 'pipe' });
  const torrent = new Uint8Array(readFileSync(torrentFile));
  return {
    name: opts.name,
    videoName,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    torrent,
    infoHash: torrentInfoHash(torrent),
  };
}

export interface QbtTorrentInfo {
  hash: string;
  state: string;
  progress: number;
  save_path: string;
  content_path: string;
  num_seeds: number;
  downloaded: number;
}

/** A logged-in qBittorrent Web API client for test plumbing (not the app's integration). */
export async function qbtApi(daemon: QbittorrentDaemon) {
  const base = `http://127.0.0.1:${daemon.port}/api/v2`;
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    body: new URLSearchParams({ username: daemon.username, password: daemon.password }),
  });
  const sid = /SID=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
  if (!sid) throw new Error(`qBittorrent login failed: ${login.status}`);
  const headers = { cookie: `SID=${sid}` };
  return {
    async add(torrent: Uint8Array, savePath: string): Promise<void> {
      const form = new FormData();
      form.append('torrents', new Blob([Buffer.from(torrent)], { type: 'application/x-bittorrent' }), 'x.torrent');
      form.append('savepath', savePath);
      const res = await fetch(`${base}/torrents/add`, { method: 'POST', headers, body: form });
      const text = await res.text();
      if (!res.ok || text !== 'Ok.') throw new Error(`qBittorrent add: ${res.status} ${text}`);
    },
    async info(infoHash: string): Promise<QbtTorrentInfo | undefined> {
      const res = await fetch(`${base}/torrents/info?hashes=${infoHash.toLowerCase()}`, { headers });
      return ((await res.json()) as QbtTorrentInfo[])[0];
    },
    /** POST /app/setPreferences (e.g. `dl_limit` in bytes per second). */
    async setPreferences(prefs: Record<string, unknown>): Promise<void> {
      const res = await fetch(`${base}/app/setPreferences`, {
        method: 'POST',
        headers,
        body: new URLSearchParams({ json: JSON.stringify(prefs) }),
      });
      if (!res.ok) throw new Error(`qBittorrent setPreferences: ${res.status} ${await res.text()}`);
    },
    /** The global download limit in bytes per second (0 = none). */
    async downloadLimit(): Promise<number> {
      return Number(await (await fetch(`${base}/transfer/downloadLimit`, { headers })).text());
    },
    async addPeer(infoHash: string, peer: string): Promise<void> {
      await fetch(`${base}/torrents/addPeers`, {
        method: 'POST',
        headers,
        body: new URLSearchParams({ hashes: infoHash.toLowerCase(), peers: peer }),
      });
    },
  };
}

const SEEDING = new Set(['uploading', 'stalledUP', 'forcedUP', 'queuedUP']);

/** Adds the release to the seeding daemon over content already in its download folder; waits until it seeds. */
export async function seed(daemon: QbittorrentDaemon, release: LoopRelease): Promise<void> {
  const api = await qbtApi(daemon);
  await api.add(release.torrent, daemon.downloadDir);
  await waitUntil(
    `the seeder verifies ${release.name} and seeds it`,
    async () => {
      const t = await api.info(release.infoHash);
      return t !== undefined && t.progress === 1 && SEEDING.has(t.state);
    },
    { deadlineMs: 20_000, intervalMs: 100, daemons: [daemon.daemon] },
  );
}
