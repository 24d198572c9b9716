// Reputation tables: each factor on its own, the weighted total against hand-computed values, tier and confidence
// boundaries, and the seed's influences_decision rule.
import { describe, expect, it } from 'vitest';
import {
  completionRate,
  computeFactors,
  confidenceLevel,
  groupKey,
  influencesDecision,
  qualityConsistency,
  qualityTier,
  REPUTATION_WEIGHTS,
  recencyScore,
  reputationOf,
  reputationRejects,
  type SceneGroupStats,
  seederHealth,
  sizeWithinDefinition,
  weightedScore,
} from './reputation.js';

const NOW = Date.parse('2025-06-01T00:00:00Z');
const daysAgo = (d: number) => new Date(NOW - d * 86_400_000).toISOString();

function stats(over: Partial<SceneGroupStats> = {}): SceneGroupStats {
  return {
    totalReleases: 20,
    internalReleases: 0,
    seederSamples: 0,
    seedersTotal: 0,
    peersTotal: 0,
    completedDownloads: 0,
    failedDownloads: 0,
    qualities: {},
    categories: [],
    sizeSamples: 0,
    sizeWithinLimits: 0,
    lastSeen: daysAgo(0),
    ...over,
  };
}

describe('weights', () => {
  it('add up to 100 %', () => {
    expect(Object.values(REPUTATION_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });
});

describe('factors', () => {
  it.each([
    ['no torrent samples: neutral', { seederSamples: 0 }, 50],
    ['0 seeders', { seederSamples: 4, seedersTotal: 0, peersTotal: 0 }, 0],
    ['100 seeders average, no leechers', { seederSamples: 2, seedersTotal: 200, peersTotal: 200 }, 100],
    ['1000 seeders average is capped', { seederSamples: 1, seedersTotal: 1000, peersTotal: 1000 }, 100],
    [
      '100 seeders swamped by leechers lose a fifth at most',
      { seederSamples: 1, seedersTotal: 100, peersTotal: 100_100 },
      80.02,
    ],
  ] as const)('seeder health: %s', (_what, over, expected) => {
    expect(seederHealth(stats(over))).toBeCloseTo(expected, 1);
  });

  it.each([
    [0, 0, 50],
    [9, 1, 90],
    [0, 3, 0],
    [5, 0, 100],
  ])('completion %i completed / %i failed → %d', (completed, failed, expected) => {
    expect(completionRate({ completedDownloads: completed, failedDownloads: failed })).toBe(expected);
  });

  it.each([
    [{}, 50],
    [{ 'bluray-1080p': 10 }, 100],
    [{ 'bluray-1080p': 3, 'webdl-1080p': 1 }, 75],
    [{ a: 1, b: 1, c: 1, d: 1 }, 25],
  ])('quality consistency %o → %d', (q, expected) => {
    expect(qualityConsistency(q)).toBe(expected);
  });

  it.each([
    [0, 100],
    [7, 100],
    [186, 50],
    [365, 0],
    [900, 0],
  ])('recency: seen %i days ago → %d', (days, expected) => {
    expect(recencyScore(daysAgo(days), NOW)).toBeCloseTo(expected, 5);
  });

  it('recency of an unreadable date is 0', () => {
    expect(recencyScore('yesterday', NOW)).toBe(0);
  });

  it('category diversity is categories / 10, volume ln(total) / 10 (seed), both capped', () => {
    const f = computeFactors(stats({ totalReleases: 1, categories: [2040, 2040, 5040] }), NOW);
    expect(f.categoryDiversity).toBe(20);
    expect(f.volume).toBe(0);
    const g = computeFactors(stats({ totalReleases: 100_000, categories: [...Array(14).keys()] }), NOW);
    expect(g.categoryDiversity).toBe(100);
    expect(g.volume).toBe(100);
    expect(computeFactors(stats({ totalReleases: 148 }), NOW).volume).toBeCloseTo(49.97, 2);
  });

  it('size appropriateness: share within limits; no samples → neutral', () => {
    expect(computeFactors(stats({ sizeSamples: 4, sizeWithinLimits: 3 }), NOW).sizeAppropriateness).toBe(75);
    expect(computeFactors(stats(), NOW).sizeAppropriateness).toBe(50);
  });
});

describe('weighted score', () => {
  it.each([
    [
      'all perfect',
      {
        seederHealth: 100,
        internalRatio: 100,
        completion: 100,
        qualityConsistency: 100,
        recency: 100,
        categoryDiversity: 100,
        volume: 100,
        sizeAppropriateness: 100,
      },
      100,
    ],
    [
      'all zero',
      {
        seederHealth: 0,
        internalRatio: 0,
        completion: 0,
        qualityConsistency: 0,
        recency: 0,
        categoryDiversity: 0,
        volume: 0,
        sizeAppropriateness: 0,
      },
      0,
    ],
    [
      'seeders only (25 %)',
      {
        seederHealth: 100,
        internalRatio: 0,
        completion: 0,
        qualityConsistency: 0,
        recency: 0,
        categoryDiversity: 0,
        volume: 0,
        sizeAppropriateness: 0,
      },
      25,
    ],
    [
      'internal only (20 %)',
      {
        seederHealth: 0,
        internalRatio: 100,
        completion: 0,
        qualityConsistency: 0,
        recency: 0,
        categoryDiversity: 0,
        volume: 0,
        sizeAppropriateness: 0,
      },
      20,
    ],
    [
      'mixed',
      {
        seederHealth: 80,
        internalRatio: 50,
        completion: 90,
        qualityConsistency: 75,
        recency: 100,
        categoryDiversity: 30,
        volume: 40,
        sizeAppropriateness: 60,
      },
      // 20 + 10 + 13.5 + 9 + 10 + 2.4 + 2 + 3 = 69.9
      69.9,
    ],
  ])('%s', (_what, factors, expected) => {
    expect(weightedScore(factors)).toBe(expected);
  });

  it('a strong internal group scores S with high confidence; a thin one is low confidence', () => {
    const strong = reputationOf(
      stats({
        totalReleases: 120,
        internalReleases: 120,
        seederSamples: 120,
        seedersTotal: 120 * 150,
        peersTotal: 120 * 160,
        completedDownloads: 10,
        qualities: { 'bluray-1080p': 118, 'remux-1080p': 2 },
        categories: [2040, 2045, 5040, 5045, 2050, 5070, 2060, 2030, 5030, 5080],
        sizeSamples: 50,
        sizeWithinLimits: 50,
      }),
      NOW,
    );
    expect(strong.tier).toBe('S');
    expect(strong.confidence).toBe('high');
    expect(strong.score).toBeGreaterThan(90);
    const thin = reputationOf(stats({ totalReleases: 3, lastSeen: daysAgo(400) }), NOW);
    expect(thin.confidence).toBe('low');
    expect(thin.tier).toBe('D');
  });
});

describe('tiers and confidence', () => {
  it.each([
    [100, 'S'],
    [85, 'S'],
    [84.9, 'A'],
    [70, 'A'],
    [69.9, 'B'],
    [55, 'B'],
    [54.9, 'C'],
    [40, 'C'],
    [39.9, 'D'],
    [0, 'D'],
  ] as const)('score %d → tier %s', (score, tier) => {
    expect(qualityTier(score)).toBe(tier);
  });

  it.each([
    [0, 'low'],
    [9, 'low'],
    [10, 'medium'],
    [49, 'medium'],
    [50, 'high'],
  ] as const)('%i releases → %s confidence', (n, level) => {
    expect(confidenceLevel(n)).toBe(level);
  });
});

describe('influence on decisions', () => {
  it.each([
    [{ score: 80, confidence: 'high' }, 70, true],
    [{ score: 80, confidence: 'low' }, 70, false],
    [{ score: 60, confidence: 'medium' }, 70, false],
    [{ score: 70, confidence: 'medium' }, 70, true],
  ] as const)('influences_decision(%o, %d) = %s', (r, threshold, expected) => {
    expect(influencesDecision(r, threshold)).toBe(expected);
  });

  it.each([
    [undefined, 50, false, 'unknown group'],
    [{ score: 10, confidence: 'low' }, 50, false, 'low confidence is ignored'],
    [{ score: 10, confidence: 'medium' }, 50, true, 'below the minimum'],
    [{ score: 50, confidence: 'high' }, 50, false, 'at the minimum'],
    [{ score: 10, confidence: 'high' }, 0, false, 'minimum 0 = off'],
  ] as const)('reputationRejects(%o, %d) = %s (%s)', (r, min, expected, _why) => {
    expect(reputationRejects(r, min)).toBe(expected);
  });
});

describe('helpers', () => {
  it('group keys ignore case and spaces around', () => {
    expect(groupKey(' SPARKS ')).toBe('sparks');
  });

  it.each([
    [0, 100, { minSize: 1, maxSize: 100 }, null],
    [5 * 1024 ** 3, 0, { minSize: 1, maxSize: 100 }, null],
    [5 * 1024 ** 3, 100, { minSize: 1, maxSize: 100 }, true],
    [50 * 1024 ** 2, 100, { minSize: 1, maxSize: 100 }, false],
    [20 * 1024 ** 3, 100, { minSize: 1, maxSize: 100 }, false],
    [20 * 1024 ** 3, 100, { minSize: 1, maxSize: null }, true],
  ])('size %d bytes for %d min within %o → %s', (size, runtime, def, expected) => {
    expect(sizeWithinDefinition(size, runtime, def)).toBe(expected);
  });
});
