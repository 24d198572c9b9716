// Wanted: missing and cutoff-unmet movies and episodes (GET /wanted/missing|cutoff?type=), paged, with a search
// button per row and one for everything in the list.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { get, qs } from '../../api/client';
import { keys } from '../../api/query-keys';
import { QueryView } from '../../components/Feedback';
import { PageHeader } from '../../components/PageHeader';
import { Pager, Tabs } from '../../components/Tabs';
import { CommandButton } from '../detail/shared';
import { formatDate } from '../library/format';

interface WantedMovie {
  id: number;
  title: string;
  year: number;
  inCinemas: string | null;
  digitalRelease: string | null;
  physicalRelease: string | null;
  minimumAvailability: string;
}
interface WantedEpisode {
  id: number;
  seriesId: number;
  seasonNumber: number;
  episodeNumber: number;
  title: string | null;
  airDateUtc: string | null;
  series: { id: number; title: string };
}
type WantedPage =
  | { type: 'movie'; page: number; pageSize: number; totalRecords: number; records: WantedMovie[] }
  | { type: 'episode'; page: number; pageSize: number; totalRecords: number; records: WantedEpisode[] };

type Which = 'missing' | 'cutoff';
type Kind = 'movie' | 'episode';
const pad = (n: number) => String(n).padStart(2, '0');

const ALL_COMMAND: Record<Which, Record<Kind, string>> = {
  missing: { movie: 'MissingMoviesSearch', episode: 'MissingEpisodeSearch' },
  cutoff: { movie: 'CutoffUnmetMoviesSearch', episode: 'CutoffUnmetEpisodeSearch' },
};

function WantedList({ which, kind }: { which: Which; kind: Kind }) {
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: [...keys.wanted, which, kind, page],
    queryFn: () => get<WantedPage>(`/wanted/${which}${qs({ type: kind, page, pageSize: 50 })}`),
  });
  const noun = kind === 'movie' ? 'movies' : 'episodes';
  return (
    <>
      <div className="toolbar">
        <CommandButton
          label={`Search all ${which === 'missing' ? 'missing' : 'cutoff unmet'} ${noun}`}
          body={{ name: ALL_COMMAND[which][kind] }}
        />
      </div>
      <QueryView query={list} what={noun}>
        {(p) =>
          p.records.length === 0 ? (
            <p className="muted">Nothing wanted here.</p>
          ) : (
            <>
              <p role="status" className="muted">
                {p.totalRecords} {noun}
              </p>
              {p.type === 'movie' ? (
                <table className="data-table" aria-label={`Wanted ${noun}`}>
                  <thead>
                    <tr>
                      <th scope="col">Movie</th>
                      <th scope="col">In cinemas</th>
                      <th scope="col">Digital</th>
                      <th scope="col">Physical</th>
                      <th scope="col">
                        <span className="sr-only">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.records.map((m) => (
                      <tr key={m.id}>
                        <td>
                          <Link to="/movie/$id" params={{ id: String(m.id) }}>
                            {m.title} ({m.year})
                          </Link>
                        </td>
                        <td>{formatDate(m.inCinemas)}</td>
                        <td>{formatDate(m.digitalRelease)}</td>
                        <td>{formatDate(m.physicalRelease)}</td>
                        <td className="actions">
                          <CommandButton
                            label={`Search ${m.title}`}
                            body={{ name: 'MoviesSearch', movieIds: [m.id] }}
                          />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <table className="data-table" aria-label={`Wanted ${noun}`}>
                  <thead>
                    <tr>
                      <th scope="col">Series</th>
                      <th scope="col">Episode</th>
                      <th scope="col">Title</th>
                      <th scope="col">Aired</th>
                      <th scope="col">
                        <span className="sr-only">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.records.map((e) => {
                      const code = `S${pad(e.seasonNumber)}E${pad(e.episodeNumber)}`;
                      return (
                        <tr key={e.id}>
                          <td>
                            <Link to="/series/$id" params={{ id: String(e.seriesId) }}>
                              {e.series.title}
                            </Link>
                          </td>
                          <td>{code}</td>
                          <td>{e.title ?? 'TBA'}</td>
                          <td>{formatDate(e.airDateUtc)}</td>
                          <td className="actions">
                            <CommandButton
                              label={`Search ${e.series.title} ${code}`}
                              body={{ name: 'EpisodeSearch', episodeIds: [e.id] }}
                            />
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              )}
              <Pager page={page} pageSize={p.pageSize} total={p.totalRecords} onPage={setPage} />
            </>
          )
        }
      </QueryView>
    </>
  );
}

const TABS = [
  { id: 'missing-episode', label: 'Missing episodes' },
  { id: 'missing-movie', label: 'Missing movies' },
  { id: 'cutoff-episode', label: 'Cutoff unmet episodes' },
  { id: 'cutoff-movie', label: 'Cutoff unmet movies' },
] as const;
type Tab = (typeof TABS)[number]['id'];

export function WantedPage() {
  const [tab, setTab] = useState<Tab>('missing-episode');
  const [which, kind] = tab.split('-') as [Which, Kind];
  return (
    <>
      <PageHeader title="Wanted" />
      <Tabs label="Wanted" tabs={TABS} current={tab} onChange={setTab}>
        <WantedList key={tab} which={which} kind={kind} />
      </Tabs>
    </>
  );
}
