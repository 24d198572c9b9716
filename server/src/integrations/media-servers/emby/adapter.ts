// Emby: the shared MediaBrowser adapter with the `X-Emby-Token` header and the API under `/emby`.
import type { Clock } from '../../../lib/clock.js';
import type { HttpLogger } from '../../../lib/http/http-client.js';
import { MediaBrowserAdapter } from '../common/mediabrowser-adapter.js';
import type { EmbySettings } from './settings.js';

export class EmbyAdapter extends MediaBrowserAdapter {
  constructor(settings: EmbySettings, clock: Clock, log?: HttpLogger) {
    super(settings, 'emby', clock, log);
  }
}
