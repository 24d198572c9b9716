// Activity: the download queue (progress bars; `queue.*` WebSocket events invalidate it, so they move live),
// history, and the blocklist, as three tabs with arrow-key navigation.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { del, get, qs } from '../../api/client';
import { keys } from '../../api/query-keys';
import type { HistoryRecord, Page, QualityModel } from '../../api/types';
import { ProblemNote, QueryView } from '../../components/Feedback';
import { PageHeader } from '../../components/PageHeader';
import { Pager, Tabs } from '../../components/Tabs';
import { useQualityTitle } from '../../components/useQualityTitle';
import { HistoryTable } from '../detail/shared';
import { formatBytes, formatDateTime } from '../library/format';

interface QueueRecord {
  id: number;
  source: 'download' | 'pending';
  downloadClient: string | null;
  protocol: string;
  title: string;
  indexer: string | null;
  movie: { id: number; title: string; year: number } | null;
  series: { id: number; title: string; year: number } | null;
  episodes: Array<{ id: number; seasonNumber: number; episodeNumber: number; title: string | null }>;
  quality: QualityModel;
  size: number;
  sizeleft: number;
  progress: number;
  timeleft: string | null;
  status: string;
  trackedDownloadStatus: 'ok' | 'warning' | 'error';
  trackedDownloadState: string;
  statusMessages: Array<{ title: string; messages: string[] }>;
  errorMessage: string | null;
}

interface BlocklistEntry {
  id: number;
  sourceTitle: string;
  quality: string;
  indexer: string | null;
  protocol: string;
  size: number | null;
  date?: string;
  message?: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

function QueueTable() {
  const client = useQueryClient();
  const qualityTitle = useQualityTitle();
  const queue = useQuery({
    queryKey: [...keys.queue, 'page'],
    queryFn: () => get<Page<QueueRecord>>(`/queue${qs({ pageSize: 200, sortKey: 'added' })}`),
  });
  const remove = useMutation({
    mutationFn: (v: { id: number; blocklist: boolean }) => del(`/queue/${v.id}${qs({ blocklist: v.blocklist })}`),
    onSettled: () => client.invalidateQueries({ queryKey: keys.queue }),
  });
  return (
    <QueryView query={queue} what="the queue">
      {(page) =>
        page.records.length === 0 ? (
          <p className="muted">The queue is empty.</p>
        ) : (
          <>
            <ProblemNote error={remove.error} />
            <table className="data-table" aria-label="Queue">
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col">Release</th>
                  <th scope="col">Quality</th>
                  <th scope="col">Status</th>
                  <th scope="col">Progress</th>
                  <th scope="col">Size</th>
                  <th scope="col">Time left</th>
                  <th scope="col">Client</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.records.map((r) => {
                  const pct = Math.max(0, Math.min(100, r.progress));
                  return (
                    <tr key={r.id} data-testid="queue-row">
                      <td>
                        {r.movie ? (
                          <Link to="/movie/$id" params={{ id: String(r.movie.id) }}>
                            {r.movie.title}
                          </Link>
                        ) : r.series ? (
                          <Link to="/series/$id" params={{ id: String(r.series.id) }}>
                            {r.series.title}
                            {r.episodes.length > 0
                              ? ` ${r.episodes.map((e) => `S${pad(e.seasonNumber)}E${pad(e.episodeNumber)}`).join(', ')}`
                              : ''}
                          </Link>
                        ) : (
                          '—'
                        )}
                      </td>
                      <td>{r.title}</td>
                      <td>{qualityTitle(r.quality.quality)}</td>
                      <td className={r.trackedDownloadStatus === 'ok' ? '' : r.trackedDownloadStatus}>
                        {r.trackedDownloadState}
                        {r.errorMessage ? <div className="small">{r.errorMessage}</div> : null}
                        {r.statusMessages
                          .flatMap((m) => m.messages)
                          .map((m) => (
                            <div key={m} className="small">
                              {m}
                            </div>
                          ))}
                      </td>
                      <td>
                        <progress
                          className="progress"
                          max={100}
                          value={pct}
                          aria-label={`${r.title} progress`}
                          aria-valuetext={`${pct.toFixed(1)}%`}
                        />
                        <span className="small" data-testid="queue-progress">
                          {pct.toFixed(1)}%
                        </span>
                      </td>
                      <td className="nowrap">{formatBytes(r.size)}</td>
                      <td className="nowrap">{r.timeleft ?? '—'}</td>
                      <td>{r.downloadClient ?? (r.source === 'pending' ? 'pending' : '—')}</td>
                      <td className="actions nowrap">
                        <button
                          type="button"
                          aria-label={`Remove ${r.title}`}
                          disabled={remove.isPending}
                          onClick={() => remove.mutate({ id: r.id, blocklist: false })}
                        >
                          Remove
                        </button>{' '}
                        <button
                          type="button"
                          aria-label={`Remove and blocklist ${r.title}`}
                          disabled={remove.isPending || r.source === 'pending'}
                          onClick={() => remove.mutate({ id: r.id, blocklist: true })}
                        >
                          Blocklist
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </>
        )
      }
    </QueryView>
  );
}

function HistoryTab() {
  const [page, setPage] = useState(1);
  const history = useQuery({
    queryKey: [...keys.history, 'all', page],
    queryFn: () => get<Page<HistoryRecord>>(`/history${qs({ page, pageSize: 50 })}`),
  });
  return (
    <QueryView query={history} what="history">
      {(p) =>
        p.records.length === 0 ? (
          <p className="muted">No history yet.</p>
        ) : (
          <>
            <HistoryTable records={p.records} />
            <Pager page={page} pageSize={p.pageSize} total={p.totalRecords} onPage={setPage} />
          </>
        )
      }
    </QueryView>
  );
}

function BlocklistTab() {
  const client = useQueryClient();
  const qualityTitle = useQualityTitle();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: [...keys.blocklist, page],
    queryFn: () => get<Page<BlocklistEntry>>(`/blocklist${qs({ page, pageSize: 50 })}`),
  });
  const remove = useMutation({
    mutationFn: (id: number) => del(`/blocklist/${id}`),
    onSettled: () => client.invalidateQueries({ queryKey: keys.blocklist }),
  });
  return (
    <QueryView query={list} what="the blocklist">
      {(p) =>
        p.records.length === 0 ? (
          <p className="muted">Nothing is blocklisted.</p>
        ) : (
          <>
            <ProblemNote error={remove.error} />
            <table className="data-table" aria-label="Blocklist">
              <thead>
                <tr>
                  <th scope="col">Source title</th>
                  <th scope="col">Quality</th>
                  <th scope="col">Indexer</th>
                  <th scope="col">Size</th>
                  <th scope="col">Date</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.records.map((b) => (
                  <tr key={b.id}>
                    <td>
                      {b.sourceTitle}
                      {b.message ? <div className="small muted">{b.message}</div> : null}
                    </td>
                    <td>{qualityTitle(b.quality)}</td>
                    <td>{b.indexer ?? '—'}</td>
                    <td className="nowrap">{b.size === null ? '—' : formatBytes(b.size)}</td>
                    <td className="nowrap">{formatDateTime(b.date)}</td>
                    <td className="actions">
                      <button
                        type="button"
                        aria-label={`Remove ${b.sourceTitle} from the blocklist`}
                        onClick={() => remove.mutate(b.id)}
                      >
                        Remove
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager page={page} pageSize={p.pageSize} total={p.totalRecords} onPage={setPage} />
          </>
        )
      }
    </QueryView>
  );
}

type Tab = 'queue' | 'history' | 'blocklist';
const TABS = [
  { id: 'queue', label: 'Queue' },
  { id: 'history', label: 'History' },
  { id: 'blocklist', label: 'Blocklist' },
] as const;

export function ActivityPage() {
  const [tab, setTab] = useState<Tab>('queue');
  return (
    <>
      <PageHeader title="Activity" />
      <Tabs label="Activity" tabs={TABS} current={tab} onChange={setTab}>
        {tab === 'queue' ? <QueueTable /> : tab === 'history' ? <HistoryTab /> : <BlocklistTab />}
      </Tabs>
    </>
  );
}
