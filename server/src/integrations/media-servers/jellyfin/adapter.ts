// Jellyfin: the shared MediaBrowser adapter with Jellyfin's `Authorization: MediaBrowser Token="…"` header and
// no URL prefix.
import type { Clock } from '../../../lib/clock.js';
import type { HttpLogger } from '../../../lib/http/http-client.js';
import { MediaBrowserAdapter } from '../common/mediabrowser-adapter.js';
import type { JellyfinSettings } from './settings.js';

export class JellyfinAdapter extends MediaBrowserAdapter {
  constructor(settings: JellyfinSettings, clock: Clock, log?: HttpLogger) {
    super(settings, 'jellyfin', clock, log);
  }
}
