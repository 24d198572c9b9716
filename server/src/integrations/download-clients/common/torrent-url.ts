// qBittorrent and rTorrent download a .torrent URL themselves rather than handing the URL to the client: only
// then is the info-hash (the download id) known when add() returns.
import { HttpClient, type HttpLogger } from '../../../lib/http/http-client.js';

/** A .torrent is metadata; anything larger is not one. */
const MAX_TORRENT_BYTES = 10 * 1024 * 1024;

/** A function fetching a .torrent file's bytes, with the adapter's timeout and logger. */
export function torrentUrlFetcher(timeoutMs: number, log?: HttpLogger): (url: string) => Promise<Uint8Array> {
  const http = new HttpClient({ timeoutMs, logger: log, maxBodyBytes: MAX_TORRENT_BYTES });
  return async (url) => new Uint8Array((await http.request({ path: url })).body);
}
