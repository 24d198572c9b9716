// The Newznab/Torznab wire client shared by Newznab, Torznab and Jackett: `GET <base><apiPath>?t=…&apikey=…`,
// answers parsed as XML with errors mapped onto the taxonomy. Knows nothing of domain shapes beyond caps.
import type { Clock } from '../../../lib/clock.js';
import { errorForStatus } from '../../../lib/http/error-mapping.js';
import { HttpClient, type HttpLogger, type QueryValue } from '../../../lib/http/http-client.js';
import { RateLimiter } from '../../../lib/resilience/rate-limiter.js';
import type { IndexerCapabilities } from '../../../providers/ports/indexer.port.js';
import { parseCaps } from './caps.js';
import { parseIndexerXml, type XmlNode } from './xml.js';

export interface NewznabApiOptions {
  /** Name used in messages (the definition name); never the URL, which carries the key. */
  label: string;
  baseUrl: string;
  apiPath: string;
  apiKey: string;
  /** Extra `&name=value` pairs the user configured, sent with every request. */
  additionalParameters?: string;
  timeoutMs: number;
  requestsPerMinute: number;
  clock: Clock;
  log?: HttpLogger;
  /** Defaults to the HttpClient's 20 MiB. */
  maxBodyBytes?: number;
}

/** Error answers that often carry a Newznab `<error>` body worth reading instead of the bare status. */
const READ_BODY_STATUSES = [400, 404, 410, 422] as const;

export function rateLimiterFor(requestsPerMinute: number, clock: Clock): RateLimiter {
  // A full bucket allows a short burst (a caps fetch plus a few pages); after that one request per slot.
  return new RateLimiter({
    capacity: requestsPerMinute,
    refillTokens: 1,
    intervalMs: 60_000 / requestsPerMinute,
    clock,
  });
}

export class NewznabApi {
  private readonly http: HttpClient;
  private readonly extra: Record<string, string>;

  constructor(private readonly opts: NewznabApiOptions) {
    this.http = new HttpClient({
      baseUrl: opts.baseUrl,
      timeoutMs: opts.timeoutMs,
      clock: opts.clock,
      logger: opts.log,
      secrets: opts.apiKey ? [opts.apiKey] : [],
      rateLimiter: rateLimiterFor(opts.requestsPerMinute, opts.clock),
      ...(opts.maxBodyBytes ? { maxBodyBytes: opts.maxBodyBytes } : {}),
    });
    this.extra = Object.fromEntries(new URLSearchParams((opts.additionalParameters ?? '').replace(/^[?&]+/, '')));
  }

  async caps(): Promise<IndexerCapabilities> {
    const doc = await this.get({ t: 'caps' });
    return parseCaps(doc, `${this.opts.label} caps`);
  }

  /** One API call; returns the parsed document (an RSS feed for searches). */
  async get(params: Record<string, QueryValue>): Promise<XmlNode> {
    const what = `${this.opts.label} t=${String(params.t ?? '?')}`;
    const query: Record<string, QueryValue> = { ...this.extra, ...params };
    if (this.opts.apiKey) query.apikey = this.opts.apiKey;
    const res = await this.http.getText(this.opts.apiPath, {
      query,
      headers: { accept: 'application/rss+xml, application/xml, text/xml;q=0.9, */*;q=0.5' },
      acceptStatus: READ_BODY_STATUSES,
    });
    if (res.status >= 400) {
      // parseIndexerXml throws the mapped `<error>` if the body has one; otherwise the status decides.
      parseIndexerXml(res.body, what);
      throw errorForStatus(res.status, what, res.body.slice(0, 200));
    }
    return parseIndexerXml(res.body, what);
  }
}
