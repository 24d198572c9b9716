// /series/:id — artwork, metadata, seasons with their episodes and monitored toggles, files, history; refresh,
// automatic search (series, season, episode) and interactive search (season, episode); edit (profile, type, season
// folders, folder, tags) and delete (files only when asked).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { get, put } from '../../api/client';
import { keys } from '../../api/query-keys';
import type { Episode, MediaFile, SeasonView, Series } from '../../api/types';
import { ProblemNote, QueryView } from '../../components/Feedback';
import { OptimisticCheckbox } from '../../components/OptimisticCheckbox';
import { PageHeader } from '../../components/PageHeader';
import { formatBytes, formatDate } from '../library/format';
import { ItemActions } from './ItemActions';
import { CommandButton, FilesTable, ImageHero, InteractiveSearch, ItemHistory, ItemMonitoredToggle } from './shared';

type SeriesDetail = Series & { seasons: SeasonView[]; seasonFolder: boolean; airTime: string | null };

const pad = (n: number) => String(n).padStart(2, '0');

function Season({ series, season, episodes }: { series: SeriesDetail; season: SeasonView; episodes: Episode[] }) {
  const client = useQueryClient();
  // Returned from onSuccess, so the mutation stays pending (and the checkbox optimistic) until the refetch is in.
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: keys.seriesEpisodes(series.id) }),
      client.invalidateQueries({ queryKey: keys.oneSeries(series.id) }),
    ]);
  const seasonMonitor = useMutation({
    mutationFn: (monitored: boolean) =>
      put('/season/monitor', { seriesId: series.id, seasonNumber: season.seasonNumber, monitored }),
    onSuccess: refresh,
  });
  const episodeMonitor = useMutation({
    mutationFn: (v: { id: number; monitored: boolean }) =>
      put<Episode[]>('/episode/monitor', { episodeIds: [v.id], monitored: v.monitored }),
    onSuccess: (updated) => {
      client.setQueryData<Episode[]>(keys.seriesEpisodes(series.id), (old) =>
        old?.map((e) => updated.find((u) => u.id === e.id) ?? e),
      );
      return refresh();
    },
  });
  const name = season.seasonNumber === 0 ? 'Specials' : `Season ${season.seasonNumber}`;
  const stats = season.statistics;
  return (
    <details className="season" open={season.seasonNumber !== 0}>
      <summary>
        {name}{' '}
        <span className="muted small">
          {stats.episodeFileCount}/{stats.episodeCount} episodes · {formatBytes(stats.sizeOnDisk)}
        </span>
      </summary>
      <div className="inline-controls">
        <OptimisticCheckbox checked={season.monitored} save={seasonMonitor.mutateAsync} label={`Monitor ${name}`} />
        <CommandButton
          label={`Search ${name}`}
          body={{ name: 'SeasonSearch', seriesId: series.id, seasonNumber: season.seasonNumber }}
        />
        <InteractiveSearch
          label={`Interactive search ${name}`}
          target={{ seriesId: series.id, seasonNumber: season.seasonNumber }}
        />
      </div>
      <ProblemNote error={seasonMonitor.error ?? episodeMonitor.error} />
      <table className="data-table" aria-label={`${name} episodes`}>
        <thead>
          <tr>
            <th scope="col">Monitored</th>
            <th scope="col">#</th>
            <th scope="col">Title</th>
            <th scope="col">Air date</th>
            <th scope="col">File</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {episodes.map((e) => {
            const code = `S${pad(e.seasonNumber)}E${pad(e.episodeNumber)}`;
            return (
              <tr key={e.id} data-testid="episode-row">
                <td>
                  <OptimisticCheckbox
                    ariaLabel={`Monitor ${code}`}
                    checked={e.monitored}
                    save={(monitored) => episodeMonitor.mutateAsync({ id: e.id, monitored })}
                  />
                </td>
                <td className="nowrap">{code}</td>
                <td>{e.title ?? 'TBA'}</td>
                <td className="nowrap">{formatDate(e.airDate)}</td>
                <td>{e.hasFile ? <span className="ok">Downloaded</span> : <span className="muted">Missing</span>}</td>
                <td className="actions nowrap">
                  <CommandButton label={`Search ${code}`} body={{ name: 'EpisodeSearch', episodeIds: [e.id] }} />
                  <InteractiveSearch label={`Interactive search ${code}`} target={{ episodeId: e.id }} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}

export function SeriesDetailPage() {
  const id = Number(useParams({ strict: false }).id);
  const series = useQuery({ queryKey: keys.oneSeries(id), queryFn: () => get<SeriesDetail>(`/series/${id}`) });
  const episodes = useQuery({
    queryKey: keys.seriesEpisodes(id),
    queryFn: () => get<Episode[]>(`/episode?seriesId=${id}`),
  });
  const files = useQuery({
    queryKey: [...keys.oneSeries(id), 'files'],
    queryFn: () => get<MediaFile[]>(`/episodefile?seriesId=${id}`),
  });
  return (
    <QueryView query={series} what="the series">
      {(s) => (
        <>
          <PageHeader title={s.title}>
            <CommandButton label="Refresh" body={{ name: 'RefreshSeries', seriesId: s.id }} />
            <CommandButton label="Search monitored" body={{ name: 'SeriesSearch', seriesId: s.id }} />
            <ItemActions target={{ kind: 'series', item: s }} />
          </PageHeader>
          <ImageHero images={s.images} title={s.title}>
            <p className="muted">
              {[s.year, s.network, s.runtime ? `${s.runtime} min` : null, s.status, s.genres.join(', ')]
                .filter(Boolean)
                .join(' · ')}
            </p>
            <p>{s.overview}</p>
            <dl className="facts">
              <dt>Path</dt>
              <dd>{s.path}</dd>
              <dt>Episodes</dt>
              <dd>
                {s.statistics.episodeFileCount}/{s.statistics.episodeCount}
              </dd>
              <dt>Size on disk</dt>
              <dd>{formatBytes(s.statistics.sizeOnDisk)}</dd>
              <dt>Next airing</dt>
              <dd>{formatDate(s.nextAiring)}</dd>
            </dl>
            <ItemMonitoredToggle
              url={`/series/${id}`}
              itemKey={keys.oneSeries(id)}
              listKey={keys.series}
              checked={s.monitored}
            />
          </ImageHero>
          <section className="section" aria-labelledby="seasons-h">
            <h2 id="seasons-h">Seasons</h2>
            <QueryView query={episodes} what="episodes">
              {(list) =>
                [...s.seasons]
                  .sort((a, b) => b.seasonNumber - a.seasonNumber)
                  .map((season) => (
                    <Season
                      key={season.seasonNumber}
                      series={s}
                      season={season}
                      episodes={list
                        .filter((e) => e.seasonNumber === season.seasonNumber)
                        .sort((a, b) => a.episodeNumber - b.episodeNumber)}
                    />
                  ))
              }
            </QueryView>
          </section>
          <section className="section" aria-labelledby="files-h">
            <h2 id="files-h">Files</h2>
            <QueryView query={files} what="files">
              {(list) => <FilesTable files={list} />}
            </QueryView>
          </section>
          <section className="section" aria-labelledby="history-h">
            <h2 id="history-h">History</h2>
            <ItemHistory filter={{ seriesId: s.id }} />
          </section>
        </>
      )}
    </QueryView>
  );
}
