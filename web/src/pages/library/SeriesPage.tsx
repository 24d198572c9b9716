import type { Series } from '../../api/types';
import { LibraryIndex } from '../../components/LibraryIndex';
import { formatBytes, formatDate } from './format';

function episodes(s: Series): string {
  const st = s.statistics;
  return st ? `${st.episodeFileCount}/${st.episodeCount}` : '—';
}

export function SeriesPage() {
  return (
    <LibraryIndex<Series>
      resource="series"
      title="Series"
      noun="series"
      sortKeys={[
        { key: 'title', label: 'Title' },
        { key: 'year', label: 'Year' },
        { key: 'added', label: 'Added' },
        { key: 'network', label: 'Network' },
        { key: 'nextAiring', label: 'Next airing' },
        { key: 'previousAiring', label: 'Previous airing' },
        { key: 'status', label: 'Status' },
        { key: 'seriesType', label: 'Type' },
        { key: 'qualityProfileId', label: 'Quality profile' },
        { key: 'path', label: 'Path' },
      ]}
      extraFilters={[
        {
          param: 'status',
          label: 'Status',
          options: [
            { value: 'continuing', label: 'Continuing' },
            { value: 'ended', label: 'Ended' },
            { value: 'upcoming', label: 'Upcoming' },
          ],
        },
      ]}
      columns={[
        { key: 'title', label: 'Title', render: (s) => s.title },
        { key: 'year', label: 'Year', render: (s) => s.year, width: '5rem' },
        { key: 'network', label: 'Network', render: (s) => s.network ?? '—', width: '9rem' },
        { key: 'status', label: 'Status', render: (s) => s.status, width: '7rem' },
        { key: 'episodes', label: 'Episodes', render: episodes, width: '7rem' },
        { key: 'next', label: 'Next airing', render: (s) => formatDate(s.nextAiring), width: '9rem' },
        { key: 'size', label: 'Size', render: (s) => formatBytes(s.statistics?.sizeOnDisk ?? 0), width: '7rem' },
      ]}
      subtitle={(s) => `${s.year}${s.network ? ` · ${s.network}` : ''} · ${episodes(s)} episodes`}
      overview={(s) => s.overview}
      badge={(s) => (s.monitored ? null : { text: 'Unmonitored', tone: 'muted' })}
    />
  );
}
