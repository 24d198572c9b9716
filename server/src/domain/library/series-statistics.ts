// Episode counts per season and series, Sonarr's statistics: `episodeCount` is what the user can have right now
// (monitored and aired, or already on disk), `totalEpisodeCount` everything known.

export interface SeasonStatistics {
  seriesId: number;
  seasonNumber: number;
  episodeCount: number;
  episodeFileCount: number;
  totalEpisodeCount: number;
  /** ISO instants. */
  nextAiring: string | null;
  previousAiring: string | null;
}

export interface SeriesStatistics {
  seriesId: number;
  seasonCount: number;
  episodeCount: number;
  episodeFileCount: number;
  totalEpisodeCount: number;
  percentOfEpisodes: number;
  nextAiring: string | null;
  previousAiring: string | null;
}

const earliest = (a: string | null, b: string | null) => (a === null ? b : b === null || a <= b ? a : b);
const latest = (a: string | null, b: string | null) => (a === null ? b : b === null || a >= b ? a : b);

/** Sums season rows into one row per series; specials count for files but not for `seasonCount`. */
export function summarizeSeries(seasons: readonly SeasonStatistics[]): Map<number, SeriesStatistics> {
  const out = new Map<number, SeriesStatistics>();
  for (const s of seasons) {
    const acc = out.get(s.seriesId) ?? {
      seriesId: s.seriesId,
      seasonCount: 0,
      episodeCount: 0,
      episodeFileCount: 0,
      totalEpisodeCount: 0,
      percentOfEpisodes: 0,
      nextAiring: null,
      previousAiring: null,
    };
    if (s.seasonNumber > 0) acc.seasonCount++;
    acc.episodeCount += s.episodeCount;
    acc.episodeFileCount += s.episodeFileCount;
    acc.totalEpisodeCount += s.totalEpisodeCount;
    acc.nextAiring = earliest(acc.nextAiring, s.nextAiring);
    acc.previousAiring = latest(acc.previousAiring, s.previousAiring);
    out.set(s.seriesId, acc);
  }
  for (const acc of out.values()) {
    acc.percentOfEpisodes = acc.episodeCount === 0 ? 0 : (acc.episodeFileCount / acc.episodeCount) * 100;
  }
  return out;
}
