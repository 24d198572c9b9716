import { describe, expect, it } from 'vitest';
import type { Movie } from '../../domain/library/movie.types.js';
import type { Series } from '../../domain/library/series.types.js';
import type { RenamedFileRef } from '../../events/event-bus.js';
import { RenamedFiles } from './renamed-files.js';

const ref = (id: number): RenamedFileRef => ({
  id,
  path: `/new/${id}.mkv`,
  relativePath: `${id}.mkv`,
  size: 1,
  quality: { quality: 'bluray-1080p', revision: { version: 1, real: 0 } },
  releaseGroup: null,
  sceneName: null,
  dateAdded: '',
  previousPath: `/old/${id}.mkv`,
  previousRelativePath: `old/${id}.mkv`,
  episodeIds: [],
});

describe('RenamedFiles', () => {
  it('makes one event per item with all its files, movies and series kept apart', () => {
    const movie = { id: 1, tags: [] } as unknown as Movie;
    const series = { id: 1, tags: [] } as unknown as Series;
    const done = new RenamedFiles();
    done.add({ kind: 'movie', movie }, ref(10));
    done.add({ kind: 'episode', series }, ref(20));
    done.add({ kind: 'episode', series }, ref(21));
    expect(done.events()).toEqual([
      { mediaType: 'movie', movieId: 1, seriesId: null, movie, files: [ref(10)] },
      { mediaType: 'episode', movieId: null, seriesId: 1, series, files: [ref(20), ref(21)] },
    ]);
  });

  it('nothing renamed, nothing to announce', () => {
    expect(new RenamedFiles().events()).toEqual([]);
  });
});
