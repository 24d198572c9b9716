// Turns event-bus happenings that carry their library item into notifications: health issues/restorations,
// library adds/deletes and renames. Grab, import and file deletes, whose events carry ids only, are handled in
// download-notifications.ts and file-delete-notifications.ts.
import type { EventBus, FilesRenamedEvent, HealthChangedEvent } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import type { HealthInfo, RenamedFileInfo } from '../../providers/ports/notifier.port.js';
import { fileInfo } from './download-notifications.js';
import {
  healthIssueMessage,
  healthRestoredMessage,
  type MessageContext,
  messageContext,
  movieAddMessage,
  movieDeleteMessage,
  movieInfo,
  posterUrl,
  type RenameInput,
  renameMessage,
  seriesAddMessage,
  seriesDeleteMessage,
  seriesInfo,
} from './messages.js';
import type { NotificationService } from './notification.service.js';

export interface NotificationEventsDeps {
  events: EventBus;
  notifications: Pick<NotificationService, 'notify'>;
  clock: Clock;
  instanceName?: string;
  applicationUrl?: string;
}

function healthInfo(e: HealthChangedEvent, level: HealthInfo['level']): HealthInfo {
  const source = e.kind ? `${e.kind}${e.definitionId === undefined ? '' : `:${e.definitionId}`}` : e.source;
  return {
    level,
    message: e.message ?? `${source} is ${e.status}`,
    source,
    ...(e.kind && e.definitionId !== undefined ? { wikiUrl: `/settings/${e.kind}/${e.definitionId}` } : {}),
  };
}

/** The item (as it is now) and its renamed files, in the quality naming of the item's kind. */
export function renameInput(e: FilesRenamedEvent): { input: RenameInput; tags: number[] } {
  const flavour = e.mediaType === 'movie' ? 'Radarr' : 'Sonarr';
  const renamedFiles = e.files.map(
    (f): RenamedFileInfo => ({
      ...fileInfo(f, flavour),
      previousRelativePath: f.previousRelativePath,
      previousPath: f.previousPath,
    }),
  );
  return e.mediaType === 'movie'
    ? { input: { subject: { movie: movieInfo(e.movie) }, renamedFiles }, tags: e.movie.tags }
    : { input: { subject: { series: seriesInfo(e.series) }, renamedFiles }, tags: e.series.tags };
}

/** Subscribes; returns the unsubscribe function. */
export function subscribeNotificationEvents(deps: NotificationEventsDeps): () => void {
  const ctx = (): MessageContext =>
    messageContext({
      ...(deps.instanceName === undefined ? {} : { instanceName: deps.instanceName }),
      ...(deps.applicationUrl === undefined ? {} : { applicationUrl: deps.applicationUrl }),
      now: deps.clock.now(),
    });
  const send = (p: Promise<unknown>) => void p.catch(() => {});
  const offs = [
    deps.events.on('health.issue', (e) =>
      send(deps.notifications.notify(healthIssueMessage(ctx(), healthInfo(e, 'error')))),
    ),
    deps.events.on('health.restored', (e) =>
      send(deps.notifications.notify(healthRestoredMessage(ctx(), healthInfo(e, 'ok')))),
    ),
    deps.events.on('movie.added', ({ movie }) =>
      send(deps.notifications.notify(movieAddMessage(ctx(), movieInfo(movie), posterUrl(movie)), movie.tags)),
    ),
    deps.events.on('series.added', ({ series }) =>
      send(deps.notifications.notify(seriesAddMessage(ctx(), seriesInfo(series), posterUrl(series)), series.tags)),
    ),
    // The item is gone by now; the event carries it as it was (path for the payloads, tags for the filter).
    deps.events.on('movie.deleted', ({ movie, deletedFiles }) =>
      send(deps.notifications.notify(movieDeleteMessage(ctx(), movieInfo(movie), { deletedFiles }), movie.tags)),
    ),
    deps.events.on('series.deleted', ({ series, deletedFiles }) =>
      send(deps.notifications.notify(seriesDeleteMessage(ctx(), seriesInfo(series), { deletedFiles }), series.tags)),
    ),
    deps.events.on('file.renamed', (e) => {
      const { input, tags } = renameInput(e);
      send(deps.notifications.notify(renameMessage(ctx(), input), tags));
    }),
  ];
  return () => {
    for (const off of offs) off();
  };
}
