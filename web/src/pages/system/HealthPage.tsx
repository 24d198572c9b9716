import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { get } from '../../api/client';
import { keys } from '../../api/query-keys';
import type { HealthIssue } from '../../api/types';
import { QueryView } from '../../components/Feedback';
import { PageHeader } from '../../components/PageHeader';

const SETTINGS_PAGE: Record<string, string> = {
  downloadclient: '/settings/downloadclients',
  indexer: '/settings/indexers',
  notification: '/settings/connect',
  mediaserver: '/settings/mediaservers',
  metadata: '/settings/metadata',
  importlist: '/settings/importlists',
};

export function HealthPage() {
  const health = useQuery({ queryKey: keys.health, queryFn: () => get<HealthIssue[]>('/health') });
  return (
    <>
      <PageHeader title="Health" />
      <QueryView query={health} what="health">
        {(issues) =>
          issues.length === 0 ? (
            <p className="ok">No issues: everything is healthy.</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Type</th>
                  <th scope="col">Source</th>
                  <th scope="col">Message</th>
                  <th scope="col">Fix</th>
                </tr>
              </thead>
              <tbody>
                {issues.map((i) => {
                  const page = i.kind ? SETTINGS_PAGE[i.kind] : undefined;
                  return (
                    <tr key={`${i.source}-${i.message}`}>
                      <td>
                        <span className={`pill ${i.type === 'error' ? 'bad' : 'warn'}`}>{i.type}</span>
                      </td>
                      <td>{i.source}</td>
                      <td>{i.message}</td>
                      <td>{page ? <Link to={page}>Open settings</Link> : null}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )
        }
      </QueryView>
    </>
  );
}
