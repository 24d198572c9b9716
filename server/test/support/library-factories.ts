// Builders for library rows in tests: valid defaults, override what the test is about.
import { cleanMovieTitle, cleanSeriesTitle, sortTitle } from '../../src/domain/library/clean-title.js';
import type { NewMovie } from '../../src/domain/library/movie.types.js';
import type { EpisodeMetadata, NewSeries } from '../../src/domain/library/series.types.js';

export function newMovie(n: number, over: Partial<NewMovie> = {}): NewMovie {
  const title = over.title ?? `Movie ${String(n).padStart(4, '0')}`;
  return {
    tmdbId: 1000 + n,
    imdbId: `tt${String(n).padStart(7, '0')}`,
    title,
    originalTitle: null,
    sortTitle: sortTitle(title),
    cleanTitle: cleanMovieTitle(title),
    year: 2000 + (n % 25),
    runtime: 90 + (n % 60),
    overview: null,
    status: 'released',
    inCinemas: null,
    physicalRelease: null,
    digitalRelease: null,
    minimumAvailability: 'released',
    certification: null,
    genres: ['Drama'],
    studio: null,
    images: [{ coverType: 'poster', remoteUrl: `https://image.example/${n}.jpg` }],
    ratings: { tmdb: { value: 7.5, votes: 100 } },
    monitored: true,
    qualityProfileId: 1,
    path: `/media/movies/${title} (${2000 + (n % 25)})`,
    rootFolderPath: '/media/movies',
    tags: [],
    collection: null,
    added: new Date(Date.UTC(2024, 0, 1) + n * 60_000).toISOString(),
    lastInfoSync: null,
    movieFileId: null,
    ...over,
  };
}

export function newSeries(n: number, over: Partial<NewSeries> = {}): NewSeries {
  const title = over.title ?? `Series ${String(n).padStart(4, '0')}`;
  return {
    tvdbId: 70000 + n,
    tmdbId: 9000 + n,
    imdbId: null,
    title,
    sortTitle: sortTitle(title),
    cleanTitle: cleanSeriesTitle(title),
    year: 1990 + (n % 30),
    status: 'continuing',
    overview: null,
    network: n % 3 === 0 ? null : `Network ${n % 5}`,
    airTime: '21:00',
    runtime: 45,
    seriesType: 'standard',
    certification: null,
    genres: [],
    images: [],
    ratings: {},
    monitored: true,
    monitorNewItems: 'all',
    qualityProfileId: 1,
    path: `/media/tv/${title}`,
    rootFolderPath: '/media/tv',
    seasonFolder: true,
    tags: [],
    added: new Date(Date.UTC(2024, 0, 1) + n * 60_000).toISOString(),
    lastInfoSync: null,
    firstAired: null,
    lastAired: null,
    nextAiring: null,
    previousAiring: null,
    ...over,
  };
}

export function episodeMeta(season: number, episode: number, over: Partial<EpisodeMetadata> = {}): EpisodeMetadata {
  return {
    tvdbId: season * 1000 + episode,
    tmdbId: null,
    seasonNumber: season,
    episodeNumber: episode,
    absoluteEpisodeNumber: null,
    sceneSeasonNumber: null,
    sceneEpisodeNumber: null,
    sceneAbsoluteEpisodeNumber: null,
    title: `Episode ${season}x${episode}`,
    overview: null,
    airDate: null,
    airDateUtc: null,
    runtime: 45,
    unverifiedSceneNumbering: false,
    ...over,
  };
}
