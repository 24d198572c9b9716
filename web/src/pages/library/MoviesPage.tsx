import type { Movie } from '../../api/types';
import { LibraryIndex } from '../../components/LibraryIndex';
import { formatBytes, formatDate } from './format';

const MARK = 'idkarr:movies-interactive';

function movieBadge(m: Movie) {
  if (m.hasFile) return { text: 'Downloaded', tone: 'ok' as const };
  if (!m.monitored) return { text: 'Unmonitored', tone: 'muted' as const };
  return { text: m.isAvailable ? 'Missing' : 'Not available', tone: 'warn' as const };
}

export function MoviesPage() {
  return (
    <LibraryIndex<Movie>
      resource="movie"
      title="Movies"
      noun="movie"
      sortKeys={[
        { key: 'title', label: 'Title' },
        { key: 'year', label: 'Year' },
        { key: 'added', label: 'Added' },
        { key: 'inCinemas', label: 'In cinemas' },
        { key: 'digitalRelease', label: 'Digital release' },
        { key: 'runtime', label: 'Runtime' },
        { key: 'status', label: 'Status' },
        { key: 'qualityProfileId', label: 'Quality profile' },
        { key: 'path', label: 'Path' },
      ]}
      extraFilters={[
        {
          param: 'missing',
          label: 'Files',
          options: [
            { value: 'true', label: 'Missing' },
            { value: 'false', label: 'Downloaded' },
          ],
        },
      ]}
      columns={[
        { key: 'title', label: 'Title', render: (m) => m.title },
        { key: 'year', label: 'Year', render: (m) => m.year, width: '5rem' },
        { key: 'status', label: 'Status', render: (m) => movieBadge(m).text, width: '9rem' },
        { key: 'monitored', label: 'Monitored', render: (m) => (m.monitored ? 'Yes' : 'No'), width: '6rem' },
        { key: 'studio', label: 'Studio', render: (m) => m.studio ?? '—' },
        { key: 'digital', label: 'Digital release', render: (m) => formatDate(m.digitalRelease), width: '9rem' },
        { key: 'size', label: 'Size', render: (m) => formatBytes(m.sizeOnDisk), width: '7rem' },
      ]}
      subtitle={(m) => `${m.year}${m.runtime ? ` · ${m.runtime} min` : ''}`}
      overview={(m) => m.overview}
      badge={movieBadge}
      onFirstRows={() => {
        if (performance.getEntriesByName(MARK).length === 0) performance.mark(MARK);
      }}
    />
  );
}
