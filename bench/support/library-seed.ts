// A synthetic library for the library benchmark: 20,000 movies and 5,000 series with 250,000 episodes by default.
// Deterministic (seeded PRNG), realistic spreads: release/air dates from the 1950s to two years ahead, most items
// monitored, many with file ids, alternative titles, tags, artwork and overviews so rows have real widths.
// Rows go through the repositories' own row mappers and are inserted in large batches inside one transaction.
import type { Kysely } from 'kysely';
import { movieToRow } from '../../server/src/db/repositories/movie-row.mapper.js';
import { episodeMetadataToRow, seriesToRow } from '../../server/src/db/repositories/series-row.mapper.js';
import type { DB } from '../../server/src/db/schema.js';
import { cleanMovieTitle, cleanSeriesTitle, sortTitle } from '../../server/src/domain/library/clean-title.js';
import type { MinimumAvailability, MovieStatus, NewMovie } from '../../server/src/domain/library/movie.types.js';
import type { NewSeries, SeriesStatus, SeriesType } from '../../server/src/domain/library/series.types.js';

export interface SeedOptions {
  movies?: number;
  series?: number;
  episodes?: number;
  /** Episodes of the one big series (the `GET /episode?seriesId=` case). */
  bigSeriesEpisodes?: number;
  /** "Today" for the spread of dates; defaults to now. */
  now?: Date;
}

export interface SeedResult {
  movies: number;
  series: number;
  episodes: number;
  seasons: number;
  alternativeTitles: number;
  tags: number;
  bigSeriesId: number;
  ms: number;
}

const DAY = 86_400_000;
const WORDS = (
  'night river shadow empire golden silent broken last lost hidden iron crimson winter summer city ' +
  'storm glass echo wild paper secret ocean northern burning falling distant midnight electric quiet ' +
  'frozen savage hollow little bright dark final first second endless stolen sacred velvet neon'
).split(' ');
const NOUNS = (
  'kingdom road house heart garden machine station protocol legacy frontier harbor signal mirror ' +
  'island code crown witness hunter circle engine valley tower letter voyage horizon family ghost'
).split(' ');
const GENRES = ['Drama', 'Comedy', 'Action', 'Thriller', 'Science Fiction', 'Documentary', 'Animation', 'Crime'];
const NETWORKS = ['HBO', 'Netflix', 'BBC One', 'AMC', 'FX', 'NBC', 'Apple TV+', 'Prime Video', 'ABC', null];
const OVERVIEW =
  'A long enough synopsis to give rows a realistic width, about two hundred characters: someone wants ' +
  'something, something stands in the way, and over the course of the story everything changes for good.';

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

async function insertChunks<T>(
  items: readonly T[],
  size: number,
  insert: (part: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < items.length; i += size) await insert(items.slice(i, i + size));
}

export async function seedLibrary(db: Kysely<DB>, opts: SeedOptions = {}): Promise<SeedResult> {
  const t0 = performance.now();
  const nMovies = opts.movies ?? 20_000;
  const nSeries = opts.series ?? 5_000;
  const nEpisodes = opts.episodes ?? 250_000;
  const bigEpisodes = opts.bigSeriesEpisodes ?? 500;
  const now = (opts.now ?? new Date()).getTime();
  const rnd = prng(20_250_101);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const title = (n: number) => {
    const w = `${pick(WORDS)} ${pick(NOUNS)}`;
    return `${w[0]!.toUpperCase()}${w.slice(1)}${n % 7 === 0 ? `: ${pick(WORDS)} ${pick(NOUNS)}` : ''} ${n}`;
  };

  return db.transaction().execute(async (trx) => {
    const tagIds: number[] = [];
    for (let i = 1; i <= 10; i++) {
      const row = await trx
        .insertInto('tags')
        .values({ label: `bench-tag-${i}` })
        .returning('id')
        .executeTakeFirstOrThrow();
      tagIds.push(row.id);
    }
    const tags = () => {
      const r = rnd();
      if (r < 0.7) return [];
      if (r < 0.9) return [pick(tagIds)];
      return [...new Set([pick(tagIds), pick(tagIds)])];
    };
    const profileIds = (await trx.selectFrom('quality_profiles').select('id').execute()).map((r) => r.id);
    await trx
      .insertInto('root_folders')
      .values([{ path: '/media/movies' }, { path: '/media/tv' }])
      .execute();

    // Movies: cinema dates from 1950 to two years ahead; digital ~90 days and physical ~120 days later.
    const movies: NewMovie[] = [];
    const span = now + 730 * DAY - Date.UTC(1950, 0, 1);
    for (let n = 1; n <= nMovies; n++) {
      const cinema = Date.UTC(1950, 0, 1) + Math.floor(rnd() * span);
      const year = new Date(cinema).getUTCFullYear();
      const digital = cinema + (60 + Math.floor(rnd() * 60)) * DAY;
      const physical = cinema + (100 + Math.floor(rnd() * 60)) * DAY;
      const status: MovieStatus =
        physical <= now || digital <= now ? 'released' : cinema <= now ? 'inCinemas' : 'announced';
      const t = title(n);
      const hasFile = status === 'released' && rnd() < 0.6;
      movies.push({
        tmdbId: 100_000 + n,
        imdbId: `tt${String(1_000_000 + n)}`,
        title: t,
        originalTitle: rnd() < 0.2 ? `${t} (original)` : null,
        sortTitle: sortTitle(t),
        cleanTitle: cleanMovieTitle(t),
        year,
        runtime: 80 + Math.floor(rnd() * 80),
        overview: OVERVIEW,
        status,
        inCinemas: day(cinema),
        digitalRelease: rnd() < 0.9 ? day(digital) : null,
        physicalRelease: rnd() < 0.7 ? day(physical) : null,
        minimumAvailability: pick<MinimumAvailability>(['released', 'released', 'inCinemas', 'announced']),
        certification: pick(['PG', 'PG-13', 'R', null]),
        genres: [pick(GENRES), pick(GENRES)],
        studio: pick(['A24', 'Warner Bros.', 'Studio Ghibli', null]),
        images: [
          { coverType: 'poster', remoteUrl: `https://image.tmdb.org/t/p/original/p${n}.jpg` },
          { coverType: 'fanart', remoteUrl: `https://image.tmdb.org/t/p/original/f${n}.jpg` },
        ],
        ratings: { tmdb: { value: Math.round(rnd() * 100) / 10, votes: Math.floor(rnd() * 20_000) } },
        monitored: rnd() < 0.8,
        qualityProfileId: pick(profileIds),
        path: `/media/movies/${t} (${year})`,
        rootFolderPath: '/media/movies',
        tags: tags(),
        collection: rnd() < 0.1 ? { tmdbId: 900_000 + (n % 500), title: `Collection ${n % 500}` } : null,
        added: new Date(now - Math.floor(rnd() * 3000) * DAY).toISOString(),
        lastInfoSync: new Date(now - Math.floor(rnd() * 2) * DAY).toISOString(),
        movieFileId: hasFile ? n : null,
      });
    }
    const movieIds: number[] = [];
    await insertChunks(movies, 500, async (part) => {
      const rows = await trx.insertInto('movies').values(part.map(movieToRow)).returning('id').execute();
      movieIds.push(...rows.map((r) => r.id));
    });
    const movieAlts = movieIds.flatMap((id, i) =>
      i % 2 === 0
        ? [
            {
              movie_id: id,
              title: `${movies[i]!.title} AKA`,
              clean_title: cleanMovieTitle(`${movies[i]!.title} AKA`),
              source: 'tmdb',
            },
          ]
        : [],
    );
    await insertChunks(movieAlts, 1000, (part) => trx.insertInto('movie_alternative_titles').values(part).execute());

    // Series: one big series first, then the rest share the remaining episodes (10–90 each, scaled to the total).
    const rest = nEpisodes - bigEpisodes;
    const weights = Array.from({ length: nSeries - 1 }, () => 10 + Math.floor(rnd() * 81));
    const weightSum = weights.reduce((a, b) => a + b, 0);
    const counts = [bigEpisodes, ...weights.map((w) => Math.max(1, Math.floor((w * rest) / weightSum)))];
    for (let i = 1, missing = nEpisodes - counts.reduce((a, b) => a + b, 0); missing > 0; i++, missing--)
      counts[1 + ((i - 1) % (nSeries - 1))]!++;

    let episodeTotal = 0;
    let seasonTotal = 0;
    let seriesAlts = 0;
    let bigSeriesId = 0;
    const SERIES_BATCH = 250;
    for (let base = 0; base < nSeries; base += SERIES_BATCH) {
      const batch: { series: NewSeries; count: number; firstAir: number; weekly: number; perSeason: number }[] = [];
      for (let i = base; i < Math.min(nSeries, base + SERIES_BATCH); i++) {
        const n = i + 1;
        const count = counts[i]!;
        const perSeason = i === 0 ? 25 : 6 + Math.floor(rnd() * 19);
        const weekly = 7 * DAY;
        // Start so that ~15% of series are still airing (episodes up to a year ahead).
        const airing = rnd() < 0.15;
        const lengthMs = count * weekly * 1.3;
        const firstAir = airing
          ? now - lengthMs + Math.floor(rnd() * 365) * DAY
          : Date.UTC(1985, 0, 1) + Math.floor(rnd() * Math.max(DAY, now - lengthMs - Date.UTC(1985, 0, 1)));
        const t = i === 0 ? 'The Long Running Show' : title(n);
        const lastAir = firstAir + lengthMs;
        const status: SeriesStatus = lastAir > now ? 'continuing' : rnd() < 0.3 ? 'continuing' : 'ended';
        batch.push({
          count,
          firstAir,
          weekly,
          perSeason,
          series: {
            tvdbId: 300_000 + n,
            tmdbId: 500_000 + n,
            imdbId: `tt${String(5_000_000 + n)}`,
            title: t,
            sortTitle: sortTitle(t),
            cleanTitle: cleanSeriesTitle(t),
            year: new Date(firstAir).getUTCFullYear(),
            status,
            overview: OVERVIEW,
            network: pick(NETWORKS),
            airTime: '21:00',
            runtime: pick([22, 30, 45, 60]),
            seriesType: pick<SeriesType>(['standard', 'standard', 'standard', 'standard', 'daily', 'anime']),
            certification: pick(['TV-14', 'TV-MA', null]),
            genres: [pick(GENRES)],
            images: [
              { coverType: 'poster', remoteUrl: `https://artworks.thetvdb.com/banners/p${n}.jpg` },
              { coverType: 'fanart', remoteUrl: `https://artworks.thetvdb.com/banners/f${n}.jpg` },
              { coverType: 'banner', remoteUrl: `https://artworks.thetvdb.com/banners/b${n}.jpg` },
            ],
            ratings: { tvdb: { value: Math.round(rnd() * 100) / 10, votes: Math.floor(rnd() * 5000) } },
            monitored: i === 0 || rnd() < 0.85,
            monitorNewItems: 'all',
            qualityProfileId: pick(profileIds),
            path: `/media/tv/${t}`,
            rootFolderPath: '/media/tv',
            seasonFolder: true,
            tags: tags(),
            added: new Date(now - Math.floor(rnd() * 3000) * DAY).toISOString(),
            lastInfoSync: new Date(now - Math.floor(rnd() * 2) * DAY).toISOString(),
            firstAired: day(firstAir),
            lastAired: day(lastAir),
            nextAiring: null,
            previousAiring: null,
          },
        });
      }
      // Denormalised next/previous airing, as a refresh would write them.
      for (const b of batch) {
        let next: number | null = null;
        let prev: number | null = null;
        for (let e = 0; e < b.count; e++) {
          const at = b.firstAir + e * b.weekly;
          if (at > now) {
            next = at;
            break;
          }
          prev = at;
        }
        b.series.nextAiring = next === null ? null : new Date(next).toISOString();
        b.series.previousAiring = prev === null ? null : new Date(prev).toISOString();
      }
      const ids = (
        await trx
          .insertInto('series')
          .values(batch.map((b) => seriesToRow(b.series)))
          .returning('id')
          .execute()
      ).map((r) => r.id);
      if (base === 0) bigSeriesId = ids[0]!;

      const seasons: { series_id: number; season_number: number; monitored: number }[] = [];
      const episodes: ReturnType<typeof episodeRow>[] = [];
      const alts: { series_id: number; title: string; clean_title: string; scene_season_number: number | null }[] = [];
      for (let k = 0; k < batch.length; k++) {
        const b = batch[k]!;
        const seriesId = ids[k]!;
        const seasonCount = Math.ceil(b.count / b.perSeason);
        for (let s = 1; s <= seasonCount; s++)
          seasons.push({ series_id: seriesId, season_number: s, monitored: rnd() < 0.9 ? 1 : 0 });
        for (let e = 0; e < b.count; e++) {
          const at = b.firstAir + e * b.weekly + (b.series.seriesType === 'daily' ? 0 : Math.floor(rnd() * 3) * DAY);
          const aired = at <= now;
          episodes.push(
            episodeRow(seriesId, {
              season: 1 + Math.floor(e / b.perSeason),
              episode: 1 + (e % b.perSeason),
              absolute: b.series.seriesType === 'anime' ? e + 1 : null,
              airDateUtc: new Date(at).toISOString(),
              title: rnd() < 0.95 ? `Episode ${e + 1}: ${pick(WORDS)} ${pick(NOUNS)}` : null,
              runtime: b.series.runtime,
              monitored: rnd() < 0.9,
              fileId: aired && rnd() < 0.7 ? episodeTotal + episodes.length + 1 : null,
            }),
          );
        }
        if (rnd() < 0.3) {
          const alt = `${b.series.title} (US)`;
          alts.push({ series_id: seriesId, title: alt, clean_title: cleanSeriesTitle(alt), scene_season_number: null });
        }
      }
      await insertChunks(seasons, 2000, (part) => trx.insertInto('seasons').values(part).execute());
      await insertChunks(episodes, 1000, (part) => trx.insertInto('episodes').values(part).execute());
      if (alts.length) await trx.insertInto('series_alternative_titles').values(alts).execute();
      episodeTotal += episodes.length;
      seasonTotal += seasons.length;
      seriesAlts += alts.length;
    }

    return {
      movies: movieIds.length,
      series: nSeries,
      episodes: episodeTotal,
      seasons: seasonTotal,
      alternativeTitles: movieAlts.length + seriesAlts,
      tags: tagIds.length,
      bigSeriesId,
      ms: performance.now() - t0,
    };
  });
}

function episodeRow(
  seriesId: number,
  e: {
    season: number;
    episode: number;
    absolute: number | null;
    airDateUtc: string;
    title: string | null;
    runtime: number;
    monitored: boolean;
    fileId: number | null;
  },
) {
  return {
    ...episodeMetadataToRow({
      tvdbId: seriesId * 10_000 + e.season * 100 + e.episode,
      tmdbId: null,
      seasonNumber: e.season,
      episodeNumber: e.episode,
      absoluteEpisodeNumber: e.absolute,
      sceneSeasonNumber: null,
      sceneEpisodeNumber: null,
      sceneAbsoluteEpisodeNumber: null,
      title: e.title,
      overview: e.title ? OVERVIEW : null,
      airDate: e.airDateUtc.slice(0, 10),
      airDateUtc: e.airDateUtc,
      runtime: e.runtime,
      unverifiedSceneNumbering: false,
    }),
    series_id: seriesId,
    monitored: e.monitored ? 1 : 0,
    episode_file_id: e.fileId,
  };
}
