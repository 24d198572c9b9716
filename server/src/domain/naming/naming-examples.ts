// Preview names for the naming settings page: sample items chosen to exercise the tokens (an article, a colon, an
// apostrophe, a two-part episode title, a proper, a release group, media info, an edition).
import {
  buildEpisodeFileName,
  buildMovieFileName,
  buildMovieFolder,
  buildSeasonFolder,
  buildSeriesFolder,
} from './file-name-builder.js';
import type { NamingConfig, NamingEpisode, NamingFileInfo, NamingMovie, NamingSeries } from './naming.types.js';

export interface NamingExamples {
  singleEpisodeExample: string;
  multiEpisodeExample: string;
  dailyEpisodeExample: string;
  animeEpisodeExample: string;
  animeMultiEpisodeExample: string;
  seriesFolderExample: string;
  seasonFolderExample: string;
  specialsFolderExample: string;
  movieExample: string;
  movieFolderExample: string;
}

const SERIES: NamingSeries = {
  title: "The Night Watchman's Tale",
  year: 2019,
  tvdbId: 350001,
  tmdbId: 90001,
  imdbId: 'tt9000001',
  seriesType: 'standard',
};

const episode = (episodeNumber: number, title: string, absolute: number, airDate: string): NamingEpisode => ({
  seasonNumber: 2,
  episodeNumber,
  absoluteEpisodeNumber: absolute,
  title,
  airDate,
});

const EPISODES = [
  episode(5, 'Lanterns: Part One (1)', 15, '2021-03-14'),
  episode(6, 'Lanterns: Part One (2)', 16, '2021-03-21'),
  episode(7, 'Lanterns: Part One (3)', 17, '2021-03-28'),
];

const FILE: NamingFileInfo = {
  quality: 'webdl-1080p',
  revision: { version: 2, real: 0, isRepack: false },
  releaseGroup: 'NiGHT',
  customFormats: ['x265', 'DD+'],
  mediaInfo: { videoCodec: 'x265', audioCodec: 'EAC3', audioChannels: 5.1, audioLanguages: ['en'] },
  originalTitle: 'The.Night.Watchmans.Tale.S02E05.1080p.WEB-DL.DDP5.1.x265-NiGHT',
  originalFileName: 'the.night.watchmans.tale.s02e05.1080p-night',
  extension: '.mkv',
};

const MOVIE: NamingMovie = {
  title: 'The Quiet Harbor: A Sailor’s Return',
  originalTitle: 'Le Port Tranquille',
  year: 2014,
  tmdbId: 440001,
  imdbId: 'tt4400001',
  certification: 'PG-13',
  collection: { title: 'The Quiet Harbor Collection' },
};

const MOVIE_FILE: NamingFileInfo = {
  quality: 'bluray-2160p',
  revision: { version: 1, real: 0, isRepack: false },
  releaseGroup: 'HARBR',
  customFormats: ['HDR10', 'TrueHD Atmos'],
  mediaInfo: {
    videoCodec: 'x265',
    videoDynamicRange: 'HDR',
    videoDynamicRangeType: 'HDR10',
    audioCodec: 'TrueHD Atmos',
    audioChannels: 7.1,
  },
  originalTitle: 'The.Quiet.Harbor.2014.Directors.Cut.2160p.UHD.BluRay.x265-HARBR',
  edition: "director's cut",
  extension: '.mkv',
};

/** The previews for `config`, rendered as if renaming were on (they show the formats, not the on/off switch). */
export function namingExamples(config: NamingConfig): NamingExamples {
  const series = { ...config.series, renameEpisodes: true };
  const movie = { ...config.movie, renameMovies: true };
  const daily: NamingSeries = { ...SERIES, seriesType: 'daily' };
  const anime: NamingSeries = { ...SERIES, seriesType: 'anime' };
  return {
    singleEpisodeExample: buildEpisodeFileName(series, SERIES, EPISODES.slice(0, 1), FILE),
    multiEpisodeExample: buildEpisodeFileName(series, SERIES, EPISODES, FILE),
    dailyEpisodeExample: buildEpisodeFileName(series, daily, EPISODES.slice(0, 1), FILE),
    animeEpisodeExample: buildEpisodeFileName(series, anime, EPISODES.slice(0, 1), FILE),
    animeMultiEpisodeExample: buildEpisodeFileName(series, anime, EPISODES, FILE),
    seriesFolderExample: buildSeriesFolder(series, SERIES),
    seasonFolderExample: buildSeasonFolder(series, SERIES, 2),
    specialsFolderExample: buildSeasonFolder(series, SERIES, 0),
    movieExample: buildMovieFileName(movie, MOVIE, MOVIE_FILE),
    movieFolderExample: buildMovieFolder(movie, MOVIE),
  };
}
