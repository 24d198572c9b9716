// Every query key the UI uses, in one place, so WebSocket events can invalidate them by prefix.
export const keys = {
  movies: ['movies'] as const,
  series: ['series'] as const,
  episodes: ['episodes'] as const,
  commands: ['commands'] as const,
  tasks: ['tasks'] as const,
  health: ['health'] as const,
  queue: ['queue'] as const,
  status: ['status'] as const,
  hostConfig: ['hostConfig'] as const,
  logs: ['logs'] as const,
  backups: ['backups'] as const,
  apiKey: ['apikey'] as const,
  tags: ['tags'] as const,
  qualityProfiles: ['qualityProfiles'] as const,
  rootFolders: ['rootFolders'] as const,
  movie: (id: number) => ['movies', 'one', id] as const,
  oneSeries: (id: number) => ['series', 'one', id] as const,
  seriesEpisodes: (id: number) => ['episodes', 'series', id] as const,
  calendar: ['calendar'] as const,
  history: ['history'] as const,
  blocklist: ['blocklist'] as const,
  wanted: ['wanted'] as const,
  naming: ['naming'] as const,
  providers: (kind: string) => ['providers', kind] as const,
  schema: (kind: string) => ['schema', kind] as const,
};

export type QueryKeyPrefix = readonly unknown[];

/** Which query keys an event from `/api/v1/ws` makes stale. Unknown events invalidate nothing. */
export function keysForEvent(type: string, data?: unknown): QueryKeyPrefix[] {
  if (type === 'command.progress') return [keys.commands, keys.tasks];
  if (type.startsWith('health.')) return [keys.health];
  if (type.startsWith('queue.')) return [keys.queue];
  if (type.startsWith('history.')) return [keys.history];
  if (type.startsWith('movie.')) return [keys.movies];
  if (type.startsWith('series.')) return [keys.series];
  if (type.startsWith('episode.')) return [keys.episodes, keys.series];
  if (type === 'provider.changed') {
    const kind = (data as { kind?: unknown } | undefined)?.kind;
    return typeof kind === 'string' ? [keys.providers(kind), keys.health] : [['providers'], keys.health];
  }
  return [];
}
