// Prowlarr search results (JSON) → ReleaseInfo. One malformed entry is skipped, never the whole answer.
import type { Protocol, ReleaseInfo } from '../../../providers/ports/indexer.port.js';
import { infoHashFromMagnet, normaliseImdbId, parseFeedDate, parseId } from '../common/values.js';
import type { ProwlarrCategory, ProwlarrRelease } from './wire.js';

export interface MapContext {
  indexer: string;
  indexerId: number | null;
  protocol: Protocol;
  fetchedAt: Date;
}

function categoryIds(list: ProwlarrCategory[] | undefined): number[] {
  const out = new Set<number>();
  for (const c of list ?? []) {
    if (typeof c?.id === 'number') out.add(c.id);
    for (const s of c?.subCategories ?? []) if (typeof s?.id === 'number') out.add(s.id);
  }
  return [...out];
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

export function mapProwlarrRelease(r: ProwlarrRelease, ctx: MapContext): ReleaseInfo | undefined {
  const title = str(r?.title);
  const magnetUrl = str(r.magnetUrl);
  const downloadUrl = str(r.downloadUrl) ?? magnetUrl;
  if (!title || !downloadUrl) return undefined;
  const protocol: Protocol = r.protocol === 'usenet' || r.protocol === 'torrent' ? r.protocol : ctx.protocol;
  const flags = new Set((r.indexerFlags ?? []).map((f) => String(f).toLowerCase()));
  const dvf = num(r.downloadVolumeFactor);
  const out: ReleaseInfo = {
    guid: str(r.guid) ?? downloadUrl,
    title,
    downloadUrl,
    indexer: ctx.indexer,
    indexerId: ctx.indexerId,
    protocol,
    size: num(r.size) ?? 0,
    publishDate: (parseFeedDate(r.publishDate) ?? ctx.fetchedAt).toISOString(),
    categories: categoryIds(r.categories),
    freeleech: dvf === 0 || flags.has('freeleech'),
  };
  if (magnetUrl) out.magnetUrl = magnetUrl;
  const info = str(r.infoUrl) ?? str(r.commentUrl);
  if (info) out.infoUrl = info;
  if (str(r.commentUrl)) out.commentsUrl = str(r.commentUrl);
  if (r.indexerId !== undefined || r.indexer) {
    out.upstreamIndexer = { id: String(r.indexerId ?? r.indexer), name: r.indexer ?? String(r.indexerId) };
  }
  if (protocol === 'torrent') {
    const seeders = num(r.seeders);
    const leechers = num(r.leechers);
    if (seeders !== undefined) out.seeders = seeders;
    if (leechers !== undefined) out.leechers = leechers;
    if (seeders !== undefined && leechers !== undefined) out.peers = seeders + leechers;
    const hash = str(r.infoHash);
    const infoHash = hash && /^[0-9a-f]{40}$/i.test(hash) ? hash.toUpperCase() : infoHashFromMagnet(magnetUrl);
    if (infoHash) out.infoHash = infoHash;
  }
  if (num(r.grabs) !== undefined) out.grabs = num(r.grabs);
  const imdbId = normaliseImdbId(r.imdbId && r.imdbId > 0 ? r.imdbId : undefined);
  if (imdbId) out.imdbId = imdbId;
  if (parseId(r.tmdbId)) out.tmdbId = parseId(r.tmdbId);
  if (parseId(r.tvdbId)) out.tvdbId = parseId(r.tvdbId);
  if (dvf !== undefined) out.downloadVolumeFactor = dvf;
  if (num(r.uploadVolumeFactor) !== undefined) out.uploadVolumeFactor = num(r.uploadVolumeFactor);
  if (flags.has('internal')) out.internal = true;
  if (flags.has('scene')) out.scene = true;
  if (flags.has('nuked')) out.nuked = true;
  if (num(r.minimumRatio) !== undefined) out.minimumRatio = num(r.minimumRatio);
  if (num(r.minimumSeedTime) !== undefined) out.minimumSeedTime = num(r.minimumSeedTime);
  if (str(r.posterUrl)) out.posterUrl = str(r.posterUrl);
  return out;
}
