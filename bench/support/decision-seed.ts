// Decision benchmark data: 1,000 indexer releases built from the shared fixture titles, and an overlay on the
// synthetic library (support/library-seed.ts) holding the movies, series and episodes those titles name — so
// most releases match, some do not (unknown titles, unparsable ones), like a real RSS feed.
import type { Kysely } from 'kysely';
import { EpisodeRepository, type EpisodeUpsert } from '../../server/src/db/repositories/episode.repository.js';
import { MovieRepository } from '../../server/src/db/repositories/movie.repository.js';
import { SeriesRepository } from '../../server/src/db/repositories/series.repository.js';
import type { DB } from '../../server/src/db/schema.js';
import { cleanMovieTitle, cleanSeriesTitle, sortTitle } from '../../server/src/domain/library/clean-title.js';
import type { Movie } from '../../server/src/domain/library/movie.types.js';
import type { Series, SeriesType } from '../../server/src/domain/library/series.types.js';
import type { ReleaseInfo } from '../../server/src/providers/ports/indexer.port.js';
import { parseRelease } from '../../server/src/services/decisions/release-matcher.js';
import { loadFixtureTitles, seededRng } from './fuzz-titles.js';

const DAY = 86_400_000;
const GB = 1024 ** 3;

export interface DecisionFixture {
  releases: ReleaseInfo[];
  movies: number;
  series: number;
  episodes: number;
}

/** Adds the fixture titles' items to the library and builds `count` releases cycling through the titles. */
export async function seedDecisionFixture(
  db: Kysely<DB>,
  fixtureDir: string,
  opts: { count?: number; now?: Date; profileId: number },
): Promise<DecisionFixture> {
  const count = opts.count ?? 1000;
  const now = (opts.now ?? new Date()).getTime();
  const rnd = seededRng(5_000_001);
  const titles = [...new Set(loadFixtureTitles(fixtureDir).map((r) => r.title))];
  const parsed = titles.map((title) => ({ title, p: parseRelease(releaseStub(title), undefined) }));

  // Every fourth distinct item is left out of the library so part of the feed is "unknown".
  const movieKeys = new Map<string, { title: string; year: number }>();
  const seriesKeys = new Map<string, { title: string; type: SeriesType; eps: EpisodeUpsert[] }>();
  let n = 0;
  for (const { p } of parsed) {
    if (!p) continue;
    if (p.kind === 'movie') {
      const key = cleanMovieTitle(p.info.movieTitle);
      if (!key || movieKeys.has(key) || n++ % 4 === 3) continue;
      movieKeys.set(key, { title: p.info.movieTitle, year: p.info.year });
      continue;
    }
    const info = p.info;
    const key = cleanSeriesTitle(info.seriesTitle);
    if (!key) continue;
    let entry = seriesKeys.get(key);
    if (!entry) {
      if (n++ % 4 === 3) continue;
      const type: SeriesType = info.airDate ? 'daily' : info.absoluteEpisodeNumbers.length ? 'anime' : 'standard';
      entry = { title: info.seriesTitle, type, eps: [] };
      seriesKeys.set(key, entry);
    }
    const season = info.seasonNumber;
    const numbers = info.fullSeason ? [1, 2, 3] : info.episodeNumbers;
    for (const [i, e] of numbers.entries()) entry.eps.push(episode(season, e, null, now - (400 - i) * DAY));
    for (const a of info.absoluteEpisodeNumbers)
      entry.eps.push(episode(Math.max(1, season), 1000 + a, a, now - 300 * DAY));
    if (info.airDate) {
      const d = Date.parse(`${info.airDate}T00:00:00Z`);
      entry.eps.push(episode(new Date(d).getUTCFullYear(), Math.floor((d % (366 * DAY)) / DAY) + 1, null, d));
    }
  }

  const movieRepo = new MovieRepository(db);
  const existing = new Set((await db.selectFrom('movies').select('clean_title').execute()).map((r) => r.clean_title));
  const newMovies = [...movieKeys].filter(([k]) => !existing.has(k));
  const movies = await movieRepo.insertMany(
    newMovies.map(([key, m], i) => ({
      tmdbId: 5_000_000 + i,
      imdbId: `tt${9_000_000 + i}`,
      title: m.title,
      originalTitle: null,
      sortTitle: sortTitle(m.title),
      cleanTitle: key,
      year: m.year,
      runtime: 90 + (i % 60),
      overview: null,
      status: 'released',
      inCinemas: '2000-01-01',
      physicalRelease: '2000-06-01',
      digitalRelease: null,
      minimumAvailability: 'released',
      certification: null,
      genres: [],
      studio: null,
      images: [],
      ratings: {},
      monitored: i % 10 !== 0,
      qualityProfileId: opts.profileId,
      path: `/media/movies/fixture-${i}`,
      rootFolderPath: '/media/movies',
      tags: [],
      collection: null,
      added: new Date(now).toISOString(),
      lastInfoSync: null,
      movieFileId: null,
    })),
  );
  const seriesRepo = new SeriesRepository(db);
  const episodeRepo = new EpisodeRepository(db);
  const series: Series[] = [];
  let episodes = 0;
  let s = 0;
  for (const [key, entry] of seriesKeys) {
    const row = await seriesRepo.insert({
      tvdbId: 8_000_000 + s,
      tmdbId: null,
      imdbId: null,
      title: entry.title,
      sortTitle: sortTitle(entry.title),
      cleanTitle: key,
      year: 0,
      status: 'continuing',
      overview: null,
      network: null,
      airTime: null,
      runtime: 45,
      seriesType: entry.type,
      certification: null,
      genres: [],
      images: [],
      ratings: {},
      monitored: true,
      monitorNewItems: 'all',
      qualityProfileId: opts.profileId,
      path: `/media/tv/fixture-${s++}`,
      rootFolderPath: '/media/tv',
      seasonFolder: true,
      tags: [],
      added: new Date(now).toISOString(),
      lastInfoSync: null,
      firstAired: null,
      lastAired: null,
      nextAiring: null,
      previousAiring: null,
    });
    series.push(row);
    const unique = [...new Map(entry.eps.map((e) => [`${e.seasonNumber}x${e.episodeNumber}`, e])).values()];
    await episodeRepo.upsertMany(row.id, unique);
    episodes += unique.length;
  }
  const movieByKey = new Map<string, Movie>(movies.map((m) => [m.cleanTitle, m]));
  const seriesByKey = new Map<string, Series>(series.map((x) => [x.cleanTitle, x]));

  const releases: ReleaseInfo[] = [];
  for (let i = 0; i < count; i++) {
    const { title, p } = parsed[i % parsed.length]!;
    const torrent = rnd() < 0.6;
    const r: ReleaseInfo = {
      ...releaseStub(title),
      guid: `bench-${i}`,
      indexerId: 1 + (i % 5),
      indexer: `Indexer ${1 + (i % 5)}`,
      protocol: torrent ? 'torrent' : 'usenet',
      size: Math.floor((0.3 + rnd() * 12) * GB),
      publishDate: new Date(now - Math.floor(rnd() * 30 * DAY)).toISOString(),
      seeders: torrent ? Math.floor(rnd() * 500) : undefined,
      categories: p?.kind === 'movie' ? [2040] : p ? [5040] : [],
      freeleech: rnd() < 0.1,
    };
    // Indexers that know ids send them for about a third of the releases.
    if (p?.kind === 'movie' && rnd() < 0.35) {
      const m = movieByKey.get(cleanMovieTitle(p.info.movieTitle));
      if (m) r.tmdbId = m.tmdbId;
    }
    if (p?.kind === 'episode' && rnd() < 0.35) {
      const x = seriesByKey.get(cleanSeriesTitle(p.info.seriesTitle));
      if (x?.tvdbId) r.tvdbId = x.tvdbId;
    }
    releases.push(r);
  }
  return { releases, movies: movies.length, series: series.length, episodes };
}

function episode(season: number, number: number, absolute: number | null, airMs: number): EpisodeUpsert {
  const d = new Date(airMs).toISOString();
  return {
    tvdbId: null,
    tmdbId: null,
    seasonNumber: season,
    episodeNumber: number,
    absoluteEpisodeNumber: absolute,
    sceneSeasonNumber: null,
    sceneEpisodeNumber: null,
    sceneAbsoluteEpisodeNumber: null,
    title: null,
    overview: null,
    airDate: d.slice(0, 10),
    airDateUtc: d,
    runtime: 45,
    unverifiedSceneNumbering: false,
    monitored: true,
  };
}

function releaseStub(title: string): ReleaseInfo {
  return {
    guid: title,
    title,
    downloadUrl: 'http://indexer.invalid/get',
    indexer: 'Indexer',
    indexerId: 1,
    protocol: 'torrent',
    size: 0,
    publishDate: new Date(0).toISOString(),
    categories: [],
    freeleech: false,
  };
}
