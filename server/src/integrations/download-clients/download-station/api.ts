// The Synology DSM wire client for Download Station: SYNO.API.Info (where each API lives), SYNO.API.Auth
// (session "DownloadStation", sid), SYNO.DownloadStation.Task/Info and SYNO.FileStation.List (share real paths).
// DSM answers HTTP 200 with `{"success":false,"error":{"code":N}}`; codes below 400 are common to every API,
// 400+ mean different things per API. A session that timed out (106, 107, 119) is logged in again once.
import type { Clock } from '../../../lib/clock.js';
import {
  AuthError,
  ConflictError,
  NotFoundError,
  ProtocolError,
  ServiceUnavailableError,
  ValidationError,
} from '../../../lib/errors.js';
import { HttpClient, type HttpLogger, type QueryValue } from '../../../lib/http/http-client.js';

export interface DsTask {
  id: string;
  type: string;
  title: string;
  size: number;
  status: string | number;
  status_extra?: { error_detail?: string; unzip_progress?: number } | null;
  additional?: {
    detail?: {
      destination?: string;
      uri?: string;
      create_time?: number;
      completed_time?: number;
      seedelapsed?: number;
      priority?: string;
      /** BitTorrent only (other task types send zeros): connected_peers includes the seeders. */
      connected_seeders?: number;
      connected_leechers?: number;
      connected_peers?: number;
    };
    transfer?: {
      size_downloaded?: number;
      size_uploaded?: number;
      speed_download?: number;
      speed_upload?: number;
    };
    file?: Array<{ filename: string; size: number; size_downloaded?: number; wanted?: boolean }>;
  };
}

interface ApiInfo {
  path: string;
  minVersion: number;
  maxVersion: number;
}

type Envelope<T> = { success: boolean; data?: T; error?: { code?: number } };

const COMMON_ERRORS: Record<number, string> = {
  100: 'unknown error',
  101: 'invalid parameter',
  102: 'the requested API does not exist',
  103: 'the requested method does not exist',
  104: 'the requested version is not supported',
  105: 'the account lacks the privilege (is it allowed to use Download Station?)',
  106: 'session timeout',
  107: 'session interrupted by a duplicate login',
  119: 'session id not found',
};

const AUTH_ERRORS: Record<number, string> = {
  400: 'no such account or incorrect password',
  401: 'account disabled',
  402: 'permission denied',
  403: '2-step verification code required (use an account without 2-step verification)',
  404: 'failed to authenticate 2-step verification code',
};

const TASK_ERRORS: Record<number, string> = {
  400: 'file upload failed',
  401: 'maximum number of tasks reached',
  402: 'destination denied',
  403: 'destination does not exist',
  404: 'invalid task id',
  405: 'invalid task action',
  406: 'no default destination',
  407: 'set destination failed',
  408: 'file does not exist',
};

const SESSION_EXPIRED = new Set([106, 107, 119]);

/** The taxonomy error for a DSM error code from `api`. */
export function dsmError(api: string, code: number | undefined): Error {
  const c = code ?? 100;
  const isAuth = api === 'SYNO.API.Auth';
  const text = (isAuth ? AUTH_ERRORS[c] : api.includes('Task') ? TASK_ERRORS[c] : undefined) ?? COMMON_ERRORS[c];
  const msg = `Download Station ${api}: ${text ?? 'error'} (code ${c})`;
  if (isAuth && c >= 400) return new AuthError(msg);
  if (c === 105 || SESSION_EXPIRED.has(c)) return new AuthError(msg);
  if (api.includes('Task')) {
    if (c === 404 || c === 408) return new NotFoundError(msg);
    if (c === 402 || c === 403 || c === 406 || c === 407) return new ValidationError(msg);
    if (c === 405) return new ConflictError(msg);
    if (c === 401) return new ServiceUnavailableError(msg);
  }
  return new ProtocolError(msg);
}

class DsmCodeError extends Error {
  constructor(
    readonly api: string,
    readonly code: number | undefined,
  ) {
    super(`DSM ${api} error ${code}`);
  }
}

export interface DownloadStationApiOptions {
  baseUrl: string;
  username: string;
  password: string;
  timeoutMs: number;
  clock?: Clock;
  log?: HttpLogger;
}

export class DownloadStationApi {
  private readonly http: HttpClient;
  private apis: Record<string, ApiInfo> | null = null;
  private sid: string | null = null;

  constructor(private readonly opts: DownloadStationApiOptions) {
    this.http = new HttpClient({
      baseUrl: opts.baseUrl,
      timeoutMs: opts.timeoutMs,
      secrets: opts.password ? [opts.password] : [],
      ...(opts.clock ? { clock: opts.clock } : {}),
      ...(opts.log ? { logger: opts.log } : {}),
    });
  }

  /** Logs in (again), returning the new session id. */
  async login(): Promise<string> {
    const info = await this.api('SYNO.API.Auth');
    const version = Math.min(info.maxVersion, 6);
    const body = await this.send<{ sid?: string }>('SYNO.API.Auth', info, {
      method: 'POST',
      form: {
        api: 'SYNO.API.Auth',
        version: String(version),
        method: 'login',
        account: this.opts.username,
        passwd: this.opts.password,
        session: 'DownloadStation',
        format: 'sid',
      },
    });
    if (!body?.sid) throw new ProtocolError('Download Station login answered without a session id');
    this.sid = body.sid;
    return body.sid;
  }

  async logout(): Promise<void> {
    if (!this.sid) return;
    const info = await this.api('SYNO.API.Auth');
    const sid = this.sid;
    this.sid = null;
    await this.send('SYNO.API.Auth', info, {
      query: { api: 'SYNO.API.Auth', version: 1, method: 'logout', session: 'DownloadStation', _sid: sid },
    }).catch(() => {});
  }

  info(): Promise<{ version?: number; version_string?: string; is_manager?: boolean }> {
    return this.call('SYNO.DownloadStation.Info', 1, 'getinfo', {});
  }

  config(): Promise<{ default_destination?: string | null }> {
    return this.call('SYNO.DownloadStation.Info', 1, 'getconfig', {});
  }

  async listTasks(): Promise<DsTask[]> {
    const data = await this.call<{ tasks?: DsTask[] }>('SYNO.DownloadStation.Task', 1, 'list', {
      additional: 'detail,transfer,file',
      offset: 0,
      limit: -1,
    });
    return data?.tasks ?? [];
  }

  async createFromUri(uri: string, destination: string): Promise<void> {
    await this.call('SYNO.DownloadStation.Task', 1, 'create', { uri, ...(destination ? { destination } : {}) });
  }

  async createFromFile(data: Uint8Array, fileName: string, destination: string): Promise<void> {
    await this.withSession(async (sid) => {
      const info = await this.api('SYNO.DownloadStation.Task');
      const form = new FormData();
      form.append('api', 'SYNO.DownloadStation.Task');
      form.append('version', String(Math.min(info.maxVersion, 2)));
      form.append('method', 'create');
      if (destination) form.append('destination', destination);
      form.append('_sid', sid);
      form.append('file', new Blob([data], { type: 'application/octet-stream' }), fileName); // must come last
      return this.send('SYNO.DownloadStation.Task', info, { method: 'POST', body: form });
    });
  }

  async taskAction(method: 'pause' | 'resume' | 'delete', ids: string[], extra: Record<string, QueryValue> = {}) {
    const results = await this.call<Array<{ id: string; error: number }>>('SYNO.DownloadStation.Task', 1, method, {
      id: ids.join(','),
      ...extra,
    });
    const failed = (results ?? []).find((r) => r.error !== 0);
    if (failed) throw dsmError('SYNO.DownloadStation.Task', failed.error);
  }

  /** Moves a task to another destination (Task API version 2 `edit`). */
  async editDestination(id: string, destination: string): Promise<void> {
    await this.call('SYNO.DownloadStation.Task', 2, 'edit', { id, destination });
  }

  /** Share name → volume path (`downloads` → `/volume1/downloads`); empty when File Station is not available. */
  async shareRealPaths(): Promise<Map<string, string>> {
    const apis = await this.apiInfo();
    const info = apis['SYNO.FileStation.List'];
    if (!info) return new Map();
    const data = await this.call<{ shares?: Array<{ name: string; additional?: { real_path?: string } }> }>(
      'SYNO.FileStation.List',
      Math.min(info.maxVersion, 2),
      'list_share',
      { additional: '["real_path"]' },
    );
    return new Map(
      (data?.shares ?? []).flatMap((s) => (s.additional?.real_path ? [[s.name, s.additional.real_path]] : [])),
    );
  }

  private call<T>(api: string, version: number, method: string, params: Record<string, QueryValue>): Promise<T> {
    return this.withSession(async (sid) => {
      const info = await this.api(api);
      return this.send<T>(api, info, { query: { api, version, method, ...params, _sid: sid } });
    });
  }

  /** Runs `fn` with a session, logging in first if needed and once more when DSM says the session expired. */
  private async withSession<T>(fn: (sid: string) => Promise<T>): Promise<T> {
    const sid = this.sid ?? (await this.login());
    try {
      return await fn(sid);
    } catch (err) {
      if (!(err instanceof DsmCodeError)) throw err;
      if (err.code === undefined || !SESSION_EXPIRED.has(err.code)) throw dsmError(err.api, err.code);
      this.sid = null;
      const fresh = await this.login();
      try {
        return await fn(fresh);
      } catch (again) {
        if (again instanceof DsmCodeError) throw dsmError(again.api, again.code);
        throw again;
      }
    }
  }

  private async apiInfo(): Promise<Record<string, ApiInfo>> {
    if (this.apis) return this.apis;
    const res = await this.http.getText('/webapi/query.cgi', {
      query: {
        api: 'SYNO.API.Info',
        version: 1,
        method: 'query',
        query: 'SYNO.API.Auth,SYNO.DownloadStation.Info,SYNO.DownloadStation.Task,SYNO.FileStation.List',
      },
    });
    const body = parse<Record<string, ApiInfo>>(res.body);
    if (!body.success || !body.data) throw dsmError('SYNO.API.Info', body.error?.code);
    this.apis = body.data;
    return body.data;
  }

  private async api(name: string): Promise<ApiInfo> {
    const info = (await this.apiInfo())[name];
    if (!info)
      throw new ProtocolError(`Download Station: this DSM does not offer ${name} (is Download Station installed?)`);
    return info;
  }

  private async send<T>(
    api: string,
    info: ApiInfo,
    req: {
      method?: 'GET' | 'POST';
      query?: Record<string, QueryValue>;
      form?: Record<string, string>;
      body?: FormData;
    },
  ): Promise<T> {
    const path = `/webapi/${info.path}`;
    const res =
      req.form !== undefined
        ? await this.http.postForm(path, req.form)
        : req.body !== undefined
          ? await this.http
              .request({ method: 'POST', path, body: req.body })
              .then((r) => ({ body: r.body.toString('utf8') }))
          : await this.http.getText(path, { query: req.query ?? {} });
    const body = parse<T>(res.body);
    if (!body.success) {
      // Auth errors are final; other codes go through withSession (which re-logs in on an expired session).
      if (api === 'SYNO.API.Auth') throw dsmError(api, body.error?.code);
      throw new DsmCodeError(api, body.error?.code);
    }
    return body.data as T;
  }
}

function parse<T>(text: string): Envelope<T> {
  try {
    const body = JSON.parse(text) as Envelope<T>;
    if (typeof body?.success !== 'boolean') throw new Error('no success flag');
    return body;
  } catch {
    throw new ProtocolError('Download Station: the answer is not a DSM API response', text);
  }
}
