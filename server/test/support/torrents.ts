// Real torrent payloads for download-client contract tests: random content on disk plus a `.torrent` made by
// transmission-create (Debian package transmission-cli), and magnet links. The dummy loopback tracker is there
// because rTorrent drops trackerless items when DHT is off; it does not change the info-hash.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { torrentInfoHash } from '../../src/lib/torrent/info-hash.js';
import { requireBinary } from './daemons/common.js';

export const DUMMY_TRACKER = 'http://127.0.0.1:6969/announce';

export interface TestTorrent {
  /** Directory holding the payload folder: the save path to hand the client. */
  saveDir: string;
  /** The payload folder itself (`saveDir/name`), what a client should report as the output path. */
  contentPath: string;
  name: string;
  torrentFile: string;
  data: Uint8Array;
  /** Upper-case hex. */
  infoHash: string;
  files: string[];
}

/**
 * Writes `name/` with a video file and a small sidecar under `saveDir` and builds a multi-file `.torrent` of it
 * in `torrentDir` (kept apart, so deleting the payload leaves the .torrent).
 */
export function makeTestTorrent(opts: {
  saveDir: string;
  torrentDir: string;
  name: string;
  sizeBytes?: number;
}): TestTorrent {
  const bin = requireBinary('transmission-create', 'transmission-cli');
  const contentPath = join(opts.saveDir, opts.name);
  mkdirSync(contentPath, { recursive: true });
  mkdirSync(opts.torrentDir, { recursive: true });
  const video = `${opts.name.toLowerCase()}.mkv`;
  writeFileSync(join(contentPath, video), randomBytes(opts.sizeBytes ?? 300 * 1024));
  writeFileSync(join(contentPath, `${opts.name}.nfo`), `test payload ${opts.name}\n`);
  const torrentFile = join(opts.torrentDir, `${opts.name}.torrent`);
  execFileSync(bin, ['-o', torrentFile, '-s', '32', '-t', DUMMY_TRACKER, contentPath], { stdio: 'pipe' });
  const data = new Uint8Array(readFileSync(torrentFile));
  return {
    saveDir: opts.saveDir,
    contentPath,
    name: opts.name,
    torrentFile,
    data,
    infoHash: torrentInfoHash(data),
    files: [join(contentPath, video), join(contentPath, `${opts.name}.nfo`)],
  };
}

/** A magnet for a torrent nobody has: it stays at "downloading metadata" offline. */
export function testMagnet(name = 'Some.Movie.2020.1080p.BluRay.x264-GRP'): { uri: string; infoHash: string } {
  const hash = randomBytes(20).toString('hex');
  const uri = `magnet:?xt=urn:btih:${hash}&dn=${encodeURIComponent(name)}&tr=${encodeURIComponent(DUMMY_TRACKER)}`;
  return { uri, infoHash: hash.toUpperCase() };
}

/** Serves `data` at `http://127.0.0.1:<port>/<name>` until closed (a stand-in for an indexer's download link). */
export async function serveTorrent(
  data: Uint8Array,
  name = 'download.torrent',
): Promise<{ url: string; close: () => Promise<void> }> {
  const { createServer } = await import('node:http');
  const server = createServer((req, res) => {
    if (req.url !== `/${name}`) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/x-bittorrent', 'content-length': data.byteLength });
    res.end(Buffer.from(data));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}/${name}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
