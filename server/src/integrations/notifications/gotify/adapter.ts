// Gotify as a notifier. test() posts a manual_test message (401 → finding on appToken); healthCheck is GET /version,
// which needs no token (Gotify has no app-token check that does not post).
import type { Dispatcher } from 'undici';
import type { Clock } from '../../../lib/clock.js';
import { AuthError, type Finding, NotFoundError, TimeoutError, UnreachableError } from '../../../lib/errors.js';
import type { HttpLogger } from '../../../lib/http/http-client.js';
import type { NotificationMessage, NotifierPort } from '../../../providers/ports/notifier.port.js';
import type { HealthCheckResult } from '../../../providers/ports.js';
import { manualTestMessage } from '../common/test-message.js';
import { checkTargetUrl, createSafeDispatcher, ensureSafeTarget } from '../common/url-safety.js';
import { GotifyApi } from './api.js';
import { renderGotify } from './render.js';
import type { GotifySettings } from './settings.js';

export class GotifyNotifier implements NotifierPort {
  private readonly api: GotifyApi;
  private readonly dispatcher: Dispatcher;

  constructor(
    private readonly settings: GotifySettings,
    private readonly ctx: { clock: Clock; log?: HttpLogger },
  ) {
    this.dispatcher = createSafeDispatcher();
    this.api = new GotifyApi({
      serverUrl: settings.serverUrl,
      appToken: settings.appToken,
      timeoutMs: Math.round(settings.timeoutSeconds * 1000),
      clock: ctx.clock,
      dispatcher: this.dispatcher,
      ...(ctx.log ? { log: ctx.log } : {}),
    });
  }

  async send(message: NotificationMessage, signal?: AbortSignal): Promise<void> {
    await ensureSafeTarget(this.settings.serverUrl, { field: 'settings.serverUrl' });
    await this.api.message(renderGotify(message, this.settings), signal);
  }

  async test(): Promise<Finding[]> {
    const unsafe = await checkTargetUrl(this.settings.serverUrl, { field: 'settings.serverUrl' });
    if (unsafe) return [unsafe];
    try {
      await this.send(manualTestMessage(this.ctx.clock.now()));
      return [];
    } catch (err) {
      if (err instanceof AuthError) return [{ field: 'settings.appToken', message: err.message, severity: 'error' }];
      if (err instanceof UnreachableError || err instanceof TimeoutError || err instanceof NotFoundError)
        return [{ field: 'settings.serverUrl', message: err.message, severity: 'error' }];
      throw err;
    }
  }

  async healthCheck(): Promise<HealthCheckResult> {
    const started = this.ctx.clock.now();
    await this.api.version();
    return { latencyMs: this.ctx.clock.now() - started };
  }

  async dispose(): Promise<void> {
    await this.dispatcher.close();
  }
}
