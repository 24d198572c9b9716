import { describe, expect, it } from 'vitest';
import { cleanMovieTitle, parseMoviePath, parseMovieTitle } from './movie-parser.js';

describe('parseMovieTitle', () => {
  it.each([
    ['The.Movie.from.U.N.C.L.E.2015.1080p.BluRay.x264-GRP', 'The Movie from U.N.C.L.E.', 2015],
    ['V.H.S.2.2013.LIMITED.720p.BluRay.x264-GRP', 'V.H.S. 2', 2013],
    ['1776.1979.EXTENDED.720p.BluRay.X264-GRP', '1776', 1979],
    ['Movie.Klasse.von.1999.1990.German.720p.HDTV.x264-GRP', 'Movie Klasse von 1999', 1990],
    ['Die.Reise.des.Dr.Dolittle.2020.German.DL.1080p.WEBRip.x264-GRP', 'Die Reise des Dr. Dolittle', 2020],
    ['The.Good.German.2006.720p.BluRay.x264-GRP', 'The Good German', 2006],
    ['Cars.2.German.DL.720p.BluRay.x264-GRP', 'Cars 2', 0],
    ['Valana la Movie TRUEFRENCH BluRay 720p 2016 kjhlj', 'Valana la Movie', 2016],
    ['www.Site.com - Movie.2008.720p.X264-GRP', 'Movie', 2008],
    ['[Group] Movie Title (1980) [BD 1080p TrueHD].mkv', 'Movie Title', 1980],
    ['(1995) Movie Name', 'Movie Name', 1995],
    ['Foreign-Words-Movie-(1990)-[DVDRip]-H264', 'Foreign Words Movie', 1990],
  ])('%s', (title, movieTitle, year) => {
    expect(parseMovieTitle(title)).toMatchObject({ movieTitle, year });
  });

  it.each([
    ['Movie Title 2012 Directors Cut', 'Directors Cut'],
    ['Movie.Title.(Extended.Theatrical.Version.IMAX).2012.BluRay.1080p', 'Extended Theatrical Version IMAX'],
    ['Movie.1979.The.Imperial.Edition.BluRay.720p.DTS.x264-GRP', 'Imperial Edition'],
    ['Movie Title 2012 50th Anniversary Edition.mkv', '50th Anniversary Edition'],
    ['My.Movie.GERMAN.Extended.Cut', 'Extended Cut'],
    ['The.Christmas.Edition.1941.720p.HDTV.x264-GRP', ''],
    ['Uncut.Movie.2019.720p.BluRay.x264-GRP', ''],
    ['Movie.Holiday.Special.1978.DVD.REMUX.DD.2.0-GRP', ''],
  ])('edition of %s', (title, edition) => {
    expect(parseMovieTitle(title)?.edition).toBe(edition);
  });

  it('splits AKA titles in order', () => {
    expect(parseMovieTitle('Mon cousin a.k.a. My Cousin 2020 1080p Blu-ray DD 5.1 x264.mkv')?.movieTitles).toEqual([
      'Mon cousin AKA My Cousin',
      'Mon cousin',
      'My Cousin',
    ]);
    expect(parseMovieTitle('Radarr.Under.Water.(aka.Beneath.the.Code).1997.DVDRip.x264-GRP')?.movieTitles).toEqual([
      'Radarr Under Water (aka Beneath the Code)',
      'Radarr Under Water',
      'Beneath the Code',
    ]);
  });

  it('reads ids and hard-coded subs', () => {
    expect(parseMovieTitle('Movie Name (2016) {tmdbid-43074}')?.tmdbId).toBe(43074);
    expect(parseMovieTitle('That Movie 2008 [tt12345678] 720p BluRay X264')?.imdbId).toBe('tt12345678');
    expect(parseMovieTitle('Movie.Title.2016.1080p.KORSUB.WEBRip.x264-GRP')?.hardcodedSubs).toBe('KORSUB');
    expect(parseMovieTitle('Movie Title 2017 HC 720p HDRiP DD5 1 x264-GRP')?.hardcodedSubs).toBe(
      'Generic Hardcoded Subs',
    );
    expect(parseMovieTitle('Movie Title! 2018 [Web][480p][Softsubs]')?.hardcodedSubs).toBeNull();
  });

  it('carries quality, group and languages', () => {
    const m = parseMovieTitle('The.Movie.2016.German.DTS.DL.720p.BluRay.x264-RlsGrp')!;
    expect(m.quality.qualityId).toBe('bluray-720p');
    expect(m.releaseTitle).toBe('The.Movie.2016.German.DTS.DL.720p.BluRay.x264-RlsGrp');
    expect(Array.isArray(m.languages)).toBe(true);
  });

  it.each([
    '185d86a343e39f3341e35c4dad3f9959',
    '0e895c37245186812cb08aab1529cf8ee389dd05.mkv',
    'abc.xyz.af6021c37f7852',
    'thebiggestmovie1618finale',
    '',
    'Movie',
  ])('rejects %s', (title) => {
    expect(parseMovieTitle(title)).toBeNull();
  });
});

describe('parseMoviePath', () => {
  it('falls back to the folder when the file name is obfuscated', () => {
    const m = parseMoviePath('/C/Test/Movie.Title.2018.1080p.BluRay.x264-GRP/abc.xyz.af6021c37f7852.mkv');
    expect(m).toMatchObject({ movieTitle: 'Movie Title', year: 2018 });
    expect(m?.quality.qualityId).toBe('bluray-1080p');
  });

  it('prefers a parsable file name', () => {
    expect(parseMoviePath('/C/Test/hash/Some.Release.2018.720p.WEB-DL.AAC2.0.H.264-GRP.mkv')?.movieTitle).toBe(
      'Some Release',
    );
  });

  it('rejects paths with nothing to parse', () => {
    expect(parseMoviePath('/')).toBeNull();
    expect(parseMoviePath('/C/x/123.mkv')).toBeNull();
  });
});

describe('cleanMovieTitle', () => {
  it.each([
    ['Castle (2009)', 'castle2009'],
    ['Law_and_Order_SVU', 'lawordersvu'],
    ["I'm a cyborg, but that's OK", 'imcyborgbutthatsok'],
    ['Test: Something à Deux', 'testsomethingdeux'],
    ['The Office', 'theoffice'],
    ['word.word.the', 'wordwordthe'],
    ['word a N K L E word', 'wordankleword'],
    ['Tokyo Ghoul A', 'tokyoghoula'],
  ])('%s → %s', (title, clean) => {
    expect(cleanMovieTitle(title)).toBe(clean);
  });
});
