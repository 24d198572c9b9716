// Builders that turn domain happenings into NotificationMessages, from plain inputs, so grab/import/rename/library
// services (and health) can hand one to NotificationService.notify without knowing how notifiers render it.
// Pure functions: the context carries the instance name, application URL and the event time.
import type { Movie } from '../../domain/library/movie.types.js';
import type { Series } from '../../domain/library/series.types.js';
import type {
  EpisodeInfo,
  HealthInfo,
  MediaFileInfo,
  MovieInfo,
  NotificationMessage,
  NotificationPayload,
  ReleaseInfo,
  RenamedFileInfo,
  SeriesInfo,
} from '../../providers/ports/notifier.port.js';

export interface MessageContext {
  instanceName: string;
  /** Public base URL of this idkarr, e.g. `http://nas:7979`; '' when unknown. */
  applicationUrl: string;
  /** The time of the event, ISO. */
  occurredAt: string;
}

export const DEFAULT_INSTANCE_NAME = 'idkarr';

/** A context for "now" (tests pass a fixed time). */
export function messageContext(
  opts: { instanceName?: string; applicationUrl?: string; now?: number } = {},
): MessageContext {
  return {
    instanceName: opts.instanceName ?? DEFAULT_INSTANCE_NAME,
    applicationUrl: opts.applicationUrl ?? '',
    occurredAt: new Date(opts.now ?? Date.now()).toISOString(),
  };
}

/** Either a series with its episodes, or a movie. */
export type MediaSubject = { series: SeriesInfo; episodes: EpisodeInfo[] } | { movie: MovieInfo };

export interface DownloadClientRef {
  downloadClient?: string;
  downloadClientType?: string;
  downloadId?: string;
}

// ---- conversions from library domain objects ----

export function titleSlug(title: string, year?: number): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return year ? `${base}-${year}` : base;
}

export function seriesInfo(s: Series): SeriesInfo {
  return {
    id: s.id,
    title: s.title,
    titleSlug: titleSlug(s.title),
    path: s.path,
    ...(s.tvdbId === null ? {} : { tvdbId: s.tvdbId }),
    ...(s.tmdbId === null ? {} : { tmdbId: s.tmdbId }),
    ...(s.imdbId === null ? {} : { imdbId: s.imdbId }),
    type: s.seriesType,
    year: s.year,
  };
}

export function movieInfo(m: Movie): MovieInfo {
  const releaseDate = m.digitalRelease ?? m.physicalRelease ?? m.inCinemas;
  return {
    id: m.id,
    title: m.title,
    year: m.year,
    folderPath: m.path,
    tmdbId: m.tmdbId,
    ...(m.imdbId === null ? {} : { imdbId: m.imdbId }),
    ...(releaseDate ? { releaseDate } : {}),
  };
}

/** The poster of a library item, for rich notifiers. */
export function posterUrl(item: { images: { coverType: string; remoteUrl: string }[] }): string | undefined {
  return item.images.find((i) => i.coverType === 'poster')?.remoteUrl;
}

// ---- text ----

const pad = (n: number) => String(n).padStart(2, '0');

/** "Show (2008) - S01E01-E02 - Pilot + Cat's in the Bag..." or "Movie (1999)". */
export function subjectLabel(subject: MediaSubject): string {
  if ('movie' in subject) return `${subject.movie.title} (${subject.movie.year})`;
  const { series, episodes } = subject;
  const head = `${series.title}${series.year ? ` (${series.year})` : ''}`;
  if (episodes.length === 0) return head;
  const sorted = [...episodes].sort((a, b) => a.seasonNumber - b.seasonNumber || a.episodeNumber - b.episodeNumber);
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const numbers =
    sorted.length === 1
      ? `S${pad(first.seasonNumber)}E${pad(first.episodeNumber)}`
      : `S${pad(first.seasonNumber)}E${pad(first.episodeNumber)}-E${pad(last.episodeNumber)}`;
  const titles = sorted.map((e) => e.title).filter(Boolean);
  return `${head} - ${numbers}${titles.length ? ` - ${titles.join(' + ')}` : ''}`;
}

function mediaFields(subject: MediaSubject): Pick<NotificationMessage, 'mediaType' | 'mediaTitle' | 'mediaYear'> {
  if ('movie' in subject) return { mediaType: 'movie', mediaTitle: subject.movie.title, mediaYear: subject.movie.year };
  return {
    mediaType: subject.episodes.length > 0 ? 'episode' : 'series',
    mediaTitle: subject.series.title,
    mediaYear: subject.series.year,
  };
}

function subjectPayload(subject: MediaSubject): NotificationPayload {
  return 'movie' in subject ? { movie: subject.movie } : { series: subject.series, episodes: subject.episodes };
}

function link(ctx: MessageContext, subject: MediaSubject): string | undefined {
  if (!ctx.applicationUrl) return undefined;
  const base = ctx.applicationUrl.replace(/\/+$/, '');
  return 'movie' in subject ? `${base}/movie/${subject.movie.id}` : `${base}/series/${subject.series.id}`;
}

function base(
  ctx: MessageContext,
  type: NotificationMessage['type'],
  title: string,
  message: string,
  payload: NotificationPayload,
  extra: Partial<NotificationMessage> = {},
): NotificationMessage {
  const out: NotificationMessage = {
    type,
    title,
    message,
    payload,
    occurredAt: ctx.occurredAt,
    instanceName: ctx.instanceName,
    applicationUrl: ctx.applicationUrl,
  };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) (out as unknown as Record<string, unknown>)[k] = v;
  return out;
}

function clientFields(ref: DownloadClientRef): NotificationPayload {
  const out: NotificationPayload = {};
  if (ref.downloadClient !== undefined) out.downloadClient = ref.downloadClient;
  if (ref.downloadClientType !== undefined) out.downloadClientType = ref.downloadClientType;
  if (ref.downloadId !== undefined) out.downloadId = ref.downloadId;
  return out;
}

// ---- builders, one per event ----

export interface GrabInput extends DownloadClientRef {
  subject: MediaSubject;
  release: ReleaseInfo;
  imageUrl?: string;
}

export function grabMessage(ctx: MessageContext, input: GrabInput): NotificationMessage {
  const label = subjectLabel(input.subject);
  return base(
    ctx,
    'grab',
    'Grabbed',
    `${label} [${input.release.quality}]`,
    { ...subjectPayload(input.subject), release: input.release, ...clientFields(input) },
    {
      ...mediaFields(input.subject),
      quality: input.release.quality,
      imageUrl: input.imageUrl,
      link: link(ctx, input.subject),
    },
  );
}

export interface DownloadInput extends DownloadClientRef {
  subject: MediaSubject;
  /** The imported file. */
  file: MediaFileInfo;
  /** Files the import replaced; non-empty makes it an upgrade. */
  replacedFiles?: MediaFileInfo[];
  release?: ReleaseInfo;
  imageUrl?: string;
}

/** An import: `download`, or `upgrade` when it replaced existing files. */
export function downloadMessage(ctx: MessageContext, input: DownloadInput): NotificationMessage {
  const isUpgrade = (input.replacedFiles?.length ?? 0) > 0;
  const label = subjectLabel(input.subject);
  const fileKey = 'movie' in input.subject ? 'movieFile' : 'episodeFile';
  const payload: NotificationPayload = {
    ...subjectPayload(input.subject),
    [fileKey]: input.file,
    isUpgrade,
    ...clientFields(input),
  };
  if (input.release) payload.release = input.release;
  if (isUpgrade) payload.deletedFiles = input.replacedFiles;
  return base(
    ctx,
    isUpgrade ? 'upgrade' : 'download',
    isUpgrade ? 'Upgraded' : 'Imported',
    `${label} [${input.file.quality}]`,
    payload,
    {
      ...mediaFields(input.subject),
      quality: input.file.quality,
      imageUrl: input.imageUrl,
      link: link(ctx, input.subject),
    },
  );
}

export interface RenameInput {
  subject: { series: SeriesInfo; episodes?: EpisodeInfo[] } | { movie: MovieInfo };
  renamedFiles: RenamedFileInfo[];
}

export function renameMessage(ctx: MessageContext, input: RenameInput): NotificationMessage {
  const subject: MediaSubject =
    'movie' in input.subject ? input.subject : { series: input.subject.series, episodes: [] };
  const n = input.renamedFiles.length;
  const payload: NotificationPayload = {
    ...('movie' in input.subject ? { movie: input.subject.movie } : { series: input.subject.series }),
    renamedFiles: input.renamedFiles,
  };
  return base(ctx, 'rename', 'Renamed', `${subjectLabel(subject)}: ${n} file${n === 1 ? '' : 's'} renamed`, payload, {
    ...mediaFields(subject),
    link: link(ctx, subject),
  });
}

export function seriesAddMessage(ctx: MessageContext, series: SeriesInfo, imageUrl?: string): NotificationMessage {
  const subject: MediaSubject = { series, episodes: [] };
  return base(
    ctx,
    'series_add',
    'Series Added',
    subjectLabel(subject),
    { series },
    {
      ...mediaFields(subject),
      imageUrl,
      link: link(ctx, subject),
    },
  );
}

export function movieAddMessage(ctx: MessageContext, movie: MovieInfo, imageUrl?: string): NotificationMessage {
  const subject: MediaSubject = { movie };
  return base(
    ctx,
    'movie_add',
    'Movie Added',
    subjectLabel(subject),
    { movie },
    {
      ...mediaFields(subject),
      imageUrl,
      link: link(ctx, subject),
    },
  );
}

/**
 * `deletedFiles: true` when the item's folder was removed from disk too. The payload marks that with an empty
 * `deletedFiles` list (the webhook renders `deletedFiles: true`, scripts get `idkarr_*_deletedfiles=True`).
 */
export function seriesDeleteMessage(
  ctx: MessageContext,
  series: SeriesInfo,
  opts: { deletedFiles: boolean },
): NotificationMessage {
  const subject: MediaSubject = { series, episodes: [] };
  const payload: NotificationPayload = { series, ...(opts.deletedFiles ? { deletedFiles: [] } : {}) };
  const suffix = opts.deletedFiles ? ' (files deleted)' : '';
  return base(ctx, 'series_delete', 'Series Deleted', `${subjectLabel(subject)}${suffix}`, payload, {
    ...mediaFields(subject),
  });
}

export function movieDeleteMessage(
  ctx: MessageContext,
  movie: MovieInfo,
  opts: { deletedFiles: boolean },
): NotificationMessage {
  const subject: MediaSubject = { movie };
  const payload: NotificationPayload = { movie, ...(opts.deletedFiles ? { deletedFiles: [] } : {}) };
  const suffix = opts.deletedFiles ? ' (files deleted)' : '';
  return base(ctx, 'movie_delete', 'Movie Deleted', `${subjectLabel(subject)}${suffix}`, payload, {
    ...mediaFields(subject),
  });
}

export interface FileDeleteInput {
  subject: MediaSubject;
  file: MediaFileInfo;
  /** Why: Manual, MissingFromDisk, Upgrade, NoLinkedEpisodes, ... */
  reason: string;
}

/** `episode_file_delete` for a series subject, `movie_file_delete` for a movie. */
export function fileDeleteMessage(ctx: MessageContext, input: FileDeleteInput): NotificationMessage {
  const isMovie = 'movie' in input.subject;
  const payload: NotificationPayload = {
    ...subjectPayload(input.subject),
    [isMovie ? 'movieFile' : 'episodeFile']: input.file,
    deletedFiles: [input.file],
    deleteReason: input.reason,
  };
  return base(
    ctx,
    isMovie ? 'movie_file_delete' : 'episode_file_delete',
    isMovie ? 'Movie File Deleted' : 'Episode File Deleted',
    `${subjectLabel(input.subject)}: ${input.file.relativePath} (${input.reason})`,
    payload,
    { ...mediaFields(input.subject), quality: input.file.quality },
  );
}

export function healthIssueMessage(ctx: MessageContext, health: HealthInfo): NotificationMessage {
  return base(ctx, 'health_issue', 'Health Issue', health.message, { health });
}

export function healthRestoredMessage(ctx: MessageContext, health: HealthInfo): NotificationMessage {
  return base(ctx, 'health_restored', 'Health Issue Resolved', `Resolved: ${health.message}`, {
    health: { ...health, level: 'ok' },
  });
}

export function appUpdateMessage(
  ctx: MessageContext,
  opts: { previousVersion: string; newVersion: string },
): NotificationMessage {
  return base(
    ctx,
    'app_update',
    'Application Updated',
    `${ctx.instanceName} updated from ${opts.previousVersion} to ${opts.newVersion}`,
    { previousVersion: opts.previousVersion, newVersion: opts.newVersion },
  );
}

export interface ManualInteractionInput extends DownloadClientRef {
  subject?: MediaSubject;
  /** The download's title as the client shows it. */
  title: string;
  reason: string;
}

export function manualInteractionMessage(ctx: MessageContext, input: ManualInteractionInput): NotificationMessage {
  const payload: NotificationPayload = {
    ...(input.subject ? subjectPayload(input.subject) : {}),
    ...clientFields(input),
  };
  return base(
    ctx,
    'manual_interaction_required',
    'Manual Interaction Required',
    `${input.title}: ${input.reason}`,
    payload,
    input.subject ? mediaFields(input.subject) : {},
  );
}

/** The sample series/episode a manual test carries, like Sonarr's test payload, so renderers show real fields. */
export const TEST_SERIES: SeriesInfo = {
  id: 1,
  title: 'Test Title',
  titleSlug: 'test-title',
  path: 'C:\\testpath',
  tvdbId: 1234,
  type: 'standard',
  year: 2024,
};
export const TEST_EPISODE: EpisodeInfo = {
  id: 123,
  episodeNumber: 1,
  seasonNumber: 1,
  title: 'Test title',
};

/** What every notifier's test() sends: a `manual_test` message. */
export function testMessage(ctx: MessageContext = messageContext()): NotificationMessage {
  return base(
    ctx,
    'manual_test',
    'Test Notification',
    `This is a test message from ${ctx.instanceName}`,
    { series: TEST_SERIES, episodes: [TEST_EPISODE] },
    { mediaType: 'episode', mediaTitle: TEST_SERIES.title, mediaYear: TEST_SERIES.year },
  );
}

/** True when the message concerns a library item (tags filter applies); health and update messages do not. */
export function concernsLibraryItem(message: NotificationMessage): boolean {
  return message.payload.series !== undefined || message.payload.movie !== undefined;
}
