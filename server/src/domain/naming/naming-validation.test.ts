import { describe, expect, it } from 'vitest';
import type { NamingConfig } from './naming.types.js';
import { defaultNamingConfig } from './naming-defaults.js';
import { formatProblems, validateNamingConfig } from './naming-validation.js';

const withSeries = (patch: Partial<NamingConfig['series']>): NamingConfig => {
  const c = defaultNamingConfig();
  return { ...c, series: { ...c.series, ...patch } };
};
const withMovie = (patch: Partial<NamingConfig['movie']>): NamingConfig => {
  const c = defaultNamingConfig();
  return { ...c, movie: { ...c.movie, ...patch } };
};

describe('validateNamingConfig', () => {
  it('accepts the defaults', () => {
    expect(validateNamingConfig(defaultNamingConfig())).toEqual([]);
  });

  it.each<[NamingConfig, { field: string; message: string }[]]>([
    [
      withSeries({ standardEpisodeFormat: '{Series Title} - {Episode Title}' }),
      [
        {
          field: 'series.standardEpisodeFormat',
          message: 'must contain the season and episode numbers: {season:00} and {episode:00}',
        },
      ],
    ],
    [
      withSeries({ standardEpisodeFormat: '{Series Title} - S{season:00}E{episode:00} {Foo Bar}' }),
      [{ field: 'series.standardEpisodeFormat', message: 'unknown token {Foo Bar}' }],
    ],
    [
      withSeries({ standardEpisodeFormat: '{Movie Title} S{season:00}E{episode:00}' }),
      [
        {
          field: 'series.standardEpisodeFormat',
          message: 'token {Movie Title} cannot be used in an episode file format',
        },
      ],
    ],
    [
      withSeries({ dailyEpisodeFormat: '{Series Title} - {Episode Title}' }),
      [{ field: 'series.dailyEpisodeFormat', message: 'must contain {Air-Date} or the season and episode numbers' }],
    ],
    [
      withSeries({ animeEpisodeFormat: '{Series Title} {episode:00}' }),
      [
        {
          field: 'series.animeEpisodeFormat',
          message: 'must contain {absolute:000} or the season and episode numbers',
        },
      ],
    ],
    [
      withSeries({ seriesFolderFormat: '{TvdbId}' }),
      [{ field: 'series.seriesFolderFormat', message: 'must contain a series title such as {Series Title}' }],
    ],
    [
      withSeries({ seriesFolderFormat: '{Series Title}/{season}' }),
      [
        { field: 'series.seriesFolderFormat', message: 'token {season} cannot be used in a series folder format' },
        { field: 'series.seriesFolderFormat', message: 'a folder format cannot contain / or \\' },
      ],
    ],
    [
      withSeries({ seasonFolderFormat: 'Season' }),
      [{ field: 'series.seasonFolderFormat', message: 'must contain {season} or {season:00}' }],
    ],
    [
      withSeries({ seasonFolderFormat: 'Season {season:xx}' }),
      [{ field: 'series.seasonFolderFormat', message: '{season:xx}: the format must be zeros' }],
    ],
    [
      withSeries({ specialsFolderFormat: '' }),
      [{ field: 'series.specialsFolderFormat', message: 'must not be empty' }],
    ],
    [
      withMovie({ standardMovieFormat: '{Release Year} {Quality Full}' }),
      [{ field: 'movie.standardMovieFormat', message: 'must contain a movie title such as {Movie Title}' }],
    ],
    [
      withMovie({ movieFolderFormat: '{Movie Title} {Quality Full}' }),
      [{ field: 'movie.movieFolderFormat', message: 'token {Quality Full} cannot be used in a movie folder format' }],
    ],
    [
      withMovie({ standardMovieFormat: '{Movie Title}: {Release Year:00}' }),
      [
        { field: 'movie.standardMovieFormat', message: 'token {Release Year:00} takes no :format' },
        { field: 'movie.standardMovieFormat', message: 'contains a character not allowed in file names: ":"' },
      ],
    ],
    [
      withMovie({ standardMovieFormat: '{Movie Title' }),
      [{ field: 'movie.standardMovieFormat', message: 'unclosed token {Movie Title' }],
    ],
  ])('%#', (config, findings) => {
    expect(validateNamingConfig(config)).toEqual(findings);
  });
});

describe('formatProblems', () => {
  it('allows truncation lengths on titles and padding on numbers only', () => {
    expect(formatProblems('{Episode Title:30} S{season:00}E{episode:000}', 'episode')).toEqual([]);
    expect(formatProblems('{Episode Title:00x}', 'episode')).toEqual([
      '{Episode Title:00x}: the format must be a length (1-9999)',
    ]);
    expect(formatProblems('{Episode Title:0}', 'episode')).toEqual([
      '{Episode Title:0}: the format must be a length (1-9999)',
    ]);
    expect(formatProblems('{episode:10}', 'episode')).toEqual(['{episode:10}: the format must be zeros']);
  });

  it('accepts every case and separator variant of a known token', () => {
    expect(
      formatProblems('{SERIES.TITLE} {series_title} {Series-Title} {Air.Date} {imdb-{ImdbId}}', 'episode'),
    ).toEqual([]);
  });
});
