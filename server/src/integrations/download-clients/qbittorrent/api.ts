// The qBittorrent WebAPI v2 wire client: cookie login (SID copied by hand, Node's fetch has no jar), one re-login
// when a call answers 403 (session expired or qBittorrent restarted), form and multipart POSTs. No domain types.
import { AuthError, NotFoundError, ProtocolError } from '../../../lib/errors.js';
import { HttpClient, type HttpLogger, type HttpResponse } from '../../../lib/http/http-client.js';
import type { QbTorrent } from './mapper.js';

export interface QbApiOptions {
  baseUrl: string;
  username: string;
  password: string;
  timeoutMs: number;
  logger?: HttpLogger;
}

export interface QbAddOptions {
  urls?: string;
  torrent?: { data: Uint8Array; fileName: string };
  savepath?: string;
  category?: string;
  paused?: boolean;
  sequentialDownload?: boolean;
  firstLastPiecePrio?: boolean;
  ratioLimit?: number;
  seedingTimeLimit?: number;
}

export class QbittorrentApi {
  private readonly http: HttpClient;
  private sid: string | null = null;
  private login: Promise<void> | null = null;

  constructor(private readonly opts: QbApiOptions) {
    this.http = new HttpClient({
      baseUrl: opts.baseUrl,
      timeoutMs: opts.timeoutMs,
      logger: opts.logger,
      secrets: opts.password ? [opts.password] : [],
    });
  }

  /** Logs in (again). "Fails." with HTTP 200 is a wrong username or password; 403 here is an IP ban. */
  async authenticate(): Promise<void> {
    this.sid = null;
    const res = await this.http.postForm(
      '/api/v2/auth/login',
      { username: this.opts.username, password: this.opts.password },
      { acceptStatus: [403] },
    );
    if (res.status === 403) {
      throw new AuthError(`qBittorrent refused the login (HTTP 403): ${res.body.trim().slice(0, 200)}`);
    }
    const body = res.body.trim();
    if (body === 'Fails.') throw new AuthError('qBittorrent rejected the username or password');
    if (body !== 'Ok.') throw new ProtocolError('unexpected answer to the qBittorrent login', body);
    const cookie = res.headers.get('set-cookie') ?? '';
    // No cookie with "Ok." happens when authentication is bypassed for this address; calls then work without one.
    this.sid = /(?:^|[;,]\s*)SID=([^;,\s]+)/.exec(cookie)?.[1] ?? null;
  }

  private async ensureLogin(): Promise<void> {
    if (this.sid !== null) return;
    this.login ??= this.authenticate().finally(() => {
      this.login = null;
    });
    await this.login;
  }

  /** One call with the session cookie; a 403 means the session is gone: log in once more and repeat. */
  private async call(
    method: 'GET' | 'POST',
    path: string,
    body?: URLSearchParams | FormData,
    query?: Record<string, string>,
    acceptStatus: readonly number[] = [],
  ): Promise<HttpResponse<string>> {
    await this.ensureLogin();
    for (let attempt = 0; ; attempt++) {
      const headers: Record<string, string> = this.sid ? { cookie: `SID=${this.sid}` } : {};
      const res = await this.http.request({
        method,
        path,
        body,
        query,
        headers,
        acceptStatus: [403, ...acceptStatus],
        retry: false,
      });
      if (res.status === 403) {
        if (attempt > 0) throw new AuthError(`qBittorrent answered 403 to ${path} after logging in again`);
        await this.authenticate();
        continue;
      }
      return { ...res, body: res.body.toString('utf8') };
    }
  }

  private async json<T>(path: string, query?: Record<string, string>): Promise<T> {
    const res = await this.call('GET', path, undefined, query);
    try {
      return JSON.parse(res.body) as T;
    } catch {
      throw new ProtocolError(`qBittorrent ${path}: response is not JSON`, res.body);
    }
  }

  private post(path: string, form: Record<string, string>, acceptStatus: readonly number[] = []) {
    return this.call('POST', path, new URLSearchParams(form), undefined, acceptStatus);
  }

  async version(): Promise<string> {
    return (await this.call('GET', '/api/v2/app/version')).body.trim();
  }

  async webApiVersion(): Promise<string> {
    return (await this.call('GET', '/api/v2/app/webapiVersion')).body.trim();
  }

  async categories(): Promise<Record<string, { name: string; savePath?: string }>> {
    return (await this.json('/api/v2/torrents/categories')) ?? {};
  }

  async createCategory(category: string): Promise<void> {
    // 409 = it exists already (or the name is invalid; the caller checks the list afterwards).
    await this.post('/api/v2/torrents/createCategory', { category, savePath: '' }, [409]);
  }

  async torrents(filter: { category?: string; hashes?: string[] } = {}): Promise<QbTorrent[]> {
    const query: Record<string, string> = {};
    if (filter.category !== undefined) query.category = filter.category;
    if (filter.hashes) query.hashes = filter.hashes.map((h) => h.toLowerCase()).join('|');
    return (await this.json<QbTorrent[]>('/api/v2/torrents/info', query)) ?? [];
  }

  /** True when qBittorrent said "Ok."; false for its "Fails." (duplicate, invalid torrent). */
  async add(o: QbAddOptions): Promise<boolean> {
    const form = new FormData();
    if (o.urls) form.append('urls', o.urls);
    if (o.torrent) {
      form.append(
        'torrents',
        new Blob([Buffer.from(o.torrent.data)], { type: 'application/x-bittorrent' }),
        o.torrent.fileName,
      );
    }
    if (o.savepath) form.append('savepath', o.savepath);
    if (o.category) form.append('category', o.category);
    if (o.paused !== undefined) {
      form.append('paused', String(o.paused));
      form.append('stopped', String(o.paused)); // the 5.x name
    }
    if (o.sequentialDownload) form.append('sequentialDownload', 'true');
    if (o.firstLastPiecePrio) form.append('firstLastPiecePrio', 'true');
    if (o.ratioLimit !== undefined) form.append('ratioLimit', String(o.ratioLimit));
    if (o.seedingTimeLimit !== undefined) form.append('seedingTimeLimit', String(o.seedingTimeLimit));
    const res = await this.call('POST', '/api/v2/torrents/add', form);
    const body = res.body.trim();
    if (body === 'Ok.' || body === '') return true;
    if (body === 'Fails.') return false;
    throw new ProtocolError('unexpected answer to torrents/add', body);
  }

  async pause(hash: string): Promise<void> {
    await this.withFallback('/api/v2/torrents/pause', '/api/v2/torrents/stop', { hashes: hash.toLowerCase() });
  }

  async resume(hash: string): Promise<void> {
    await this.withFallback('/api/v2/torrents/resume', '/api/v2/torrents/start', { hashes: hash.toLowerCase() });
  }

  async setForceStart(hash: string): Promise<void> {
    await this.post('/api/v2/torrents/setForceStart', { hashes: hash.toLowerCase(), value: 'true' });
  }

  async delete(hash: string, deleteFiles: boolean): Promise<void> {
    await this.post('/api/v2/torrents/delete', { hashes: hash.toLowerCase(), deleteFiles: String(deleteFiles) });
  }

  /** false when qBittorrent says the category does not exist (409). */
  async setCategory(hash: string, category: string): Promise<boolean> {
    const res = await this.post('/api/v2/torrents/setCategory', { hashes: hash.toLowerCase(), category }, [409]);
    return res.status !== 409;
  }

  /** false when queueing is disabled (409), where qBittorrent has no priorities. */
  async queuePriority(hash: string, where: 'top' | 'bottom'): Promise<boolean> {
    const res = await this.post(`/api/v2/torrents/${where}Prio`, { hashes: hash.toLowerCase() }, [409]);
    return res.status !== 409;
  }

  /** 4.x names first; 5.x renamed pause/resume to stop/start and answers 404 for the old ones. */
  private async withFallback(path: string, fallback: string, form: Record<string, string>): Promise<void> {
    try {
      await this.post(path, form);
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
      await this.post(fallback, form);
    }
  }
}
