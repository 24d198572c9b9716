// POST /series: by tvdbId (TVDB, or TMDB via its TVDB cross-reference when TVDB is down) or tmdbId (TMDB). Fetches
// the series with every season and episode, applies the chosen monitor type, and stores series, seasons, episodes
// and alternative titles in one transaction, under "Root/Title (Year)" or at an existing folder the request names
// (library import; the disk scan on `series.added` links files already there). `series.added` goes out after the
// commit; `searchForMissingEpisodes` queues a MissingEpisodeSearch once that command exists.
import type { QualityProfileRepository } from '../../db/repositories/quality-profile.repository.js';
import type { SeriesRepository } from '../../db/repositories/series.repository.js';
import type { TagRepository } from '../../db/repositories/tag.repository.js';
import { applyMonitorType, type MonitorType } from '../../domain/library/monitor-type.rules.js';
import type { NewItemMonitoring, Series, SeriesType } from '../../domain/library/series.types.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import { ConflictError, NotFoundError, ServiceUnavailableError, ValidationError } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import type { SeriesMetadata } from '../../providers/ports/metadata.port.js';
import { type CommandStarter, itemPlace } from './add-movie.service.js';
import type { LibraryPaths } from './add-path.service.js';
import type { ExistingFolders } from './existing-folder.service.js';
import type { MetadataGateway, SeriesIdSpace } from './metadata-gateway.js';
import { checkProfileAndTags } from './movie.service.js';
import type { LibraryTransaction } from './series.service.js';
import {
  episodesFromMetadata,
  seasonNumbers,
  seriesAlternativeTitles,
  seriesMetadataFields,
} from './series-metadata.service.js';

export interface AddSeriesRequest {
  tvdbId?: number | undefined;
  tmdbId?: number | undefined;
  qualityProfileId: number;
  /** Where new folders go; optional when `path` names the series' existing folder. */
  rootFolderPath?: string | undefined;
  /** An existing folder inside a root folder (library import) instead of a new "Root/Title (Year)". */
  path?: string | undefined;
  seriesType: SeriesType;
  seasonFolder: boolean;
  monitored: boolean;
  monitorNewItems: NewItemMonitoring;
  monitor: MonitorType;
  tags: number[];
  addOptions: { searchForMissingEpisodes: boolean };
}

export interface AddSeriesServiceDeps {
  series: Pick<SeriesRepository, 'findByTvdbId' | 'findByTmdbId'>;
  qualityProfiles: Pick<QualityProfileRepository, 'get'>;
  tags: Pick<TagRepository, 'list'>;
  paths: LibraryPaths;
  folders: Pick<ExistingFolders, 'require'>;
  gateway: MetadataGateway;
  transaction: LibraryTransaction;
  commands: CommandStarter;
  events: EventBus;
  clock: Clock;
  log: Pick<Logger, 'info' | 'warn'>;
}

export const SERIES_SEARCH_COMMAND = 'MissingEpisodeSearch';

export function describeSeries(s: Pick<Series, 'id' | 'title' | 'year' | 'tvdbId' | 'tmdbId'>): string {
  const ids = [s.tvdbId ? `tvdbId ${s.tvdbId}` : '', s.tmdbId ? `tmdbId ${s.tmdbId}` : ''].filter(Boolean).join(', ');
  return `"${s.title}${s.year ? ` (${s.year})` : ''}" (series ${s.id}${ids ? `, ${ids}` : ''})`;
}

type Finder = Pick<SeriesRepository, 'findByTvdbId' | 'findByTmdbId'>;

/** Throws 409 naming the series already filed under either id. */
export async function requireNewSeries(repo: Finder, ids: { tvdbId?: number | null; tmdbId?: number | null }) {
  const existing =
    (ids.tvdbId ? await repo.findByTvdbId(ids.tvdbId) : undefined) ??
    (ids.tmdbId ? await repo.findByTmdbId(ids.tmdbId) : undefined);
  if (existing) throw new ConflictError(`${describeSeries(existing)} is already in the library`);
}

export class AddSeriesService {
  constructor(private readonly deps: AddSeriesServiceDeps) {}

  async add(req: AddSeriesRequest): Promise<Series> {
    const { deps } = this;
    if (!req.tvdbId && !req.tmdbId) {
      const message = 'tvdbId or tmdbId is required';
      throw new ValidationError(message, [{ field: 'tvdbId', message, severity: 'error' }]);
    }
    await checkProfileAndTags(deps, req);
    const place = await itemPlace(deps, req);
    await requireNewSeries(deps.series, req);
    const metadata = await this.fetch(req);
    const now = new Date(deps.clock.now());
    const nowIso = now.toISOString();
    const episodes = episodesFromMetadata(metadata);
    const fields = seriesMetadataFields(metadata, episodes, nowIso);
    const monitoring = applyMonitorType(
      req.monitor,
      seasonNumbers(metadata).map((seasonNumber) => ({ seasonNumber })),
      episodes.map((e) => ({ ...e, hasFile: false })),
      now,
    );
    const series = await deps.transaction(async (repos) => {
      await requireNewSeries(repos.series, fields);
      const saved = await repos.series.insert({
        ...fields,
        // Ids the request knew and the provider did not echo are kept.
        tvdbId: fields.tvdbId ?? req.tvdbId ?? null,
        tmdbId: fields.tmdbId ?? req.tmdbId ?? null,
        seriesType: req.seriesType,
        ratings: {},
        monitored: req.monitored,
        monitorNewItems: req.monitorNewItems,
        qualityProfileId: req.qualityProfileId,
        rootFolderPath: place.rootFolderPath,
        path: place.path ?? deps.paths.itemPath(place.rootFolderPath, fields.title, fields.year),
        seasonFolder: req.seasonFolder,
        tags: [...new Set(req.tags)],
        added: nowIso,
        lastInfoSync: nowIso,
      });
      await repos.series.upsertSeasons(saved.id, monitoring.seasons);
      await repos.episodes.upsertMany(
        saved.id,
        monitoring.episodes.map(({ hasFile: _hasFile, ...e }) => e),
      );
      await repos.series.replaceAlternativeTitles(saved.id, seriesAlternativeTitles(metadata));
      return saved;
    });
    deps.log.info({ seriesId: series.id, tvdbId: series.tvdbId, episodes: episodes.length }, 'series added');
    deps.events.emit('series.added', { series });
    if (req.addOptions.searchForMissingEpisodes) await this.search(series);
    return series;
  }

  /**
   * The series with all its episodes. Tries, in order: TVDB by tvdbId, TMDB by tmdbId, TMDB by the tmdbId it knows
   * for the tvdbId. Providers not configured are skipped; an outage moves on; "not found" is final.
   */
  private async fetch(req: AddSeriesRequest): Promise<SeriesMetadata> {
    const { gateway } = this.deps;
    const attempts: { space: SeriesIdSpace; id: () => Promise<number | undefined> }[] = [];
    if (req.tvdbId) attempts.push({ space: 'tvdbId', id: async () => req.tvdbId });
    if (req.tmdbId) attempts.push({ space: 'tmdbId', id: async () => req.tmdbId });
    else if (req.tvdbId) {
      const tvdbId = req.tvdbId;
      attempts.push({
        space: 'tmdbId',
        id: async () =>
          (await gateway.call('findSeriesByTvdbId', (p) => p.findSeriesByTvdbId(tvdbId), { idSpace: 'tmdbId' }))
            ?.tmdbId,
      });
    }
    const outages: string[] = [];
    let tried = false;
    for (const attempt of attempts) {
      if (!(await gateway.can('getSeries', { idSpace: attempt.space }))) continue;
      tried = true;
      try {
        const id = await attempt.id();
        if (id === undefined) continue;
        return await gateway.call('getSeries', (p) => p.getSeries(id), { idSpace: attempt.space });
      } catch (err) {
        if (err instanceof NotFoundError) throw new NotFoundError(`no series with ${this.idText(req)} is known`);
        if (!(err instanceof ServiceUnavailableError)) throw err;
        outages.push(err.message);
      }
    }
    if (outages.length) throw new ServiceUnavailableError(outages.join('; '));
    // No provider could: the gateway explains (none configured, or which ones are backing off).
    if (!tried) throw await gateway.noneAvailable('getSeries');
    throw new NotFoundError(`no series with ${this.idText(req)} is known`);
  }

  private idText(req: AddSeriesRequest): string {
    return req.tvdbId ? `tvdbId ${req.tvdbId}` : `tmdbId ${req.tmdbId}`;
  }

  private async search(series: Series): Promise<void> {
    if (!this.deps.commands.has(SERIES_SEARCH_COMMAND)) {
      this.deps.log.warn({ seriesId: series.id }, 'searchForMissingEpisodes asked, but no episode search exists yet');
      return;
    }
    await this.deps.commands.enqueue(SERIES_SEARCH_COMMAND, { seriesId: series.id });
  }
}
