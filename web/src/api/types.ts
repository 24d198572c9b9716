// The parts of the API resources the UI reads (see GET /api/v1/openapi.json for the full shapes).

export interface MediaImage {
  coverType: string;
  remoteUrl: string;
}

interface LibraryItem {
  id: number;
  title: string;
  sortTitle: string;
  year: number;
  status: string;
  overview: string | null;
  images: MediaImage[];
  monitored: boolean;
  qualityProfileId: number;
  path: string;
  tags: number[];
  added: string;
  genres: string[];
  runtime: number;
}

export interface Movie extends LibraryItem {
  tmdbId: number;
  imdbId: string | null;
  hasFile: boolean;
  isAvailable: boolean;
  sizeOnDisk: number;
  studio: string | null;
  inCinemas: string | null;
  digitalRelease: string | null;
  physicalRelease: string | null;
}

export interface SeriesStatistics {
  episodeCount: number;
  episodeFileCount: number;
  sizeOnDisk: number;
  seasonCount: number;
  percentOfEpisodes?: number;
  totalEpisodeCount?: number;
}

export interface Series extends LibraryItem {
  tvdbId: number | null;
  network: string | null;
  seriesType: string;
  nextAiring: string | null;
  previousAiring: string | null;
  statistics: SeriesStatistics;
}

export interface Page<T> {
  page: number;
  pageSize: number;
  sortKey: string;
  sortDirection: 'ascending' | 'descending';
  totalRecords: number;
  records: T[];
}

export interface Tag {
  id: number;
  label: string;
}

export interface QualityProfile {
  id: number;
  name: string;
}

export interface SystemStatus {
  appName: string;
  version: string;
  startTime: string;
  uptimeSeconds: number;
  databaseType: string;
  dataDir: string;
  osName: string;
  osVersion: string;
  arch: string;
  runtimeName: string;
  runtimeVersion: string;
  pid: number;
}

/** GET /api/v1/config/host: the IDKARR_* settings the server started with (read-only). */
export interface HostConfig {
  port: number;
  bindAddress: string;
  logLevel: string;
  backupRetention: number;
  trustedProxies: string[];
  source: 'environment';
}

export interface HealthIssue {
  source: string;
  type: 'error' | 'warning' | string;
  message: string;
  wikiUrl?: string;
  definitionId?: number;
  kind?: string;
}

export interface ScheduledTask {
  name: string;
  commandName: string;
  intervalMinutes: number;
  lastRunAt: string | null;
  lastDurationMs: number | null;
  nextRunAt: string;
}

export interface Command {
  id: number;
  name: string;
  status: string;
  message?: string | null;
  progress?: number | null;
}

export interface LogRecord {
  time: string;
  level: string;
  module?: string;
  message: string;
  fields: Record<string, unknown>;
}

export interface LogPage {
  page: number;
  pageSize: number;
  totalRecords: number;
  records: LogRecord[];
}

export interface Backup {
  name: string;
  size: number;
  time: string;
  type: string;
}

export interface JsonSchemaField {
  type?: string | string[];
  enum?: Array<string | number>;
  items?: JsonSchemaField;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  anyOf?: JsonSchemaField[];
  label?: string;
  help?: string;
  description?: string;
  secret?: boolean;
  advanced?: boolean;
  order?: number;
  placeholder?: string;
}

export interface Implementation {
  implementation: string;
  name: string;
  description: string;
  protocol: string | null;
  capabilities: string[];
  fields: { type?: string; properties?: Record<string, JsonSchemaField>; required?: string[] };
  defaults: Record<string, unknown>;
}

export interface ProviderStatusView {
  health: 'healthy' | 'degraded' | 'unhealthy';
  latencyMs: number | null;
  lastChecked: string | null;
  message: string | null;
  failureCount: number;
  disabledUntil: string | null;
}

export interface ProviderDefinition {
  id: number;
  implementation: string;
  name: string;
  enabled: boolean;
  tags: number[];
  settings: Record<string, unknown>;
  status: ProviderStatusView | null;
}

export interface TestOutcome {
  ok: boolean;
  findings: Array<{ field: string; message: string; severity: 'error' | 'warning' }>;
}

export interface RootFolder {
  id: number;
  path: string;
  accessible: boolean;
  freeSpace: number | null;
  totalSpace: number | null;
  unmappedFolders: Array<{ name: string; path: string }>;
}

export interface Rejection {
  reason: string;
  type: 'permanent' | 'temporary';
}

export interface Release {
  guid: string;
  title: string;
  indexerId: number | null;
  indexer: string;
  protocol: 'usenet' | 'torrent';
  size: number;
  publishDate: string;
  age: number;
  ageHours: number;
  ageMinutes: number;
  seeders: number | null;
  leechers: number | null;
  quality: { id: string; name: string } | null;
  languages: string[];
  releaseGroup: string | null;
  customFormats: Array<{ id: number; name: string }>;
  customFormatScore: number;
  rejections: Rejection[];
  rejected: boolean;
  temporarilyRejected: boolean;
}

export interface QualityModel {
  quality: string;
  revision: { version: number; real: number };
}

export interface MediaFile {
  id: number;
  relativePath?: string;
  path?: string;
  size: number;
  quality: QualityModel;
  languages: string[];
  releaseGroup: string | null;
  dateAdded: string;
}

export interface HistoryRecord {
  id: number;
  eventType: string;
  date: string;
  sourceTitle: string;
  quality: QualityModel;
  languages: string[];
  customFormatScore: number;
  movieId: number | null;
  seriesId: number | null;
  episodeId: number | null;
  downloadId: string | null;
  data: Record<string, unknown>;
}

export interface Episode {
  id: number;
  seriesId: number;
  seasonNumber: number;
  episodeNumber: number;
  absoluteEpisodeNumber: number | null;
  title: string | null;
  overview: string | null;
  airDate: string | null;
  airDateUtc: string | null;
  runtime: number;
  monitored: boolean;
  episodeFileId: number | null;
  hasFile: boolean;
}

export interface SeasonView {
  seasonNumber: number;
  monitored: boolean;
  statistics: SeriesStatistics;
}
