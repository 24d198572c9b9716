// IMDb has no API: lists are read from the website's CSV export (`/list/ls…/export`) and watchlists from the
// RSS feed (`/user/ur…/watchlist`). Both are public for public lists; a private one answers 403/404.
import type { Clock } from '../../../lib/clock.js';
import { HttpClient, type HttpLogger } from '../../../lib/http/http-client.js';
import type { ImdbSettings } from './settings.js';

export class ImdbApi {
  private readonly www: HttpClient;
  private readonly rss: HttpClient;

  constructor(settings: ImdbSettings, clock: Clock, log?: HttpLogger) {
    const common = {
      timeoutMs: Math.round(settings.timeoutSeconds * 1000),
      clock,
      ...(log ? { logger: log } : {}),
    };
    this.www = new HttpClient({ ...common, baseUrl: settings.baseUrl });
    this.rss = new HttpClient({ ...common, baseUrl: settings.rssBaseUrl });
  }

  async listExport(listId: string): Promise<string> {
    const res = await this.www.getText(`/list/${encodeURIComponent(listId)}/export`, {
      headers: { accept: 'text/csv, text/plain;q=0.9, */*;q=0.1' },
    });
    return res.body;
  }

  async watchlistRss(userId: string): Promise<string> {
    const res = await this.rss.getText(`/user/${encodeURIComponent(userId)}/watchlist`, {
      headers: { accept: 'application/rss+xml, application/xml;q=0.9, */*;q=0.1' },
    });
    return res.body;
  }
}
