// NotificationMessage -> the spec's `idkarr_*` environment variables (Sonarr/Radarr's custom script variables with
// our prefix). Lists are joined with `,` (ids, numbers) or `|` (titles, paths), as Sonarr does.
import type { MediaFileInfo, NotificationMessage } from '../../../providers/ports/notifier.port.js';
import { webhookEventType } from '../webhook/payload.js';

export type ScriptEnvironment = Record<string, string>;

const str = (v: string | number | boolean | undefined | null): string | undefined =>
  v === undefined || v === null ? undefined : typeof v === 'boolean' ? (v ? 'True' : 'False') : String(v);

function put(env: ScriptEnvironment, name: string, value: string | number | boolean | undefined | null): void {
  const s = str(value);
  if (s !== undefined) env[`idkarr_${name}`] = s;
}

function putFile(env: ScriptEnvironment, prefix: string, f: MediaFileInfo): void {
  put(env, `${prefix}_id`, f.id);
  put(env, `${prefix}_relativepath`, f.relativePath);
  put(env, `${prefix}_path`, f.path);
  put(env, `${prefix}_quality`, f.quality);
  put(env, `${prefix}_qualityversion`, f.qualityVersion);
  put(env, `${prefix}_releasegroup`, f.releaseGroup);
  put(env, `${prefix}_scenename`, f.sceneName);
  put(env, `${prefix}_size`, f.size);
  put(env, `${prefix}_dateadded`, f.dateAdded);
}

export function buildEnvironment(message: NotificationMessage): ScriptEnvironment {
  const env: ScriptEnvironment = {};
  const p = message.payload;
  put(env, 'eventtype', webhookEventType(message.type));
  put(env, 'instancename', message.instanceName);
  put(env, 'applicationurl', message.applicationUrl);

  if (p.series) {
    const s = p.series;
    put(env, 'series_id', s.id);
    put(env, 'series_title', s.title);
    put(env, 'series_titleslug', s.titleSlug);
    put(env, 'series_path', s.path);
    put(env, 'series_tvdbid', s.tvdbId);
    put(env, 'series_tmdbid', s.tmdbId);
    put(env, 'series_imdbid', s.imdbId);
    put(env, 'series_type', s.type);
    put(env, 'series_year', s.year);
  }
  if (p.movie) {
    const m = p.movie;
    put(env, 'movie_id', m.id);
    put(env, 'movie_title', m.title);
    put(env, 'movie_year', m.year);
    put(env, 'movie_path', m.folderPath);
    put(env, 'movie_tmdbid', m.tmdbId);
    put(env, 'movie_imdbid', m.imdbId);
    put(env, 'movie_releasedate', m.releaseDate);
  }
  const episodes = p.episodes ?? [];
  if (episodes.length > 0) {
    // Grab and manual-interaction events describe the episodes of the release; imports describe the file's.
    const scope = p.episodeFile ? 'episodefile' : 'release';
    put(env, `${scope}_episodecount`, episodes.length);
    put(env, `${scope}_seasonnumber`, episodes[0]?.seasonNumber);
    put(env, `${scope}_episodenumbers`, episodes.map((e) => e.episodeNumber).join(','));
    put(env, `${scope}_episodetitles`, episodes.map((e) => e.title).join('|'));
    put(env, `${scope}_episodeairdates`, episodes.map((e) => e.airDate ?? '').join(','));
    put(env, `${scope}_episodeairdatesutc`, episodes.map((e) => e.airDateUtc ?? '').join(','));
    if (p.episodeFile) {
      put(env, 'episodefile_episodeids', episodes.map((e) => e.id).join(','));
      // The spec spells it "seasonumber"; both spellings are set so scripts written either way work.
      put(env, 'episodefile_seasonumber', episodes[0]?.seasonNumber);
    }
  }
  if (p.episodeFile) putFile(env, 'episodefile', p.episodeFile);
  if (p.movieFile) putFile(env, 'moviefile', p.movieFile);
  if (p.release) {
    const r = p.release;
    put(env, 'release_indexer', r.indexer);
    put(env, 'release_quality', r.quality);
    put(env, 'release_qualityversion', r.qualityVersion);
    put(env, 'release_title', r.releaseTitle);
    put(env, 'release_size', r.size);
    put(env, 'release_releasegroup', r.releaseGroup);
    if (r.customFormats) put(env, 'release_customformat', r.customFormats.join('|'));
    put(env, 'release_customformatscore', r.customFormatScore);
  }
  put(env, 'download_client', p.downloadClient);
  put(env, 'download_client_type', p.downloadClientType);
  put(env, 'download_id', p.downloadId);
  if (message.type === 'download' || message.type === 'upgrade') {
    put(env, 'isupgrade', message.type === 'upgrade' || p.isUpgrade === true);
    const replaced = p.deletedFiles ?? [];
    if (replaced.length > 0) {
      put(env, 'deletedrelativepaths', replaced.map((f) => f.relativePath).join('|'));
      put(env, 'deletedpaths', replaced.map((f) => f.path).join('|'));
    }
  }
  if (message.type === 'episode_file_delete') put(env, 'episodefile_deletereason', p.deleteReason);
  if (message.type === 'movie_file_delete') put(env, 'moviefile_deletereason', p.deleteReason);
  if (message.type === 'series_delete') put(env, 'series_deletedfiles', p.deletedFiles !== undefined);
  if (message.type === 'movie_delete') put(env, 'movie_deletedfiles', p.deletedFiles !== undefined);
  if (p.renamedFiles) {
    const scope = p.movie ? 'moviefile' : 'episodefile';
    const files = p.renamedFiles;
    put(env, `${scope}_ids`, files.map((f) => f.id).join(','));
    put(env, `${scope}_relativepaths`, files.map((f) => f.relativePath).join('|'));
    put(env, `${scope}_paths`, files.map((f) => f.path).join('|'));
    put(env, `${scope}_previousrelativepaths`, files.map((f) => f.previousRelativePath).join('|'));
    put(env, `${scope}_previouspaths`, files.map((f) => f.previousPath).join('|'));
  }
  if (p.health) {
    const scope = message.type === 'health_restored' ? 'health_restored' : 'health_issue';
    put(env, `${scope}_level`, p.health.level);
    put(env, `${scope}_message`, p.health.message);
    put(env, `${scope}_type`, p.health.source);
    put(env, `${scope}_wiki`, p.health.wikiUrl);
  }
  if (message.type === 'app_update') {
    put(env, 'update_message', message.message);
    put(env, 'update_previousversion', p.previousVersion);
    put(env, 'update_newversion', p.newVersion);
  }
  if (message.type === 'manual_interaction_required') put(env, 'download_message', message.message);
  return env;
}

/**
 * The inherited environment a script sees: ours minus idkarr's own configuration (`IDKARR_*` holds the API key
 * and the database URL with its password), plus the event variables.
 */
export function scriptProcessEnv(
  message: NotificationMessage,
  base: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(base)) if (!k.toUpperCase().startsWith('IDKARR_')) out[k] = v;
  return { ...out, ...buildEnvironment(message) };
}
