// Fetches what an indexer's download link points at, for the grab: a .torrent (size-capped, checked to be a
// torrent), an .nzb (size-capped, checked to be NZB XML), or — when a torrent link redirects to a magnet — the
// magnet itself. Redirects are followed by hand (fetch cannot follow to `magnet:`), at most 5 hops, http(s) only.
import { type Clock, systemClock } from '../../lib/clock.js';
import { ProtocolError, TimeoutError } from '../../lib/errors.js';
import { errorForStatus, mapFetchError } from '../../lib/http/error-mapping.js';
import { IDKARR_VERSION, redactHttpUrl } from '../../lib/http/http-client.js';
import { readBodyCapped, readExcerpt } from '../../lib/http/read-body.js';
import { magnetInfoHash, torrentInfoHash } from '../../lib/torrent/info-hash.js';

export const MAX_TORRENT_BYTES = 10 * 1024 * 1024;
export const MAX_NZB_BYTES = 50 * 1024 * 1024;
const MAX_REDIRECTS = 5;

export type FetchedRelease =
  | { kind: 'torrentFile'; data: Uint8Array; infoHash: string }
  | { kind: 'magnet'; uri: string; infoHash: string | null }
  | { kind: 'nzbFile'; data: Uint8Array };

export interface ReleaseFetcherOptions {
  timeoutMs?: number;
  maxTorrentBytes?: number;
  maxNzbBytes?: number;
  clock?: Clock;
}

function magnetHash(uri: string): string | null {
  try {
    return magnetInfoHash(uri);
  } catch {
    return null;
  }
}

export class ReleaseFetcher {
  constructor(private readonly opts: ReleaseFetcherOptions = {}) {}

  async fetch(url: string, protocol: 'torrent' | 'usenet'): Promise<FetchedRelease> {
    if (/^magnet:/i.test(url)) {
      if (protocol !== 'torrent') throw new ProtocolError('a usenet release cannot be a magnet link');
      return { kind: 'magnet', uri: url, infoHash: magnetHash(url) };
    }
    const cap =
      protocol === 'torrent'
        ? (this.opts.maxTorrentBytes ?? MAX_TORRENT_BYTES)
        : (this.opts.maxNzbBytes ?? MAX_NZB_BYTES);
    let current = url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const target = new URL(current);
      if (target.protocol !== 'http:' && target.protocol !== 'https:')
        throw new ProtocolError(`the download link uses an unsupported scheme (${target.protocol})`);
      const what = `GET ${redactHttpUrl(target)}`;
      const res = await this.get(target, what);
      if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
        await res.body?.cancel().catch(() => {});
        const location = res.headers.get('location') as string;
        if (/^magnet:/i.test(location)) {
          if (protocol !== 'torrent') throw new ProtocolError(`${what}: a usenet link redirected to a magnet`);
          return { kind: 'magnet', uri: location, infoHash: magnetHash(location) };
        }
        current = new URL(location, target).toString();
        continue;
      }
      if (!res.ok) throw errorForStatus(res.status, what, await readExcerpt(res));
      const body = await readBodyCapped(res, cap, what);
      return protocol === 'torrent' ? this.torrent(body, what) : this.nzb(body, what);
    }
    throw new ProtocolError(`more than ${MAX_REDIRECTS} redirects fetching the release`);
  }

  private torrent(body: Buffer, what: string): FetchedRelease {
    const text = body.subarray(0, 64).toString('latin1').trim();
    if (/^magnet:/i.test(text)) {
      const uri = body.toString('utf8').trim();
      return { kind: 'magnet', uri, infoHash: magnetHash(uri) };
    }
    try {
      return { kind: 'torrentFile', data: new Uint8Array(body), infoHash: torrentInfoHash(body) };
    } catch {
      throw new ProtocolError(
        `${what}: the indexer did not return a .torrent file`,
        body.subarray(0, 200).toString('utf8'),
      );
    }
  }

  private nzb(body: Buffer, what: string): FetchedRelease {
    const head = body.subarray(0, 4096).toString('utf8');
    if (!/<nzb[\s>]/i.test(head))
      throw new ProtocolError(`${what}: the indexer did not return an NZB file`, head.slice(0, 200));
    return { kind: 'nzbFile', data: new Uint8Array(body) };
  }

  private async get(url: URL, what: string): Promise<Response> {
    const clock = this.opts.clock ?? systemClock;
    const timeoutMs = this.opts.timeoutMs ?? 30_000;
    const timeout = new AbortController();
    const stop = new AbortController();
    clock.sleep(timeoutMs, stop.signal).then(
      () => timeout.abort(new TimeoutError(`${what}: no response within ${timeoutMs} ms`)),
      () => {},
    );
    try {
      return await fetch(url, {
        redirect: 'manual',
        signal: timeout.signal,
        headers: { 'user-agent': `idkarr/${IDKARR_VERSION}` },
      });
    } catch (err) {
      throw timeout.signal.aborted ? (timeout.signal.reason as Error) : mapFetchError(err, what);
    } finally {
      stop.abort();
    }
  }
}
