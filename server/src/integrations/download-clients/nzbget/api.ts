// The NZBGet wire client: JSON-RPC over `POST /jsonrpc` with HTTP Basic auth (a wrong password is HTTP 401).
// Errors come back as `{"error": {"name", "code", "message"}}` with HTTP 200.

import { Agent } from 'undici';
import type { Clock } from '../../../lib/clock.js';
import { ProtocolError } from '../../../lib/errors.js';
import { HttpClient, type HttpLogger } from '../../../lib/http/http-client.js';

export interface NzbgetGroup {
  NZBID: number;
  NZBName: string;
  Status: string;
  Category: string;
  FileSizeLo: number;
  FileSizeHi: number;
  RemainingSizeLo: number;
  RemainingSizeHi: number;
  PausedSizeLo?: number;
  PausedSizeHi?: number;
  DestDir?: string;
  FinalDir?: string;
  MaxPriority?: number;
  ActiveDownloads?: number;
}

export interface NzbgetHistoryItem {
  NZBID: number;
  Name: string;
  Kind?: string;
  Status: string;
  Category: string;
  FileSizeLo: number;
  FileSizeHi: number;
  DestDir?: string;
  FinalDir?: string;
  HistoryTime?: number;
  DeleteStatus?: string;
  MarkStatus?: string;
}

export interface NzbgetStatus {
  DownloadRate?: number;
  DownloadPaused?: boolean;
}

export type EditCommand =
  | 'GroupPause'
  | 'GroupResume'
  | 'GroupDelete'
  | 'GroupFinalDelete'
  | 'GroupParkDelete'
  | 'GroupSetCategory'
  | 'GroupSetPriority'
  | 'HistoryDelete'
  | 'HistoryFinalDelete';

export interface NzbgetApiOptions {
  baseUrl: string;
  username: string;
  password: string;
  timeoutMs: number;
  clock?: Clock;
  log?: HttpLogger;
}

export interface AppendOptions {
  category: string;
  priority: number;
  addPaused: boolean;
}

export class NzbgetApi {
  private readonly http: HttpClient;
  // NZBGet closes the connection after a 401 without saying so; a reused keep-alive socket then fails the next
  // call. One connection per call (pipelining 0) avoids that; a poll is a handful of calls.
  private readonly agent = new Agent({ pipelining: 0 });
  private nextId = 1;

  constructor(opts: NzbgetApiOptions) {
    this.http = new HttpClient({
      dispatcher: this.agent,
      baseUrl: opts.baseUrl,
      timeoutMs: opts.timeoutMs,
      basicAuth: { username: opts.username, password: opts.password },
      ...(opts.clock ? { clock: opts.clock } : {}),
      ...(opts.log ? { logger: opts.log } : {}),
    });
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  version(): Promise<string> {
    return this.call<string>('version', []);
  }

  status(): Promise<NzbgetStatus> {
    return this.call<NzbgetStatus>('status', []);
  }

  listGroups(): Promise<NzbgetGroup[]> {
    return this.call<NzbgetGroup[]>('listgroups', [0]);
  }

  /** Visible history only (`history(false)`): hidden items are what the user or we deleted. */
  history(): Promise<NzbgetHistoryItem[]> {
    return this.call<NzbgetHistoryItem[]>('history', [false]);
  }

  config(): Promise<Array<{ Name: string; Value: string }>> {
    return this.call('config', []);
  }

  /** `content` is the NZB as base64, or a URL NZBGet fetches itself. Returns the NZBID. */
  async append(fileName: string, content: string, o: AppendOptions): Promise<number> {
    const id = await this.call<number>('append', [
      fileName,
      content,
      o.category,
      o.priority,
      false,
      o.addPaused,
      '',
      0,
      'SCORE',
      [],
    ]);
    if (typeof id !== 'number' || id <= 0) throw new ProtocolError(`NZBGet refused the NZB (append returned ${id})`);
    return id;
  }

  async editQueue(command: EditCommand, param: string, ids: number[]): Promise<void> {
    const ok = await this.call<boolean>('editqueue', [command, param, ids]);
    if (ok !== true) throw new ProtocolError(`NZBGet refused ${command} for ${ids.join(',')}`);
  }

  private async call<T>(method: string, params: unknown[]): Promise<T> {
    const res = await this.http.postJson<{ result?: T; error?: { message?: string; name?: string } | null }>(
      '/jsonrpc',
      { version: '1.1', method, params, id: this.nextId++ },
    );
    const body = res.body;
    if (!body || typeof body !== 'object') throw new ProtocolError(`NZBGet ${method}: empty answer`);
    if (body.error) {
      throw new ProtocolError(`NZBGet ${method}: ${body.error.message ?? body.error.name ?? 'error'}`);
    }
    if (!('result' in body)) throw new ProtocolError(`NZBGet ${method}: answer without a result`);
    return body.result as T;
  }
}
