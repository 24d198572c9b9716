import { describe, expect, it } from 'vitest';
import { defaultNamingConfig } from './naming-defaults.js';
import { namingExamples } from './naming-examples.js';

describe('namingExamples', () => {
  it('previews the default formats (renaming shown even while it is off)', () => {
    expect(namingExamples(defaultNamingConfig())).toEqual({
      singleEpisodeExample: "The Night Watchman's Tale - S02E05 - Lanterns - Part One (1) WEBDL-1080p Proper.mkv",
      multiEpisodeExample: "The Night Watchman's Tale - S02E05-E07 - Lanterns - Part One WEBDL-1080p Proper.mkv",
      dailyEpisodeExample: "The Night Watchman's Tale - 2021-03-14 - Lanterns - Part One (1) WEBDL-1080p Proper.mkv",
      animeEpisodeExample: "The Night Watchman's Tale - S02E05 - Lanterns - Part One (1) WEBDL-1080p Proper.mkv",
      animeMultiEpisodeExample: "The Night Watchman's Tale - S02E05-E07 - Lanterns - Part One WEBDL-1080p Proper.mkv",
      seriesFolderExample: "The Night Watchman's Tale",
      seasonFolderExample: 'Season 2',
      specialsFolderExample: 'Specials',
      movieExample: 'The Quiet Harbor - A Sailor’s Return (2014) Bluray-2160p.mkv',
      movieFolderExample: 'The Quiet Harbor - A Sailor’s Return (2014)',
    });
  });

  it('previews custom formats and styles', () => {
    const c = defaultNamingConfig();
    const examples = namingExamples({
      series: {
        ...c.series,
        multiEpisodeStyle: 'duplicate',
        standardEpisodeFormat: '{Series.CleanTitle}.S{season:00}E{episode:00}.{Quality.Title}{-Release Group}',
        animeEpisodeFormat: '{Series Title} - {absolute:000} [{MediaInfo Simple}]',
        seasonFolderFormat: 'Season {season:00}',
      },
      movie: {
        ...c.movie,
        colonReplacementFormat: 'delete',
        standardMovieFormat:
          '{Movie CleanTitle} {(Release Year)} {edition-{Edition Tags}} [{MediaInfo VideoDynamicRangeType}]',
        movieFolderFormat: '{Movie TitleThe} {tmdb-{TmdbId}}',
      },
    });
    expect(examples).toMatchObject({
      singleEpisodeExample: 'The.Night.Watchmans.Tale.S02E05.WEBDL-1080p-NiGHT.mkv',
      multiEpisodeExample: 'The.Night.Watchmans.Tale.S02E05.S02E06.S02E07.WEBDL-1080p-NiGHT.mkv',
      animeEpisodeExample: "The Night Watchman's Tale - 015 [x265 EAC3].mkv",
      animeMultiEpisodeExample: "The Night Watchman's Tale - 015-016-017 [x265 EAC3].mkv",
      seasonFolderExample: 'Season 02',
      movieExample: "The Quiet Harbor A Sailors Return (2014) {edition-Director's Cut} [HDR10].mkv",
      movieFolderExample: 'Quiet Harbor A Sailor’s Return, The {tmdb-440001}',
    });
  });
});
