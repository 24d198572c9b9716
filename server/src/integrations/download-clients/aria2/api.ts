// The aria2 wire client: JSON-RPC 2.0 over `POST <rpcPath>` with the secret as the first parameter
// (`token:<secret>`). aria2 answers every error with HTTP 400 (or 500) and `{"error":{"code","message"}}`;
// "Unauthorized" is an AuthError, an unknown GID a NotFoundError.
import type { Clock } from '../../../lib/clock.js';
import { AuthError, NotFoundError, ProtocolError } from '../../../lib/errors.js';
import { HttpClient, type HttpLogger } from '../../../lib/http/http-client.js';

export interface Aria2File {
  path: string;
  length?: string;
  completedLength?: string;
  uris?: Array<{ uri: string; status: string }>;
}

export interface Aria2Status {
  gid: string;
  status: string;
  totalLength?: string;
  completedLength?: string;
  uploadLength?: string;
  downloadSpeed?: string;
  uploadSpeed?: string;
  infoHash?: string;
  dir?: string;
  files?: Aria2File[];
  bittorrent?: { info?: { name?: string } };
  errorCode?: string;
  errorMessage?: string;
  followedBy?: string[];
  following?: string;
  seeder?: string;
  /** BitTorrent: seeds connected; both: connections to peers/servers. */
  numSeeders?: string;
  connections?: string;
}

export const STATUS_KEYS = [
  'gid',
  'status',
  'totalLength',
  'completedLength',
  'uploadLength',
  'downloadSpeed',
  'uploadSpeed',
  'infoHash',
  'dir',
  'files',
  'bittorrent',
  'errorCode',
  'errorMessage',
  'followedBy',
  'following',
  'seeder',
  'numSeeders',
  'connections',
];

export interface Aria2ApiOptions {
  baseUrl: string;
  rpcPath: string;
  secret: string;
  timeoutMs: number;
  clock?: Clock;
  log?: HttpLogger;
}

export class Aria2Api {
  private readonly http: HttpClient;
  private nextId = 1;

  constructor(private readonly opts: Aria2ApiOptions) {
    this.http = new HttpClient({
      baseUrl: opts.baseUrl,
      timeoutMs: opts.timeoutMs,
      ...(opts.secret ? { secrets: [opts.secret] } : {}),
      ...(opts.clock ? { clock: opts.clock } : {}),
      ...(opts.log ? { logger: opts.log } : {}),
    });
  }

  getVersion(): Promise<{ version: string; enabledFeatures?: string[] }> {
    return this.call('aria2.getVersion', []);
  }

  getGlobalOption(): Promise<Record<string, string>> {
    return this.call('aria2.getGlobalOption', []);
  }

  addUri(uris: string[], options: Record<string, string>): Promise<string> {
    return this.call('aria2.addUri', [uris, options]);
  }

  addTorrent(base64: string, options: Record<string, string>): Promise<string> {
    return this.call('aria2.addTorrent', [base64, [], options]);
  }

  tellStatus(gid: string): Promise<Aria2Status> {
    return this.call('aria2.tellStatus', [gid, STATUS_KEYS]);
  }

  tellActive(): Promise<Aria2Status[]> {
    return this.call('aria2.tellActive', [STATUS_KEYS]);
  }

  tellWaiting(offset: number, count: number): Promise<Aria2Status[]> {
    return this.call('aria2.tellWaiting', [offset, count, STATUS_KEYS]);
  }

  tellStopped(offset: number, count: number): Promise<Aria2Status[]> {
    return this.call('aria2.tellStopped', [offset, count, STATUS_KEYS]);
  }

  forcePause(gid: string): Promise<string> {
    return this.call('aria2.forcePause', [gid]);
  }

  unpause(gid: string): Promise<string> {
    return this.call('aria2.unpause', [gid]);
  }

  forceRemove(gid: string): Promise<string> {
    return this.call('aria2.forceRemove', [gid]);
  }

  removeDownloadResult(gid: string): Promise<string> {
    return this.call('aria2.removeDownloadResult', [gid]);
  }

  changeOption(gid: string, options: Record<string, string>): Promise<string> {
    return this.call('aria2.changeOption', [gid, options]);
  }

  changePosition(gid: string, pos: number, how: 'POS_SET' | 'POS_CUR' | 'POS_END'): Promise<number> {
    return this.call('aria2.changePosition', [gid, pos, how]);
  }

  private async call<T>(method: string, params: unknown[]): Promise<T> {
    const payload = {
      jsonrpc: '2.0',
      id: String(this.nextId++),
      method,
      params: this.opts.secret ? [`token:${this.opts.secret}`, ...params] : params,
    };
    const res = await this.http.postJson<{ result?: T; error?: { code?: number; message?: string } }>(
      this.opts.rpcPath,
      payload,
      { acceptStatus: [400, 500] },
    );
    const body = res.body;
    if (body?.error) {
      const message = body.error.message ?? `error ${body.error.code}`;
      if (/unauthorized/i.test(message)) throw new AuthError(`aria2 ${method}: ${message} (check the RPC secret)`);
      if (/is not found|no such download/i.test(message)) throw new NotFoundError(`aria2 ${method}: ${message}`);
      throw new ProtocolError(`aria2 ${method}: ${message}`);
    }
    if (!body || !('result' in body))
      throw new ProtocolError(`aria2 ${method}: answer without a result (HTTP ${res.status})`);
    return body.result as T;
  }
}
