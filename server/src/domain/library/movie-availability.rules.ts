// When a monitored movie counts as available (and so wanted): Radarr's minimum availability. The same rule is
// spelled in SQL by the movie repository's wanted query; the unit table keeps the two honest.
import type { Movie } from './movie.types.js';

type AvailabilityFields = Pick<
  Movie,
  'status' | 'minimumAvailability' | 'inCinemas' | 'physicalRelease' | 'digitalRelease'
>;

/** `today` is the calendar day `YYYY-MM-DD` in UTC. */
export function isMovieAvailable(movie: AvailabilityFields, today: string): boolean {
  if (movie.status === 'deleted') return false;
  const reached = (day: string | null) => day !== null && day <= today;
  const released = movie.status === 'released' || reached(movie.physicalRelease) || reached(movie.digitalRelease);
  if (movie.minimumAvailability === 'released') return released;
  const inCinemas = released || movie.status === 'inCinemas' || reached(movie.inCinemas);
  if (movie.minimumAvailability === 'inCinemas') return inCinemas;
  return inCinemas || movie.status === 'announced';
}
