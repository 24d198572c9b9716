// Code-based routes. Each page is a plain component; the shell (sidebar + main) is the root layout.
import { createRootRoute, createRoute, createRouter, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { Shell } from './components/Shell';
import { MoviesPage } from './pages/library/MoviesPage';
import { SeriesPage } from './pages/library/SeriesPage';
import { NotFoundPage } from './pages/Placeholder';
import { GeneralSettingsPage } from './pages/settings/GeneralSettingsPage';
import { ProvidersPage } from './pages/settings/ProvidersPage';
import { SettingsIndexPage } from './pages/settings/SettingsIndexPage';
import { BackupsPage } from './pages/system/BackupsPage';
import { HealthPage } from './pages/system/HealthPage';
import { LogsPage } from './pages/system/LogsPage';
import { StatusPage } from './pages/system/StatusPage';
import { TasksPage } from './pages/system/TasksPage';

const rootRoute = createRootRoute({ component: Shell, notFoundComponent: NotFoundPage });

const page = <P extends string>(path: P, component: () => React.ReactNode) =>
  createRoute({ getParentRoute: () => rootRoute, path, component });

// Route-level code splitting: these pages load on first visit, keeping the initial bundle small.
const lazyPage = <P extends string, M extends Record<string, unknown>>(
  path: P,
  load: () => Promise<M>,
  name: keyof M & string,
) =>
  createRoute({
    getParentRoute: () => rootRoute,
    path,
    component: lazyRouteComponent(load as () => Promise<Record<string, React.ComponentType>>, name),
  });

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/movies' });
  },
});
const systemIndex = createRoute({
  getParentRoute: () => rootRoute,
  path: '/system',
  beforeLoad: () => {
    throw redirect({ to: '/system/status' });
  },
});

const importIndex = createRoute({
  getParentRoute: () => rootRoute,
  path: '/add/import',
  beforeLoad: () => {
    throw redirect({ to: '/add/import/movie' });
  },
});

const routeTree = rootRoute.addChildren([
  indexRoute,
  page('/movies', MoviesPage),
  page('/series', SeriesPage),
  lazyPage('/add/movie', () => import('./pages/add/AddPage'), 'AddMoviePage'),
  lazyPage('/add/series', () => import('./pages/add/AddPage'), 'AddSeriesPage'),
  importIndex,
  lazyPage('/add/import/movie', () => import('./pages/add/ImportPage'), 'ImportMoviesPage'),
  lazyPage('/add/import/series', () => import('./pages/add/ImportPage'), 'ImportSeriesPage'),
  lazyPage('/movie/$id', () => import('./pages/detail/MovieDetailPage'), 'MovieDetailPage'),
  lazyPage('/series/$id', () => import('./pages/detail/SeriesDetailPage'), 'SeriesDetailPage'),
  lazyPage('/calendar', () => import('./pages/calendar/CalendarPage'), 'CalendarPage'),
  lazyPage('/activity', () => import('./pages/activity/ActivityPage'), 'ActivityPage'),
  lazyPage('/wanted', () => import('./pages/wanted/WantedPage'), 'WantedPage'),
  page('/settings', SettingsIndexPage),
  page('/settings/general', GeneralSettingsPage),
  lazyPage('/settings/mediamanagement', () => import('./pages/settings/NamingSettingsPage'), 'NamingSettingsPage'),
  lazyPage('/settings/profiles', () => import('./pages/settings/LibrarySettingsPages'), 'ProfilesPage'),
  lazyPage('/settings/customformats', () => import('./pages/settings/LibrarySettingsPages'), 'CustomFormatsPage'),
  lazyPage(
    '/settings/remotepathmappings',
    () => import('./pages/settings/LibrarySettingsPages'),
    'RemotePathMappingsPage',
  ),
  lazyPage(
    '/settings/importlistexclusions',
    () => import('./pages/settings/LibrarySettingsPages'),
    'ImportListExclusionsPage',
  ),
  lazyPage('/settings/tags', () => import('./pages/settings/LibrarySettingsPages'), 'TagsPage'),
  page('/settings/downloadclients', () => <ProvidersPage kind="downloadclient" title="Download Clients" />),
  page('/settings/indexers', () => <ProvidersPage kind="indexer" title="Indexers" />),
  page('/settings/connect', () => <ProvidersPage kind="notification" title="Connect" />),
  page('/settings/mediaservers', () => <ProvidersPage kind="mediaserver" title="Media Servers" />),
  page('/settings/metadata', () => <ProvidersPage kind="metadata" title="Metadata" />),
  page('/settings/importlists', () => <ProvidersPage kind="importlist" title="Import Lists" />),
  systemIndex,
  page('/system/status', StatusPage),
  page('/system/health', HealthPage),
  page('/system/tasks', TasksPage),
  page('/system/logs', LogsPage),
  page('/system/backups', BackupsPage),
]);

export const router = createRouter({ routeTree, defaultPreload: false });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
