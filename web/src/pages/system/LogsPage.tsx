import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get, qs } from '../../api/client';
import { keys } from '../../api/query-keys';
import type { LogPage } from '../../api/types';
import { QueryView } from '../../components/Feedback';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../library/format';

const PAGE_SIZE = 50;
const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

export function LogsPage() {
  const [page, setPage] = useState(1);
  const [level, setLevel] = useState('');
  const logs = useQuery({
    queryKey: [...keys.logs, page, level],
    queryFn: () => get<LogPage>(`/log${qs({ page, pageSize: PAGE_SIZE, level })}`),
    placeholderData: keepPreviousData,
  });
  const pages = Math.max(1, Math.ceil((logs.data?.totalRecords ?? 0) / PAGE_SIZE));
  return (
    <>
      <PageHeader title="Logs">
        <label className="field-inline">
          <span>Level</span>
          <select
            value={level}
            onChange={(e) => {
              setLevel(e.target.value);
              setPage(1);
            }}
          >
            <option value="">All</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void logs.refetch()}>
          Refresh
        </button>
      </PageHeader>
      <QueryView query={logs} what="logs">
        {(data) => (
          <>
            <table className="data-table logs">
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Level</th>
                  <th scope="col">Module</th>
                  <th scope="col">Message</th>
                </tr>
              </thead>
              <tbody>
                {data.records.map((r) => (
                  <tr key={`${r.time}-${r.module}-${r.message}`} className={`level-${r.level}`}>
                    <td className="nowrap">{formatDateTime(r.time)}</td>
                    <td>{r.level}</td>
                    <td>{r.module ?? ''}</td>
                    <td>
                      {r.message}
                      {Object.keys(r.fields ?? {}).length ? (
                        <code className="log-fields">{JSON.stringify(r.fields)}</code>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <nav className="pager" aria-label="Log pages">
              <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                Newer
              </button>
              <span>
                Page {page} of {pages}
              </span>
              <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                Older
              </button>
            </nav>
          </>
        )}
      </QueryView>
    </>
  );
}
