// The deluge-web JSON-RPC wire client: POST /json {method, params, id}; auth.login sets the `_session_id` cookie
// (copied by hand); an answer with error code 1 ("Not authenticated") logs in once more. The web UI relays core.*
// and label.* to the daemon it is connected to; web.* manage that connection. No domain types.
import { AuthError, ProtocolError } from '../../../lib/errors.js';
import { HttpClient, type HttpLogger } from '../../../lib/http/http-client.js';

export interface DelugeApiOptions {
  /** deluge-web base URL, e.g. http://host:8112 */
  baseUrl: string;
  password: string;
  timeoutMs: number;
  logger?: HttpLogger;
}

/** A JSON-RPC error answer from deluge-web; `code` 1 = not authenticated, 2 = unknown method, 4 = remote exception. */
export class DelugeRpcError extends ProtocolError {
  constructor(
    readonly method: string,
    readonly rpcCode: number,
    readonly rpcMessage: string,
  ) {
    super(`Deluge ${method} failed (code ${rpcCode}): ${shorten(rpcMessage)}`, rpcMessage);
  }
}

export const DELUGE_NOT_AUTHENTICATED = 1;
export const DELUGE_UNKNOWN_METHOD = 2;

export type DelugeHost = [id: string, host: string, port: number, user: string];

export class DelugeApi {
  private readonly http: HttpClient;
  private cookie: string | null = null;
  private nextId = 1;

  constructor(private readonly opts: DelugeApiOptions) {
    this.http = new HttpClient({
      baseUrl: opts.baseUrl,
      timeoutMs: opts.timeoutMs,
      logger: opts.logger,
      secrets: opts.password ? [opts.password] : [],
    });
  }

  async login(): Promise<void> {
    this.cookie = null;
    const ok = await this.raw<boolean>('auth.login', [this.opts.password]);
    if (ok !== true) throw new AuthError('Deluge rejected the web UI password');
  }

  async call<T>(method: string, params: unknown[] = []): Promise<T> {
    if (this.cookie === null) await this.login();
    try {
      return await this.raw<T>(method, params);
    } catch (err) {
      if (!(err instanceof DelugeRpcError) || err.rpcCode !== DELUGE_NOT_AUTHENTICATED) throw err;
      await this.login();
      return this.raw<T>(method, params);
    }
  }

  private async raw<T>(method: string, params: unknown[]): Promise<T> {
    const res = await this.http.request({
      method: 'POST',
      path: '/json',
      body: JSON.stringify({ method, params, id: this.nextId++ }),
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      retry: false,
    });
    const setCookie = res.headers.get('set-cookie');
    const session = setCookie ? /(?:^|[;,]\s*)(_session_id=[^;,\s]+)/.exec(setCookie)?.[1] : undefined;
    if (session) this.cookie = session;
    const text = res.body.toString('utf8');
    let parsed: { result?: T; error?: { message?: string; code?: number } | null };
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      throw new ProtocolError(`Deluge ${method}: response is not JSON`, text);
    }
    if (parsed.error) throw new DelugeRpcError(method, parsed.error.code ?? 0, parsed.error.message ?? '');
    return parsed.result as T;
  }

  connected(): Promise<boolean> {
    return this.call<boolean>('web.connected');
  }

  hosts(): Promise<DelugeHost[]> {
    return this.call<DelugeHost[]>('web.get_hosts');
  }

  /** [id, status ("Online", "Offline", "Connected"), version]. */
  hostStatus(id: string): Promise<[string, string, string]> {
    return this.call<[string, string, string]>('web.get_host_status', [id]);
  }

  /** The daemon's method list once connected (null when the daemon is not reachable). */
  connect(id: string): Promise<string[] | null> {
    return this.call<string[] | null>('web.connect', [id]);
  }
}

function shorten(message: string): string {
  // Deluge wraps daemon exceptions in Twisted tracebacks; the first line after the class name says what happened.
  const m = /<class '[\w.]+'>: ([^\n\\]+)/.exec(message);
  return (m?.[1] ?? message).slice(0, 300);
}
