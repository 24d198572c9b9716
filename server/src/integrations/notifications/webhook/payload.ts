// NotificationMessage -> the spec's webhook JSON (WebhookPayload, GrabPayload, DownloadPayload, ...), with the
// Sonarr/Radarr event type names receivers already understand. Custom scripts use the same event type names.
import type { NotificationEventType, NotificationMessage } from '../../../providers/ports/notifier.port.js';

export const WEBHOOK_EVENT_TYPES = {
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
} as const satisfies Record<NotificationEventType, string>;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[NotificationEventType];

export function webhookEventType(type: NotificationEventType): WebhookEventType {
  return WEBHOOK_EVENT_TYPES[type];
}

type Json = Record<string, unknown>;

/** Copies the listed keys that are defined, in that order (so the JSON reads the same every time). */
function pick(source: object, keys: readonly string[]): Json {
  const out: Json = {};
  for (const k of keys) {
    const v = (source as Json)[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

const CLIENT = ['downloadClient', 'downloadClientType', 'downloadId'] as const;

export function toWebhookPayload(message: NotificationMessage): Json {
  const p = message.payload;
  const head: Json = {
    eventType: webhookEventType(message.type),
    instanceName: message.instanceName,
    applicationUrl: message.applicationUrl,
  };
  switch (message.type) {
    case 'grab':
      return { ...head, ...pick(p, ['series', 'movie', 'episodes', 'release', ...CLIENT]) };
    case 'download':
    case 'upgrade':
      return {
        ...head,
        ...pick(p, ['series', 'movie', 'episodes', 'episodeFile', 'movieFile', 'release']),
        isUpgrade: message.type === 'upgrade' || p.isUpgrade === true,
        ...pick(p, [...CLIENT, 'deletedFiles']),
      };
    case 'rename':
      // Sonarr's and Radarr's Rename payloads name the list after the kind of file.
      return {
        ...head,
        ...pick(p, ['series', 'movie']),
        [p.movie ? 'renamedMovieFiles' : 'renamedEpisodeFiles']: p.renamedFiles ?? [],
      };
    case 'series_add':
      return { ...head, ...pick(p, ['series']) };
    case 'movie_add':
      return { ...head, ...pick(p, ['movie']) };
    case 'series_delete':
      return { ...head, ...pick(p, ['series']), deletedFiles: p.deletedFiles !== undefined };
    case 'movie_delete':
      return { ...head, ...pick(p, ['movie']), deletedFiles: p.deletedFiles !== undefined };
    case 'episode_file_delete':
      return { ...head, ...pick(p, ['series', 'episodes', 'episodeFile', 'deleteReason']) };
    case 'movie_file_delete':
      return { ...head, ...pick(p, ['movie', 'movieFile', 'deleteReason']) };
    case 'health_issue':
    case 'health_restored':
      return {
        ...head,
        level: p.health?.level ?? (message.type === 'health_restored' ? 'ok' : 'error'),
        message: p.health?.message ?? message.message,
        type: p.health?.source ?? '',
        ...pick(p.health ?? {}, ['wikiUrl']),
      };
    case 'app_update':
      return { ...head, message: message.message, ...pick(p, ['previousVersion', 'newVersion']) };
    case 'manual_interaction_required':
      return { ...head, ...pick(p, ['series', 'movie', 'episodes', ...CLIENT]), message: message.message };
    case 'manual_test':
      return { ...head, ...pick(p, ['series', 'movie', 'episodes', 'release']) };
  }
}
