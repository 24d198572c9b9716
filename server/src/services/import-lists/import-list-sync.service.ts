// Import list sync (spec: "Import List Sync Process"): fetch a list, resolve each item to the ids the library
// keys on (through the metadata providers when the list gave only an IMDb id or a title), skip exclusions and
// items already in the library, and add the rest through the same add services as POST /movie and POST /series,
// with the list's profile, root folder, monitor type, tags and search-on-add. The result is stored per list.
//
// Items that left the list since its last successful, non-empty fetch get the list's `onLeave` policy (keep,
// unmonitor, remove without deleting files), unless another list still has them. A failed fetch changes nothing,
// and neither does an empty one: a list that is suddenly empty is far more likely broken than emptied.

import { z } from 'zod';
import type { ImportListRepository, MediaIds, SeenItem } from '../../db/repositories/import-list.repository.js';
import type { MovieRepository } from '../../db/repositories/movie.repository.js';
import type { SeriesRepository } from '../../db/repositories/series.repository.js';
import type { Movie } from '../../domain/library/movie.types.js';
import type { Series } from '../../domain/library/series.types.js';
import type { Clock } from '../../lib/clock.js';
import { ConflictError, errorMessage, NotFoundError } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import {
  type ImportListPort,
  type ImportListSyncSettings,
  importListSyncSettings,
  type ListItem,
} from '../../providers/ports/import-list.port.js';
import type { ProviderDefinition } from '../../providers/provider.types.js';
import type { AddMovieRequest } from '../library/add-movie.service.js';
import type { AddSeriesRequest } from '../library/add-series.service.js';
import type { MetadataGateway } from '../library/metadata-gateway.js';

export interface ImportListError {
  item: string;
  error: string;
}

/** The spec's ImportListSyncResult, plus what the exclusions and the leave policy did. */
export interface ImportListSyncResult {
  listId: number;
  listName: string;
  syncedAt: string;
  /** False when the list could not be read (then nothing else happened). */
  fetched: boolean;
  found: number;
  added: number;
  alreadyExist: number;
  notFound: number;
  excluded: number;
  /** Items that left the list since the last sync, and what was done to them. */
  left: number;
  leavePolicy: ImportListSyncSettings['onLeave'];
  leaveApplied: number;
  errors: ImportListError[];
  durationMs: number;
}

export interface ImportListSyncDeps {
  lists: {
    /** Enabled import list definitions that are not backing off. */
    available(): Promise<ProviderDefinition[]>;
    get(id: number): Promise<ProviderDefinition | undefined>;
    instance(definition: ProviderDefinition): ImportListPort;
    recordFailure(definitionId: number, err: unknown): Promise<void>;
    recordSuccess?(definitionId: number): Promise<void>;
  };
  store: ImportListRepository;
  movies: Pick<MovieRepository, 'findByTmdbId' | 'findByImdbId'>;
  series: Pick<SeriesRepository, 'findByTvdbId' | 'findByTmdbId' | 'findByImdbId'>;
  addMovie: { add(req: AddMovieRequest): Promise<Movie> };
  addSeries: { add(req: AddSeriesRequest): Promise<Series> };
  /** The leave policy's actions; files are never deleted. */
  library: {
    unmonitorMovie(id: number): Promise<void>;
    unmonitorSeries(id: number): Promise<void>;
    removeMovie(id: number): Promise<void>;
    removeSeries(id: number): Promise<void>;
  };
  gateway: Pick<MetadataGateway, 'call' | 'can'>;
  clock: Clock;
  log: Pick<Logger, 'info' | 'warn'>;
}

const listSettings = z.object(importListSyncSettings);

type Outcome = 'added' | 'exists' | 'notFound' | 'excluded';

function label(item: Pick<ListItem, 'title' | 'year'>): string {
  return item.year ? `${item.title} (${item.year})` : item.title;
}

function idsOf(item: ListItem): MediaIds {
  return {
    mediaType: item.mediaType,
    tmdbId: item.tmdbId ?? null,
    tvdbId: item.mediaType === 'series' ? (item.tvdbId ?? null) : null,
    imdbId: item.imdbId ?? null,
  };
}

/** Same media type and any shared id. */
function sameItem(a: MediaIds, b: MediaIds): boolean {
  if (a.mediaType !== b.mediaType) return false;
  return (
    (a.tmdbId !== null && a.tmdbId === b.tmdbId) ||
    (a.tvdbId !== null && a.tvdbId === b.tvdbId) ||
    (a.imdbId !== null && a.imdbId === b.imdbId)
  );
}

function key(item: ListItem): string {
  const id = item.tmdbId ?? item.tvdbId ?? item.imdbId ?? `${item.title.toLowerCase()}|${item.year ?? ''}`;
  return `${item.mediaType}:${item.tmdbId ? 'tmdb' : item.tvdbId ? 'tvdb' : item.imdbId ? 'imdb' : 'title'}:${id}`;
}

export class ImportListSyncService {
  constructor(private readonly deps: ImportListSyncDeps) {}

  /** Lists whose interval has passed since their last sync (never synced = due). */
  async dueLists(): Promise<ProviderDefinition[]> {
    const now = this.deps.clock.now();
    const last = await this.deps.store.lastSyncTimes();
    return (await this.deps.lists.available()).filter((d) => {
      const at = last.get(d.id);
      if (!at) return true;
      const interval = listSettings.safeParse(d.settings).data?.syncIntervalMinutes ?? 360;
      return Date.parse(at) + interval * 60_000 <= now;
    });
  }

  /** Syncs each list in turn; one failing list never stops the others. */
  async syncMany(definitions: readonly ProviderDefinition[]): Promise<ImportListSyncResult[]> {
    const results: ImportListSyncResult[] = [];
    for (const d of definitions) {
      try {
        results.push(await this.sync(d));
      } catch (err) {
        this.deps.log.warn({ listId: d.id, err: errorMessage(err) }, 'import list sync failed');
      }
    }
    return results;
  }

  async sync(definition: ProviderDefinition): Promise<ImportListSyncResult> {
    const { deps } = this;
    const started = deps.clock.now();
    const settings = listSettings.parse(definition.settings);
    const result: ImportListSyncResult = {
      listId: definition.id,
      listName: definition.name,
      syncedAt: new Date(started).toISOString(),
      fetched: false,
      found: 0,
      added: 0,
      alreadyExist: 0,
      notFound: 0,
      excluded: 0,
      left: 0,
      leavePolicy: settings.onLeave,
      leaveApplied: 0,
      errors: [],
      durationMs: 0,
    };
    const finish = async () => {
      result.durationMs = deps.clock.now() - started;
      await deps.store.saveResult(definition.id, result.syncedAt, { ...result });
      deps.log.info({ ...result, errors: result.errors.length }, 'import list synced');
      return result;
    };

    let items: ListItem[];
    try {
      const port = deps.lists.instance(definition);
      items = await port.fetch({
        saveSettings: (patch) =>
          deps.store.patchDefinitionSettings(definition.id, patch, new Date(deps.clock.now()).toISOString()),
      });
    } catch (err) {
      result.errors.push({ item: '(list)', error: `fetching the list failed: ${errorMessage(err)}` });
      await deps.lists.recordFailure(definition.id, err).catch(() => {});
      return finish();
    }
    result.fetched = true;
    await deps.lists.recordSuccess?.(definition.id).catch(() => {});

    const unique = new Map<string, ListItem>();
    for (const item of items) if (!unique.has(key(item))) unique.set(key(item), item);
    result.found = unique.size;

    const seen: SeenItem[] = [];
    for (const item of unique.values()) {
      try {
        const resolved = await this.resolve(item);
        seen.push({ ...idsOf(resolved ?? item), title: item.title, year: item.year ?? null });
        const outcome = resolved ? await this.process(resolved, settings, definition.tags) : 'notFound';
        if (outcome === 'added') result.added++;
        else if (outcome === 'exists') result.alreadyExist++;
        else if (outcome === 'excluded') result.excluded++;
        else result.notFound++;
      } catch (err) {
        seen.push({ ...idsOf(item), title: item.title, year: item.year ?? null });
        result.errors.push({ item: label(item), error: errorMessage(err) });
      }
    }

    if (unique.size === 0) {
      // Keep the last non-empty snapshot: an empty answer must not make every item "leave".
      deps.log.warn({ listId: definition.id }, 'import list is empty; leave policy skipped');
      return finish();
    }
    const previous = await deps.store.seenItems(definition.id);
    const others = await deps.store.seenOnOtherLists(definition.id);
    const left = previous.filter((p) => !seen.some((s) => sameItem(s, p)) && !others.some((o) => sameItem(o, p)));
    result.left = left.length;
    if (settings.onLeave !== 'keep') {
      for (const item of left) {
        try {
          if (await this.applyLeave(item, settings.onLeave)) result.leaveApplied++;
        } catch (err) {
          result.errors.push({
            item: label({ title: item.title, year: item.year ?? undefined }),
            error: errorMessage(err),
          });
        }
      }
    }
    await deps.store.replaceSeenItems(definition.id, seen, result.syncedAt);
    return finish();
  }

  /**
   * The item with the ids the library adds by: tmdbId for movies; tvdbId or tmdbId for series. Null when no
   * metadata provider knows it.
   */
  private async resolve(item: ListItem): Promise<ListItem | null> {
    const { gateway } = this.deps;
    if (item.mediaType === 'movie') {
      if (item.tmdbId) return item;
      if (item.imdbId) {
        const imdbId = item.imdbId;
        const hit = await gateway.call('findMovieByImdbId', (p) => p.findMovieByImdbId(imdbId));
        return hit ? { ...item, tmdbId: hit.tmdbId } : null;
      }
      const hits = await gateway.call('searchMovies', (p) => p.searchMovies(item.title, item.year));
      const hit = hits.find((h) => !item.year || h.year === item.year) ?? hits[0];
      return hit ? { ...item, tmdbId: hit.tmdbId } : null;
    }
    if (item.tvdbId || item.tmdbId) return item;
    if (item.imdbId) {
      const imdbId = item.imdbId;
      const hit = await gateway.call('findSeriesByImdbId', (p) => p.findSeriesByImdbId(imdbId), { prefer: 'tvdbId' });
      if (!hit || (!hit.tvdbId && !hit.tmdbId)) return null;
      return {
        ...item,
        ...(hit.tvdbId ? { tvdbId: hit.tvdbId } : {}),
        ...(hit.tmdbId ? { tmdbId: hit.tmdbId } : {}),
      };
    }
    const hits = await gateway.call('searchSeries', (p) => p.searchSeries(item.title), { prefer: 'tvdbId' });
    const hit = hits.find((h) => !item.year || h.year === item.year) ?? hits[0];
    if (!hit || (!hit.tvdbId && !hit.tmdbId)) return null;
    return { ...item, ...(hit.tvdbId ? { tvdbId: hit.tvdbId } : {}), ...(hit.tmdbId ? { tmdbId: hit.tmdbId } : {}) };
  }

  private async existing(item: ListItem): Promise<Movie | Series | undefined> {
    const { movies, series } = this.deps;
    if (item.mediaType === 'movie')
      return (
        (item.tmdbId ? await movies.findByTmdbId(item.tmdbId) : undefined) ??
        (item.imdbId ? await movies.findByImdbId(item.imdbId) : undefined)
      );
    return (
      (item.tvdbId ? await series.findByTvdbId(item.tvdbId) : undefined) ??
      (item.tmdbId ? await series.findByTmdbId(item.tmdbId) : undefined) ??
      (item.imdbId ? await series.findByImdbId(item.imdbId) : undefined)
    );
  }

  private async process(item: ListItem, s: ImportListSyncSettings, tags: number[]): Promise<Outcome> {
    if ((await this.deps.store.findExclusions(idsOf(item))).length > 0) return 'excluded';
    if (await this.existing(item)) return 'exists';
    const common = {
      qualityProfileId: s.qualityProfileId,
      rootFolderPath: s.rootFolderPath,
      monitored: s.monitor !== 'none',
      tags: [...tags],
    };
    try {
      if (item.mediaType === 'movie') {
        await this.deps.addMovie.add({
          ...common,
          tmdbId: item.tmdbId!,
          minimumAvailability: s.minimumAvailability,
          addOptions: { searchForMovie: s.searchOnAdd },
        });
      } else {
        await this.deps.addSeries.add({
          ...common,
          tvdbId: item.tvdbId,
          tmdbId: item.tmdbId,
          seriesType: s.seriesType,
          seasonFolder: s.seasonFolder,
          monitorNewItems: s.monitor === 'none' ? 'none' : 'all',
          monitor: s.monitor,
          addOptions: { searchForMissingEpisodes: s.searchOnAdd },
        });
      }
      return 'added';
    } catch (err) {
      // Added meanwhile (another list, a user) or under the other id: it exists.
      if (err instanceof ConflictError) return 'exists';
      if (err instanceof NotFoundError) return 'notFound';
      throw err;
    }
  }

  /** True when the library item was found and changed. */
  private async applyLeave(item: SeenItem, policy: 'unmonitor' | 'remove'): Promise<boolean> {
    const found = await this.existing({
      mediaType: item.mediaType,
      title: item.title,
      ...(item.tmdbId !== null ? { tmdbId: item.tmdbId } : {}),
      ...(item.tvdbId !== null ? { tvdbId: item.tvdbId } : {}),
      ...(item.imdbId !== null ? { imdbId: item.imdbId } : {}),
    });
    if (!found) return false;
    const { library } = this.deps;
    if (item.mediaType === 'movie') {
      if (policy === 'remove') await library.removeMovie(found.id);
      else if (found.monitored) await library.unmonitorMovie(found.id);
      else return false;
    } else {
      if (policy === 'remove') await library.removeSeries(found.id);
      else if (found.monitored) await library.unmonitorSeries(found.id);
      else return false;
    }
    this.deps.log.info({ mediaType: item.mediaType, id: found.id, policy }, 'item left its import list');
    return true;
  }
}
