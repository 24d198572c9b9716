// IMDb as an import list: `ls…` ids read the CSV export, `ur…` ids the user's watchlist RSS feed.
import type { Clock } from '../../../lib/clock.js';
import { type Finding, NotFoundError, TimeoutError, UnreachableError } from '../../../lib/errors.js';
import type { HttpLogger } from '../../../lib/http/http-client.js';
import type { ImportListCapability, ImportListPort, ListItem } from '../../../providers/ports/import-list.port.js';
import type { HealthCheckResult } from '../../../providers/ports.js';
import { ImdbApi } from './api.js';
import { mapListExport, mapWatchlistRss } from './mapper.js';
import type { ImdbSettings } from './settings.js';

export const IMDB_CAPABILITIES: readonly ImportListCapability[] = ['movies', 'series'];

export class ImdbAdapter implements ImportListPort {
  readonly capabilities = IMDB_CAPABILITIES;
  private readonly api: ImdbApi;

  constructor(
    private readonly settings: ImdbSettings,
    private readonly clock: Clock,
    log?: HttpLogger,
  ) {
    this.api = new ImdbApi(settings, clock, log);
  }

  async fetch(): Promise<ListItem[]> {
    const id = this.settings.listId;
    if (id.startsWith('ur')) return mapWatchlistRss(await this.api.watchlistRss(id));
    return mapListExport(await this.api.listExport(id));
  }

  async test(): Promise<Finding[]> {
    try {
      await this.fetch();
      return [];
    } catch (err) {
      if (err instanceof NotFoundError)
        return [{ field: 'settings.listId', message: 'IMDb has no public list with this id', severity: 'error' }];
      if (err instanceof UnreachableError || err instanceof TimeoutError) {
        const field = this.settings.listId.startsWith('ur') ? 'settings.rssBaseUrl' : 'settings.baseUrl';
        return [{ field, message: err.message, severity: 'error' }];
      }
      throw err;
    }
  }

  async healthCheck(): Promise<HealthCheckResult> {
    const started = this.clock.now();
    await this.fetch();
    return { latencyMs: this.clock.now() - started };
  }
}
