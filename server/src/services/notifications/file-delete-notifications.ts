// File deletions outside an import (`file.deleted`: deleted through the API, or found missing by a disk scan)
// become `movie_file_delete` / `episode_file_delete` messages about the item, filtered by the item's tags.
// Files an upgrade replaced are not announced here: the `upgrade` message already lists them.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { EventBus, FileDeletedEvent } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import { fileInfo } from './download-notifications.js';
import { librarySubjectLoader } from './library-subject.js';
import { fileDeleteMessage, messageContext } from './messages.js';
import type { NotificationService } from './notification.service.js';

export interface FileDeleteNotificationsDeps {
  db: Kysely<DB>;
  events: EventBus;
  notifications: Pick<NotificationService, 'notify'>;
  clock: Clock;
  log: Logger;
  instanceName?: string;
  applicationUrl?: string;
}

/** Subscribes; returns the unsubscribe function. */
export function subscribeFileDeleteNotifications(deps: FileDeleteNotificationsDeps): () => void {
  const subjectFor = librarySubjectLoader(deps.db);
  const onDeleted = async (e: FileDeletedEvent) => {
    const item = await subjectFor(e);
    if (!item) return;
    const ctx = messageContext({
      ...(deps.instanceName === undefined ? {} : { instanceName: deps.instanceName }),
      ...(deps.applicationUrl === undefined ? {} : { applicationUrl: deps.applicationUrl }),
      now: deps.clock.now(),
    });
    const file = fileInfo(e.file, 'movie' in item.subject ? 'Radarr' : 'Sonarr');
    await deps.notifications.notify(
      fileDeleteMessage(ctx, { subject: item.subject, file, reason: e.reason }),
      item.tags,
    );
  };
  return deps.events.on('file.deleted', (e) => {
    onDeleted(e).catch((err) => deps.log.error({ err }, 'file delete notification failed'));
  });
}
