// RSS sync and automatic searches. RSS sync: every RSS-enabled indexer at once → one evaluation → the best accepted
// release per wanted item is grabbed, delay-held ones wait as pending, then pending releases whose delay is over are
// decided again. Automatic search: one query per movie / episode / season (ids where the indexer's caps allow,
// else title) on every automatic-search indexer, evaluated against exactly the searched items.
import type { Movie } from '../../domain/library/movie.types.js';
import type { Episode, Series } from '../../domain/library/series.types.js';
import type { Clock } from '../../lib/clock.js';
import { NotFoundError } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import type { DecisionEngine, ReleaseDecision } from '../decisions/decision-engine.service.js';
import type { FanoutResult, IndexerFanout, IndexerOutcome } from './indexer-fanout.js';
import type { GrabbedRelease, ReleaseProcessor } from './release-processor.js';
import { episodeSearches, movieSearch, type SearchRequest, seasonSearch } from './search-queries.js';

export interface SearchLibrary {
  movies: { getMany(ids: readonly number[]): Promise<Movie[]> };
  series: { get(id: number): Promise<Series | undefined>; getMany(ids: readonly number[]): Promise<Series[]> };
  episodes: {
    getMany(ids: readonly number[]): Promise<Episode[]>;
    listBySeries(seriesId: number, seasonNumber?: number): Promise<Episode[]>;
  };
}

/** The wanted lists (library WantedService), paged. */
export interface WantedSource {
  missingMovies(req: PageReq): Promise<{ totalRecords: number; records: Movie[] }>;
  missingEpisodes(req: PageReq): Promise<{ totalRecords: number; records: { episode: Episode; series: Series }[] }>;
  cutoffUnmetMovies(req: PageReq): Promise<{ totalRecords: number; records: Movie[] }>;
  cutoffUnmetEpisodes(req: PageReq): Promise<{ totalRecords: number; records: { episode: Episode; series: Series }[] }>;
}

/** 1-based page; the adapter chooses a stable sort. */
export type PageReq = { page: number; pageSize: number };

export interface SearchObserver {
  observe(decisions: readonly ReleaseDecision[]): Promise<unknown>;
}

export interface SearchServiceDeps {
  fanout: IndexerFanout;
  engine: Pick<DecisionEngine, 'evaluate'>;
  processor: ReleaseProcessor;
  library: SearchLibrary;
  wanted: WantedSource;
  /** Scene-group statistics (optional). */
  observer?: SearchObserver;
  clock: Clock;
  log: Logger;
}

export type Progress = (message: string, percent?: number) => Promise<void>;
const noProgress: Progress = async () => {};

export interface RssSyncResult {
  indexers: IndexerOutcome[];
  releases: number;
  accepted: number;
  grabbed: GrabbedRelease[];
  delayed: number;
  pending: { grabbed: GrabbedRelease[]; dropped: number; waiting: number };
}

export interface SearchRunResult {
  searches: number;
  releases: number;
  grabbed: GrabbedRelease[];
  delayed: number;
  indexerErrors: { indexer: string; error: string }[];
}

const WANTED_PAGE = 500;

export class SearchService {
  constructor(private readonly deps: SearchServiceDeps) {}

  async rssSync(progress: Progress = noProgress): Promise<RssSyncResult> {
    const { fanout, engine, processor, log } = this.deps;
    await progress('Fetching RSS feeds', 0);
    const fetched = await fanout.run('rss', (t) => t.indexer.fetchRss());
    await progress(`Deciding on ${fetched.releases.length} releases`, 40);
    const decisions = await engine.evaluate(fetched.releases);
    await this.deps.observer?.observe(decisions);
    const processed = await processor.process(decisions);
    await progress('Processing pending releases', 80);
    const pending = await processor.processPending();
    const result: RssSyncResult = {
      indexers: fetched.indexers,
      releases: fetched.releases.length,
      accepted: decisions.filter((d) => d.accepted).length,
      grabbed: processed.grabbed,
      delayed: processed.delayed,
      pending: { grabbed: pending.grabbed, dropped: pending.dropped, waiting: pending.waiting },
    };
    log.info(
      {
        indexers: fetched.indexers.length,
        failed: fetched.indexers.filter((i) => i.error).length,
        releases: result.releases,
        accepted: result.accepted,
        grabbed: result.grabbed.length,
        delayed: result.delayed,
      },
      'RSS sync finished',
    );
    return result;
  }

  processPending() {
    return this.deps.processor.processPending();
  }

  /** Runs searches one after the other, grabbing at most one release per item over the whole run. */
  async run(requests: readonly SearchRequest[], progress: Progress = noProgress): Promise<SearchRunResult> {
    const claimed = new Set<string>();
    const out: SearchRunResult = { searches: 0, releases: 0, grabbed: [], delayed: 0, indexerErrors: [] };
    for (let i = 0; i < requests.length; i++) {
      const req = requests[i]!;
      await progress(
        `Searching ${req.label} (${i + 1} of ${requests.length})`,
        Math.floor((100 * i) / requests.length),
      );
      const { decisions, fetched } = await this.searchOne(req, 'automatic');
      const processed = await this.deps.processor.process(decisions, { claimed });
      out.searches++;
      out.releases += fetched.releases.length;
      out.grabbed.push(...processed.grabbed);
      out.delayed += processed.delayed;
      for (const ix of fetched.indexers) if (ix.error) out.indexerErrors.push({ indexer: ix.name, error: ix.error });
    }
    await progress(`${out.searches} searches, ${out.releases} releases, ${out.grabbed.length} grabbed`, 100);
    return out;
  }

  /** One query on every indexer allowing `purpose`, decided against the searched items. */
  async searchOne(
    req: SearchRequest,
    purpose: 'automatic' | 'interactive',
  ): Promise<{ decisions: ReleaseDecision[]; fetched: FanoutResult }> {
    const fetched = await this.deps.fanout.run(purpose, (t) => t.indexer.search(req.query));
    const decisions = await this.deps.engine.evaluate(fetched.releases, { searchContext: req.context });
    await this.deps.observer?.observe(decisions);
    return { decisions, fetched };
  }

  // ---- what to search for

  async movieRequests(movieIds: readonly number[], userInvoked: boolean): Promise<SearchRequest[]> {
    const movies = await this.deps.library.movies.getMany(movieIds);
    const byId = new Map(movies.map((m) => [m.id, m]));
    const missing = movieIds.filter((id) => !byId.has(id));
    if (missing.length) throw new NotFoundError(`movie ${missing.join(', ')} does not exist`);
    return movieIds.map((id) => movieSearch(byId.get(id)!, userInvoked));
  }

  async episodeRequests(episodeIds: readonly number[], userInvoked: boolean): Promise<SearchRequest[]> {
    const episodes = await this.deps.library.episodes.getMany(episodeIds);
    const found = new Set(episodes.map((e) => e.id));
    const missing = episodeIds.filter((id) => !found.has(id));
    if (missing.length) throw new NotFoundError(`episode ${missing.join(', ')} does not exist`);
    const series = new Map(
      (await this.deps.library.series.getMany(episodes.map((e) => e.seriesId))).map((s) => [s.id, s]),
    );
    const out: SearchRequest[] = [];
    for (const e of episodes) {
      const s = series.get(e.seriesId);
      // One search per episode asked for, as Sonarr's EpisodeSearch.
      if (s) out.push(...episodeSearches(s, [e], userInvoked));
    }
    return out;
  }

  async seasonRequests(seriesId: number, seasonNumber: number, userInvoked: boolean): Promise<SearchRequest[]> {
    const series = await this.requireSeries(seriesId);
    return [seasonSearch(series, seasonNumber, userInvoked)];
  }

  /** Monitored, aired episodes without a file, by season (season searches where two or more are wanted). */
  async seriesRequests(seriesId: number, userInvoked: boolean): Promise<SearchRequest[]> {
    const series = await this.requireSeries(seriesId);
    const now = this.deps.clock.now();
    const wanted = (await this.deps.library.episodes.listBySeries(seriesId)).filter(
      (e) =>
        e.monitored &&
        e.episodeFileId === null &&
        e.airDateUtc !== null &&
        Date.parse(e.airDateUtc) <= now &&
        (series.monitored || userInvoked),
    );
    return episodeSearches(series, wanted, userInvoked);
  }

  async missingMovieRequests(): Promise<SearchRequest[]> {
    const movies = await this.allPages((req) => this.deps.wanted.missingMovies(req));
    return movies.map((m) => movieSearch(m));
  }

  async cutoffUnmetMovieRequests(): Promise<SearchRequest[]> {
    const movies = await this.allPages((req) => this.deps.wanted.cutoffUnmetMovies(req));
    return movies.map((m) => movieSearch(m));
  }

  async missingEpisodeRequests(): Promise<SearchRequest[]> {
    return this.groupEpisodes(await this.allPages((req) => this.deps.wanted.missingEpisodes(req)));
  }

  async cutoffUnmetEpisodeRequests(): Promise<SearchRequest[]> {
    return this.groupEpisodes(await this.allPages((req) => this.deps.wanted.cutoffUnmetEpisodes(req)));
  }

  private groupEpisodes(rows: readonly { episode: Episode; series: Series }[]): SearchRequest[] {
    const bySeries = new Map<number, { series: Series; episodes: Episode[] }>();
    for (const { episode, series } of rows) {
      const entry = bySeries.get(series.id);
      if (entry) entry.episodes.push(episode);
      else bySeries.set(series.id, { series, episodes: [episode] });
    }
    return [...bySeries.values()].flatMap((g) => episodeSearches(g.series, g.episodes));
  }

  private async allPages<T>(fetch: (req: PageReq) => Promise<{ totalRecords: number; records: T[] }>): Promise<T[]> {
    const out: T[] = [];
    for (let page = 1; ; page++) {
      const r = await fetch({ page, pageSize: WANTED_PAGE });
      out.push(...r.records);
      if (r.records.length < WANTED_PAGE || out.length >= r.totalRecords) return out;
    }
  }

  private async requireSeries(id: number): Promise<Series> {
    const s = await this.deps.library.series.get(id);
    if (!s) throw new NotFoundError(`series ${id} does not exist`);
    return s;
  }
}
