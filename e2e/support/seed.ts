// Library rows for UI tests and the UI benchmark, inserted through the repositories (no metadata provider needed).
import { MovieRepository } from '../../server/src/db/repositories/movie.repository.js';
import { newMovie } from '../../server/test/support/library-factories.js';
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
