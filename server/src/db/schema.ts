// Row shapes as stored. Booleans are 0/1 integers and JSON is text on both dialects, so repositories convert
// once and the rest of the code never sees a dialect difference. Timestamps are ISO-8601 UTC strings.
import type { Generated } from 'kysely';

export interface UsersTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  created_at: string;
}

export interface SessionsTable {
  id: string; // sha256 of the cookie token, so a database leak does not leak live sessions
  user_id: number;
  created_at: string;
  expires_at: string;
}

export interface CommandsTable {
  id: Generated<number>;
  name: string;
  body: string;
  dedupe_key: string;
  status: string;
  trigger: string;
  exclusive: number;
  message: string | null;
  progress: number | null;
  queued_at: string;
  started_at: string | null;
  ended_at: string | null;
  error: string | null;
  result: string | null;
}

export interface ScheduledTasksTable {
  name: string;
  interval_minutes: number;
  last_run_at: string | null;
  last_duration_ms: number | null;
  next_run_at: string;
}

export interface ProviderDefinitionsTable {
  id: Generated<number>;
  kind: string;
  implementation: string;
  name: string;
  enabled: number;
  tags: string;
  settings: string;
  created_at: string;
  updated_at: string;
}

export interface ProviderStatusTable {
  definition_id: number;
  health: string;
  latency_ms: number | null;
  last_checked: string | null;
  message: string | null;
  failure_count: number;
  disabled_until: string | null;
  last_failure_at: string | null;
}

export interface KeyValueTable {
  key: string;
  value: string;
}

export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  commands: CommandsTable;
  scheduled_tasks: ScheduledTasksTable;
  provider_definitions: ProviderDefinitionsTable;
  provider_status: ProviderStatusTable;
  key_value: KeyValueTable;
}

// ---- Library (issue 4). Dates: `YYYY-MM-DD` for calendar days (release dates, air_date), full ISO for instants.

export interface MoviesTable {
  id: Generated<number>;
  tmdb_id: number;
  imdb_id: string | null;
  title: string;
  original_title: string | null;
  sort_title: string;
  clean_title: string;
  year: number;
  runtime: number;
  overview: string | null;
  status: string;
  in_cinemas: string | null;
  physical_release: string | null;
  digital_release: string | null;
  minimum_availability: string;
  certification: string | null;
  genres: string;
  studio: string | null;
  images: string;
  ratings: string;
  monitored: number;
  quality_profile_id: number;
  path: string;
  root_folder_path: string;
  tags: string;
  collection_tmdb_id: number | null;
  collection_title: string | null;
  added: string;
  last_info_sync: string | null;
  movie_file_id: number | null;
}

export interface MovieAlternativeTitlesTable {
  id: Generated<number>;
  movie_id: number;
  title: string;
  clean_title: string;
  source: string;
}

export interface SeriesTable {
  id: Generated<number>;
  tvdb_id: number | null;
  tmdb_id: number | null;
  imdb_id: string | null;
  title: string;
  sort_title: string;
  clean_title: string;
  year: number;
  status: string;
  overview: string | null;
  network: string | null;
  air_time: string | null;
  runtime: number;
  series_type: string;
  certification: string | null;
  genres: string;
  images: string;
  ratings: string;
  monitored: number;
  monitor_new_items: string;
  quality_profile_id: number;
  path: string;
  root_folder_path: string;
  season_folder: number;
  tags: string;
  added: string;
  last_info_sync: string | null;
  first_aired: string | null;
  last_aired: string | null;
  next_airing: string | null;
  previous_airing: string | null;
}

export interface SeriesAlternativeTitlesTable {
  id: Generated<number>;
  series_id: number;
  title: string;
  clean_title: string;
  scene_season_number: number | null;
}

export interface SeasonsTable {
  id: Generated<number>;
  series_id: number;
  season_number: number;
  monitored: number;
}

export interface EpisodesTable {
  id: Generated<number>;
  series_id: number;
  tvdb_id: number | null;
  tmdb_id: number | null;
  season_number: number;
  episode_number: number;
  absolute_episode_number: number | null;
  scene_season_number: number | null;
  scene_episode_number: number | null;
  scene_absolute_episode_number: number | null;
  title: string | null;
  overview: string | null;
  air_date: string | null;
  air_date_utc: string | null;
  runtime: number;
  monitored: number;
  episode_file_id: number | null;
  unverified_scene_numbering: number;
}

export interface RootFoldersTable {
  id: Generated<number>;
  path: string;
}

export interface TagsTable {
  id: Generated<number>;
  label: string;
}

export interface QualityDefinitionsTable {
  id: Generated<number>;
  quality_id: string;
  title: string;
  weight: number;
  min_size: number;
  preferred_size: number;
  max_size: number | null;
}

export interface QualityProfilesTable {
  id: Generated<number>;
  name: string;
  upgrade_allowed: number;
  cutoff: string;
  items: string;
  min_format_score: number;
  cutoff_format_score: number;
  format_items: string;
}

export interface LibraryTables {
  movies: MoviesTable;
  movie_alternative_titles: MovieAlternativeTitlesTable;
  series: SeriesTable;
  series_alternative_titles: SeriesAlternativeTitlesTable;
  seasons: SeasonsTable;
  episodes: EpisodesTable;
  root_folders: RootFoldersTable;
  tags: TagsTable;
  quality_definitions: QualityDefinitionsTable;
  quality_profiles: QualityProfilesTable;
}

// Declaration merging keeps the library tables in their own block instead of editing the interface above.
export interface DB extends LibraryTables {}

// ---- Decisions (issue 5): custom formats, release/delay profiles, blocklist, pending releases.

export interface CustomFormatsTable {
  id: Generated<number>;
  name: string;
  include_in_rename: number;
  specifications: string;
}

export interface ReleaseProfilesTable {
  id: Generated<number>;
  name: string;
  enabled: number;
  required: string;
  ignored: string;
  indexer_id: number;
  tags: string;
}

export interface DelayProfilesTable {
  id: Generated<number>;
  order: number;
  enable_usenet: number;
  enable_torrent: number;
  preferred_protocol: string;
  usenet_delay: number;
  torrent_delay: number;
  bypass_if_highest_quality: number;
  tags: string;
}

export interface BlocklistTable {
  id: Generated<number>;
  movie_id: number | null;
  series_id: number | null;
  episode_ids: string;
  source_title: string;
  quality: string;
  languages: string;
  custom_formats: string;
  indexer_id: number | null;
  indexer: string | null;
  protocol: string;
  guid: string | null;
  torrent_info_hash: string | null;
  /** bigint: PostgreSQL hands it back as a string. */
  size: number | string | null;
  published_date: string | null;
  date: string;
  message: string | null;
}

export interface PendingReleasesTable {
  id: Generated<number>;
  movie_id: number | null;
  series_id: number | null;
  episode_ids: string;
  guid: string;
  indexer_id: number | null;
  title: string;
  quality: string;
  revision_version: number;
  revision_real: number;
  custom_format_score: number;
  release: string;
  reason: string;
  added: string;
}

export interface DecisionTables {
  custom_formats: CustomFormatsTable;
  release_profiles: ReleaseProfilesTable;
  delay_profiles: DelayProfilesTable;
  blocklist: BlocklistTable;
  pending_releases: PendingReleasesTable;
}

export interface DB extends DecisionTables {}

// ---- Notifications (issue 8): the delivery outbox.

export interface NotificationOutboxTable {
  id: Generated<number>;
  definition_id: number;
  event_type: string;
  /** The NotificationMessage as JSON; stable across retries. */
  message: string;
  /** pending | sending | sent | failed */
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  /** JSON: what the notifier reported (HTTP status, script exit code and output), null when nothing. */
  result: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface NotificationTables {
  notification_outbox: NotificationOutboxTable;
}

export interface DB extends NotificationTables {}

// ---- Downloads (issue 6) and history (issue 7): remote path mappings, tracked downloads (the queue), history.

export interface RemotePathMappingsTable {
  id: Generated<number>;
  host: string;
  remote_path: string;
  local_path: string;
}

export interface TrackedDownloadsTable {
  id: Generated<number>;
  download_client_id: number;
  download_id: string;
  protocol: string;
  title: string;
  indexer: string | null;
  indexer_id: number | null;
  guid: string | null;
  info_hash: string | null;
  /** bigint columns: PostgreSQL hands them back as strings. */
  size: number | string;
  remaining_size: number | string | null;
  progress: number;
  eta_seconds: number | null;
  client_status: string | null;
  quality: string;
  languages: string;
  release: string;
  media_type: string;
  movie_id: number | null;
  series_id: number | null;
  episode_ids: string;
  status: string;
  status_messages: string;
  output_path: string | null;
  added: string;
  last_seen: string | null;
  last_progress_at: string | null;
  last_progress: number | string | null;
  seed_ratio: number | null;
  seed_time_minutes: number | null;
  import_attempts: number;
}

export interface HistoryTable {
  id: Generated<number>;
  event_type: string;
  date: string;
  source_title: string;
  quality: string;
  languages: string;
  custom_format_score: number;
  movie_id: number | null;
  series_id: number | null;
  episode_id: number | null;
  download_id: string | null;
  data: string;
}

export interface DownloadTables {
  remote_path_mappings: RemotePathMappingsTable;
  tracked_downloads: TrackedDownloadsTable;
  history: HistoryTable;
}

export interface DB extends DownloadTables {}

// ---- Naming (issue 7 item 3): one row per media type, settings as JSON text.

export interface NamingConfigTable {
  /** `series` | `movie` */
  media_type: string;
  settings: string;
  updated_at: string;
}

export interface NamingTables {
  naming_config: NamingConfigTable;
}

export interface DB extends NamingTables {}

// ---- Media files and the import journal (issue 7).

export interface MovieFilesTable {
  id: Generated<number>;
  movie_id: number;
  path: string;
  relative_path: string;
  /** bigint: PostgreSQL hands it back as a string. */
  size: number | string;
  quality: string;
  languages: string;
  release_group: string | null;
  scene_name: string | null;
  original_path: string | null;
  edition: string | null;
  media_info: string | null;
  indexer_flags: number;
  date_added: string;
}

export interface EpisodeFilesTable {
  id: Generated<number>;
  series_id: number;
  season_number: number;
  path: string;
  relative_path: string;
  size: number | string;
  quality: string;
  languages: string;
  release_group: string | null;
  scene_name: string | null;
  original_path: string | null;
  media_info: string | null;
  indexer_flags: number;
  date_added: string;
}

export interface ExtraFilesTable {
  id: Generated<number>;
  media_type: string;
  movie_file_id: number | null;
  episode_file_id: number | null;
  path: string;
  relative_path: string;
  /** subtitle | nfo */
  kind: string;
  language: string | null;
  date_added: string;
}

export interface ImportJournalTable {
  id: Generated<number>;
  op_id: string;
  /** import | rename */
  kind: string;
  /** pending | committed | done | rolledBack */
  state: string;
  step: string;
  mode: string;
  source: string;
  destination: string;
  /** JSON JournalPlan: transfers (with staged inodes), displaced files, clean-up rules. */
  plan: string;
  created: string;
  updated: string;
}

export interface MediaFileTables {
  movie_files: MovieFilesTable;
  episode_files: EpisodeFilesTable;
  extra_files: ExtraFilesTable;
  import_journal: ImportJournalTable;
}

export interface DB extends MediaFileTables {}

// ---- Search (issue 5): scene-group statistics and settings, the interactive-search release cache.

export interface SceneGroupStatsTable {
  id: Generated<number>;
  group_key: string;
  name: string;
  total_releases: number;
  internal_releases: number;
  seeder_samples: number;
  /** bigint columns: PostgreSQL hands them back as strings. */
  seeders_total: number | string;
  peers_total: number | string;
  grabbed_downloads: number;
  completed_downloads: number;
  failed_downloads: number;
  qualities: string;
  categories: string;
  indexers: string;
  size_samples: number;
  size_within_limits: number;
  first_seen: string;
  last_seen: string;
  score: number;
  tier: string;
  confidence: string;
  updated: string;
}

export interface SceneGroupReleasesTable {
  id: Generated<number>;
  group_key: string;
  indexer_id: number;
  guid: string;
  seen: string;
}

export interface SceneGroupProfileSettingsTable {
  quality_profile_id: number;
  minimum_score: number;
  prefer_reputable: number;
}

export interface ReleaseCacheTable {
  id: Generated<number>;
  indexer_id: number;
  guid: string;
  release: string;
  search: string;
  expires: string;
}

export interface SearchTables {
  scene_group_stats: SceneGroupStatsTable;
  scene_group_releases: SceneGroupReleasesTable;
  scene_group_profile_settings: SceneGroupProfileSettingsTable;
  release_cache: ReleaseCacheTable;
}

export interface DB extends SearchTables {}
