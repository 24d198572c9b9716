// Sonarr's monitor types, applied when a series is added (and by "monitor" actions later): which seasons and
// episodes start monitored. Like Sonarr, specials (season 0) are never monitored by any of these types; a user
// monitors specials explicitly.

export const MONITOR_TYPES = [
  'all',
  'future',
  'missing',
  'existing',
  'pilot',
  'first_season',
  'latest_season',
  'none',
] as const;
export type MonitorType = (typeof MONITOR_TYPES)[number];

export interface MonitorSeasonInput {
  seasonNumber: number;
}

export interface MonitorEpisodeInput {
  seasonNumber: number;
  episodeNumber: number;
  /** ISO instant; null = not announced yet, which counts as future. */
  airDateUtc: string | null;
  hasFile: boolean;
}

export interface MonitorResult<S, E> {
  seasons: (S & { monitored: boolean })[];
  episodes: (E & { monitored: boolean })[];
}

function episodeRule(type: MonitorType, seasonNumbers: number[], now: Date): (e: MonitorEpisodeInput) => boolean {
  const regular = seasonNumbers.filter((n) => n > 0);
  const first = regular.length ? Math.min(...regular) : undefined;
  const latest = regular.length ? Math.max(...regular) : undefined;
  const isFuture = (e: MonitorEpisodeInput) => e.airDateUtc === null || Date.parse(e.airDateUtc) >= now.getTime();
  switch (type) {
    case 'all':
      return () => true;
    case 'future':
      return isFuture;
    case 'missing':
      return (e) => !e.hasFile;
    case 'existing':
      return (e) => e.hasFile;
    case 'pilot':
      return (e) => e.seasonNumber === 1 && e.episodeNumber === 1;
    case 'first_season':
      return (e) => e.seasonNumber === first;
    case 'latest_season':
      return (e) => e.seasonNumber === latest;
    case 'none':
      return () => false;
  }
}

/** Whether a season with no episodes yet is monitored: only by types that want what has not aired. */
function emptySeasonRule(type: MonitorType, seasonNumber: number, seasonNumbers: number[]): boolean {
  const regular = seasonNumbers.filter((n) => n > 0);
  if (type === 'all' || type === 'future' || type === 'missing') return true;
  if (type === 'first_season') return seasonNumber === Math.min(...regular);
  if (type === 'latest_season') return seasonNumber === Math.max(...regular);
  return false;
}

/**
 * Returns copies of `seasons` and `episodes` with `monitored` set. A season is monitored when any of its
 * episodes is (or, for a season without episodes, when the type wants future content); so a season toggle
 * in the UI agrees with its episodes.
 */
export function applyMonitorType<S extends MonitorSeasonInput, E extends MonitorEpisodeInput>(
  type: MonitorType,
  seasons: readonly S[],
  episodes: readonly E[],
  now: Date,
): MonitorResult<S, E> {
  const seasonNumbers = [...new Set([...seasons.map((s) => s.seasonNumber), ...episodes.map((e) => e.seasonNumber)])];
  const rule = episodeRule(type, seasonNumbers, now);
  const monitoredEpisodes = episodes.map((e) => ({ ...e, monitored: e.seasonNumber > 0 && rule(e) }));
  const withEpisodes = new Set(episodes.map((e) => e.seasonNumber));
  const anyMonitored = new Set(monitoredEpisodes.filter((e) => e.monitored).map((e) => e.seasonNumber));
  const monitoredSeasons = seasons.map((s) => {
    if (s.seasonNumber <= 0) return { ...s, monitored: false };
    const monitored = withEpisodes.has(s.seasonNumber)
      ? anyMonitored.has(s.seasonNumber)
      : emptySeasonRule(type, s.seasonNumber, seasonNumbers);
    return { ...s, monitored };
  });
  return { seasons: monitoredSeasons, episodes: monitoredEpisodes };
}
