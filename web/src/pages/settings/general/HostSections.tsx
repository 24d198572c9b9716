// Host, backups and logging: facts the server was started with. They come from IDKARR_* environment variables
// read once at start (the listener, loggers and proxy trust are built from them), so the page shows them and says
// which variable to change rather than offering an edit that could only apply after a restart.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { get } from '../../../api/client';
import { keys } from '../../../api/query-keys';
import type { Backup, HostConfig, SystemStatus } from '../../../api/types';
import { QueryView } from '../../../components/Feedback';
import { formatDateTime } from '../../library/format';

const fromEnv = (name: string) => <span className="muted small"> (set by {name})</span>;

export function useHostConfig() {
  return useQuery({ queryKey: keys.hostConfig, queryFn: () => get<HostConfig>('/config/host') });
}

export function HostSection() {
  const host = useHostConfig();
  const status = useQuery({ queryKey: keys.status, queryFn: () => get<SystemStatus>('/system/status') });
  return (
    <section aria-labelledby="host-heading" className="section">
      <h2 id="host-heading">Host</h2>
      <p className="muted">
        Read from environment variables when idkarr starts; change them where idkarr is launched and restart it.
      </p>
      <QueryView query={host} what="host settings">
        {(h) => (
          <dl className="facts">
            <dt>Port</dt>
            <dd>
              {h.port}
              {fromEnv('IDKARR_PORT')}
            </dd>
            <dt>Bind address</dt>
            <dd>
              <code>{h.bindAddress}</code>
              {fromEnv('IDKARR_BIND')}
            </dd>
            <dt>Data folder</dt>
            <dd>
              {status.data ? <code>{status.data.dataDir}</code> : '…'}
              {fromEnv('IDKARR_DATA_DIR')}
            </dd>
            <dt>Database</dt>
            <dd>
              {status.data ? (status.data.databaseType === 'sqlite' ? 'SQLite' : 'PostgreSQL') : '…'}
              {fromEnv('IDKARR_DATABASE_URL')}
            </dd>
            <dt>Trusted proxies</dt>
            <dd>
              {h.trustedProxies.length ? h.trustedProxies.join(', ') : 'none (X-Forwarded-* headers are ignored)'}
              {fromEnv('IDKARR_TRUSTED_PROXIES')}
            </dd>
            <dt>Authentication</dt>
            <dd>Login form with a session cookie; the API key for other apps</dd>
          </dl>
        )}
      </QueryView>
    </section>
  );
}

export function BackupsSection() {
  const host = useHostConfig();
  const backups = useQuery({ queryKey: keys.backups, queryFn: () => get<Backup[]>('/system/backup') });
  const newest = backups.data?.reduce<Backup | undefined>((a, b) => (!a || b.time > a.time ? b : a), undefined);
  return (
    <section aria-labelledby="backups-heading" className="section">
      <h2 id="backups-heading">Backups</h2>
      <dl className="facts">
        <dt>Schedule</dt>
        <dd>weekly (the Backup task), plus one before each database migration</dd>
        <dt>Kept</dt>
        <dd>
          {host.data ? `the newest ${host.data.backupRetention}` : '…'}
          {fromEnv('IDKARR_BACKUP_RETENTION')}
        </dd>
        <dt>Newest</dt>
        <dd>{newest ? formatDateTime(newest.time) : backups.isPending ? '…' : 'none yet'}</dd>
      </dl>
      <p>
        <Link to="/system/backups">Create, download or restore backups in System → Backups</Link>
      </p>
    </section>
  );
}

export function LoggingSection() {
  const host = useHostConfig();
  return (
    <section aria-labelledby="logging-heading" className="section">
      <h2 id="logging-heading">Logging</h2>
      <dl className="facts">
        <dt>Log level</dt>
        <dd>
          {host.data ? <code>{host.data.logLevel}</code> : '…'}
          {fromEnv('IDKARR_LOG_LEVEL')}
        </dd>
        <dt>Written to</dt>
        <dd>
          standard output and <code>logs/</code> in the data folder (rotated daily or at 10 MB, 7 files kept)
        </dd>
      </dl>
      <p className="muted small">
        The level applies to standard output and the files; System → Logs keeps the newest records down to debug unless
        the level is silent.
      </p>
      <p>
        <Link to="/system/logs">Read the logs in System → Logs</Link>
      </p>
    </section>
  );
}
