// Ranking accepted releases, best first. Keys in order:
//  1. quality: the rung in the profile (then the position inside a group), then revision (proper/repack);
//  2. custom-format score;
//  3. protocol: the delay profile's preferred protocol first;
//  3b. episode count (Sonarr): a full season pack first, then releases covering more episodes;
//  4. indexer priority: lower number first;
//  5. seeders (torrents only), compared in log2 buckets so 1,000 vs 1,010 seeders is a tie that later keys break;
//  6. age (usenet only): newer first in buckets (< 1 h, < 1 day, < 1 week, older), like Sonarr — fresh posts are
//     the least likely to have lost articles to takedowns; torrents ignore age (seeders say more);
//  7. release-group preference (optional, from the scene-group reputation hook; 0 for all when off): higher first;
//  8. size: closest to the quality definition's preferred size for the runtime (unknown runtime: equal);
//  9. deterministic tie-breaks: indexer id, then guid.
import { compareRevision, qualityIndex } from '../library/quality-profile.rules.js';
import type { Candidate, DecisionContext } from './decision.types.js';

const MB = 1024 * 1024;

export interface RankKey {
  rung: number;
  groupIndex: number;
  version: number;
  real: number;
  score: number;
  preferredProtocol: number;
  episodeCount: number;
  priority: number;
  seeders: number;
  age: number;
  groupPreference: number;
  sizeDistance: number;
  indexerId: number;
  guid: string;
}

function ageBucket(c: Candidate): number {
  if (c.release.protocol !== 'usenet') return 0;
  const hours = c.ageMinutes / 60;
  if (hours < 1) return 3;
  if (hours <= 24) return 2;
  if (hours <= 24 * 7) return 1;
  return 0;
}

function runtimeOf(c: Candidate): number {
  const t = c.target;
  if (t.kind === 'movie') return t.movie.runtime;
  let total = 0;
  for (const e of t.episodes) total += e.runtime || t.series.runtime;
  return total;
}

export function rankKey(c: Candidate, ctx: Pick<DecisionContext, 'sizes'>, groupPreference = 0): RankKey {
  const at = qualityIndex(c.profile, c.quality.id);
  const preferred = c.delayProfile?.preferredProtocol ?? 'usenet';
  const seeders = c.release.protocol === 'torrent' ? Math.floor(Math.log2((c.release.seeders ?? 0) + 1)) : 0;
  const minutes = runtimeOf(c);
  const perMinute = ctx.sizes.get(c.quality.id)?.preferredSize ?? c.quality.size.preferred;
  const sizeDistance =
    minutes > 0 && c.release.size > 0 && perMinute > 0 ? Math.abs(c.release.size / MB - perMinute * minutes) : 0;
  return {
    rung: at?.index ?? -1,
    groupIndex: at?.groupIndex ?? 0,
    version: c.revision.version,
    real: c.revision.real,
    score: c.customFormatScore,
    preferredProtocol: c.release.protocol === preferred ? 1 : 0,
    episodeCount: c.target.kind === 'episode' ? (c.target.fullSeason ? 1_000_000 : 0) + c.target.episodes.length : 0,
    priority: c.indexer?.priority ?? 25,
    seeders,
    age: ageBucket(c),
    groupPreference,
    sizeDistance,
    indexerId: c.release.indexerId ?? 0,
    guid: c.release.guid,
  };
}

/** Negative when `a` ranks before (is better than) `b`. */
export function compareRankKeys(a: RankKey, b: RankKey): number {
  return (
    b.rung - a.rung ||
    b.groupIndex - a.groupIndex ||
    compareRevision({ version: b.version, real: b.real }, { version: a.version, real: a.real }) ||
    b.score - a.score ||
    b.preferredProtocol - a.preferredProtocol ||
    b.episodeCount - a.episodeCount ||
    a.priority - b.priority ||
    b.seeders - a.seeders ||
    b.age - a.age ||
    b.groupPreference - a.groupPreference ||
    a.sizeDistance - b.sizeDistance ||
    a.indexerId - b.indexerId ||
    (a.guid < b.guid ? -1 : a.guid > b.guid ? 1 : 0)
  );
}

/** Indexes of `candidates` best first; `groupPreferences[i]` (optional) is candidate i's release-group preference. */
export function rankCandidates(
  candidates: readonly Candidate[],
  ctx: Pick<DecisionContext, 'sizes'>,
  groupPreferences?: readonly number[],
): number[] {
  const keys = candidates.map((c, i) => rankKey(c, ctx, groupPreferences?.[i] ?? 0));
  return keys.map((_, i) => i).sort((i, j) => compareRankKeys(keys[i]!, keys[j]!) || i - j);
}
