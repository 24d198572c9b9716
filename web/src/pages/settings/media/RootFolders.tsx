// Root folders with free space, unmapped folders and each one's hardlink preflight against the download folders.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { del, get, post } from '../../../api/client';
import { keys } from '../../../api/query-keys';
import type { RootFolder } from '../../../api/types';
import { ProblemNote, QueryView } from '../../../components/Feedback';
import { formatBytes } from '../../library/format';
import { type HardlinkCheck, HardlinkStatus, useHardlinkChecks } from '../DownloadHandlingSettings';

export function RootFolders() {
  const uid = useId();
  const client = useQueryClient();
  const [path, setPath] = useState('');
  const roots = useQuery({ queryKey: keys.rootFolders, queryFn: () => get<RootFolder[]>('/rootfolder') });
  const hardlinks = useHardlinkChecks();
  const done = () => client.invalidateQueries({ queryKey: keys.rootFolders });
  const add = useMutation({
    mutationFn: () => post<RootFolder & { hardlinks: HardlinkCheck[] }>('/rootfolder', { path: path.trim() }),
    onSuccess: () => {
      setPath('');
      return done();
    },
  });
  const remove = useMutation({ mutationFn: (id: number) => del(`/rootfolder/${id}`), onSettled: done });
  return (
    <section className="section" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>Root folders</h2>
      <QueryView query={roots} what="root folders">
        {(list) =>
          list.length === 0 ? (
            <p className="muted">No root folders yet.</p>
          ) : (
            <table className="data-table" aria-label="Root folders">
              <thead>
                <tr>
                  <th scope="col">Path</th>
                  <th scope="col">Free space</th>
                  <th scope="col">Unmapped folders</th>
                  <th scope="col">Hardlinks from downloads</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((r) => (
                  <tr key={r.id}>
                    <td>
                      {r.path} {r.accessible ? null : <span className="error">(not accessible)</span>}
                    </td>
                    <td>{r.freeSpace === null ? '—' : formatBytes(r.freeSpace)}</td>
                    <td>{r.unmappedFolders.length}</td>
                    <td>
                      <HardlinkStatus checks={hardlinks.data?.filter((c) => c.rootFolderPath === r.path)} />
                    </td>
                    <td className="actions">
                      <button
                        type="button"
                        aria-label={`Remove root folder ${r.path}`}
                        onClick={() => remove.mutate(r.id)}
                      >
                        Remove
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryView>
      <form
        className="inline-controls"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate();
        }}
      >
        <label htmlFor={`${uid}-path`}>New root folder</label>
        <input
          id={`${uid}-path`}
          type="text"
          value={path}
          placeholder="/media/movies"
          onChange={(e) => setPath(e.target.value)}
        />
        <button type="submit" disabled={!path.trim() || add.isPending}>
          Add root folder
        </button>
      </form>
      {add.data ? (
        <p role="status">
          Added {add.data.path}. Hardlinks from downloads: <HardlinkStatus checks={add.data.hardlinks} />
        </p>
      ) : null}
      <ProblemNote error={add.error ?? remove.error} />
    </section>
  );
}
