// Join as a notifier. test() pushes a manual_test notification (bad key → finding on apiKey, unknown devices →
// on deviceIds). Join has no cheap check that does not push, so healthCheck validates settings only.
import type { Dispatcher } from 'undici';
import type { Clock } from '../../../lib/clock.js';
import { AuthError, type Finding, TimeoutError, UnreachableError } from '../../../lib/errors.js';
import type { HttpLogger } from '../../../lib/http/http-client.js';
import type { NotificationMessage, NotifierPort } from '../../../providers/ports/notifier.port.js';
import type { HealthCheckResult } from '../../../providers/ports.js';
import { manualTestMessage } from '../common/test-message.js';
import { checkTargetUrl, createSafeDispatcher, ensureSafeTarget } from '../common/url-safety.js';
import { JoinApi, JoinDeviceError } from './api.js';
import { renderJoin } from './render.js';
import type { JoinSettings } from './settings.js';

export class JoinNotifier implements NotifierPort {
  private readonly api: JoinApi;
  private readonly dispatcher: Dispatcher;

  constructor(
    private readonly settings: JoinSettings,
    private readonly ctx: { clock: Clock; log?: HttpLogger },
  ) {
    this.dispatcher = createSafeDispatcher();
    this.api = new JoinApi({
      baseUrl: settings.baseUrl,
      apiKey: settings.apiKey,
      timeoutMs: Math.round(settings.timeoutSeconds * 1000),
      clock: ctx.clock,
      dispatcher: this.dispatcher,
      ...(ctx.log ? { log: ctx.log } : {}),
    });
  }

  async send(message: NotificationMessage, signal?: AbortSignal): Promise<void> {
    await ensureSafeTarget(this.settings.baseUrl, { field: 'settings.baseUrl' });
    await this.api.sendPush(renderJoin(message, this.settings), signal);
  }

  async test(): Promise<Finding[]> {
    const unsafe = await checkTargetUrl(this.settings.baseUrl, { field: 'settings.baseUrl' });
    if (unsafe) return [unsafe];
    try {
      await this.send(manualTestMessage(this.ctx.clock.now()));
      return [];
    } catch (err) {
      if (err instanceof AuthError) return [{ field: 'settings.apiKey', message: err.message, severity: 'error' }];
      if (err instanceof JoinDeviceError) {
        const field = this.settings.deviceIds.length > 0 ? 'settings.deviceIds' : 'settings.deviceNames';
        return [{ field, message: err.message, severity: 'error' }];
      }
      if (err instanceof UnreachableError || err instanceof TimeoutError)
        return [{ field: 'settings.baseUrl', message: err.message, severity: 'error' }];
      throw err;
    }
  }

  async healthCheck(): Promise<HealthCheckResult> {
    await ensureSafeTarget(this.settings.baseUrl, { field: 'settings.baseUrl' });
    return { latencyMs: 0 };
  }

  async dispose(): Promise<void> {
    await this.dispatcher.close();
  }
}
