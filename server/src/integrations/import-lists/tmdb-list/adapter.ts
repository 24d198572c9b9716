// TMDB as an import list: a user list, the popular movies/series charts, a person's movie and TV credits, or a
// movie collection. Items carry their TMDB id, so the sync adds them without a lookup.
import type { Clock } from '../../../lib/clock.js';
import { AuthError, type Finding, NotFoundError, TimeoutError, UnreachableError } from '../../../lib/errors.js';
import type { HttpLogger } from '../../../lib/http/http-client.js';
import type { ImportListCapability, ImportListPort, ListItem } from '../../../providers/ports/import-list.port.js';
import type { HealthCheckResult } from '../../../providers/ports.js';
import { TmdbListApi } from './api.js';
import { mapTmdbEntries } from './mapper.js';
import type { TmdbListSettings } from './settings.js';
import type { TmdbPaged } from './wire.js';

export const TMDB_LIST_CAPABILITIES: readonly ImportListCapability[] = ['movies', 'series'];

export class TmdbListAdapter implements ImportListPort {
  readonly capabilities = TMDB_LIST_CAPABILITIES;
  private readonly api: TmdbListApi;

  constructor(
    private readonly settings: TmdbListSettings,
    private readonly clock: Clock,
    log?: HttpLogger,
  ) {
    this.api = new TmdbListApi(settings, clock, log);
  }

  async fetch(): Promise<ListItem[]> {
    const s = this.settings;
    let items: ListItem[] = [];
    switch (s.listType) {
      case 'list':
        items = await this.paged((page) => this.api.list(s.listId, page), undefined, 'items');
        break;
      case 'popularMovies':
        items = await this.paged((page) => this.api.popular('movie', page), 'movie', 'results');
        break;
      case 'popularSeries':
        items = await this.paged((page) => this.api.popular('tv', page), 'series', 'results');
        break;
      case 'person': {
        const id = s.personId!;
        const pick = (c: { cast?: never[] | undefined; crew?: never[] | undefined }) => [
          ...(s.personCredits === 'crew' ? [] : (c.cast ?? [])),
          ...(s.personCredits === 'cast' ? [] : (c.crew ?? [])),
        ];
        if (s.includeMovies)
          items.push(...mapTmdbEntries(pick((await this.api.credits(id, 'movie')) as never), 'movie'));
        if (s.includeSeries) items.push(...mapTmdbEntries(pick((await this.api.credits(id, 'tv')) as never), 'series'));
        break;
      }
      case 'collection':
        items = mapTmdbEntries((await this.api.collection(s.collectionId!)).parts, 'movie');
        break;
    }
    return items.filter((i) => (i.mediaType === 'movie' ? s.includeMovies : s.includeSeries));
  }

  /** Up to `pages` pages, stopping at the last one TMDB reports. */
  private async paged(
    load: (page: number) => Promise<TmdbPaged>,
    fallback: ListItem['mediaType'] | undefined,
    key: 'items' | 'results',
  ): Promise<ListItem[]> {
    const out: ListItem[] = [];
    for (let page = 1; page <= this.settings.pages; page++) {
      const answer = await load(page);
      out.push(...mapTmdbEntries(answer[key] ?? answer.results ?? answer.items, fallback));
      if (!answer.total_pages || page >= answer.total_pages) break;
    }
    return out;
  }

  async test(): Promise<Finding[]> {
    try {
      await this.fetch();
      return [];
    } catch (err) {
      if (err instanceof AuthError) return [{ field: 'settings.apiKey', message: err.message, severity: 'error' }];
      if (err instanceof NotFoundError) {
        const field = { list: 'listId', person: 'personId', collection: 'collectionId' }[
          this.settings.listType as 'list' | 'person' | 'collection'
        ];
        if (field) return [{ field: `settings.${field}`, message: 'TMDB does not know this id', severity: 'error' }];
      }
      if (err instanceof UnreachableError || err instanceof TimeoutError)
        return [{ field: 'settings.baseUrl', message: err.message, severity: 'error' }];
      throw err;
    }
  }

  async healthCheck(): Promise<HealthCheckResult> {
    const started = this.clock.now();
    await this.api.popular('movie', 1);
    return { latencyMs: this.clock.now() - started };
  }
}
