// Collects what one RenameFiles run renamed and turns it into one `file.renamed` event per library item, so a
// series with forty renamed episodes makes one notification and one media-server batch, not forty.
import type { Movie } from '../../domain/library/movie.types.js';
import type { Series } from '../../domain/library/series.types.js';
import type { FilesRenamedEvent, RenamedFileRef } from '../../events/event-bus.js';

export type RenamedItem = { kind: 'movie'; movie: Movie } | { kind: 'episode'; series: Series };

export class RenamedFiles {
  private readonly byItem = new Map<string, { item: RenamedItem; files: RenamedFileRef[] }>();

  add(item: RenamedItem, file: RenamedFileRef): void {
    const key = item.kind === 'movie' ? `movie:${item.movie.id}` : `series:${item.series.id}`;
    const entry = this.byItem.get(key);
    if (entry) entry.files.push(file);
    else this.byItem.set(key, { item, files: [file] });
  }

  events(): FilesRenamedEvent[] {
    return [...this.byItem.values()].map(({ item, files }) =>
      item.kind === 'movie'
        ? { mediaType: 'movie', movieId: item.movie.id, seriesId: null, movie: item.movie, files }
        : { mediaType: 'episode', movieId: null, seriesId: item.series.id, series: item.series, files },
    );
  }
}
