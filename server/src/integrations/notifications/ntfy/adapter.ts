// ntfy as a notifier. test() publishes a manual_test message (401/403 → finding on the credential in use);
// healthCheck is GET /v1/health.
import type { Dispatcher } from 'undici';
import type { Clock } from '../../../lib/clock.js';
import { AuthError, type Finding, NotFoundError, TimeoutError, UnreachableError } from '../../../lib/errors.js';
import type { HttpLogger } from '../../../lib/http/http-client.js';
import type { NotificationMessage, NotifierPort } from '../../../providers/ports/notifier.port.js';
import type { HealthCheckResult } from '../../../providers/ports.js';
import { manualTestMessage } from '../common/test-message.js';
import { checkTargetUrl, createSafeDispatcher, ensureSafeTarget } from '../common/url-safety.js';
import { NtfyApi } from './api.js';
import { renderNtfy } from './render.js';
import type { NtfySettings } from './settings.js';

export class NtfyNotifier implements NotifierPort {
  private readonly api: NtfyApi;
  private readonly dispatcher: Dispatcher;

  constructor(
    private readonly settings: NtfySettings,
    private readonly ctx: { clock: Clock; log?: HttpLogger },
  ) {
    this.dispatcher = createSafeDispatcher();
    this.api = new NtfyApi({
      serverUrl: settings.serverUrl,
      accessToken: settings.accessToken,
      username: settings.username,
      password: settings.password,
      timeoutMs: Math.round(settings.timeoutSeconds * 1000),
      clock: ctx.clock,
      dispatcher: this.dispatcher,
      ...(ctx.log ? { log: ctx.log } : {}),
    });
  }

  async send(message: NotificationMessage, signal?: AbortSignal): Promise<void> {
    await ensureSafeTarget(this.settings.serverUrl, { field: 'settings.serverUrl' });
    await this.api.publish(renderNtfy(message, this.settings), signal);
  }

  async test(): Promise<Finding[]> {
    const unsafe = await checkTargetUrl(this.settings.serverUrl, { field: 'settings.serverUrl' });
    if (unsafe) return [unsafe];
    try {
      await this.send(manualTestMessage(this.ctx.clock.now()));
      return [];
    } catch (err) {
      if (err instanceof AuthError) {
        const field = this.settings.username ? 'settings.password' : 'settings.accessToken';
        return [{ field, message: err.message, severity: 'error' }];
      }
      if (err instanceof UnreachableError || err instanceof TimeoutError || err instanceof NotFoundError)
        return [{ field: 'settings.serverUrl', message: err.message, severity: 'error' }];
      throw err;
    }
  }

  async healthCheck(): Promise<HealthCheckResult> {
    const started = this.ctx.clock.now();
    await this.api.health();
    return { latencyMs: this.ctx.clock.now() - started };
  }

  async dispose(): Promise<void> {
    await this.dispatcher.close();
  }
}
