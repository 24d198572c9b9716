// Series in the library: list (paged or all) with per-season statistics, read, edit (including season monitoring,
// which carries over to the season's episodes as in Sonarr), and delete. A list is the series query, one batched
// seasons query and one grouped statistics query, whatever its size; events go out after the write committed.
import type { EpisodeRepository } from '../../db/repositories/episode.repository.js';
import type { MovieRepository } from '../../db/repositories/movie.repository.js';
import type { QualityProfileRepository } from '../../db/repositories/quality-profile.repository.js';
import type { SeriesFilter, SeriesRepository, SeriesSortKey } from '../../db/repositories/series.repository.js';
import type { TagRepository } from '../../db/repositories/tag.repository.js';
import type { Page, PageRequest } from '../../domain/library/paging.types.js';
import type {
  NewItemMonitoring,
  Season,
  Series,
  SeriesAlternativeTitle,
  SeriesType,
} from '../../domain/library/series.types.js';
import {
  type SeasonStatistics,
  type SeriesStatistics,
  summarizeSeries,
} from '../../domain/library/series-statistics.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Clock } from '../../lib/clock.js';
import { NotFoundError, ValidationError } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import type { LibraryPaths } from './add-path.service.js';
import { jsonSlices } from './json-slices.js';
import { checkProfileAndTags, movedPlace } from './movie.service.js';

/** Repositories bound to one transaction (add and refresh write series, seasons and episodes together). */
export interface LibraryRepos {
  movies: MovieRepository;
  series: SeriesRepository;
  episodes: EpisodeRepository;
}
export type LibraryTransaction = <T>(fn: (repos: LibraryRepos) => Promise<T>) => Promise<T>;

export interface StatisticsView {
  episodeCount: number;
  episodeFileCount: number;
  totalEpisodeCount: number;
  percentOfEpisodes: number;
  /** Bytes of the episode files; the file table arrives with imports. */
  sizeOnDisk: number;
  nextAiring: string | null;
  previousAiring: string | null;
}

export interface SeasonView {
  seasonNumber: number;
  monitored: boolean;
  statistics: StatisticsView;
}

export interface SeriesView extends Series {
  seasons: SeasonView[];
  statistics: StatisticsView & { seasonCount: number };
  /** Only on single reads (GET /series/:id, add, edit); lists leave it out to stay one batched query each. */
  alternateTitles?: SeriesAlternativeTitle[];
}

export interface SeriesEdit {
  monitored?: boolean;
  monitorNewItems?: NewItemMonitoring;
  qualityProfileId?: number;
  seriesType?: SeriesType;
  seasonFolder?: boolean;
  tags?: number[];
  path?: string;
  /** Season monitored flags; a changed flag sets every episode of that season the same way. */
  seasons?: { seasonNumber: number; monitored: boolean }[];
}

export interface SeriesServiceDeps {
  series: SeriesRepository;
  episodes: EpisodeRepository;
  qualityProfiles: Pick<QualityProfileRepository, 'get'>;
  tags: Pick<TagRepository, 'list'>;
  paths: LibraryPaths;
  transaction: LibraryTransaction;
  events: EventBus;
  clock: Clock;
  log: Pick<Logger, 'info' | 'warn'>;
}

const emptyStatistics = (): StatisticsView => ({
  episodeCount: 0,
  episodeFileCount: 0,
  totalEpisodeCount: 0,
  percentOfEpisodes: 0,
  sizeOnDisk: 0,
  nextAiring: null,
  previousAiring: null,
});

function seasonStatisticsView(s: SeasonStatistics | undefined): StatisticsView {
  if (!s) return emptyStatistics();
  return {
    episodeCount: s.episodeCount,
    episodeFileCount: s.episodeFileCount,
    totalEpisodeCount: s.totalEpisodeCount,
    percentOfEpisodes: s.episodeCount === 0 ? 0 : (s.episodeFileCount / s.episodeCount) * 100,
    sizeOnDisk: 0,
    nextAiring: s.nextAiring,
    previousAiring: s.previousAiring,
  };
}

/** In the schema's member order whether or not the series has statistics (the SQL-built list writes the same). */
function seriesStatisticsView(s: SeriesStatistics | undefined): SeriesView['statistics'] {
  if (!s) return { ...emptyStatistics(), seasonCount: 0 };
  return {
    episodeCount: s.episodeCount,
    episodeFileCount: s.episodeFileCount,
    totalEpisodeCount: s.totalEpisodeCount,
    percentOfEpisodes: s.percentOfEpisodes,
    sizeOnDisk: 0,
    nextAiring: s.nextAiring,
    previousAiring: s.previousAiring,
    seasonCount: s.seasonCount,
  };
}

export class SeriesService {
  constructor(private readonly deps: SeriesServiceDeps) {}

  async list(filter: SeriesFilter = {}): Promise<SeriesView[]> {
    const all = await this.deps.series.list(filter);
    // Unfiltered: statistics of every series in one grouped query rather than id lists.
    const unfiltered = Object.keys(filter).length === 0;
    return this.views(all, unfiltered ? 'all' : undefined);
  }

  /**
   * The same list as `list` as JSON text, `size` series at a time, each series built by the database (what the
   * unpaginated GET /series streams): no series objects in Node, one slice's strings in memory at a time.
   */
  async *listJson(filter: SeriesFilter = {}, size = 500): AsyncGenerator<string[]> {
    await this.deps.series.refreshStaleStatistics(new Date(this.deps.clock.now()).toISOString());
    yield* jsonSlices((after) => this.deps.series.listJsonAfter(filter, size, after), size);
  }

  async page(req: PageRequest<SeriesSortKey>, filter: SeriesFilter = {}): Promise<Page<SeriesView, SeriesSortKey>> {
    const page = await this.deps.series.page(req, filter);
    return { ...page, records: await this.views(page.records) };
  }

  /** Sonarr's `?tvdbId=`: the matching series as a list (empty when not in the library). */
  async byTvdbId(tvdbId: number): Promise<SeriesView[]> {
    const series = await this.deps.series.findByTvdbId(tvdbId);
    return series ? this.views([series]) : [];
  }

  async get(id: number): Promise<SeriesView> {
    const series = await this.require(id);
    const [view] = await this.views([series]);
    const titles = await this.deps.series.alternativeTitlesFor([id]);
    return { ...view!, alternateTitles: titles.get(id) ?? [] };
  }

  async require(id: number): Promise<Series> {
    const series = await this.deps.series.get(id);
    if (!series) throw new NotFoundError(`series ${id} not found`);
    return series;
  }

  async views(list: readonly Series[], scope?: 'all'): Promise<SeriesView[]> {
    if (list.length === 0) return [];
    const ids = list.map((s) => s.id);
    const now = new Date(this.deps.clock.now()).toISOString();
    const [seasons, stats] = [
      await this.deps.series.seasonsFor(scope === 'all' ? 'all' : ids),
      await this.deps.series.seasonStatistics(now, scope === 'all' ? undefined : ids),
    ];
    const bySeason = new Map(stats.map((s) => [`${s.seriesId}:${s.seasonNumber}`, s]));
    const bySeries = summarizeSeries(stats);
    return list.map((s) => {
      const statistics = seriesStatisticsView(bySeries.get(s.id));
      return {
        ...s,
        nextAiring: statistics.nextAiring,
        previousAiring: statistics.previousAiring,
        seasons: (seasons.get(s.id) ?? []).map((season) => ({
          seasonNumber: season.seasonNumber,
          monitored: season.monitored,
          statistics: seasonStatisticsView(bySeason.get(`${s.id}:${season.seasonNumber}`)),
        })),
        statistics,
      };
    });
  }

  async update(id: number, edit: SeriesEdit): Promise<SeriesView> {
    const series = await this.require(id);
    await checkProfileAndTags(this.deps, edit);
    const place = await movedPlace(this.deps.paths, edit.path, series.path);
    const next: Series = {
      ...series,
      ...(edit.monitored === undefined ? {} : { monitored: edit.monitored }),
      ...(edit.monitorNewItems === undefined ? {} : { monitorNewItems: edit.monitorNewItems }),
      ...(edit.qualityProfileId === undefined ? {} : { qualityProfileId: edit.qualityProfileId }),
      ...(edit.seriesType === undefined ? {} : { seriesType: edit.seriesType }),
      ...(edit.seasonFolder === undefined ? {} : { seasonFolder: edit.seasonFolder }),
      ...(edit.tags === undefined ? {} : { tags: [...new Set(edit.tags)] }),
      ...place,
    };
    const current = new Map(((await this.deps.series.seasonsFor([id])).get(id) ?? []).map((s) => [s.seasonNumber, s]));
    const changed: Omit<Season, 'seriesId'>[] = [];
    for (const s of edit.seasons ?? []) {
      const known = current.get(s.seasonNumber);
      if (!known) {
        const message = `series ${id} has no season ${s.seasonNumber}`;
        throw new ValidationError(message, [{ field: 'seasons', message, severity: 'error' }]);
      }
      if (known.monitored !== s.monitored) changed.push({ seasonNumber: s.seasonNumber, monitored: s.monitored });
    }
    const episodeIds = await this.deps.transaction(async (repos) => {
      const { id: _id, ...row } = next;
      if (!(await repos.series.update(id, row))) throw new NotFoundError(`series ${id} not found`);
      await repos.series.upsertSeasons(id, changed);
      const touched: number[] = [];
      for (const s of changed) {
        touched.push(...(await repos.episodes.listBySeries(id, s.seasonNumber)).map((e) => e.id));
        await repos.episodes.setSeasonMonitored(id, s.seasonNumber, s.monitored);
      }
      return touched;
    });
    const view = await this.get(id);
    this.deps.events.emit('series.updated', { series: stripView(view) });
    if (episodeIds.length) this.deps.events.emit('episode.updated', { seriesId: id, episodeIds });
    return view;
  }

  /** One season's monitored flag and its episodes' (PUT /season/monitor). */
  async setSeasonMonitored(seriesId: number, seasonNumber: number, monitored: boolean): Promise<SeriesView> {
    return this.update(seriesId, { seasons: [{ seasonNumber, monitored }] });
  }

  async delete(id: number, opts: { deleteFiles: boolean }): Promise<void> {
    const series = await this.require(id);
    if (opts.deleteFiles) await this.deps.paths.deleteItemFolder(series.path);
    await this.deps.series.delete(id);
    this.deps.log.info({ seriesId: id, deleteFiles: opts.deleteFiles }, 'series deleted');
    this.deps.events.emit('series.deleted', {
      id,
      title: series.title,
      path: series.path,
      tvdbId: series.tvdbId,
      tmdbId: series.tmdbId,
      deletedFiles: opts.deleteFiles,
      series,
    });
  }
}

/** The stored series without the view's computed parts (for events). */
export function stripView(view: SeriesView): Series {
  const { seasons: _s, statistics: _st, alternateTitles: _a, ...series } = view;
  return series;
}
