import { useQuery } from '@tanstack/react-query';
import { get } from '../../api/client';
import { keys } from '../../api/query-keys';
import type { SystemStatus } from '../../api/types';
import { QueryView } from '../../components/Feedback';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../library/format';

function uptime(s: number): string {
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${d ? `${d}d ` : ''}${h}h ${m}m`;
}

export function StatusPage() {
  const status = useQuery({ queryKey: keys.status, queryFn: () => get<SystemStatus>('/system/status') });
  return (
    <>
      <PageHeader title="Status" />
      <QueryView query={status} what="status">
        {(s) => (
          <dl className="facts">
            <dt>Version</dt>
            <dd>{s.version}</dd>
            <dt>Started</dt>
            <dd>{formatDateTime(s.startTime)}</dd>
            <dt>Uptime</dt>
            <dd>{uptime(s.uptimeSeconds)}</dd>
            <dt>Database</dt>
            <dd>{s.databaseType === 'sqlite' ? 'SQLite' : 'PostgreSQL'}</dd>
            <dt>Data folder</dt>
            <dd>
              <code>{s.dataDir}</code>
            </dd>
            <dt>Operating system</dt>
            <dd>
              {s.osName} {s.osVersion} ({s.arch})
            </dd>
            <dt>Runtime</dt>
            <dd>
              Node.js {s.runtimeVersion} (pid {s.pid})
            </dd>
          </dl>
        )}
      </QueryView>
    </>
  );
}
