// The decision specifications: each a small pure function returning null (accept) or a rejection with a reason.
// Permanent rejections will not change by waiting (wrong quality, blocklisted); temporary ones may (delayed,
// not yet available, already queued). Order matters only for the order reasons are listed in.
import { isMovieAvailable } from '../library/movie-availability.rules.js';
import { isQualityAllowed } from '../library/quality-profile.rules.js';
import { qualityById } from '../quality/quality-catalog.js';
import type { Candidate, DecisionContext, QualityStanding, Rejection, Specification } from './decision.types.js';
import { protocolDelay, protocolEnabled } from './delay-profile.rules.js';
import { profileApplies, sharesTag } from './release-terms.js';
import { compareStanding, rung, upgradeRejection } from './standing.rules.js';

const MB = 1024 * 1024;
const permanent = (reason: string): Rejection => ({ reason, type: 'permanent' });
const temporary = (reason: string): Rejection => ({ reason, type: 'temporary' });

export function qualityName(id: string): string {
  return qualityById(id)?.radarrName ?? id;
}

function standing(c: Candidate): QualityStanding {
  return { quality: c.quality.id, revision: c.revision, customFormatScore: c.customFormatScore };
}

function itemTags(c: Candidate): readonly number[] {
  return c.target.kind === 'movie' ? c.target.movie.tags : c.target.series.tags;
}

function mb(bytes: number): string {
  return `${(bytes / MB).toFixed(0)} MB`;
}

/** The release belongs to what was searched for (interactive/automatic searches for one item). */
export const searchMatchSpec: Specification = (c, ctx) => {
  const s = ctx.search;
  if (!s) return null;
  if (c.target.kind === 'movie') {
    if (s.seriesId !== undefined) return permanent('Release is a movie, an episode was searched for');
    if (s.movieIds && !s.movieIds.includes(c.target.movie.id))
      return permanent('Wrong movie: not the one searched for');
    return null;
  }
  if (s.movieIds) return permanent('Release is an episode, a movie was searched for');
  if (s.seriesId !== undefined && s.seriesId !== c.target.series.id) {
    return permanent('Wrong series: not the one searched for');
  }
  if (s.seasonNumber !== undefined && c.target.seasonNumber !== s.seasonNumber) {
    return permanent(`Wrong season: ${c.target.seasonNumber}, searched for ${s.seasonNumber}`);
  }
  if (s.episodeIds && !c.target.episodes.some((e) => s.episodeIds!.includes(e.id))) {
    return permanent('Wrong episode: none of the searched episodes');
  }
  return null;
};

export const monitoredSpec: Specification = (c, ctx) => {
  if (ctx.search?.userInvoked) return null;
  const t = c.target;
  if (t.kind === 'movie') return t.movie.monitored ? null : permanent('Movie is not monitored');
  if (!t.series.monitored) return permanent('Series is not monitored');
  if (t.fullSeason) {
    return t.episodes.some((e) => e.monitored) ? null : permanent('No monitored episodes in this season');
  }
  const unmonitored = t.episodes.filter((e) => !e.monitored);
  if (unmonitored.length === 0) return null;
  return permanent(
    `Episode not monitored: ${unmonitored.map((e) => `S${e.seasonNumber}E${e.episodeNumber}`).join(', ')}`,
  );
};

export const availabilitySpec: Specification = (c, ctx) => {
  if (c.target.kind !== 'movie' || ctx.search?.userInvoked) return null;
  const m = c.target.movie;
  return isMovieAvailable(m, ctx.today)
    ? null
    : temporary(`Movie is not available yet (minimum availability: ${m.minimumAvailability})`);
};

/** A full-season pack only once every episode of the season has aired. */
export const seasonPackSpec: Specification = (c, ctx) => {
  const t = c.target;
  if (t.kind !== 'episode' || !t.fullSeason) return null;
  for (const e of t.episodes) {
    if (e.airDateUtc === null || Date.parse(e.airDateUtc) > ctx.now) {
      return temporary('Full season pack, but not every episode of the season has aired');
    }
  }
  return null;
};

export const qualityAllowedSpec: Specification = (c) =>
  isQualityAllowed(c.profile, c.quality.id)
    ? null
    : permanent(`Quality ${qualityName(c.quality.id)} is not wanted in profile ${c.profile.name}`);

export const customFormatScoreSpec: Specification = (c) =>
  c.customFormatScore >= c.profile.minFormatScore
    ? null
    : permanent(
        `Custom format score ${c.customFormatScore} is below the profile's minimum ${c.profile.minFormatScore}`,
      );

/** Every existing file the release would replace must be worse (season packs: monitored episodes only). */
export const upgradeSpec: Specification = (c, ctx) => {
  const t = c.target;
  const me = standing(c);
  if (t.kind === 'movie') {
    if (t.movie.movieFileId === null) return null;
    const file = ctx.movieFiles.get(t.movie.movieFileId) ?? UNKNOWN_FILE;
    return upgradeRejection(c.profile, file, me, qualityName);
  }
  for (const e of t.episodes) {
    if (e.episodeFileId === null || (t.fullSeason && !e.monitored)) continue;
    const file = ctx.episodeFiles.get(e.episodeFileId) ?? UNKNOWN_FILE;
    const r = upgradeRejection(c.profile, file, me, qualityName);
    if (r) return r;
  }
  return null;
};

/** A file whose quality is not known (the import records were not available): anything allowed upgrades it. */
const UNKNOWN_FILE: QualityStanding = { quality: 'unknown', revision: { version: 1, real: 0 }, customFormatScore: 0 };

function runtimeMinutes(c: Candidate): number {
  const t = c.target;
  if (t.kind === 'movie') return t.movie.runtime;
  let total = 0;
  for (const e of t.episodes) {
    const r = e.runtime || t.series.runtime;
    if (!r) return 0;
    total += r;
  }
  return total;
}

/** Size within the quality definition's MB-per-minute window for the runtime; unknown runtime or size: skipped. */
export const sizeSpec: Specification = (c, ctx) => {
  const size = c.release.size;
  if (size <= 0) return null;
  if (ctx.settings.maximumSizeMb > 0 && size > ctx.settings.maximumSizeMb * MB) {
    return permanent(`${mb(size)} is larger than the maximum size ${ctx.settings.maximumSizeMb} MB`);
  }
  const minutes = runtimeMinutes(c);
  if (minutes <= 0) return null;
  const def = ctx.sizes.get(c.quality.id);
  const min = def?.minSize ?? c.quality.size.min;
  const max = def ? def.maxSize : c.quality.size.max;
  if (min > 0 && size < min * minutes * MB) {
    return permanent(`${mb(size)} is smaller than the minimum ${(min * minutes).toFixed(0)} MB for ${minutes} minutes`);
  }
  if (max !== null && max > 0 && size > max * minutes * MB) {
    return permanent(`${mb(size)} is larger than the maximum ${(max * minutes).toFixed(0)} MB for ${minutes} minutes`);
  }
  return null;
};

/** Usenet only: retention (settings or the indexer's) and minimum age. */
export const ageSpec: Specification = (c, ctx) => {
  if (c.release.protocol !== 'usenet') return null;
  const retention = c.indexer?.retentionDays || ctx.settings.retentionDays;
  if (retention > 0 && c.ageMinutes > retention * 1440) {
    return permanent(`Older than the usenet retention of ${retention} days`);
  }
  const minAge = ctx.settings.minimumAgeMinutes;
  if (minAge > 0 && c.ageMinutes < minAge) {
    return temporary(`Only ${Math.max(0, Math.floor(c.ageMinutes))} minutes old, minimum age is ${minAge} minutes`);
  }
  return null;
};

export const seedersSpec: Specification = (c) => {
  if (c.release.protocol !== 'torrent') return null;
  const min = c.indexer?.minimumSeeders ?? 0;
  const seeders = c.release.seeders;
  if (min <= 0 || seeders === undefined) return null;
  return seeders < min ? permanent(`Not enough seeders: ${seeders} (minimum ${min})`) : null;
};

/** Protocol disabled by the item's delay profile (permanent), or still inside its delay (temporary "delayed"). */
export const delaySpec: Specification = (c, ctx) => {
  const p = c.delayProfile;
  if (!p) return null;
  const protocol = c.release.protocol;
  if (!protocolEnabled(p, protocol))
    return permanent(`${protocol === 'usenet' ? 'Usenet' : 'Torrent'} is disabled by the delay profile`);
  if (ctx.search?.userInvoked) return null;
  const delay = protocolDelay(p, protocol);
  if (delay <= 0) return null;
  if (p.bypassIfHighestQuality && isHighestQuality(c)) return null;
  if (c.ageMinutes >= delay) return null;
  return temporary(
    `Delayed: ${protocol} delay is ${delay} minutes, release is ${Math.max(0, Math.floor(c.ageMinutes))} minutes old`,
  );
};

function isHighestQuality(c: Candidate): boolean {
  const items = c.profile.items;
  for (let i = items.length - 1; i >= 0; i--) {
    if (items[i]!.allowed) return rung(c.profile, c.quality.id) === i;
  }
  return false;
}

function queuedFor(
  c: Candidate,
  byMovie: ReadonlyMap<number, readonly QualityStanding[]>,
  byEpisode: ReadonlyMap<number, readonly QualityStanding[]>,
  skip?: (s: QualityStanding) => boolean,
): QualityStanding | undefined {
  const me = standing(c);
  const check = (list: readonly QualityStanding[] | undefined) => {
    if (!list) return undefined;
    for (const q of list) if (!skip?.(q) && compareStanding(c.profile, me, q) <= 0) return q;
    return undefined;
  };
  if (c.target.kind === 'movie') return check(byMovie.get(c.target.movie.id));
  for (const e of c.target.episodes) {
    const hit = check(byEpisode.get(e.id));
    if (hit) return hit;
  }
  return undefined;
}

/** Not already downloading at equal or better quality (the queue is the download-client work's QueueLookup). */
export const queueSpec: Specification = (c, ctx) => {
  const q = queuedFor(c, ctx.queueByMovie, ctx.queueByEpisode);
  return q ? temporary(`Already in the download queue with equal or better quality (${qualityName(q.quality)})`) : null;
};

/** Not already waiting (delay profile) as an equal or better pending release; the same release is not a rival. */
export const pendingSpec: Specification = (c, ctx) => {
  const same = (s: QualityStanding) => {
    const p = s as { guid?: string; indexerId?: number | null };
    return p.guid === c.release.guid && p.indexerId === c.release.indexerId;
  };
  const q = queuedFor(c, ctx.pendingByMovie, ctx.pendingByEpisode, same);
  return q ? temporary(`A release of equal or better quality is already pending (${qualityName(q.quality)})`) : null;
};

export function blocklistTitleKey(indexerId: number | null, title: string): string {
  return `${indexerId ?? 0}|${title.toLowerCase()}`;
}

export const blocklistSpec: Specification = (c, ctx) => {
  const r = c.release;
  const b = ctx.blocklist;
  if (b.guids.has(r.guid)) return permanent('Release is blocklisted');
  if (r.infoHash && b.infoHashes.has(r.infoHash.toLowerCase())) return permanent('Release is blocklisted (info hash)');
  if (b.titles.has(blocklistTitleKey(r.indexerId, r.title))) return permanent('Release is blocklisted');
  return null;
};

export const releaseProfileSpec: Specification = (c, ctx) => {
  const title = c.release.title;
  const tags = itemTags(c);
  for (const rp of ctx.releaseProfiles) {
    if (!profileApplies(rp.profile, tags, c.release.indexerId)) continue;
    if (rp.required.length > 0 && !rp.required.some((t) => t.test(title))) {
      return permanent(`Does not contain any required term: ${rp.required.map((t) => t.source).join(', ')}`);
    }
    for (const t of rp.ignored) if (t.test(title)) return permanent(`Contains an ignored term: ${t.source}`);
  }
  return null;
};

/** The profile's language (`Any` accepts all; `Original` wants the item's original language when known). */
export const languageSpec: Specification = (c, ctx) => {
  const wanted = ctx.wantedLanguage(c.profile.id);
  if (wanted === 'Any') return null;
  const language = wanted === 'Original' ? ctx.originalLanguage(c.target) : wanted;
  if (language === undefined) return null;
  if (c.languages.includes(language)) return null;
  return permanent(`Language ${c.languages.join(', ') || 'Unknown'} is not wanted (profile wants ${language})`);
};

/** Indexers with tags only serve items sharing one of them. */
export const indexerTagSpec: Specification = (c) => {
  const tags = c.indexer?.tags;
  if (!tags || tags.length === 0) return null;
  return sharesTag(tags, itemTags(c))
    ? null
    : permanent(`Indexer ${c.indexer!.name} is restricted to items with other tags`);
};

const SAMPLE = /(?:^|[^a-z0-9])sample(?:[^a-z0-9]|$)/i;
const HASHED = /^(?:[a-f0-9]{24,}|[a-z0-9]{24,}|[a-z0-9]{8}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{12})$/i;

/** Titles that are not a real release: samples and obfuscated/hashed names (checked before matching). */
export function titleRejection(title: string): Rejection | null {
  const base = title.trim().replace(/\.(?:mkv|mp4|avi|nzb|torrent)$/i, '');
  if (SAMPLE.test(base)) return permanent('Release is a sample');
  if (HASHED.test(base) && /\d/.test(base)) return permanent('Release title is hashed or obfuscated');
  return null;
}

export interface NamedSpecification {
  name: string;
  run: Specification;
}

/** Every specification in the order their reasons are reported. */
export const SPECIFICATIONS: readonly NamedSpecification[] = [
  { name: 'searchMatch', run: searchMatchSpec },
  { name: 'monitored', run: monitoredSpec },
  { name: 'availability', run: availabilitySpec },
  { name: 'seasonPack', run: seasonPackSpec },
  { name: 'qualityAllowed', run: qualityAllowedSpec },
  { name: 'upgrade', run: upgradeSpec },
  { name: 'customFormatScore', run: customFormatScoreSpec },
  { name: 'size', run: sizeSpec },
  { name: 'age', run: ageSpec },
  { name: 'seeders', run: seedersSpec },
  { name: 'delay', run: delaySpec },
  { name: 'queue', run: queueSpec },
  { name: 'pending', run: pendingSpec },
  { name: 'blocklist', run: blocklistSpec },
  { name: 'releaseProfile', run: releaseProfileSpec },
  { name: 'language', run: languageSpec },
  { name: 'indexerTags', run: indexerTagSpec },
];

/** Runs every specification; empty = accepted. */
export function evaluateCandidate(c: Candidate, ctx: DecisionContext): Rejection[] {
  const out: Rejection[] = [];
  for (const s of SPECIFICATIONS) {
    const r = s.run(c, ctx);
    if (r) out.push(r);
  }
  return out;
}
