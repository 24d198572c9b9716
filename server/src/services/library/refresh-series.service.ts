// Refreshes one series: provider fields, seasons and episodes. Episodes are upserted by (season, number), so ids,
// `monitored` and file links survive; new seasons are monitored by the series' monitorNewItems, new episodes follow
// their season; episodes the provider no longer lists go only when they have no file. An answer without any
// episodes for a series that has some is treated as a provider glitch: nothing is removed.
import type { EpisodeRepository } from '../../db/repositories/episode.repository.js';
import type { SeriesRepository } from '../../db/repositories/series.repository.js';
import type { Series } from '../../domain/library/series.types.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import { NotFoundError, ServiceUnavailableError } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import type { SeriesMetadata } from '../../providers/ports/metadata.port.js';
import type { MetadataGateway, SeriesIdSpace } from './metadata-gateway.js';
import type { LibraryTransaction } from './series.service.js';
import {
  episodesFromMetadata,
  seasonNumbers,
  seriesAlternativeTitles,
  seriesMetadataFields,
} from './series-metadata.service.js';

export interface RefreshSeriesServiceDeps {
  series: Pick<SeriesRepository, 'seasonsFor'>;
  episodes: Pick<EpisodeRepository, 'listBySeries'>;
  gateway: MetadataGateway;
  transaction: LibraryTransaction;
  events: EventBus;
  clock: Clock;
  log: Pick<Logger, 'warn'>;
}

export interface SeriesRefreshResult {
  series: Series;
  added: number[];
  updated: number[];
  removed: number;
}

export class RefreshSeriesService {
  constructor(private readonly deps: RefreshSeriesServiceDeps) {}

  async refresh(series: Series): Promise<SeriesRefreshResult | undefined> {
    const { deps } = this;
    const metadata = await this.fetch(series);
    const nowIso = new Date(deps.clock.now()).toISOString();
    const episodes = episodesFromMetadata(metadata);
    const fields = seriesMetadataFields(metadata, episodes, nowIso);
    const existingEpisodes = await deps.episodes.listBySeries(series.id);
    const existingSeasons = new Map(
      ((await deps.series.seasonsFor([series.id])).get(series.id) ?? []).map((s) => [s.seasonNumber, s.monitored]),
    );
    const numbers = seasonNumbers(metadata);
    const newSeasons = numbers
      .filter((n) => !existingSeasons.has(n))
      .map((n) => ({ seasonNumber: n, monitored: n > 0 && series.monitorNewItems === 'all' }));
    const seasonMonitored = new Map([
      ...existingSeasons,
      ...newSeasons.map((s) => [s.seasonNumber, s.monitored] as const),
    ]);
    const glitch = episodes.length === 0 && existingEpisodes.length > 0;
    if (glitch) deps.log.warn({ seriesId: series.id }, 'the provider listed no episodes; keeping the stored ones');

    const result = await deps.transaction(async (repos) => {
      const { id, ...current } = series;
      const saved = await repos.series.update(id, {
        ...current,
        ...fields,
        tvdbId: fields.tvdbId ?? series.tvdbId,
        tmdbId: fields.tmdbId ?? series.tmdbId,
        imdbId: fields.imdbId ?? series.imdbId,
        lastInfoSync: nowIso,
      });
      if (!saved) return undefined;
      await repos.series.upsertSeasons(id, newSeasons);
      const upserted = await repos.episodes.upsertMany(
        id,
        // `monitored` only applies to rows that are new; existing ones keep theirs.
        episodes.map((e) => ({ ...e, monitored: seasonMonitored.get(e.seasonNumber) ?? false })),
      );
      let removed = 0;
      if (!glitch) {
        const withFiles = existingEpisodes.filter((e) => e.episodeFileId !== null);
        removed = await repos.episodes.deleteExcept(id, [
          ...upserted.insertedIds,
          ...upserted.updatedIds,
          ...withFiles.map((e) => e.id),
        ]);
        await repos.series.deleteSeasonsExcept(id, [...new Set([...numbers, ...withFiles.map((e) => e.seasonNumber)])]);
      }
      await repos.series.replaceAlternativeTitles(id, seriesAlternativeTitles(metadata));
      return { series: saved, added: upserted.insertedIds, updated: upserted.updatedIds, removed };
    });
    if (!result) return undefined;
    deps.events.emit('series.updated', { series: result.series });
    const changed = [...result.added, ...result.updated];
    if (changed.length) deps.events.emit('episode.updated', { seriesId: series.id, episodeIds: changed });
    return result;
  }

  /** By the series' TVDB id first, its TMDB id when TVDB cannot answer. */
  private async fetch(series: Series): Promise<SeriesMetadata> {
    const { gateway } = this.deps;
    const routes: [SeriesIdSpace, number][] = [];
    if (series.tvdbId) routes.push(['tvdbId', series.tvdbId]);
    if (series.tmdbId) routes.push(['tmdbId', series.tmdbId]);
    const outages: string[] = [];
    for (const [space, id] of routes) {
      if (!(await gateway.can('getSeries', { idSpace: space }))) continue;
      try {
        return await gateway.call('getSeries', (p) => p.getSeries(id), { idSpace: space });
      } catch (err) {
        if (!(err instanceof ServiceUnavailableError)) throw err;
        outages.push(err.message);
      }
    }
    if (outages.length) throw new ServiceUnavailableError(outages.join('; '));
    if (routes.length === 0) throw new NotFoundError(`series ${series.id} has neither a tvdbId nor a tmdbId`);
    throw await gateway.noneAvailable('getSeries');
  }
}
