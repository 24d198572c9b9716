import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { del, get, post } from '../../api/client';
import { keys } from '../../api/query-keys';
import type { Backup } from '../../api/types';
import { ErrorNote, QueryView } from '../../components/Feedback';
import { PageHeader } from '../../components/PageHeader';
import { formatBytes, formatDateTime } from '../library/format';

export function BackupsPage() {
  const client = useQueryClient();
  const [notice, setNotice] = useState('');
  const backups = useQuery({ queryKey: keys.backups, queryFn: () => get<Backup[]>('/system/backup') });
  const refresh = () => void client.invalidateQueries({ queryKey: keys.backups });
  const create = useMutation({
    mutationFn: () => post<Backup>('/system/backup'),
    onSuccess: (b) => setNotice(`Backup ${b.name} created.`),
    onSettled: refresh,
  });
  const restore = useMutation({
    mutationFn: (name: string) => post<{ message: string }>(`/system/backup/${encodeURIComponent(name)}/restore`),
    onSuccess: (r) => setNotice(`Restore staged: ${r.message}. Restart idkarr to apply it.`),
  });
  const remove = useMutation({
    mutationFn: (name: string) => del(`/system/backup/${encodeURIComponent(name)}`),
    onSettled: refresh,
  });
  return (
    <>
      <PageHeader title="Backups">
        <button type="button" onClick={() => create.mutate()} disabled={create.isPending}>
          {create.isPending ? 'Backing up…' : 'Back up now'}
        </button>
      </PageHeader>
      {notice ? (
        <p className="ok" role="status">
          {notice}
        </p>
      ) : null}
      <ErrorNote error={create.error ?? restore.error ?? remove.error} />
      <QueryView query={backups} what="backups">
        {(list) =>
          list.length === 0 ? (
            <p className="muted">No backups yet.</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Type</th>
                  <th scope="col">Size</th>
                  <th scope="col">Time</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((b) => (
                  <tr key={b.name}>
                    <td>
                      <a href={`/api/v1/system/backup/${encodeURIComponent(b.name)}`} download={b.name}>
                        {b.name}
                      </a>
                    </td>
                    <td>{b.type}</td>
                    <td>{formatBytes(b.size)}</td>
                    <td>{formatDateTime(b.time)}</td>
                    <td className="actions">
                      <button
                        type="button"
                        aria-label={`Restore ${b.name}`}
                        onClick={() => {
                          if (window.confirm(`Restore ${b.name} at the next start? The current database is kept.`))
                            restore.mutate(b.name);
                        }}
                      >
                        Restore
                      </button>
                      <button
                        type="button"
                        className="danger"
                        aria-label={`Delete ${b.name}`}
                        onClick={() => {
                          if (window.confirm(`Delete ${b.name}?`)) remove.mutate(b.name);
                        }}
                      >
                        Delete
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryView>
    </>
  );
}
