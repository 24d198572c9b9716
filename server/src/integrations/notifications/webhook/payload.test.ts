import { describe, expect, it } from 'vitest';
import type { NotificationEventType } from '../../../providers/ports/notifier.port.js';
import {
  appUpdateMessage,
  fileDeleteMessage,
  healthRestoredMessage,
  type MessageContext,
  manualInteractionMessage,
  movieAddMessage,
  movieDeleteMessage,
  renameMessage,
  seriesAddMessage,
  seriesDeleteMessage,
  testMessage,
} from '../../../services/notifications/messages.js';
import { toWebhookPayload, WEBHOOK_EVENT_TYPES } from './payload.js';

const CTX: MessageContext = {
  instanceName: 'idk',
  applicationUrl: 'http://h:1',
  occurredAt: '2030-01-01T00:00:00.000Z',
};
const HEAD = { instanceName: 'idk', applicationUrl: 'http://h:1' };
const SERIES = { id: 1, title: 'Show', titleSlug: 'show', path: '/tv/Show', type: 'standard', year: 2020 };
const MOVIE = { id: 2, title: 'Film', year: 1999, folderPath: '/m/Film (1999)', tmdbId: 550 };
const FILE = {
  id: 3,
  relativePath: 'a.mkv',
  path: '/m/Film (1999)/a.mkv',
  quality: 'WEBDL-1080p',
  qualityVersion: 1,
  size: 10,
  dateAdded: '2030-01-01T00:00:00.000Z',
};
const RENAMED = { ...FILE, previousRelativePath: 'o.mkv', previousPath: '/m/Film (1999)/o.mkv' };

describe('webhook payloads', () => {
  it('names every event like Sonarr/Radarr', () => {
    const expected: Record<NotificationEventType, string> = {
      grab: 'Grab',
      download: 'Download',
      upgrade: 'Download',
      rename: 'Rename',
      series_add: 'SeriesAdd',
      series_delete: 'SeriesDelete',
      episode_file_delete: 'EpisodeFileDelete',
      movie_add: 'MovieAdded',
      movie_delete: 'MovieDelete',
      movie_file_delete: 'MovieFileDelete',
      health_issue: 'Health',
      health_restored: 'HealthRestored',
      app_update: 'ApplicationUpdate',
      manual_interaction_required: 'ManualInteractionRequired',
      manual_test: 'Test',
    };
    expect(WEBHOOK_EVENT_TYPES).toEqual(expected);
  });

  it.each([
    [
      'SeriesAdd',
      () => seriesAddMessage(CTX, SERIES, 'http://img/p.jpg'),
      { eventType: 'SeriesAdd', ...HEAD, series: SERIES },
    ],
    [
      'SeriesDelete',
      () => seriesDeleteMessage(CTX, SERIES, { deletedFiles: true }),
      { eventType: 'SeriesDelete', ...HEAD, series: SERIES, deletedFiles: true },
    ],
    ['MovieAdded', () => movieAddMessage(CTX, MOVIE), { eventType: 'MovieAdded', ...HEAD, movie: MOVIE }],
    [
      'MovieDelete',
      () => movieDeleteMessage(CTX, MOVIE, { deletedFiles: false }),
      { eventType: 'MovieDelete', ...HEAD, movie: MOVIE, deletedFiles: false },
    ],
    [
      'MovieFileDelete',
      () => fileDeleteMessage(CTX, { subject: { movie: MOVIE }, file: FILE, reason: 'Upgrade' }),
      { eventType: 'MovieFileDelete', ...HEAD, movie: MOVIE, movieFile: FILE, deleteReason: 'Upgrade' },
    ],
    [
      'Rename',
      () => renameMessage(CTX, { subject: { movie: MOVIE }, renamedFiles: [RENAMED] }),
      { eventType: 'Rename', ...HEAD, movie: MOVIE, renamedMovieFiles: [RENAMED] },
    ],
    [
      'Rename (series)',
      () => renameMessage(CTX, { subject: { series: SERIES }, renamedFiles: [RENAMED] }),
      { eventType: 'Rename', ...HEAD, series: SERIES, renamedEpisodeFiles: [RENAMED] },
    ],
    [
      'HealthRestored',
      () => healthRestoredMessage(CTX, { level: 'error', message: 'back', source: 'indexer:1' }),
      { eventType: 'HealthRestored', ...HEAD, level: 'ok', message: 'back', type: 'indexer:1' },
    ],
    [
      'ApplicationUpdate',
      () => appUpdateMessage(CTX, { previousVersion: '0.1.0', newVersion: '0.2.0' }),
      {
        eventType: 'ApplicationUpdate',
        ...HEAD,
        message: 'idk updated from 0.1.0 to 0.2.0',
        previousVersion: '0.1.0',
        newVersion: '0.2.0',
      },
    ],
    [
      'ManualInteractionRequired',
      () =>
        manualInteractionMessage(CTX, {
          title: 'Film.1999',
          reason: 'no matching movie',
          downloadClient: 'SAB',
          downloadId: 'x',
        }),
      {
        eventType: 'ManualInteractionRequired',
        ...HEAD,
        downloadClient: 'SAB',
        downloadId: 'x',
        message: 'Film.1999: no matching movie',
      },
    ],
  ])('%s', (_name, build, expected) => {
    expect(JSON.stringify(toWebhookPayload(build()))).toBe(JSON.stringify(expected));
  });

  it('Test carries the sample series so receivers can map fields', () => {
    expect(toWebhookPayload(testMessage(CTX))).toMatchObject({ eventType: 'Test', series: { title: 'Test Title' } });
  });
});
