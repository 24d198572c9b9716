// Library rows for UI tests and the UI benchmark, inserted through the repositories (no metadata provider needed).
import { EpisodeRepository } from '../../server/src/db/repositories/episode.repository.js';
import { MovieRepository } from '../../server/src/db/repositories/movie.repository.js';
import { SeriesRepository } from '../../server/src/db/repositories/series.repository.js';
import { episodeMeta, newMovie, newSeries } from '../../server/test/support/library-factories.js';
import type { RunningServer } from './server.js';

const WORDS = 'amber river shadow empire golden silent broken hidden iron crimson winter summer storm glass echo'.split(
  ' ',
);
const NOUNS = 'kingdom road house heart garden machine station legacy frontier harbor signal mirror island'.split(' ');
const OVERVIEW =
  'Someone wants something, something stands in the way, and over the course of the story everything changes.';

export function movieTitle(n: number): string {
  const a = WORDS[n % WORDS.length]!;
  const b = NOUNS[Math.floor(n / WORDS.length) % NOUNS.length]!;
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return `${cap(a)} ${cap(b)} ${n}`;
}

/** `count` movies; every third is unmonitored, every other has a file. Extra titles are inserted first. */
export async function seedMovies(server: RunningServer, count: number, extraTitles: string[] = []): Promise<void> {
  const repo = new MovieRepository(server.app.database.db);
  const movies = [
    ...extraTitles.map((title, i) => newMovie(900_000 + i, { title, overview: OVERVIEW })),
    ...Array.from({ length: count }, (_, i) =>
      newMovie(i + 1, {
        title: movieTitle(i + 1),
        overview: OVERVIEW,
        monitored: i % 3 !== 0,
        path: `/media/movies/${movieTitle(i + 1)}`,
      }),
    ),
  ];
  for (let i = 0; i < movies.length; i += 2000) await repo.insertMany(movies.slice(i, i + 2000));
}

/** One series with `seasons` seasons of `perSeason` monitored episodes each (aired in 2020); returns its id. */
export async function seedSeries(
  server: RunningServer,
  title: string,
  seasons = 2,
  perSeason = 4,
): Promise<{ id: number; episodeIds: number[] }> {
  const db = server.app.database.db;
  const series = new SeriesRepository(db);
  const episodes = new EpisodeRepository(db);
  const s = await series.insert(newSeries(1, { title, overview: OVERVIEW }));
  await series.upsertSeasons(
    s.id,
    Array.from({ length: seasons }, (_, i) => ({ seasonNumber: i + 1, monitored: true })),
  );
  const eps = [];
  for (let season = 1; season <= seasons; season++)
    for (let e = 1; e <= perSeason; e++)
      eps.push({
        ...episodeMeta(season, e, {
          title: `${title} ${season}x${e}`,
          airDate: `2020-0${season}-${String(10 + e)}`,
          airDateUtc: new Date(Date.UTC(2020, season - 1, 10 + e, 21)).toISOString(),
        }),
        monitored: true,
      });
  await episodes.upsertMany(s.id, eps);
  return { id: s.id, episodeIds: (await episodes.listBySeries(s.id)).map((e) => e.id) };
}
