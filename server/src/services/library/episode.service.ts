// Episodes: a series' episodes (one indexed query, however many), single reads and monitoring changes.
import type { EpisodeRepository } from '../../db/repositories/episode.repository.js';
import type { SeriesRepository } from '../../db/repositories/series.repository.js';
import type { Episode } from '../../domain/library/series.types.js';
import type { EventBus } from '../../events/event-bus.js';
import { NotFoundError } from '../../lib/errors.js';

export interface EpisodeView extends Episode {
  hasFile: boolean;
}

export interface EpisodeServiceDeps {
  episodes: EpisodeRepository;
  series: Pick<SeriesRepository, 'get'>;
  events: EventBus;
}

const view = (e: Episode): EpisodeView => ({ ...e, hasFile: e.episodeFileId !== null });

export class EpisodeService {
  constructor(private readonly deps: EpisodeServiceDeps) {}

  async listBySeries(seriesId: number, seasonNumber?: number): Promise<EpisodeView[]> {
    if (!(await this.deps.series.get(seriesId))) throw new NotFoundError(`series ${seriesId} not found`);
    return (await this.deps.episodes.listBySeries(seriesId, seasonNumber)).map(view);
  }

  async getMany(ids: readonly number[]): Promise<EpisodeView[]> {
    return (await this.deps.episodes.getMany(ids)).map(view);
  }

  async get(id: number): Promise<EpisodeView> {
    const episode = await this.deps.episodes.get(id);
    if (!episode) throw new NotFoundError(`episode ${id} not found`);
    return view(episode);
  }

  /** Sets `monitored` on the episodes (all must exist); one event per series touched. */
  async setMonitored(ids: readonly number[], monitored: boolean): Promise<EpisodeView[]> {
    const unique = [...new Set(ids)];
    const found = await this.deps.episodes.getMany(unique);
    const missing = unique.filter((id) => !found.some((e) => e.id === id));
    if (missing.length) throw new NotFoundError(`episodes not found: ${missing.join(', ')}`);
    await this.deps.episodes.setMonitored(unique, monitored);
    const bySeries = new Map<number, number[]>();
    for (const e of found) bySeries.set(e.seriesId, [...(bySeries.get(e.seriesId) ?? []), e.id]);
    for (const [seriesId, episodeIds] of bySeries) this.deps.events.emit('episode.updated', { seriesId, episodeIds });
    return found.map((e) => view({ ...e, monitored }));
  }
}
