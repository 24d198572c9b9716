// The SABnzbd wire client: `GET /api?mode=…&apikey=…&output=json` (and a multipart POST for addfile).
// SABnzbd answers a bad key with HTTP 403 and a plain-text body; older versions with 200 and
// `{"status":false,"error":"API Key Incorrect"}`. Both become AuthError; other error bodies a ProtocolError.

import type { Clock } from '../../../lib/clock.js';
import { AuthError, ProtocolError } from '../../../lib/errors.js';
import { HttpClient, type HttpLogger, type QueryValue } from '../../../lib/http/http-client.js';

export interface SabQueueSlot {
  nzo_id: string;
  filename: string;
  cat?: string;
  status: string;
  priority?: string;
  mb?: string;
  mbleft?: string;
  percentage?: string;
  timeleft?: string;
}

export interface SabQueue {
  paused?: boolean;
  status?: string;
  kbpersec?: string;
  slots: SabQueueSlot[];
}

export interface SabHistorySlot {
  nzo_id: string;
  name: string;
  category?: string;
  status: string;
  storage?: string | null;
  path?: string | null;
  fail_message?: string;
  bytes?: number;
  completed?: number;
  download_time?: number;
}

export interface SabCategory {
  name: string;
  dir?: string;
  priority?: number;
}

export interface SabAddResult {
  status: boolean;
  nzo_ids?: string[];
  error?: string;
}

export interface SabApiOptions {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  clock?: Clock;
  log?: HttpLogger;
}

export class SabnzbdApi {
  private readonly http: HttpClient;

  constructor(private readonly opts: SabApiOptions) {
    this.http = new HttpClient({
      baseUrl: opts.baseUrl,
      timeoutMs: opts.timeoutMs,
      secrets: [opts.apiKey],
      ...(opts.clock ? { clock: opts.clock } : {}),
      ...(opts.log ? { logger: opts.log } : {}),
    });
  }

  async version(): Promise<string> {
    const body = await this.call<{ version?: string }>('version', {});
    if (typeof body.version !== 'string') throw new ProtocolError('SABnzbd: version answer without a version');
    return body.version;
  }

  async queue(): Promise<SabQueue> {
    const body = await this.call<{ queue?: SabQueue }>('queue', { start: 0, limit: 0 });
    if (!body.queue || !Array.isArray(body.queue.slots)) throw new ProtocolError('SABnzbd: queue answer without slots');
    return body.queue;
  }

  async history(limit: number): Promise<SabHistorySlot[]> {
    const body = await this.call<{ history?: { slots?: SabHistorySlot[] } }>('history', { start: 0, limit });
    if (!Array.isArray(body.history?.slots)) throw new ProtocolError('SABnzbd: history answer without slots');
    return body.history.slots;
  }

  async categories(): Promise<SabCategory[]> {
    const body = await this.call<{ config?: { categories?: SabCategory[] } }>('get_config', { section: 'categories' });
    return body.config?.categories ?? [];
  }

  async addUrl(url: string, params: { nzbname: string; cat: string; priority: number }): Promise<string> {
    return this.addResult(await this.call<SabAddResult>('addurl', { name: url, ...params }));
  }

  async addFile(
    data: Uint8Array,
    fileName: string,
    params: { nzbname: string; cat: string; priority: number },
  ): Promise<string> {
    const form = new FormData();
    form.append('name', new Blob([data], { type: 'application/x-nzb' }), fileName);
    const res = await this.http.request({
      method: 'POST',
      path: '/api',
      query: this.query('addfile', params),
      body: form,
    });
    return this.addResult(this.parse<SabAddResult>(res.body.toString('utf8')));
  }

  async queueAction(name: 'pause' | 'resume', nzoId: string): Promise<void> {
    await this.expectOk(await this.call<{ status?: boolean }>('queue', { name, value: nzoId }));
  }

  async queueDelete(nzoId: string, deleteFiles: boolean): Promise<void> {
    await this.expectOk(
      await this.call<{ status?: boolean }>('queue', { name: 'delete', value: nzoId, del_files: deleteFiles ? 1 : 0 }),
    );
  }

  async historyDelete(nzoId: string, deleteFiles: boolean): Promise<void> {
    await this.expectOk(
      await this.call<{ status?: boolean }>('history', {
        name: 'delete',
        value: nzoId,
        del_files: deleteFiles ? 1 : 0,
      }),
    );
  }

  async changeCategory(nzoId: string, category: string): Promise<void> {
    await this.expectOk(await this.call<{ status?: boolean }>('change_cat', { value: nzoId, value2: category || '*' }));
  }

  async setPriority(nzoId: string, priority: number): Promise<void> {
    // Answers {"position": n}; a missing job answers {"position": -1} on some versions.
    await this.call('queue', { name: 'priority', value: nzoId, value2: priority });
  }

  private addResult(body: SabAddResult): string {
    const id = body.nzo_ids?.[0];
    if (!body.status || !id) {
      throw new ProtocolError(`SABnzbd refused the NZB${body.error ? `: ${body.error}` : ''}`, JSON.stringify(body));
    }
    return id;
  }

  private async expectOk(body: { status?: boolean }): Promise<void> {
    if (body.status === false) throw new ProtocolError('SABnzbd rejected the request', JSON.stringify(body));
  }

  private query(mode: string, params: Record<string, QueryValue>): Record<string, QueryValue> {
    return { mode, ...params, output: 'json', apikey: this.opts.apiKey };
  }

  private async call<T>(mode: string, params: Record<string, QueryValue>): Promise<T> {
    const res = await this.http.getText('/api', { query: this.query(mode, params) });
    return this.parse<T>(res.body);
  }

  private parse<T>(text: string): T {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      // Plain-text errors ("API Key Incorrect") can come with status 200 from old versions or proxies.
      if (/api key/i.test(text)) throw new AuthError(`SABnzbd: ${text.trim().slice(0, 100)}`);
      throw new ProtocolError('SABnzbd: response is not JSON', text);
    }
    const error = (body as { error?: unknown } | null)?.error;
    if (typeof error === 'string' && error) {
      if (/api key/i.test(error)) throw new AuthError(`SABnzbd: ${error}`);
      throw new ProtocolError(`SABnzbd: ${error}`, text);
    }
    return body as T;
  }
}
