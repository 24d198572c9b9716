// A local stand-in for a remote HTTP API in contract tests: serves recorded fixture files by route, records every
// request for assertions, and injects faults (status + body, delay, Retry-After, connection reset) so integrations
// can be tested against real payloads and real sockets without the network.
//
//   const fake = await FakeHttpServer.start({ fixtureRoot: FIXTURE_DIR });
//   fake.fixture('GET', '/3/movie/:id', 'v3-movie-details-550.json');
//   fake.once('GET', '/3/movie/550', { status: 429, retryAfter: 7 });   // next matching request only
//   fake.route('POST', '/login', (req) => ({ status: 200, json: { ok: req.json() } }));
//   ... fake.url is "http://127.0.0.1:<port>"; fake.requests lists what arrived; await fake.close();
//
// Matching: one-shot responses first (in the order queued), then routes, the newest registered route winning.
// Paths match the URL path only (the query is recorded, never matched); `:name` matches one segment. Unmatched
// requests are answered 404 `{"error":"no fake route"}` and still recorded, so a test can see what was asked.
import { readFileSync } from 'node:fs';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { isAbsolute, join } from 'node:path';

export interface RecordedRequest {
  method: string;
  /** URL path without the query, e.g. `/3/movie/550`. */
  path: string;
  /** Query parameters; a repeated name keeps its last value here (see `searchParams` for all). */
  query: Record<string, string>;
  searchParams: URLSearchParams;
  /** Lower-cased names, as Node delivers them. */
  headers: IncomingHttpHeaders;
  body: string;
  /** Values of `:name` segments of the matched route. */
  params: Record<string, string>;
  json<T = unknown>(): T;
}

export interface FakeResponse {
  /** Default 200. */
  status?: number;
  headers?: Record<string, string>;
  /** A fixture file, relative to `fixtureRoot` unless absolute; content type from the extension. */
  file?: string;
  /** Serialised as JSON. */
  json?: unknown;
  body?: string | Buffer;
  /** Sets the Retry-After header (seconds, or an HTTP date string). */
  retryAfter?: number | string;
  /** Waits this long before answering (a timeout test sets it above the client's timeout). */
  delayMs?: number;
  /** Destroys the socket instead of answering: the client sees a connection reset. */
  reset?: boolean;
}

export type RouteHandler = (req: RecordedRequest) => FakeResponse | Promise<FakeResponse>;

export interface FakeHttpServerOptions {
  fixtureRoot?: string;
}

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  respond: FakeResponse | RouteHandler;
}

const TYPES: Record<string, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  html: 'text/html; charset=utf-8',
  nzb: 'application/x-nzb',
  torrent: 'application/x-bittorrent',
};

export class FakeHttpServer {
  /** Every request received, oldest first. */
  readonly requests: RecordedRequest[] = [];
  private routes: Route[] = [];
  private onceQueue: Route[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly fixtureRoot: string | undefined,
  ) {}

  static async start(options: FakeHttpServerOptions = {}): Promise<FakeHttpServer> {
    let self: FakeHttpServer | undefined;
    const server = createServer((req, res) => void self?.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    self = new FakeHttpServer(server, `http://127.0.0.1:${port}`, options.fixtureRoot);
    return self;
  }

  /** Answers every matching request with `respond` (a fixed response or a handler). */
  route(method: string, path: string | RegExp, respond: FakeResponse | RouteHandler): this {
    this.routes.unshift(compile(method, path, respond));
    return this;
  }

  /** Shorthand: serve a fixture file with status 200 (or `extra.status`). */
  fixture(method: string, path: string | RegExp, file: string, extra: Omit<FakeResponse, 'file'> = {}): this {
    return this.route(method, path, { ...extra, file });
  }

  /** Answers only the next matching request, before any route; queue several for a sequence. */
  once(method: string, path: string | RegExp, respond: FakeResponse | RouteHandler): this {
    this.onceQueue.push(compile(method, path, respond));
    return this;
  }

  /** Requests whose path equals `path` (and method, when given). */
  requestsTo(path: string, method?: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path === path && (!method || r.method === method.toUpperCase()));
  }

  /** Forgets routes, queued one-shots and recorded requests (between tests). */
  reset(): void {
    this.routes = [];
    this.onceQueue = [];
    this.requests.length = 0;
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', this.url);
    const method = (req.method ?? 'GET').toUpperCase();
    const body = Buffer.concat(chunks).toString('utf8');
    const recorded: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      searchParams: url.searchParams,
      headers: req.headers,
      body,
      params: {},
      json: <T>() => JSON.parse(body) as T,
    };
    this.requests.push(recorded);
    try {
      const response = await this.match(recorded);
      await this.send(req, res, response);
    } catch (err) {
      // A broken handler is a test bug; answer 500 with the reason rather than hanging the client.
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`fake server error: ${String(err)}`);
    }
  }

  private async match(req: RecordedRequest): Promise<FakeResponse> {
    const hit = (r: Route) => (r.method === '*' || r.method === req.method) && r.pattern.exec(req.path);
    const onceIndex = this.onceQueue.findIndex(hit);
    const route = onceIndex >= 0 ? this.onceQueue.splice(onceIndex, 1)[0] : this.routes.find(hit);
    if (!route) return { status: 404, json: { error: 'no fake route', method: req.method, path: req.path } };
    const m = route.pattern.exec(req.path)!;
    route.names.forEach((name, i) => {
      req.params[name] = decodeURIComponent(m[i + 1] ?? '');
    });
    return typeof route.respond === 'function' ? route.respond(req) : route.respond;
  }

  private async send(req: IncomingMessage, res: ServerResponse, r: FakeResponse): Promise<void> {
    if (r.delayMs) await this.sleep(r.delayMs);
    if (r.reset) {
      req.socket.destroy();
      return;
    }
    const headers: Record<string, string> = { ...r.headers };
    let payload: string | Buffer = '';
    if (r.file !== undefined) {
      const path = isAbsolute(r.file) || !this.fixtureRoot ? r.file : join(this.fixtureRoot, r.file);
      payload = readFileSync(path);
      const ext = r.file.split('.').pop()?.toLowerCase() ?? '';
      headers['content-type'] ??= TYPES[ext] ?? 'text/plain; charset=utf-8';
    } else if (r.json !== undefined) {
      payload = JSON.stringify(r.json);
      headers['content-type'] ??= TYPES.json!;
    } else if (r.body !== undefined) {
      payload = r.body;
    }
    if (r.retryAfter !== undefined) headers['retry-after'] = String(r.retryAfter);
    if (res.destroyed) return; // the client gave up (timeout test) while we were waiting
    res.writeHead(r.status ?? 200, headers);
    res.end(payload);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, ms);
      this.timers.add(t);
    });
  }
}

function compile(method: string, path: string | RegExp, respond: FakeResponse | RouteHandler): Route {
  if (path instanceof RegExp) return { method: method.toUpperCase(), pattern: path, names: [], respond };
  const names: string[] = [];
  const source = path
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { method: method.toUpperCase(), pattern: new RegExp(`^${source}$`), names, respond };
}
