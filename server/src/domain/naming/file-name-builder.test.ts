import { describe, expect, it } from 'vitest';
import {
  buildEpisodeFileName,
  buildEpisodeRelativePath,
  buildMovieFileName,
  buildMovieFolder,
  buildRelativePath,
  buildSeasonFolder,
  buildSeriesFolder,
} from './file-name-builder.js';
import { utf8Length } from './file-name-sanitizer.js';
import type {
  MovieNamingConfig,
  MultiEpisodeStyle,
  NamingEpisode,
  NamingFileInfo,
  NamingMovie,
  NamingSeries,
  SeriesNamingConfig,
} from './naming.types.js';
import { defaultNamingConfig } from './naming-defaults.js';

const TV: SeriesNamingConfig = { ...defaultNamingConfig().series, renameEpisodes: true };
const MOVIES: MovieNamingConfig = { ...defaultNamingConfig().movie, renameMovies: true };

const SERIES: NamingSeries = {
  title: 'The Office (US)',
  year: 2005,
  tvdbId: 73244,
  tmdbId: 2316,
  imdbId: 'tt0386676',
  seriesType: 'standard',
};
const ep = (seasonNumber: number, episodeNumber: number, title: string | null, extra: Partial<NamingEpisode> = {}) => ({
  seasonNumber,
  episodeNumber,
  absoluteEpisodeNumber: null,
  title,
  airDate: '2005-03-24',
  ...extra,
});
const E1 = ep(1, 1, 'Pilot');
const FILE: NamingFileInfo = {
  quality: 'webdl-1080p',
  revision: { version: 2, real: 0, isRepack: false },
  releaseGroup: 'GRP',
  customFormats: ['x264', 'DD+'],
  mediaInfo: { videoCodec: 'x264', audioCodec: 'DTS', audioChannels: 5.1, audioLanguages: ['en', 'de'] },
  originalTitle: 'The.Office.US.S01E01.1080p.WEB-DL.x264-GRP',
  originalFileName: 'the.office.us.s01e01-grp',
  extension: 'mkv',
};
const BARE: NamingFileInfo = { extension: '.mkv' };

const MOVIE: NamingMovie = {
  title: 'Star Wars: Episode IV - A New Hope',
  originalTitle: 'Star Wars',
  year: 1977,
  tmdbId: 11,
  imdbId: 'tt0076759',
  certification: 'PG',
  collection: { title: 'Star Wars Collection' },
};
const MOVIE_FILE: NamingFileInfo = {
  quality: 'remux-1080p',
  revision: { version: 1, real: 1, isRepack: false },
  releaseGroup: 'FraMeSToR',
  edition: "director's cut",
  mediaInfo: { videoCodec: 'h265', videoDynamicRange: 'HDR', audioCodec: 'TrueHD', audioChannels: 7.1 },
  extension: '.mkv',
};

const episodeName = (format: string, file: NamingFileInfo = FILE, episodes: NamingEpisode[] = [E1]) =>
  buildEpisodeFileName({ ...TV, standardEpisodeFormat: format }, SERIES, episodes, file);
const movieName = (format: string, file: NamingFileInfo = MOVIE_FILE) =>
  buildMovieFileName({ ...MOVIES, standardMovieFormat: format }, MOVIE, file);

describe('episode tokens', () => {
  it.each([
    ['{Series Title}', 'The Office (US).mkv'],
    ['{Series TitleYear}', 'The Office (US) (2005).mkv'],
    ['{Series TitleWithoutYear}', 'The Office (US).mkv'],
    ['{Series CleanTitle}', 'The Office US.mkv'],
    ['{Series TitleThe}', 'Office, The (US).mkv'],
    ['{Series TitleFirstCharacter}', 'O.mkv'],
    ['{Series Year}', '2005.mkv'],
    ['S{season:00}E{episode:00}', 'S01E01.mkv'],
    ['{season:0}x{episode:0}', '1x1.mkv'],
    ['{season}x{episode:000}', '1x001.mkv'],
    ['{Episode Title}', 'Pilot.mkv'],
    ['{Episode Title:3}', 'Pil.mkv'],
    ['{Air-Date}', '2005-03-24.mkv'],
    ['{Air Date}', '2005 03 24.mkv'],
    ['{Air.Date}', '2005.03.24.mkv'],
    ['{Quality Full}', 'WEBDL-1080p Proper.mkv'],
    ['{Quality Title}', 'WEBDL-1080p.mkv'],
    ['{Release Group}', 'GRP.mkv'],
    ['{Custom Formats}', 'x264 DD+.mkv'],
    ['{Original Title}', 'The.Office.US.S01E01.1080p.WEB-DL.x264-GRP.mkv'],
    ['{Original Filename}', 'the.office.us.s01e01-grp.mkv'],
    ['{MediaInfo Simple}', 'x264 DTS.mkv'],
    ['{MediaInfo Full}', 'x264 DTS [EN+DE].mkv'],
    ['{MediaInfo AudioChannels}', '5.1.mkv'],
    ['{TvdbId}-{TmdbId}-{ImdbId}', '73244-2316-tt0386676.mkv'],
    ['{tvdb-{TvdbId}}', '{tvdb-73244}.mkv'],
    ['{Series.Title}.S{season:00}E{episode:00}', 'The.Office.(US).S01E01.mkv'],
    ['{Series_CleanTitle}_{Quality_Full}', 'The_Office_US_WEBDL-1080p_Proper.mkv'],
    ['{Series-CleanTitle}', 'The-Office-US.mkv'],
    ['{SERIES TITLE} {EPISODE TITLE}', 'THE OFFICE (US) PILOT.mkv'],
    ['{series title} {episode title}', 'the office (us) pilot.mkv'],
    ['{Series Title} {{literal}}', 'The Office (US) {literal}.mkv'],
  ])('%s → %s', (format, expected) => {
    expect(episodeName(format)).toBe(expected);
  });

  it.each<[Partial<NamingFileInfo['revision']>, string]>([
    [{ version: 1, real: 0 }, 'WEBDL-1080p'],
    [{ version: 2, real: 0 }, 'WEBDL-1080p Proper'],
    [{ version: 2, real: 0, isRepack: true }, 'WEBDL-1080p Repack'],
    [{ version: 1, real: 1 }, 'WEBDL-1080p REAL'],
    [{ version: 3, real: 1 }, 'WEBDL-1080p Proper REAL'],
  ])('Quality Full with revision %j → %s', (revision, expected) => {
    expect(episodeName('{Quality Full}', { ...FILE, revision })).toBe(`${expected}.mkv`);
  });

  it('names a quality by Sonarr on the TV side and by Radarr on the movie side', () => {
    expect(episodeName('{Quality Title}', { ...FILE, quality: 'remux-1080p' })).toBe('Bluray-1080p Remux.mkv');
    expect(movieName('{Movie Title} {Quality Title}')).toBe('Star Wars - Episode IV - A New Hope Remux-1080p.mkv');
    expect(episodeName('{Quality Title}', { ...FILE, quality: 'WEBDL-720p' })).toBe('WEBDL-720p.mkv');
  });
});

describe('prefix/suffix text and empty tokens', () => {
  it.each([
    ['{Series Title}{-Release Group}', FILE, 'The Office (US)-GRP.mkv'],
    ['{Series Title}{-Release Group}', BARE, 'The Office (US).mkv'],
    ['{Series Title} {[Quality Full]}', FILE, 'The Office (US) [WEBDL-1080p Proper].mkv'],
    ['{Series Title} {[Quality Full]}', BARE, 'The Office (US).mkv'],
    ['{Series Title} [{Quality Full}]', BARE, 'The Office (US).mkv'],
    ['{Series Title} ({Release Group})', BARE, 'The Office (US).mkv'],
    ['{Series Title} - {MediaInfo Simple} - {Episode Title}', BARE, 'The Office (US) - Pilot.mkv'],
    [
      '{Series Title} - S{season:00}E{episode:00} - {Custom Formats} - {Quality Full}',
      BARE,
      'The Office (US) - S01E01.mkv',
    ],
    ['{Series.Title}.{Release.Group}.S{season:00}E{episode:00}', BARE, 'The.Office.(US).S01E01.mkv'],
    ['{Release Group} - {Series Title}', BARE, 'The Office (US).mkv'],
    ['{Series Title} [{MediaInfo Simple} {Release Group}]', BARE, 'The Office (US).mkv'],
  ])('%s', (format, file, expected) => {
    expect(episodeName(format, file)).toBe(expected);
  });

  it('leaves punctuation inside titles alone while tidying separators around empty tokens', () => {
    const e = ep(1, 1, 'Who Killed... Mr. Smith? -- Part 1');
    expect(episodeName('{Episode Title} - {Release Group} - {Quality Title}', BARE, [e])).toBe(
      'Who Killed... Mr. Smith! -- Part 1.mkv',
    );
    expect(episodeName('{Episode.Title}', BARE, [e])).toBe('Who.Killed.Mr.Smith!.Part.1.mkv');
  });
});

describe('the default formats', () => {
  it('names a standard episode, a daily episode and an anime episode', () => {
    expect(buildEpisodeFileName(TV, SERIES, [E1], FILE)).toBe(
      'The Office (US) - S01E01 - Pilot WEBDL-1080p Proper.mkv',
    );
    const daily = { ...SERIES, title: 'The Daily Show', seriesType: 'daily' as const };
    expect(buildEpisodeFileName(TV, daily, [ep(2024, 101, 'Guest: Someone', { airDate: '2024-06-03' })], BARE)).toBe(
      'The Daily Show - 2024-06-03 - Guest - Someone.mkv',
    );
    const anime = { ...SERIES, title: 'One Piece', seriesType: 'anime' as const };
    const animeTv = {
      ...TV,
      animeEpisodeFormat: '{Series Title} - S{season:00}E{episode:00} - {absolute:000} - {Episode Title}',
    };
    expect(buildEpisodeFileName(animeTv, anime, [ep(1, 5, 'Fifth', { absoluteEpisodeNumber: 5 })], BARE)).toBe(
      'One Piece - S01E05 - 005 - Fifth.mkv',
    );
  });

  it('falls back to the standard format when a daily episode has no air date or an anime one no absolute number', () => {
    const dailyTv = {
      ...TV,
      standardEpisodeFormat: 'std S{season:00}E{episode:00}',
      dailyEpisodeFormat: 'daily {Air-Date}',
    };
    const daily = { ...SERIES, seriesType: 'daily' as const };
    expect(buildEpisodeFileName(dailyTv, daily, [ep(1, 2, 'x', { airDate: null })], BARE)).toBe('std S01E02.mkv');
    const animeTv = {
      ...TV,
      standardEpisodeFormat: 'std S{season:00}E{episode:00}',
      animeEpisodeFormat: 'anime {absolute:000}',
    };
    const anime = { ...SERIES, seriesType: 'anime' as const };
    expect(buildEpisodeFileName(animeTv, anime, [ep(1, 2, 'x')], BARE)).toBe('std S01E02.mkv');
    expect(buildEpisodeFileName(animeTv, anime, [ep(1, 2, 'x', { absoluteEpisodeNumber: 14 })], BARE)).toBe(
      'anime 014.mkv',
    );
  });

  it('names a movie file and folder', () => {
    expect(buildMovieFileName(MOVIES, MOVIE, MOVIE_FILE)).toBe(
      'Star Wars - Episode IV - A New Hope (1977) Remux-1080p REAL.mkv',
    );
    expect(buildMovieFolder(MOVIES, MOVIE)).toBe('Star Wars - Episode IV - A New Hope (1977)');
  });
});

describe('multi-episode styles', () => {
  const three = [ep(1, 3, 'Part (3)'), ep(1, 1, 'Part (1)'), ep(1, 2, 'Part (2)')];
  const name = (style: MultiEpisodeStyle, format: string, episodes: NamingEpisode[] = three) =>
    buildEpisodeFileName({ ...TV, multiEpisodeStyle: style, standardEpisodeFormat: format }, SERIES, episodes, BARE);
  const SXE = 'S{season:00}E{episode:00}';
  const DEFAULT = '{Series Title} - S{season:00}E{episode:00} - {Episode Title}';
  it.each<[MultiEpisodeStyle, string, string]>([
    ['extend', SXE, 'S01E01-02-03'],
    ['duplicate', SXE, 'S01E01S01E02S01E03'],
    ['repeat', SXE, 'S01E01E02E03'],
    ['scene', SXE, 'S01E01-E02-E03'],
    ['range', SXE, 'S01E01-03'],
    ['prefixedRange', SXE, 'S01E01-E03'],
    ['extend', DEFAULT, 'The Office (US) - S01E01-02-03 - Part'],
    ['duplicate', DEFAULT, 'The Office (US) - S01E01 - S01E02 - S01E03 - Part'],
    ['repeat', DEFAULT, 'The Office (US) - S01E01E02E03 - Part'],
    ['scene', DEFAULT, 'The Office (US) - S01E01-E02-E03 - Part'],
    ['range', DEFAULT, 'The Office (US) - S01E01-03 - Part'],
    ['prefixedRange', DEFAULT, 'The Office (US) - S01E01-E03 - Part'],
    ['extend', '{season}x{episode:00}', '1x01-02-03'],
    ['duplicate', '{Series.Title}.{season}x{episode:00}', 'The.Office.(US).1x01.1x02.1x03'],
    ['repeat', '{season}x{episode:00}', '1x01x02x03'],
    ['scene', '{season}x{episode:00}', '1x01-x02-x03'],
    ['range', '{season}x{episode:00}', '1x01-03'],
    ['prefixedRange', '{season}x{episode:00}', '1x01-x03'],
    ['repeat', 's{season:00}e{episode:00}', 's01e01e02e03'],
    ['scene', 'S{season:00}.E{episode:00}', 'S01.E01-E02-E03'],
    ['repeat', 'S{season:00}.E{episode:00}', 'S01.E01.E02.E03'],
    ['extend', '{Series Title} - {episode:00}', 'The Office (US) - 01-02-03'],
  ])('%s %s → %s', (style, format, expected) => {
    expect(name(style, format)).toBe(`${expected}.mkv`);
  });

  it('keeps one episode unchanged in every style and joins different titles with " + "', () => {
    expect(name('scene', DEFAULT, [ep(1, 1, 'Pilot')])).toBe('The Office (US) - S01E01 - Pilot.mkv');
    expect(name('range', DEFAULT, [ep(1, 1, 'Pilot'), ep(1, 2, 'Diversity Day')])).toBe(
      'The Office (US) - S01E01-02 - Pilot + Diversity Day.mkv',
    );
  });

  it.each<[MultiEpisodeStyle, string]>([
    ['extend', '001-002-003'],
    ['range', '001-003'],
    ['prefixedRange', '001-003'],
    ['repeat', '001-002-003'],
  ])('anime absolute numbers in %s → %s', (style, expected) => {
    const anime = { ...SERIES, title: 'Show', seriesType: 'anime' as const };
    const eps = [1, 2, 3].map((n) => ep(1, n, null, { absoluteEpisodeNumber: n }));
    const config = { ...TV, multiEpisodeStyle: style, animeEpisodeFormat: '{Series Title} - {absolute:000}' };
    expect(buildEpisodeFileName(config, anime, eps, BARE)).toBe(`Show - ${expected}.mkv`);
  });
});

describe('movie tokens', () => {
  it.each([
    ['{Movie Title}', 'Star Wars - Episode IV - A New Hope'],
    ['{Movie TitleYear}', 'Star Wars - Episode IV - A New Hope (1977)'],
    ['{Movie CleanTitle}', 'Star Wars Episode IV A New Hope'],
    ['{Movie CleanTitleYear}', 'Star Wars Episode IV A New Hope 1977'],
    ['{Movie TitleThe}', 'Star Wars - Episode IV - A New Hope'],
    ['{Movie OriginalTitle}', 'Star Wars'],
    ['{Movie Collection}', 'Star Wars Collection'],
    ['{Movie Certification}', 'PG'],
    ['{Release Year}', '1977'],
    ['{Edition Tags}', "Director's Cut"],
    ['{edition-{Edition Tags}}', "{edition-Director's Cut}"],
    ['{imdb-{ImdbId}} {tmdb-{TmdbId}}', '{imdb-tt0076759} {tmdb-11}'],
    ['{Quality Full}', 'Remux-1080p REAL'],
    ['{MediaInfo Simple}', 'h265 TrueHD'],
    ['{MediaInfo VideoDynamicRange}', 'HDR'],
    ['{MediaInfo AudioChannels}', '7.1'],
    [
      '{Movie.CleanTitle}.{Release.Year}.{Quality.Full}-{Release.Group}',
      'Star.Wars.Episode.IV.A.New.Hope.1977.Remux-1080p.REAL-FraMeSToR',
    ],
  ])('%s → %s', (format, expected) => {
    expect(movieName(format)).toBe(`${expected}.mkv`);
  });

  it('drops the wrappers, brackets and prefixes of unknown values', () => {
    const movie = { ...MOVIE, imdbId: null, year: 0 };
    const config = {
      ...MOVIES,
      standardMovieFormat: '{Movie Title} ({Release Year}) {imdb-{ImdbId}} {edition-{Edition Tags}}',
    };
    expect(buildMovieFileName(config, movie, BARE)).toBe('Star Wars - Episode IV - A New Hope.mkv');
    expect(
      buildMovieFolder(
        { ...MOVIES, movieFolderFormat: '{Movie TitleThe} {(Release Year)}' },
        { ...movie, title: 'The Matrix' },
      ),
    ).toBe('Matrix, The');
  });
});

describe('folders', () => {
  it.each([
    ['{Series Title}', 'The Office (US)'],
    ['{Series TitleYear}', 'The Office (US) (2005)'],
    ['{Series TitleThe} [tvdb-{TvdbId}]', 'Office, The (US) [tvdb-73244]'],
    ['{Series CleanTitle}', 'The Office US'],
  ])('series folder %s → %s', (format, expected) => {
    expect(buildSeriesFolder({ ...TV, seriesFolderFormat: format }, SERIES)).toBe(expected);
  });

  it.each([
    ['Season {season}', 3, 'Season 3'],
    ['Season {season:00}', 3, 'Season 03'],
    ['S{season:00}', 12, 'S12'],
    ['Season {season:00}', 0, 'Specials'],
  ])('season folder %s for season %d → %s', (format, season, expected) => {
    expect(buildSeasonFolder({ ...TV, seasonFolderFormat: format }, SERIES, season)).toBe(expected);
  });

  it('uses the specials format for season 0', () => {
    expect(buildSeasonFolder({ ...TV, specialsFolderFormat: 'Extras {season:00}' }, SERIES, 0)).toBe('Extras 00');
  });
});

describe('nasty titles', () => {
  const series = (title: string): NamingSeries => ({ ...SERIES, title, year: 0 });
  it.each([
    ['CSI: Crime Scene Investigation', 'smart', 'CSI - Crime Scene Investigation'],
    ['CSI: Crime Scene Investigation', 'delete', 'CSI Crime Scene Investigation'],
    ['CSI: Crime Scene Investigation', 'dash', 'CSI- Crime Scene Investigation'],
    ['CSI: Crime Scene Investigation', 'spaceDashSpace', 'CSI - Crime Scene Investigation'],
    ['What If...?', 'smart', 'What If...!'],
    ['Marvel’s Agents of S.H.I.E.L.D.', 'smart', 'Marvel’s Agents of S.H.I.E.L.D'],
    ['.hack//SIGN', 'smart', 'hack++SIGN'],
    ['CON', 'smart', 'CON_'],
    ['Nul', 'smart', 'Nul_'],
    ['<"|*?>', 'smart', '-!'],
    ['???', 'delete', '!!!'],
    ['  Spaced   Out  ', 'smart', 'Spaced Out'],
    ['Trailing Dots...', 'smart', 'Trailing Dots'],
  ] as const)('%s (%s) → %s', (title, colonReplacementFormat, expected) => {
    expect(buildSeriesFolder({ ...TV, colonReplacementFormat }, series(title))).toBe(expected);
  });

  it('deletes illegal characters when replacement is off', () => {
    expect(buildSeriesFolder({ ...TV, replaceIllegalCharacters: false }, series('Who?: AC/DC'))).toBe('Who ACDC');
  });

  it('shortens the episode title first so the file name fits 255 bytes', () => {
    const long = ep(1, 1, `The ${'Very '.repeat(80)}Long Title`);
    const name = buildEpisodeFileName(TV, SERIES, [long], FILE);
    expect(utf8Length(name)).toBeLessThanOrEqual(255);
    expect(name.startsWith('The Office (US) - S01E01 - The Very Very')).toBe(true);
    expect(name.endsWith('... WEBDL-1080p Proper.mkv')).toBe(true);
    expect(utf8Length(name)).toBe(255);
    expect(name).toBe(`The Office (US) - S01E01 - The${' Very'.repeat(39)} Ver... WEBDL-1080p Proper.mkv`);
  });

  it('shortens multi-byte titles on character boundaries', () => {
    const long = ep(1, 1, '日本語のタイトル'.repeat(20));
    const name = buildEpisodeFileName(TV, { ...SERIES, title: '進撃の巨人' }, [long], BARE);
    expect(utf8Length(name)).toBeLessThanOrEqual(255);
    // 27 + 222 + 4 bytes: the "..." that marked the cut ends the name, so it is trimmed like any trailing dot.
    expect(name).toBe(`進撃の巨人 - S01E01 - ${'日本語のタイトル'.repeat(9)}日本.mkv`);
  });

  it('cuts a name that is too long even without an episode title', () => {
    const name = buildEpisodeFileName(TV, { ...SERIES, title: 'x'.repeat(400) }, [ep(1, 1, null)], BARE);
    expect(name).toBe(`${'x'.repeat(251)}.mkv`);
  });
});

describe('renaming off, sub-folders and relative paths', () => {
  it('keeps the downloaded file name (made safe) when renaming is off', () => {
    const off = { ...TV, renameEpisodes: false };
    expect(buildEpisodeFileName(off, SERIES, [E1], FILE)).toBe('the.office.us.s01e01-grp.mkv');
    expect(buildEpisodeFileName(off, SERIES, [E1], { ...BARE, originalTitle: 'Release: Name?' })).toBe(
      'Release - Name!.mkv',
    );
    expect(buildEpisodeFileName(off, SERIES, [E1], BARE)).toBe('The Office (US) - S01E01 - Pilot.mkv');
    expect(
      buildMovieFileName({ ...MOVIES, renameMovies: false }, MOVIE, { ...BARE, originalFileName: 'movie.2160p' }),
    ).toBe('movie.2160p.mkv');
  });

  it('builds sub-folders from "/" in a file format, each component finished on its own', () => {
    const format = '{Series Title}/Season {season:00}/{Series Title} - S{season:00}E{episode:00}.';
    expect(episodeName(format, BARE)).toBe('The Office (US)/Season 01/The Office (US) - S01E01.mkv');
  });

  it('builds paths relative to the series (with or without season folders) and the movie folder', () => {
    expect(buildEpisodeRelativePath(TV, SERIES, [E1], FILE)).toBe(
      'Season 1/The Office (US) - S01E01 - Pilot WEBDL-1080p Proper.mkv',
    );
    expect(buildEpisodeRelativePath(TV, { ...SERIES, seasonFolder: false }, [ep(0, 2, 'Special')], BARE)).toBe(
      'The Office (US) - S00E02 - Special.mkv',
    );
    const config = { series: TV, movie: MOVIES };
    expect(buildRelativePath(config, { kind: 'episode', series: SERIES, episodes: [ep(0, 2, 'Special')] }, BARE)).toBe(
      'Specials/The Office (US) - S00E02 - Special.mkv',
    );
    expect(buildRelativePath(config, { kind: 'movie', movie: MOVIE }, { ...BARE, extension: 'avi' })).toBe(
      'Star Wars - Episode IV - A New Hope (1977).avi',
    );
  });
});
