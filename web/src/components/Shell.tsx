// The app shell: a skip link, the sidebar (one nav landmark, links with aria-current), and the main region.
import { useQuery } from '@tanstack/react-query';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { get, post } from '../api/client';
import { keys } from '../api/query-keys';
import type { HealthIssue } from '../api/types';

const NAV: Array<{ to: string; label: string; children?: Array<{ to: string; label: string }> }> = [
  {
    to: '/movies',
    label: 'Movies',
    children: [
      { to: '/add/movie', label: 'Add movie' },
      { to: '/add/import/movie', label: 'Import movies' },
    ],
  },
  {
    to: '/series',
    label: 'Series',
    children: [
      { to: '/add/series', label: 'Add series' },
      { to: '/add/import/series', label: 'Import series' },
    ],
  },
  { to: '/calendar', label: 'Calendar' },
  { to: '/activity', label: 'Activity' },
  { to: '/wanted', label: 'Wanted' },
  {
    to: '/settings',
    label: 'Settings',
    children: [
      { to: '/settings/general', label: 'General' },
      { to: '/settings/mediamanagement', label: 'Media Management' },
      { to: '/settings/profiles', label: 'Profiles' },
      { to: '/settings/customformats', label: 'Custom Formats' },
      { to: '/settings/indexers', label: 'Indexers' },
      { to: '/settings/downloadclients', label: 'Download Clients' },
      { to: '/settings/connect', label: 'Connect' },
      { to: '/settings/mediaservers', label: 'Media Servers' },
      { to: '/settings/metadata', label: 'Metadata' },
      { to: '/settings/importlists', label: 'Import Lists' },
      { to: '/settings/importlistexclusions', label: 'Import List Exclusions' },
      { to: '/settings/remotepathmappings', label: 'Remote Path Mappings' },
      { to: '/settings/tags', label: 'Tags' },
    ],
  },
  {
    to: '/system',
    label: 'System',
    children: [
      { to: '/system/status', label: 'Status' },
      { to: '/system/health', label: 'Health' },
      { to: '/system/tasks', label: 'Tasks' },
      { to: '/system/backups', label: 'Backups' },
      { to: '/system/logs', label: 'Logs' },
    ],
  },
];

async function logout() {
  try {
    await post('/auth/logout');
  } finally {
    window.location.assign('/login');
  }
}

export function Shell() {
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const health = useQuery({ queryKey: keys.health, queryFn: () => get<HealthIssue[]>('/health'), staleTime: 60_000 });
  const issues = health.data?.length ?? 0;
  const first = useRef(true);
  // Move focus to the new page's heading after client-side navigation (not on the first load).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each navigation
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('page-title')?.focus();
  }, [pathname]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className="sidebar">
        <div className="brand">idkarr</div>
        <nav aria-label="Main">
          <ul>
            {NAV.map((item) => {
              const open =
                pathname === item.to ||
                pathname.startsWith(`${item.to}/`) ||
                (item.children ?? []).some((c) => pathname === c.to);
              return (
                <li key={item.to}>
                  <Link to={item.to} className="nav-link" activeProps={{ 'aria-current': 'page', className: 'active' }}>
                    {item.label}
                    {item.to === '/system' && issues > 0 ? (
                      <span className="badge" role="status" aria-label={`${issues} health issues`}>
                        {issues}
                      </span>
                    ) : null}
                  </Link>
                  {item.children && open ? (
                    <ul className="subnav">
                      {item.children.map((c) => (
                        <li key={c.to}>
                          <Link
                            to={c.to}
                            className="nav-link"
                            activeProps={{ 'aria-current': 'page', className: 'active' }}
                          >
                            {c.label}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </nav>
        <button type="button" className="logout" onClick={() => void logout()}>
          Log out
        </button>
      </aside>
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
