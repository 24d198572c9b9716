import { describe, expect, it } from 'vitest';
import type { MinimumAvailability, MovieStatus } from './movie.types.js';
import { isMovieAvailable } from './movie-availability.rules.js';

const TODAY = '2025-06-01';

describe('isMovieAvailable', () => {
  it.each<[MinimumAvailability, MovieStatus, string | null, string | null, string | null, boolean]>([
    // [minimum, status, inCinemas, digital, physical, available]
    ['announced', 'announced', null, null, null, true],
    ['announced', 'tba', null, null, null, false],
    ['announced', 'tba', '2025-05-01', null, null, true],
    ['inCinemas', 'announced', '2025-07-01', null, null, false],
    ['inCinemas', 'announced', '2025-06-01', null, null, true],
    ['inCinemas', 'inCinemas', null, null, null, true],
    ['released', 'inCinemas', '2025-01-01', null, null, false],
    ['released', 'inCinemas', '2025-01-01', '2025-06-01', null, true],
    ['released', 'inCinemas', '2025-01-01', null, '2025-05-31', true],
    ['released', 'released', null, null, null, true],
    ['released', 'deleted', null, '2020-01-01', null, false],
    ['announced', 'deleted', null, null, null, false],
  ])('minimum %s, status %s, cinemas %s, digital %s, physical %s → %s', (min, status, cin, dig, phy, expected) => {
    const movie = { minimumAvailability: min, status, inCinemas: cin, digitalRelease: dig, physicalRelease: phy };
    expect(isMovieAvailable(movie, TODAY)).toBe(expected);
  });
});
