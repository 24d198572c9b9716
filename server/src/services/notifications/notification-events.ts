// Turns event-bus happenings into notifications: health issues/restorations and library adds/deletes. Grab,
// import, rename and file deletes are notified by the services doing them (they know the release, the file and
// the download client), through the builders in messages.ts and NotificationService.notify.
import type { EventBus, HealthChangedEvent } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import type { HealthInfo } from '../../providers/ports/notifier.port.js';
import {
  healthIssueMessage,
  healthRestoredMessage,
  type MessageContext,
  messageContext,
  movieAddMessage,
  movieDeleteMessage,
  movieInfo,
  posterUrl,
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
  ];
  return () => {
    for (const off of offs) off();
  };
}
