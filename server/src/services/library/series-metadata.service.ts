// Provider series metadata → the library's Series fields and episode rows (pure). Used by add and refresh alike.
// Air instants: the providers give a calendar day and the network's local `HH:MM` without a zone, so the UTC
// instant is that day and time read as UTC (midnight when the time is unknown). Sonarr converts with the network's
// zone; the providers' payloads here carry none, so this is exact for UTC networks and off by the zone elsewhere.

import type { EpisodeUpsert } from '../../db/repositories/episode.repository.js';
import { cleanSeriesTitle, sortTitle } from '../../domain/library/clean-title.js';
import type { Series, SeriesAlternativeTitle, SeriesStatus } from '../../domain/library/series.types.js';
import type { SeriesMetadata } from '../../providers/ports/metadata.port.js';
import { toMediaImages } from './movie-metadata.service.js';

export type SeriesMetadataFields = Pick<
  Series,
  | 'tvdbId'
  | 'tmdbId'
  | 'imdbId'
  | 'title'
  | 'sortTitle'
  | 'cleanTitle'
  | 'year'
  | 'status'
  | 'overview'
  | 'network'
  | 'airTime'
  | 'runtime'
  | 'certification'
  | 'genres'
  | 'images'
  | 'firstAired'
  | 'lastAired'
  | 'nextAiring'
  | 'previousAiring'
>;

/** An episode as metadata describes it; `monitored` is filled by the caller (only used for new rows). */
export type EpisodeFromMetadata = Omit<EpisodeUpsert, 'monitored'>;

const STATUS: Record<SeriesMetadata['status'], SeriesStatus> = {
  continuing: 'continuing',
  ended: 'ended',
  upcoming: 'upcoming',
  unknown: 'continuing',
};

export function airDateUtc(airDate: string | undefined, airTime: string | undefined): string | null {
  if (!airDate || !/^\d{4}-\d{2}-\d{2}$/.test(airDate)) return null;
  const time = airTime && /^\d{2}:\d{2}$/.test(airTime) ? airTime : '00:00';
  const instant = new Date(`${airDate}T${time}:00.000Z`);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

export function episodesFromMetadata(m: SeriesMetadata): EpisodeFromMetadata[] {
  return m.episodes.map((e) => ({
    tvdbId: e.tvdbId ?? null,
    tmdbId: e.tmdbId ?? null,
    seasonNumber: e.seasonNumber,
    episodeNumber: e.episodeNumber,
    absoluteEpisodeNumber: e.absoluteEpisodeNumber ?? null,
    sceneSeasonNumber: null,
    sceneEpisodeNumber: null,
    sceneAbsoluteEpisodeNumber: null,
    title: e.title || null,
    overview: e.overview ?? null,
    airDate: e.airDate ?? null,
    airDateUtc: airDateUtc(e.airDate, m.airTime),
    runtime: e.runtime ?? m.runtime ?? 0,
    unverifiedSceneNumbering: false,
  }));
}

/** Season numbers the metadata knows, from its season list and its episodes, ascending. */
export function seasonNumbers(m: SeriesMetadata): number[] {
  return [...new Set([...m.seasons.map((s) => s.seasonNumber), ...m.episodes.map((e) => e.seasonNumber)])].sort(
    (a, b) => a - b,
  );
}

export function seriesMetadataFields(
  m: SeriesMetadata,
  episodes: readonly EpisodeFromMetadata[],
  nowIso: string,
): SeriesMetadataFields {
  const regular = episodes.filter((e) => e.seasonNumber > 0);
  const days = regular
    .map((e) => e.airDate)
    .filter((d): d is string => d !== null)
    .sort();
  const instants = episodes.map((e) => e.airDateUtc).filter((d): d is string => d !== null);
  const future = instants.filter((i) => i > nowIso).sort();
  const past = instants.filter((i) => i <= nowIso).sort();
  const firstAired = m.firstAired ?? days[0] ?? null;
  const year = m.year ?? (firstAired ? Number(firstAired.slice(0, 4)) : 0);
  return {
    tvdbId: m.tvdbId ?? null,
    tmdbId: m.tmdbId ?? null,
    imdbId: m.imdbId ?? null,
    title: m.title,
    sortTitle: sortTitle(m.title),
    cleanTitle: cleanSeriesTitle(m.title),
    year: Number.isFinite(year) ? year : 0,
    status: STATUS[m.status] ?? 'continuing',
    overview: m.overview ?? null,
    network: m.network ?? null,
    airTime: m.airTime ?? null,
    runtime: m.runtime ?? 0,
    certification: m.certification ?? null,
    genres: m.genres,
    images: toMediaImages(m.images),
    firstAired,
    lastAired: days.at(-1) ?? null,
    nextAiring: future[0] ?? null,
    previousAiring: past.at(-1) ?? null,
  };
}

export function seriesAlternativeTitles(m: SeriesMetadata): SeriesAlternativeTitle[] {
  const seen = new Set([cleanSeriesTitle(m.title)]);
  const out: SeriesAlternativeTitle[] = [];
  const candidates = [...(m.originalTitle ? [m.originalTitle] : []), ...m.alternativeTitles.map((t) => t.title)];
  for (const title of candidates) {
    const clean = cleanSeriesTitle(title);
    if (!clean || seen.has(clean)) continue;
    seen.add(clean);
    out.push({ title, cleanTitle: clean, sceneSeasonNumber: null });
  }
  return out;
}
