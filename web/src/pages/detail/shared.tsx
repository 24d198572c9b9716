// Pieces shared by the movie and series detail pages: command buttons (refresh, automatic search), the interactive
// search modal over GET /api/v1/release, the files table and the item's history.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { get, post, put, qs } from '../../api/client';
import { keys } from '../../api/query-keys';
import type { Command, HistoryRecord, MediaFile, MediaImage, Page, Release } from '../../api/types';
import { ProblemNote, QueryView } from '../../components/Feedback';
import { Modal } from '../../components/Modal';
import { OptimisticCheckbox } from '../../components/OptimisticCheckbox';
import { useQualityTitle } from '../../components/useQualityTitle';
import { formatBytes, formatDateTime } from '../library/format';

export function imageOf(images: MediaImage[], type: string): string | undefined {
  return images.find((i) => i.coverType === type)?.remoteUrl;
}

/** A button that queues a command (POST /command) and shows the API's answer: queued, or its problem details. */
export function CommandButton({ label, body }: { label: string; body: Record<string, unknown> & { name: string } }) {
  const client = useQueryClient();
  const run = useMutation({
    mutationFn: () => post<Command>('/command', body),
    onSettled: () => void client.invalidateQueries({ queryKey: keys.commands }),
  });
  return (
    <span className="command-button">
      <button type="button" onClick={() => run.mutate()} disabled={run.isPending}>
        {label}
      </button>
      {run.data ? (
        <span role="status" className="muted small">
          {' '}
          {run.data.name} {run.data.status}
        </span>
      ) : null}
      <ProblemNote error={run.error} />
    </span>
  );
}

/**
 * The item page's "Monitored" toggle: PUT to the item, the answer becomes the page's data, and the library
 * lists refetch.
 */
export function ItemMonitoredToggle({
  url,
  itemKey,
  listKey,
  checked,
}: {
  url: string;
  itemKey: readonly unknown[];
  listKey: readonly unknown[];
  checked: boolean;
}) {
  const client = useQueryClient();
  const monitor = useMutation({
    mutationFn: (monitored: boolean) => put<unknown>(url, { monitored }),
    onSuccess: (item) => {
      client.setQueryData(itemKey, item);
      void client.invalidateQueries({ queryKey: listKey });
    },
  });
  return (
    <>
      <OptimisticCheckbox checked={checked} save={monitor.mutateAsync} label="Monitored" />
      <ProblemNote error={monitor.error} />
    </>
  );
}

function age(r: Release): string {
  if (r.age >= 1) return `${r.age} d`;
  if (r.ageHours >= 1) return `${Math.floor(r.ageHours)} h`;
  return `${Math.floor(r.ageMinutes)} min`;
}

/** POST /release's answer: `grabbed` (sent to a client) or a pending status, with a sentence saying which. */
interface GrabAnswer {
  status: string;
  message?: string;
}

const releaseKey = (r: Release) => `${r.indexerId}-${r.guid}`;

/** Interactive search: every release the indexers return for the target, with the decision engine's verdict. */
export function InteractiveSearch({ target, label }: { target: Record<string, number>; label: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {label}
      </button>
      {open ? <InteractiveSearchModal target={target} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function InteractiveSearchModal({ target, onClose }: { target: Record<string, number>; onClose: () => void }) {
  const releases = useQuery({
    queryKey: ['releases', target],
    queryFn: () => get<Release[]>(`/release${qs(target)}`),
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
  const client = useQueryClient();
  // Which releases were sent in this modal, so their buttons say so and cannot send them twice.
  const [grabbed, setGrabbed] = useState<ReadonlySet<string>>(new Set());
  const grab = useMutation({
    mutationFn: (r: Release) => post<GrabAnswer>('/release', { guid: r.guid, indexerId: r.indexerId }),
    onSuccess: (_answer, r) => {
      setGrabbed((prev) => new Set(prev).add(releaseKey(r)));
      void client.invalidateQueries({ queryKey: keys.queue });
    },
  });
  return (
    <Modal label="Interactive search" onClose={onClose} wide>
      <h2>Interactive search</h2>
      {releases.error ? <ProblemNote error={releases.error} /> : null}
      <QueryView query={{ ...releases, error: null, data: releases.error ? [] : releases.data }} what="releases">
        {(list) =>
          releases.error ? null : list.length === 0 ? (
            <p className="muted">No releases found.</p>
          ) : (
            <div className="table-scroll">
              <table className="data-table" aria-label="Releases">
                <thead>
                  <tr>
                    <th scope="col">Title</th>
                    <th scope="col">Quality</th>
                    <th scope="col">Size</th>
                    <th scope="col">Age</th>
                    <th scope="col">Seeders</th>
                    <th scope="col">Indexer</th>
                    <th scope="col">Score</th>
                    <th scope="col">Rejections</th>
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((r) => (
                    <tr key={releaseKey(r)}>
                      <td className="release-title">{r.title}</td>
                      <td className="nowrap">{r.quality?.name ?? '—'}</td>
                      <td className="nowrap">{formatBytes(r.size)}</td>
                      <td className="nowrap">{age(r)}</td>
                      <td>{r.protocol === 'torrent' ? `${r.seeders ?? '?'} / ${r.leechers ?? '?'}` : '—'}</td>
                      <td>{r.indexer}</td>
                      <td>{r.customFormatScore}</td>
                      <td>
                        {r.rejections.length === 0 ? (
                          '—'
                        ) : (
                          <ul className="small rejections">
                            {r.rejections.map((x) => (
                              <li key={x.reason} className={x.type === 'permanent' ? 'error' : 'warn'}>
                                {x.reason}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                      <td className="actions">
                        <button
                          type="button"
                          aria-label={`Grab ${r.title}`}
                          disabled={grab.isPending || grabbed.has(releaseKey(r))}
                          onClick={() => grab.mutate(r)}
                        >
                          {grabbed.has(releaseKey(r)) ? 'Grabbed' : 'Grab'}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
      {grab.data && grab.variables ? (
        <p role="status" className={grab.data.status === 'grabbed' ? 'ok' : 'warn'}>
          {grab.variables.title}: {grab.data.message ?? 'sent to the download client'}
        </p>
      ) : null}
      <ProblemNote error={grab.error} />
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}

export function FilesTable({ files }: { files: MediaFile[] }) {
  const qualityTitle = useQualityTitle();
  if (files.length === 0) return <p className="muted">No files yet.</p>;
  return (
    <table className="data-table" aria-label="Files">
      <thead>
        <tr>
          <th scope="col">Path</th>
          <th scope="col">Quality</th>
          <th scope="col">Languages</th>
          <th scope="col">Size</th>
          <th scope="col">Added</th>
        </tr>
      </thead>
      <tbody>
        {files.map((f) => (
          <tr key={f.id}>
            <td>{f.relativePath ?? f.path}</td>
            <td>{qualityTitle(f.quality.quality)}</td>
            <td>{f.languages.join(', ') || '—'}</td>
            <td className="nowrap">{formatBytes(f.size)}</td>
            <td className="nowrap">{formatDateTime(f.dateAdded)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ItemHistory({ filter }: { filter: Record<string, number> }) {
  const history = useQuery({
    queryKey: [...keys.history, filter],
    queryFn: () => get<Page<HistoryRecord>>(`/history${qs({ ...filter, pageSize: 50 })}`),
  });
  return (
    <QueryView query={history} what="history">
      {(page) =>
        page.records.length === 0 ? <p className="muted">No history yet.</p> : <HistoryTable records={page.records} />
      }
    </QueryView>
  );
}

export function HistoryTable({ records }: { records: HistoryRecord[] }) {
  const qualityTitle = useQualityTitle();
  return (
    <table className="data-table" aria-label="History">
      <thead>
        <tr>
          <th scope="col">Event</th>
          <th scope="col">Source title</th>
          <th scope="col">Quality</th>
          <th scope="col">Date</th>
        </tr>
      </thead>
      <tbody>
        {records.map((h) => (
          <tr key={h.id}>
            <td>{h.eventType}</td>
            <td>{h.sourceTitle}</td>
            <td>{qualityTitle(h.quality.quality)}</td>
            <td className="nowrap">{formatDateTime(h.date)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Poster beside the details, over the fanart (dimmed). */
export function ImageHero({ images, title, children }: { images: MediaImage[]; title: string; children: ReactNode }) {
  const fanart = imageOf(images, 'fanart');
  const poster = imageOf(images, 'poster');
  const [failed, setFailed] = useState(false);
  return (
    <section
      className="detail-hero"
      aria-label="Details"
      style={fanart ? { backgroundImage: `url("${fanart.replace(/"/g, '%22')}")` } : undefined}
    >
      <div className="poster">
        {poster && !failed ? (
          <img src={poster} alt={`${title} poster`} onError={() => setFailed(true)} />
        ) : (
          <span aria-hidden="true">{title}</span>
        )}
      </div>
      <div>{children}</div>
    </section>
  );
}
