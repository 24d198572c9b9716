// RSS / Newznab / Torznab items → ReleaseInfo. Tolerant by design: every item is mapped on its own and one that
// cannot be used (no title, no download URL) is skipped and reported, never dropping the rest of the feed.
// Sizes, dates, seeders and ids are read from wherever the indexer put them: `newznab:attr`/`torznab:attr`,
// plain elements, `enclosure`, foreign namespaces (nyaa:, ezrss `torrent`), or the description text.
import { ProtocolError } from '../../../lib/errors.js';
import type { Protocol, ReleaseInfo } from '../../../providers/ports/indexer.port.js';
import {
  infoHashFromMagnet,
  normaliseImdbId,
  parseCount,
  parseDecimal,
  parseFeedDate,
  parseId,
  parseSize,
  sizeFromDescription,
} from './values.js';
import { asArray, attr, text, type XmlNode } from './xml.js';

export interface FeedContext {
  indexer: string;
  indexerId: number | null;
  protocol: Protocol;
  /** Relative links resolve against it. */
  baseUrl: string;
  /** Used as the publish date of items that carry none. */
  fetchedAt: Date;
}

export interface SkippedItem {
  title?: string;
  reason: string;
}

export interface ParsedFeed {
  releases: ReleaseInfo[];
  /** Items in the document, usable or not (paging counts these). */
  itemCount: number;
  skipped: SkippedItem[];
  /** `newznab:response` offset/total, when sent. */
  offset?: number;
  total?: number;
}

export function parseReleaseFeed(doc: XmlNode, ctx: FeedContext, what: string): ParsedFeed {
  const rss = doc.rss as XmlNode | undefined;
  const channel = (rss && typeof rss === 'object' ? rss.channel : undefined) as XmlNode | string | undefined;
  if (rss === undefined || channel === undefined) throw new ProtocolError(`${what}: not an RSS feed`);
  if (typeof channel !== 'object') return { releases: [], itemCount: 0, skipped: [] };
  const items = asArray<XmlNode>(channel.item);
  const out: ParsedFeed = { releases: [], itemCount: items.length, skipped: [] };
  const response = channel['newznab:response'] ?? channel['torznab:response'];
  const offset = parseCount(attr(response, 'offset'));
  const total = parseCount(attr(response, 'total'));
  if (offset !== undefined) out.offset = offset;
  if (total !== undefined) out.total = total;
  for (const item of items) {
    try {
      const mapped = mapItem(item, ctx);
      if ('reason' in mapped) out.skipped.push(mapped);
      else out.releases.push(mapped);
    } catch (err) {
      out.skipped.push({ title: text(item?.title), reason: err instanceof Error ? err.message : String(err) });
    }
  }
  return out;
}

type Attrs = Map<string, string[]>;

function collectAttrs(item: XmlNode): Attrs {
  const attrs: Attrs = new Map();
  for (const key of ['torznab:attr', 'newznab:attr', 'attr']) {
    for (const a of asArray(item[key])) {
      const name = attr(a, 'name')?.toLowerCase();
      const value = attr(a, 'value');
      if (!name || value === undefined) continue;
      const list = attrs.get(name);
      if (list) list.push(value.trim());
      else attrs.set(name, [value.trim()]);
    }
  }
  return attrs;
}

function mapItem(item: XmlNode, ctx: FeedContext): ReleaseInfo | SkippedItem {
  if (!item || typeof item !== 'object') return { reason: 'empty item' };
  const rawTitle = text(item.title);
  if (!rawTitle) return { reason: 'no title' };
  // Titles arrive double-escaped now and then (`&amp;amp;`) and with line breaks inside.
  const title = rawTitle
    .replace(/&amp;/g, '&')
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim();
  const attrs = collectAttrs(item);
  const one = (name: string) => attrs.get(name)?.[0];
  const torrentNs = (typeof item.torrent === 'object' ? item.torrent : {}) as XmlNode;

  const enclosure = asArray<XmlNode>(item.enclosure)[0];
  const link = text(item.link);
  const rawDownload = attr(enclosure, 'url') ?? link;
  const downloadUrl = usableUrl(rawDownload, ctx.baseUrl);
  const magnetUrl =
    usableUrl(one('magneturl'), ctx.baseUrl, true) ??
    (downloadUrl?.startsWith('magnet:') ? downloadUrl : undefined) ??
    usableUrl(text(torrentNs.magnetURI) ?? text(item.magnetURI), ctx.baseUrl, true);
  const finalDownload = downloadUrl ?? magnetUrl;
  if (!finalDownload) return { title, reason: 'no usable download URL' };

  // Newznab search results always carry an enclosure; a usenet "item" with neither it nor a size is some other
  // answer in RSS clothing (DOGnzb's t=getnfo returns the NFO text as an item), not an NZB to grab.
  const sized = attrs.has('size') || item.size !== undefined || item['nyaa:size'] !== undefined;
  if (ctx.protocol === 'usenet' && enclosure === undefined && !sized) {
    return { title, reason: 'no enclosure and no size: not an NZB search result' };
  }

  const description = text(item.description);
  const size =
    parseSize(one('size')) ??
    parseSize(text(item.size)) ??
    positive(parseSize(attr(enclosure, 'length'))) ??
    parseSize(text(item['nyaa:size'])) ??
    parseSize(text(torrentNs.contentLength) ?? text(item.contentLength)) ??
    sizeFromDescription(description) ??
    0;

  const published =
    parseFeedDate(text(item.pubDate)) ?? parseFeedDate(one('usenetdate')) ?? parseFeedDate(text(item['dc:date']));
  const usenetDate = parseFeedDate(one('usenetdate'));

  const categories = new Set<number>();
  for (const c of attrs.get('category') ?? []) addCategory(categories, c);
  for (const c of asArray(item.category)) addCategory(categories, text(c));

  const comments = usableUrl(text(item.comments), ctx.baseUrl);
  const info = usableUrl(one('info'), ctx.baseUrl) ?? comments;
  const guid = text(item.guid) ?? finalDownload;

  const release: ReleaseInfo = {
    guid,
    title,
    downloadUrl: finalDownload,
    indexer: ctx.indexer,
    indexerId: ctx.indexerId,
    protocol: ctx.protocol,
    size,
    publishDate: (published ?? ctx.fetchedAt).toISOString(),
    categories: [...categories],
    freeleech: false,
  };
  if (magnetUrl) release.magnetUrl = magnetUrl;
  if (info) release.infoUrl = info;
  if (comments) release.commentsUrl = comments;

  const upstream = (item.jackettindexer ?? item.prowlarrindexer) as unknown;
  if (upstream !== undefined) {
    const id = attr(upstream, 'id');
    const name = text(upstream);
    if (id || name) release.upstreamIndexer = { id: id ?? name!, name: name ?? id! };
  }

  const seeders =
    parseCount(one('seeders')) ?? parseCount(text(item['nyaa:seeders'])) ?? parseCount(text(item.seeders));
  const peers = parseCount(one('peers')) ?? parseCount(text(item.peers));
  const leechers =
    parseCount(one('leechers')) ??
    parseCount(text(item['nyaa:leechers'])) ??
    (peers !== undefined && seeders !== undefined && peers >= seeders ? peers - seeders : undefined);
  if (seeders !== undefined) release.seeders = seeders;
  if (peers !== undefined) release.peers = peers;
  else if (seeders !== undefined && leechers !== undefined) release.peers = seeders + leechers;
  if (leechers !== undefined) release.leechers = leechers;

  const grabs = parseCount(one('grabs')) ?? parseCount(text(item.grabs)) ?? parseCount(text(item['nyaa:downloads']));
  if (grabs !== undefined) release.grabs = grabs;

  const hash =
    one('infohash') ?? text(item['nyaa:infoHash']) ?? text(torrentNs.infoHash) ?? text(item.infoHash) ?? undefined;
  const infoHash = hash && /^[0-9a-f]{40}$/i.test(hash) ? hash.toUpperCase() : infoHashFromMagnet(magnetUrl);
  if (infoHash) release.infoHash = infoHash;

  const imdbId = normaliseImdbId(one('imdbid') ?? one('imdb'));
  if (imdbId) release.imdbId = imdbId;
  const tvdbId = parseId(one('tvdbid') ?? one('thetvdb'));
  if (tvdbId) release.tvdbId = tvdbId;
  const tmdbId = parseId(one('tmdbid') ?? one('tmdb'));
  if (tmdbId) release.tmdbId = tmdbId;

  const dvf = parseDecimal(one('downloadvolumefactor'));
  const uvf = parseDecimal(one('uploadvolumefactor'));
  if (dvf !== undefined) release.downloadVolumeFactor = dvf;
  if (uvf !== undefined) release.uploadVolumeFactor = uvf;
  const tags = new Set((attrs.get('tag') ?? []).map((t) => t.toLowerCase()));
  release.freeleech = dvf === 0 || tags.has('freeleech');
  if (tags.has('internal')) release.internal = true;
  // Newznab sends these as 0/1; any of the attrs set means the release was matched to a scene pre.
  if (['prematch', 'haspretime'].some((name) => isSet(one(name)))) release.scene = true;
  if (isSet(one('nuked'))) release.nuked = true;
  const languages = listValues(attrs.get('language'));
  if (languages.length > 0) release.languages = languages;

  const minRatio = parseDecimal(one('minimumratio'));
  if (minRatio !== undefined) release.minimumRatio = minRatio;
  const minSeed = parseCount(one('minimumseedtime'));
  if (minSeed !== undefined) release.minimumSeedTime = minSeed;
  if (usenetDate) release.usenetDate = usenetDate.toISOString();
  const poster = usableUrl(one('coverurl'), ctx.baseUrl);
  if (poster) release.posterUrl = poster;
  return release;
}

/** A flag attr that is on: a positive number, `yes` or `true`. */
function isSet(value: string | undefined): boolean {
  if (value === undefined) return false;
  const v = value.trim().toLowerCase();
  return v === 'yes' || v === 'true' || (/^\d+$/.test(v) && Number(v) > 0);
}

/** Values that may repeat as attrs and may each hold a comma-separated list ("English, Japanese"). */
function listValues(values: string[] | undefined): string[] {
  const out = new Set<string>();
  for (const v of values ?? []) {
    for (const part of v.split(',')) {
      const t = part.trim();
      if (t !== '') out.add(t);
    }
  }
  return [...out];
}

function addCategory(set: Set<number>, value: string | undefined): void {
  if (value && /^\d+$/.test(value.trim())) set.add(Number(value.trim()));
}

function positive(n: number | undefined): number | undefined {
  return n !== undefined && n > 0 ? n : undefined;
}

/** An absolute http(s) or magnet URL; relative paths resolve against the indexer's URL. */
export function usableUrl(value: string | undefined, base: string, magnetOnly = false): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^magnet:\?/i.test(v)) return v;
  if (magnetOnly) return undefined;
  try {
    const url = new URL(v, base.endsWith('/') ? base : `${base}/`);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}
