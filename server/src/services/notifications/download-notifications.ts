// Download notifications (issue 8): the grab (`download.grabbed`) becomes a `grab` message, each imported file
// (`file.imported`, emitted by the import work after its transaction committed) a `download` message, or an
// `upgrade` when it replaced library files, and a download whose import got blocked (the queue shows it as
// importBlocked) a `manual_interaction_required` message, once per blocking. Failed downloads notify nothing
// (Sonarr/Radarr have no such event). The item and its tags come from library-subject.ts.
import type { Kysely } from 'kysely';
import type { ProviderDefinitionRepository } from '../../db/repositories/provider-definition.repository.js';
import { TrackedDownloadRepository } from '../../db/repositories/tracked-download.repository.js';
import type { DB } from '../../db/schema.js';
import { qualityById, qualityDisplayName } from '../../domain/quality/quality-catalog.js';
import type { EventBus, FileImportedEvent, ImportedFileRef } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import type { Logger } from '../../lib/logger.js';
import type { MediaFileInfo, ReleaseInfo } from '../../providers/ports/notifier.port.js';
import type { QualityModel, TrackedDownload } from '../downloads/download.types.js';
import { librarySubjectLoader } from './library-subject.js';
import {
  type DownloadClientRef,
  downloadMessage,
  grabMessage,
  type MessageContext,
  manualInteractionMessage,
  messageContext,
} from './messages.js';
import type { NotificationService } from './notification.service.js';

export interface DownloadNotificationsDeps {
  db: Kysely<DB>;
  events: EventBus;
  notifications: Pick<NotificationService, 'notify'>;
  /** Download client definitions (their implementation is the `downloadClientType`). */
  definitions: Pick<ProviderDefinitionRepository, 'get'>;
  clock: Clock;
  log: Logger;
  instanceName?: string;
  applicationUrl?: string;
}

type Flavour = 'Sonarr' | 'Radarr';

/** "Bluray-1080p" for a catalog id, in the naming of the item's kind (movies: Radarr's, series: Sonarr's). */
export function qualityName(q: QualityModel, flavour: Flavour): string {
  const def = qualityById(q.quality);
  return def ? qualityDisplayName(def, flavour) : q.quality;
}

export function releaseInfo(t: TrackedDownload, flavour: Flavour, indexer?: string): ReleaseInfo {
  return {
    quality: qualityName(t.quality, flavour),
    qualityVersion: t.quality.revision.version,
    ...(t.release.releaseGroup ? { releaseGroup: t.release.releaseGroup } : {}),
    releaseTitle: t.title,
    indexer: indexer ?? t.indexer ?? '',
    size: t.size,
    ...(t.release.customFormats.length ? { customFormats: t.release.customFormats } : {}),
    customFormatScore: t.release.customFormatScore,
  };
}

export function fileInfo(f: ImportedFileRef, flavour: Flavour): MediaFileInfo {
  return {
    id: f.id,
    relativePath: f.relativePath,
    path: f.path,
    quality: qualityName(f.quality, flavour),
    qualityVersion: f.quality.revision.version,
    ...(f.releaseGroup ? { releaseGroup: f.releaseGroup } : {}),
    ...(f.sceneName ? { sceneName: f.sceneName } : {}),
    size: f.size,
    dateAdded: f.dateAdded,
  };
}

/** Subscribes; returns the unsubscribe function. */
export function subscribeDownloadNotifications(deps: DownloadNotificationsDeps): () => void {
  const tracked = new TrackedDownloadRepository(deps.db);
  const log = deps.log.child({ module: 'download-notifications' });
  /** Tracked downloads already announced as blocked (until they leave importBlocked). */
  const blocked = new Set<number>();

  const ctx = (): MessageContext =>
    messageContext({
      ...(deps.instanceName === undefined ? {} : { instanceName: deps.instanceName }),
      ...(deps.applicationUrl === undefined ? {} : { applicationUrl: deps.applicationUrl }),
      now: deps.clock.now(),
    });

  const subjectFor = librarySubjectLoader(deps.db);

  const clientRef = async (clientId: number | null, name: string | null, downloadId: string | null) => {
    const ref: DownloadClientRef = {};
    const def = clientId === null ? undefined : await deps.definitions.get(clientId).catch(() => undefined);
    const clientName = name ?? def?.name;
    if (clientName) ref.downloadClient = clientName;
    if (def) ref.downloadClientType = def.implementation;
    if (downloadId) ref.downloadId = downloadId;
    return ref;
  };

  const run = (what: string, work: () => Promise<unknown>) =>
    void work().catch((err) => log.error({ err }, `${what} notification failed`));

  const onImported = async (e: FileImportedEvent) => {
    const [item, t] = await Promise.all([
      subjectFor(e),
      e.trackedDownloadId === null ? Promise.resolve(undefined) : tracked.get(e.trackedDownloadId),
    ]);
    if (!item) return;
    const flavour: Flavour = 'movie' in item.subject ? 'Radarr' : 'Sonarr';
    const client = await clientRef(e.downloadClientId, e.downloadClient, e.downloadId);
    await deps.notifications.notify(
      downloadMessage(ctx(), {
        subject: item.subject,
        file: fileInfo(e.file, flavour),
        replacedFiles: e.replacedFiles.map((f) => fileInfo(f, flavour)),
        ...(t ? { release: releaseInfo(t, flavour) } : {}),
        ...(item.imageUrl ? { imageUrl: item.imageUrl } : {}),
        ...client,
      }),
      item.tags,
    );
  };

  const onBlocked = async (t: TrackedDownload) => {
    const item = await subjectFor(t);
    const client = await clientRef(t.downloadClientId, null, t.downloadId);
    const reason =
      t.statusMessages
        .flatMap((m) => m.messages)
        .slice(0, 3)
        .join('; ') || 'the download could not be imported automatically';
    await deps.notifications.notify(
      manualInteractionMessage(ctx(), {
        ...(item ? { subject: item.subject } : {}),
        title: t.title,
        reason,
        ...client,
      }),
      item?.tags ?? [],
    );
  };

  const offs = [
    deps.events.on('download.grabbed', ({ trackedDownload: t, downloadClient, release }) =>
      run('grab', async () => {
        const item = await subjectFor(t);
        if (!item) return;
        const flavour: Flavour = 'movie' in item.subject ? 'Radarr' : 'Sonarr';
        const client = await clientRef(downloadClient.id, downloadClient.name, t.downloadId);
        await deps.notifications.notify(
          grabMessage(ctx(), {
            subject: item.subject,
            release: releaseInfo(t, flavour, release.indexer),
            ...(item.imageUrl ? { imageUrl: item.imageUrl } : {}),
            ...client,
          }),
          item.tags,
        );
      }),
    ),
    deps.events.on('file.imported', (e) => run('import', () => onImported(e))),
    deps.events.on('queue.updated', ({ changed, removedIds }) => {
      for (const id of removedIds) blocked.delete(id);
      for (const t of changed) {
        if (t.status !== 'importBlocked') {
          blocked.delete(t.id);
          continue;
        }
        if (blocked.has(t.id)) continue;
        blocked.add(t.id);
        run('manual interaction', () => onBlocked(t));
      }
    }),
  ];
  return () => {
    for (const off of offs) off();
  };
}
