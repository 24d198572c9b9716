// HDBits torrents → ReleaseInfo, and SearchQuery → the HDBits request body.
import type { ReleaseInfo, SearchQuery } from '../../../providers/ports/indexer.port.js';
import { NEWZNAB_CATEGORIES } from '../common/categories.js';
import { normaliseImdbId, parseFeedDate, parseId } from '../common/values.js';
import { HDBITS_CATEGORIES, type HdbitsSettings } from './settings.js';
import type { HdbitsQuery, HdbitsTorrent } from './wire.js';

const TO_NEWZNAB: Record<number, number> = {
  [HDBITS_CATEGORIES.movie]: NEWZNAB_CATEGORIES.MOVIES,
  [HDBITS_CATEGORIES.tv]: NEWZNAB_CATEGORIES.TV,
  [HDBITS_CATEGORIES.documentary]: NEWZNAB_CATEGORIES.TV_DOCUMENTARY,
  [HDBITS_CATEGORIES.music]: NEWZNAB_CATEGORIES.AUDIO_VIDEO,
  [HDBITS_CATEGORIES.sport]: NEWZNAB_CATEGORIES.TV_SPORT,
  [HDBITS_CATEGORIES.audioTrack]: NEWZNAB_CATEGORIES.AUDIO,
};

/** HDBits categories a search of each type may use (documentaries and sport are TV-like, documentaries film-like too). */
const FOR_TYPE: Record<'movie' | 'tv', readonly number[]> = {
  movie: [HDBITS_CATEGORIES.movie, HDBITS_CATEGORIES.documentary],
  tv: [HDBITS_CATEGORIES.tv, HDBITS_CATEGORIES.documentary, HDBITS_CATEGORIES.sport],
};

export const HDBITS_MAX_LIMIT = 100;

export function buildHdbitsQuery(
  settings: Pick<HdbitsSettings, 'username' | 'passkey' | 'categories' | 'codecs' | 'mediums'>,
  q: SearchQuery | undefined,
  limit?: number,
): HdbitsQuery {
  const body: HdbitsQuery = { username: settings.username, passkey: settings.passkey };
  const category =
    q && q.type !== 'generic'
      ? settings.categories.filter((c) => FOR_TYPE[q.type as 'movie' | 'tv'].includes(c))
      : settings.categories;
  if (category.length > 0) body.category = category;
  if (settings.codecs.length > 0) body.codec = [...settings.codecs];
  if (settings.mediums.length > 0) body.medium = [...settings.mediums];
  if (q) {
    const imdb = q.imdbId ? Number(q.imdbId.replace(/^tt/i, '')) : undefined;
    const pad2 = (n: number) => String(n).padStart(2, '0');
    if (q.type === 'movie' && imdb) body.imdb = { id: imdb };
    else if (q.type === 'tv' && q.tvdbId) {
      body.tvdb = { id: q.tvdbId };
      if (q.airDate) body.search = q.airDate.replace(/-/g, ' ');
      else if (q.season !== undefined) {
        body.tvdb.season = q.season;
        if (q.episode !== undefined) body.tvdb.episode = q.episode;
      }
    } else if (q.term) {
      let suffix = '';
      if (q.type === 'tv' && q.airDate) suffix = ` ${q.airDate.replace(/-/g, ' ')}`;
      else if (q.type === 'tv' && q.season !== undefined)
        suffix = q.episode !== undefined ? ` S${pad2(q.season)}E${pad2(q.episode)}` : ` S${pad2(q.season)}`;
      else if (q.type === 'tv' && q.absoluteEpisode !== undefined) suffix = ` ${pad2(q.absoluteEpisode)}`;
      body.search = `${q.term}${suffix}`;
    }
    if (q.offset && limit) body.page = Math.floor(q.offset / limit);
  }
  body.limit = Math.min(limit ?? HDBITS_MAX_LIMIT, HDBITS_MAX_LIMIT);
  return body;
}

export interface HdbitsMapContext {
  indexer: string;
  indexerId: number | null;
  baseUrl: string;
  passkey: string;
  fetchedAt: Date;
}

export function mapHdbitsTorrent(t: HdbitsTorrent, ctx: HdbitsMapContext): ReleaseInfo | undefined {
  const id = String(t?.id ?? '').trim();
  const title = typeof t?.name === 'string' ? t.name.trim() : '';
  if (!/^\d+$/.test(id) || title === '') return undefined;
  const base = ctx.baseUrl.replace(/\/+$/, '');
  const published =
    (typeof t.utadded === 'number' && t.utadded > 0 ? new Date(t.utadded * 1000) : undefined) ??
    parseFeedDate(t.added) ??
    ctx.fetchedAt;
  const freeleech = String(t.freeleech ?? '').toLowerCase() === 'yes';
  const category = TO_NEWZNAB[t.type_category ?? 0];
  const out: ReleaseInfo = {
    guid: `HDBits-${id}`,
    title,
    downloadUrl: `${base}/download.php?id=${id}&passkey=${encodeURIComponent(ctx.passkey)}`,
    infoUrl: `${base}/details.php?id=${id}`,
    commentsUrl: `${base}/details.php?id=${id}`,
    indexer: ctx.indexer,
    indexerId: ctx.indexerId,
    protocol: 'torrent',
    size: typeof t.size === 'number' && t.size > 0 ? t.size : 0,
    publishDate: published.toISOString(),
    categories: category ? [category] : [],
    freeleech,
    downloadVolumeFactor: freeleech ? 0 : 1,
    uploadVolumeFactor: 1,
    internal: t.type_origin === 1,
  };
  if (typeof t.seeders === 'number') out.seeders = t.seeders;
  if (typeof t.leechers === 'number') out.leechers = t.leechers;
  if (typeof t.seeders === 'number' && typeof t.leechers === 'number') out.peers = t.seeders + t.leechers;
  if (typeof t.times_completed === 'number') out.grabs = t.times_completed;
  if (t.hash && /^[0-9a-f]{40}$/i.test(t.hash)) out.infoHash = t.hash.toUpperCase();
  const imdbId = normaliseImdbId(t.imdb?.id);
  if (imdbId) out.imdbId = imdbId;
  const tvdbId = parseId(t.tvdb?.id);
  if (tvdbId) out.tvdbId = tvdbId;
  return out;
}
