// Scene-group reputation (seed 000: SceneGroupAnalyzer / calculate_reputation_score), as pure functions over the
// statistics idkarr collects from what its indexers return (RSS, searches) and what happens to grabs. Every factor
// is 0–100 and the weights add up to 100 %:
//   seeder health 25 %, internal ratio 20 %, completion 15 %, quality consistency 12 %, recency 10 %,
//   category diversity 8 %, volume 5 %, size appropriateness 5 %.
// Factors without any evidence (no torrent releases for seeders, no finished downloads, no size checks) count as a
// neutral 50 rather than 0 or 100, so a usenet-only group is not punished for having no seeders.

export type QualityTier = 'S' | 'A' | 'B' | 'C' | 'D';
export type ConfidenceLevel = 'low' | 'medium' | 'high';

export interface SceneGroupStats {
  /** Distinct releases seen (one per indexer + guid). */
  totalReleases: number;
  internalReleases: number;
  /** Torrent releases that reported seeders, and the sums over them. */
  seederSamples: number;
  seedersTotal: number;
  peersTotal: number;
  /** Downloads of this group that finished (imported/completed) and that failed. */
  completedDownloads: number;
  failedDownloads: number;
  /** Releases per catalog quality id. */
  qualities: Record<string, number>;
  /** Distinct Newznab category ids the group's releases were filed under. */
  categories: number[];
  /** Releases whose size could be checked against the quality definition, and how many were within it. */
  sizeSamples: number;
  sizeWithinLimits: number;
  /** ISO instant the group was last seen. */
  lastSeen: string;
}

export interface ReputationFactors {
  seederHealth: number;
  internalRatio: number;
  completion: number;
  qualityConsistency: number;
  recency: number;
  categoryDiversity: number;
  volume: number;
  sizeAppropriateness: number;
}

export interface Reputation {
  /** 0–100, one decimal. */
  score: number;
  tier: QualityTier;
  confidence: ConfidenceLevel;
  factors: ReputationFactors;
}

export const REPUTATION_WEIGHTS: Readonly<Record<keyof ReputationFactors, number>> = {
  seederHealth: 0.25,
  internalRatio: 0.2,
  completion: 0.15,
  qualityConsistency: 0.12,
  recency: 0.1,
  categoryDiversity: 0.08,
  volume: 0.05,
  sizeAppropriateness: 0.05,
};

const NEUTRAL = 50;
const DAY_MS = 86_400_000;
/** Average seeders that count as perfect health (log scale below it). */
export const HEALTHY_SEEDERS = 100;

const clamp = (n: number, lo = 0, hi = 100) => (Number.isFinite(n) ? Math.min(hi, Math.max(lo, n)) : lo);
const round1 = (n: number) => Math.round(n * 10) / 10;

/** 0–100 on a log scale of the average seeders: 0 seeders → 0, 9 → 50, 100+ → 100. Swarms with many more leechers
 * than seeders lose up to a fifth. No torrent samples → neutral. */
export function seederHealth(s: Pick<SceneGroupStats, 'seederSamples' | 'seedersTotal' | 'peersTotal'>): number {
  if (s.seederSamples <= 0) return NEUTRAL;
  const avg = s.seedersTotal / s.seederSamples;
  const base = (100 * Math.log10(1 + avg)) / Math.log10(1 + HEALTHY_SEEDERS);
  const leechers = Math.max(0, s.peersTotal - s.seedersTotal);
  const ratio = s.seedersTotal + leechers > 0 ? s.seedersTotal / (s.seedersTotal + leechers) : 1;
  return clamp(base * (0.8 + 0.2 * ratio));
}

/** Completed ÷ (completed + failed); nothing finished yet → neutral. */
export function completionRate(s: Pick<SceneGroupStats, 'completedDownloads' | 'failedDownloads'>): number {
  const total = s.completedDownloads + s.failedDownloads;
  return total > 0 ? (100 * s.completedDownloads) / total : NEUTRAL;
}

/** Share of the group's releases in its most common quality. */
export function qualityConsistency(qualities: Readonly<Record<string, number>>): number {
  let total = 0;
  let top = 0;
  for (const n of Object.values(qualities)) {
    total += n;
    if (n > top) top = n;
  }
  return total > 0 ? (100 * top) / total : NEUTRAL;
}

/** 100 when seen within a week, falling linearly to 0 at a year. */
export function recencyScore(lastSeen: string, now: number): number {
  const at = Date.parse(lastSeen);
  if (!Number.isFinite(at)) return 0;
  const days = Math.max(0, (now - at) / DAY_MS);
  if (days <= 7) return 100;
  return clamp(100 * (1 - (days - 7) / (365 - 7)));
}

export function computeFactors(s: SceneGroupStats, now: number): ReputationFactors {
  const total = Math.max(0, s.totalReleases);
  return {
    seederHealth: seederHealth(s),
    internalRatio: total > 0 ? clamp((100 * s.internalReleases) / total) : 0,
    completion: completionRate(s),
    qualityConsistency: qualityConsistency(s.qualities),
    recency: recencyScore(s.lastSeen, now),
    // Seed: categories.len() / 10 and ln(total) / 10, both capped at 1.
    categoryDiversity: clamp((100 * new Set(s.categories).size) / 10),
    volume: total > 0 ? clamp((100 * Math.log(total)) / 10) : 0,
    sizeAppropriateness: s.sizeSamples > 0 ? clamp((100 * s.sizeWithinLimits) / s.sizeSamples) : NEUTRAL,
  };
}

export function weightedScore(f: ReputationFactors): number {
  let sum = 0;
  for (const key of Object.keys(REPUTATION_WEIGHTS) as (keyof ReputationFactors)[])
    sum += clamp(f[key]) * REPUTATION_WEIGHTS[key];
  return round1(clamp(sum));
}

export function qualityTier(score: number): QualityTier {
  if (score >= 85) return 'S';
  if (score >= 70) return 'A';
  if (score >= 55) return 'B';
  if (score >= 40) return 'C';
  return 'D';
}

/** By sample size: under 10 releases low, under 50 medium, else high. */
export function confidenceLevel(totalReleases: number): ConfidenceLevel {
  if (totalReleases >= 50) return 'high';
  if (totalReleases >= 10) return 'medium';
  return 'low';
}

export function reputationOf(s: SceneGroupStats, now: number): Reputation {
  const factors = computeFactors(s, now);
  const score = weightedScore(factors);
  return { score, tier: qualityTier(score), confidence: confidenceLevel(s.totalReleases), factors };
}

/** Seed's `influences_decision`: a reputation may steer decisions only above the threshold and when not low. */
export function influencesDecision(r: Pick<Reputation, 'score' | 'confidence'>, threshold: number): boolean {
  return r.score >= threshold && r.confidence !== 'low';
}

/** Rejects a group whose reputation is trusted (not low confidence) and below the profile's minimum. */
export function reputationRejects(r: Pick<Reputation, 'score' | 'confidence'> | undefined, minimum: number): boolean {
  if (!r || minimum <= 0 || r.confidence === 'low') return false;
  return r.score < minimum;
}

/** The key a group is stored under: release groups compare case-insensitively. */
export function groupKey(name: string): string {
  return name.trim().toLowerCase();
}

/** Is a release of `sizeBytes` within the quality definition's MB-per-minute limits for `runtimeMinutes`? */
export function sizeWithinDefinition(
  sizeBytes: number,
  runtimeMinutes: number,
  def: { minSize: number; maxSize: number | null },
): boolean | null {
  if (sizeBytes <= 0 || runtimeMinutes <= 0) return null;
  const mb = sizeBytes / (1024 * 1024);
  if (mb < def.minSize * runtimeMinutes) return false;
  if (def.maxSize !== null && def.maxSize > 0 && mb > def.maxSize * runtimeMinutes) return false;
  return true;
}
