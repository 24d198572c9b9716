// The notification port (spec: "Notification Interface", "Webhook Payload Formats"). Every service (Discord,
// Slack, Telegram, Pushover, Email, Gotify, ntfy, Join, Apprise, Webhook, Custom Script) implements `send`.
// The dispatcher decides who gets which event (event switches, tags); a notifier only renders and delivers.
import type { IntegrationInstance } from '../ports.js';

export const NOTIFICATION_EVENTS = [
  'grab',
  'download',
  'upgrade',
  'rename',
  'series_add',
  'series_delete',
  'episode_file_delete',
  'movie_add',
  'movie_delete',
  'movie_file_delete',
  'health_issue',
  'health_restored',
  'app_update',
  'manual_interaction_required',
  'manual_test',
] as const;
export type NotificationEventType = (typeof NOTIFICATION_EVENTS)[number];

export interface SeriesInfo {
  id: number;
  title: string;
  titleSlug: string;
  path: string;
  tvdbId?: number;
  tmdbId?: number;
  imdbId?: string;
  type: string;
  year: number;
}

export interface MovieInfo {
  id: number;
  title: string;
  year: number;
  folderPath: string;
  tmdbId: number;
  imdbId?: string;
  releaseDate?: string;
}

export interface EpisodeInfo {
  id: number;
  episodeNumber: number;
  seasonNumber: number;
  title: string;
  airDate?: string;
  airDateUtc?: string;
  overview?: string;
}

export interface ReleaseInfo {
  quality: string;
  qualityVersion: number;
  releaseGroup?: string;
  releaseTitle: string;
  indexer: string;
  size: number;
  customFormats?: string[];
  customFormatScore?: number;
}

export interface MediaFileInfo {
  id: number;
  relativePath: string;
  path: string;
  quality: string;
  qualityVersion: number;
  releaseGroup?: string;
  sceneName?: string;
  size: number;
  dateAdded: string;
}

export interface RenamedFileInfo extends MediaFileInfo {
  previousRelativePath: string;
  previousPath: string;
}

export interface HealthInfo {
  level: 'ok' | 'notice' | 'warning' | 'error';
  message: string;
  source: string;
  wikiUrl?: string;
}

/** Structured event data: what webhooks serialise (spec payloads) and custom scripts turn into env variables. */
export interface NotificationPayload {
  series?: SeriesInfo;
  movie?: MovieInfo;
  episodes?: EpisodeInfo[];
  release?: ReleaseInfo;
  episodeFile?: MediaFileInfo;
  movieFile?: MediaFileInfo;
  /** Files replaced by an upgrade, or deleted by a *_file_delete event. */
  deletedFiles?: MediaFileInfo[];
  isUpgrade?: boolean;
  downloadClient?: string;
  downloadClientType?: string;
  downloadId?: string;
  /** rename: the files as they are now, with where they were. */
  renamedFiles?: RenamedFileInfo[];
  deleteReason?: string;
  health?: HealthInfo;
  previousVersion?: string;
  newVersion?: string;
}

export interface NotificationMessage {
  type: NotificationEventType;
  /** Short headline, e.g. "Grabbed" or "Movie Added". */
  title: string;
  /** Plain-text one-liner, e.g. "Fight Club (1999) [Bluray-1080p]". Renderers escape it for their format. */
  message: string;
  imageUrl?: string;
  link?: string;
  mediaType?: 'series' | 'movie' | 'episode';
  mediaTitle?: string;
  mediaYear?: number;
  quality?: string;
  payload: NotificationPayload;
  /** The time of the event (ISO); stable across retries. */
  occurredAt: string;
  instanceName: string;
  applicationUrl: string;
}

export interface NotifierPort extends IntegrationInstance {
  send(message: NotificationMessage, signal?: AbortSignal): Promise<void>;
}
