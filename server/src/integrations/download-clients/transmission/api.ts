// The Transmission RPC wire client: JSON over POST with Basic auth and the X-Transmission-Session-Id dance
// (409 carries a fresh id; repeat the call once with it). `result` other than "success" is an error. No domain types.
import { AuthError, ProtocolError } from '../../../lib/errors.js';
import { HttpClient, type HttpLogger } from '../../../lib/http/http-client.js';
import { TR_FIELDS, type TrTorrent } from './mapper.js';

const SESSION_HEADER = 'x-transmission-session-id';

export interface TrApiOptions {
  /** Full RPC URL, e.g. http://host:9091/transmission/rpc */
  rpcUrl: string;
  username: string;
  password: string;
  timeoutMs: number;
  logger?: HttpLogger;
}

export interface TrSession {
  version: string;
  'rpc-version': number;
  'download-dir': string;
}

export interface TrAddResult {
  hashString: string;
  id: number;
  name: string;
  duplicate: boolean;
}

export class TransmissionApi {
  private readonly http: HttpClient;
  private sessionId = '';

  constructor(private readonly opts: TrApiOptions) {
    this.http = new HttpClient({
      timeoutMs: opts.timeoutMs,
      logger: opts.logger,
      ...(opts.username || opts.password ? { basicAuth: { username: opts.username, password: opts.password } } : {}),
    });
  }

  async call<T = Record<string, unknown>>(method: string, args: Record<string, unknown> = {}): Promise<T> {
    const body = JSON.stringify({ method, arguments: args });
    for (let attempt = 0; ; attempt++) {
      const res = await this.http.request({
        method: 'POST',
        path: this.opts.rpcUrl,
        body,
        headers: { 'content-type': 'application/json', [SESSION_HEADER]: this.sessionId },
        acceptStatus: [409, 403],
        retry: false,
      });
      if (res.status === 409) {
        const id = res.headers.get(SESSION_HEADER);
        if (!id || attempt > 0) throw new ProtocolError('Transmission keeps refusing the session id (HTTP 409)');
        this.sessionId = id;
        continue;
      }
      const text = res.body.toString('utf8');
      if (res.status === 403) {
        // Whitelist refusal or the lockout after too many failed logins ("restart transmission-daemon").
        throw new AuthError(`Transmission refused the request (HTTP 403): ${stripTags(text).slice(0, 200)}`);
      }
      let parsed: { result?: string; arguments?: T };
      try {
        parsed = JSON.parse(text) as { result?: string; arguments?: T };
      } catch {
        throw new ProtocolError(`Transmission ${method}: response is not JSON`, text);
      }
      if (parsed.result !== 'success') {
        throw new ProtocolError(`Transmission ${method} failed: ${parsed.result ?? 'no result'}`, text);
      }
      return (parsed.arguments ?? {}) as T;
    }
  }

  session(): Promise<TrSession> {
    return this.call<TrSession>('session-get', { fields: ['version', 'rpc-version', 'download-dir'] });
  }

  async torrents(hashes?: string[]): Promise<TrTorrent[]> {
    const args: Record<string, unknown> = { fields: TR_FIELDS };
    if (hashes) args.ids = hashes.map((h) => h.toLowerCase());
    return (await this.call<{ torrents?: TrTorrent[] }>('torrent-get', args)).torrents ?? [];
  }

  async add(args: {
    filename?: string;
    metainfo?: string;
    'download-dir'?: string;
    paused: boolean;
  }): Promise<TrAddResult> {
    const res = await this.call<{ 'torrent-added'?: TrAddResult; 'torrent-duplicate'?: TrAddResult }>(
      'torrent-add',
      args,
    );
    const added = res['torrent-added'];
    if (added) return { ...added, duplicate: false };
    const dup = res['torrent-duplicate'];
    if (dup) return { ...dup, duplicate: true };
    throw new ProtocolError('Transmission torrent-add answered without the torrent', JSON.stringify(res));
  }

  async set(hash: string, fields: Record<string, unknown>): Promise<void> {
    await this.call('torrent-set', { ids: [hash.toLowerCase()], ...fields });
  }

  async action(method: 'torrent-start' | 'torrent-stop' | 'torrent-verify', hash: string): Promise<void> {
    await this.call(method, { ids: [hash.toLowerCase()] });
  }

  async remove(hash: string, deleteData: boolean): Promise<void> {
    await this.call('torrent-remove', { ids: [hash.toLowerCase()], 'delete-local-data': deleteData });
  }
}

function stripTags(s: string): string {
  return s
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
