// The Plex Media Server wire client. Every call carries `X-Plex-Token` and asks for JSON; a server that still
// answers XML (old versions, some proxies) is read with the same element/attribute names, so callers see one
// shape either way. Paths for `path=` are percent-encoded with encodeURIComponent (spaces as %20, never `+`).
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Clock } from '../../../lib/clock.js';
import { ProtocolError } from '../../../lib/errors.js';
import { HttpClient, type HttpLogger, type HttpResponse, IDKARR_VERSION } from '../../../lib/http/http-client.js';

export interface PlexLocation {
  id?: number | string;
  path: string;
}

export interface PlexDirectory {
  key: string | number;
  title: string;
  type: string;
  count?: number | string;
  refreshing?: boolean | string | number;
  Location?: PlexLocation[];
}

export interface PlexTag {
  tag?: string;
  id?: string | number;
}

export interface PlexPart {
  file?: string;
}

export interface PlexMetadata {
  ratingKey: string | number;
  title: string;
  type: string;
  year?: number | string;
  summary?: string;
  thumb?: string;
  art?: string;
  rating?: number | string;
  audienceRating?: number | string;
  guid?: string;
  Guid?: PlexTag[];
  Genre?: PlexTag[];
  Media?: { Part?: PlexPart[] }[];
  grandparentTitle?: string;
  parentIndex?: number | string;
  index?: number | string;
  viewedAt?: number | string;
  lastViewedAt?: number | string;
  accountID?: number | string;
  historyKey?: string;
}

export interface PlexAccount {
  id: number | string;
  name?: string;
  key?: string;
}

export interface PlexContainer {
  size?: number | string;
  machineIdentifier?: string;
  version?: string;
  friendlyName?: string;
  Directory?: PlexDirectory[];
  Metadata?: PlexMetadata[];
  Account?: PlexAccount[];
}

export interface PlexApiOptions {
  baseUrl: string;
  token: string;
  timeoutMs: number;
  clock?: Clock;
  log?: HttpLogger;
}

const ALWAYS_ARRAY = new Set(['Directory', 'Location', 'Metadata', 'Account', 'Genre', 'Guid', 'Media', 'Part']);

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  isArray: (name) => ALWAYS_ARRAY.has(name),
});

/** The percent-encoded `path=` request for a partial scan of one folder of a section. */
export function sectionRefreshPath(sectionId: string, folder?: string): string {
  const base = `/library/sections/${encodeURIComponent(sectionId)}/refresh`;
  return folder === undefined ? base : `${base}?path=${encodeURIComponent(folder)}`;
}

export class PlexApi {
  private readonly http: HttpClient;

  constructor(opts: PlexApiOptions) {
    this.http = new HttpClient({
      baseUrl: opts.baseUrl,
      timeoutMs: opts.timeoutMs,
      secrets: [opts.token],
      headers: {
        'X-Plex-Token': opts.token,
        Accept: 'application/json',
        'X-Plex-Product': 'idkarr',
        'X-Plex-Version': IDKARR_VERSION,
        'X-Plex-Client-Identifier': 'idkarr',
      },
      ...(opts.clock ? { clock: opts.clock } : {}),
      ...(opts.log ? { logger: opts.log } : {}),
    });
  }

  /** GET /identity: machine id and version; answered without a token, so it proves reachability only. */
  async identity(signal?: AbortSignal): Promise<PlexContainer> {
    return this.get('/identity', signal);
  }

  async sections(signal?: AbortSignal): Promise<PlexDirectory[]> {
    return (await this.get('/library/sections', signal)).Directory ?? [];
  }

  /** Partial scan of `folder` (as the server sees it) in one section, or a full scan of the section. */
  async refreshSection(sectionId: string, folder?: string, signal?: AbortSignal): Promise<void> {
    await this.send('GET', sectionRefreshPath(sectionId, folder), signal);
  }

  async refreshAllSections(signal?: AbortSignal): Promise<void> {
    await this.send('GET', '/library/sections/all/refresh', signal);
  }

  async metadata(ratingKey: string, signal?: AbortSignal): Promise<PlexMetadata | undefined> {
    return (await this.get(`/library/metadata/${encodeURIComponent(ratingKey)}`, signal)).Metadata?.[0];
  }

  async refreshMetadata(ratingKey: string, signal?: AbortSignal): Promise<void> {
    await this.send('PUT', `/library/metadata/${encodeURIComponent(ratingKey)}/refresh`, signal);
  }

  /** The server's local accounts (owner and managed/shared users that used it). */
  async accounts(signal?: AbortSignal): Promise<PlexAccount[]> {
    return (await this.get('/accounts', signal)).Account ?? [];
  }

  /** Watch history, newest first; `accountId` narrows it to one account. */
  async history(accountId: string | undefined, limit: number, signal?: AbortSignal): Promise<PlexMetadata[]> {
    const query = new URLSearchParams({ sort: 'viewedAt:desc' });
    if (accountId !== undefined) query.set('accountID', accountId);
    query.set('X-Plex-Container-Start', '0');
    query.set('X-Plex-Container-Size', String(limit));
    return (await this.get(`/status/sessions/history/all?${query.toString()}`, signal)).Metadata ?? [];
  }

  private async send(method: string, path: string, signal?: AbortSignal): Promise<void> {
    await this.http.request({ method, path, ...(signal ? { signal } : {}) });
  }

  private async get(path: string, signal?: AbortSignal): Promise<PlexContainer> {
    const res = await this.http.getText(path, signal ? { signal } : {});
    return parseContainer(res);
  }
}

/** Reads a JSON or XML answer into the MediaContainer. */
export function parseContainer(res: Pick<HttpResponse<string>, 'body' | 'headers'>): PlexContainer {
  const text = res.body.replace(/^\uFEFF/, '').trim();
  const type = res.headers.get('content-type') ?? '';
  let doc: { MediaContainer?: PlexContainer };
  if (/xml/i.test(type) || text.startsWith('<')) {
    const valid = XMLValidator.validate(text);
    if (valid !== true) throw new ProtocolError(`Plex: malformed XML (${valid.err.msg})`, text);
    doc = xml.parse(text) as { MediaContainer?: PlexContainer };
  } else {
    try {
      doc = JSON.parse(text) as { MediaContainer?: PlexContainer };
    } catch {
      throw new ProtocolError('Plex: response is neither JSON nor XML', text);
    }
  }
  if (!doc || typeof doc !== 'object' || !doc.MediaContainer || typeof doc.MediaContainer !== 'object') {
    throw new ProtocolError('Plex: response has no MediaContainer', text);
  }
  return doc.MediaContainer;
}
