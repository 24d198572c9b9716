// Ranking table: each row is two candidates that differ in one key (and any later keys pointing the other way),
// and the row says which must come first — so every key is shown to outrank the keys after it.
import { describe, expect, it } from 'vitest';
import { type CandidateOver, candidate, context, DELAY, episode, series } from './decision.test-support.js';
import { rankCandidates } from './ranking.js';

const MB = 1024 * 1024;
const ctx = context({
  sizes: new Map([
    [
      'bluray-1080p',
      { id: 1, qualityId: 'bluray-1080p', title: 'x', weight: 1, minSize: 0, preferredSize: 50, maxSize: null },
    ],
  ]),
});
type Row = [what: string, winner: CandidateOver, loser: CandidateOver];

const rows: Row[] = [
  [
    'higher rung wins over score',
    { quality: 'remux-1080p', release: { guid: 'a' } },
    { customFormatScore: 500, release: { guid: 'b' } },
  ],
  [
    'proper wins over score',
    { revision: { version: 2, real: 0 }, release: { guid: 'a' } },
    { customFormatScore: 500, release: { guid: 'b' } },
  ],
  [
    'custom-format score wins over protocol',
    { customFormatScore: 10, release: { guid: 'a' } },
    { release: { protocol: 'usenet', guid: 'b' } },
  ],
  [
    'preferred protocol wins over indexer priority',
    { release: { protocol: 'usenet', guid: 'a' }, indexer: { id: 1, name: 'a', priority: 50, tags: [] } },
    { release: { guid: 'b' }, indexer: { id: 2, name: 'b', priority: 1, tags: [] } },
  ],
  [
    'torrent preferred by the delay profile',
    { release: { guid: 'a' }, delayProfile: { ...DELAY, preferredProtocol: 'torrent' } },
    { release: { protocol: 'usenet', guid: 'b' }, delayProfile: { ...DELAY, preferredProtocol: 'torrent' } },
  ],
  [
    'indexer priority wins over seeders',
    { release: { seeders: 1, guid: 'a' }, indexer: { id: 1, name: 'a', priority: 10, tags: [] } },
    { release: { seeders: 1000, guid: 'b' }, indexer: { id: 2, name: 'b', priority: 20, tags: [] } },
  ],
  [
    'more seeders win over size',
    { release: { seeders: 100, size: 1 * MB, guid: 'a' } },
    { release: { seeders: 10, guid: 'b' } },
  ],
  [
    'seeders in the same log bucket tie, size decides',
    { release: { seeders: 1000, size: 5000 * MB, guid: 'b' } },
    { release: { seeders: 1010, size: 9000 * MB, guid: 'a' } },
  ],
  [
    'newer usenet post wins over size',
    { release: { protocol: 'usenet', size: 1 * MB, guid: 'a' }, ageMinutes: 30 },
    { release: { protocol: 'usenet', size: 5000 * MB, guid: 'b' }, ageMinutes: 60 * 48 },
  ],
  [
    'torrent age does not matter, size decides',
    { release: { size: 5000 * MB, guid: 'b' }, ageMinutes: 60 * 48 },
    { release: { size: 1 * MB, guid: 'a' }, ageMinutes: 30 },
  ],
  [
    'closer to the preferred size (50 MB/min × 100 min)',
    { release: { size: 5200 * MB, guid: 'b' } },
    { release: { size: 4700 * MB, guid: 'a' } },
  ],
  [
    'episode sizes use runtime × episodes',
    {
      release: { size: 2 * 45 * 50 * MB, guid: 'b' },
      target: {
        kind: 'episode',
        series: series(),
        episodes: [episode(1), episode(2)],
        fullSeason: false,
        seasonNumber: 1,
      },
    },
    {
      release: { size: 45 * 50 * MB, guid: 'a' },
      target: {
        kind: 'episode',
        series: series(),
        episodes: [episode(1), episode(2)],
        fullSeason: false,
        seasonNumber: 1,
      },
    },
  ],
  [
    'everything equal: lower indexer id',
    { release: { indexerId: 1, guid: 'z' } },
    { release: { indexerId: 2, guid: 'a' } },
  ],
  ['everything equal: guid', { release: { guid: 'a' } }, { release: { guid: 'b' } }],
];

describe('ranking', () => {
  it.each(rows)('%s', (_what, winner, loser) => {
    expect(rankCandidates([candidate(loser), candidate(winner)], ctx)).toEqual([1, 0]);
    expect(rankCandidates([candidate(winner), candidate(loser)], ctx)).toEqual([0, 1]);
  });

  it('is deterministic over a shuffled batch', () => {
    const list = rows.flatMap(([, w, l]) => [candidate(w), candidate(l)]);
    const order = rankCandidates(list, ctx).map((i) => list[i]!.release.guid + list[i]!.quality.id);
    const reversed = [...list].reverse();
    expect(rankCandidates(reversed, ctx).map((i) => reversed[i]!.release.guid + reversed[i]!.quality.id)).toEqual(
      order,
    );
  });
});
