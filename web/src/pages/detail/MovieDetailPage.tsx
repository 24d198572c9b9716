// /movie/:id — artwork, metadata, files, history; refresh, automatic and interactive search; monitored toggle;
// edit (profile, availability, folder, tags) and delete (files only when asked).
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { get } from '../../api/client';
import { keys } from '../../api/query-keys';
import type { MediaFile, Movie } from '../../api/types';
import { QueryView } from '../../components/Feedback';
import { PageHeader } from '../../components/PageHeader';
import { formatBytes, formatDate } from '../library/format';
import { ItemActions } from './ItemActions';
import { CommandButton, FilesTable, ImageHero, InteractiveSearch, ItemHistory, ItemMonitoredToggle } from './shared';

type MovieDetail = Movie & { minimumAvailability: string };

export function MovieDetailPage() {
  const id = Number(useParams({ strict: false }).id);
  const movie = useQuery({ queryKey: keys.movie(id), queryFn: () => get<MovieDetail>(`/movie/${id}`) });
  const files = useQuery({
    queryKey: [...keys.movie(id), 'files'],
    queryFn: () => get<MediaFile[]>(`/moviefile?movieId=${id}`),
  });
  return (
    <QueryView query={movie} what="the movie">
      {(m) => (
        <>
          <PageHeader title={m.title}>
            <CommandButton label="Refresh" body={{ name: 'RefreshMovie', movieId: m.id }} />
            <CommandButton label="Automatic search" body={{ name: 'MoviesSearch', movieIds: [m.id] }} />
            <InteractiveSearch label="Interactive search" target={{ movieId: m.id }} />
            <ItemActions target={{ kind: 'movie', item: m }} />
          </PageHeader>
          <ImageHero images={m.images} title={m.title}>
            <p className="muted">
              {[m.year, m.runtime ? `${m.runtime} min` : null, m.studio, m.genres.join(', ')]
                .filter(Boolean)
                .join(' · ')}
            </p>
            <p>{m.overview}</p>
            <dl className="facts">
              <dt>Status</dt>
              <dd>{m.hasFile ? 'Downloaded' : m.isAvailable ? 'Missing' : 'Not available'}</dd>
              <dt>Path</dt>
              <dd>{m.path}</dd>
              <dt>In cinemas</dt>
              <dd>{formatDate(m.inCinemas)}</dd>
              <dt>Digital release</dt>
              <dd>{formatDate(m.digitalRelease)}</dd>
              <dt>Size on disk</dt>
              <dd>{formatBytes(m.sizeOnDisk)}</dd>
              <dt>IDs</dt>
              <dd>
                TMDB {m.tmdbId}
                {m.imdbId ? ` · ${m.imdbId}` : ''}
              </dd>
            </dl>
            <ItemMonitoredToggle
              url={`/movie/${id}`}
              itemKey={keys.movie(id)}
              listKey={keys.movies}
              checked={m.monitored}
            />
          </ImageHero>
          <section className="section" aria-labelledby="files-h">
            <h2 id="files-h">Files</h2>
            <QueryView query={files} what="files">
              {(list) => <FilesTable files={list} />}
            </QueryView>
          </section>
          <section className="section" aria-labelledby="history-h">
            <h2 id="history-h">History</h2>
            <ItemHistory filter={{ movieId: m.id }} />
          </section>
        </>
      )}
    </QueryView>
  );
}
