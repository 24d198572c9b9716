// Pushover as a notifier. test() sends a manual_test message (invalid token/user/device become findings on
// apiToken/userKey/devices); healthCheck validates the user key with users/validate.json (no message sent).
import type { Dispatcher } from 'undici';
import type { Clock } from '../../../lib/clock.js';
import { AuthError, type Finding, TimeoutError, UnreachableError } from '../../../lib/errors.js';
import type { HttpLogger } from '../../../lib/http/http-client.js';
import type { NotificationMessage, NotifierPort } from '../../../providers/ports/notifier.port.js';
import type { HealthCheckResult } from '../../../providers/ports.js';
import { manualTestMessage } from '../common/test-message.js';
import { checkTargetUrl, createSafeDispatcher, ensureSafeTarget } from '../common/url-safety.js';
import { PushoverApi, PushoverAuthError } from './api.js';
import { renderPushover } from './render.js';
import type { PushoverSettings } from './settings.js';

const FIELD_FOR: Record<string, string> = {
  token: 'settings.apiToken',
  user: 'settings.userKey',
  device: 'settings.devices',
};

export class PushoverNotifier implements NotifierPort {
  private readonly api: PushoverApi;
  private readonly dispatcher: Dispatcher;

  constructor(
    private readonly settings: PushoverSettings,
    private readonly ctx: { clock: Clock; log?: HttpLogger },
  ) {
    this.dispatcher = createSafeDispatcher();
    this.api = new PushoverApi({
      baseUrl: settings.baseUrl,
      secrets: [settings.apiToken, settings.userKey],
      timeoutMs: Math.round(settings.timeoutSeconds * 1000),
      clock: ctx.clock,
      dispatcher: this.dispatcher,
      ...(ctx.log ? { log: ctx.log } : {}),
    });
  }

  async send(message: NotificationMessage, signal?: AbortSignal): Promise<void> {
    await ensureSafeTarget(this.settings.baseUrl, { field: 'settings.baseUrl' });
    await this.api.messages(renderPushover(message, this.settings), signal);
  }

  async test(): Promise<Finding[]> {
    const unsafe = await checkTargetUrl(this.settings.baseUrl, { field: 'settings.baseUrl' });
    if (unsafe) return [unsafe];
    try {
      await this.send(manualTestMessage(this.ctx.clock.now()));
      return [];
    } catch (err) {
      if (err instanceof PushoverAuthError)
        return [{ field: FIELD_FOR[err.parameter] ?? 'settings.apiToken', message: err.message, severity: 'error' }];
      if (err instanceof AuthError) return [{ field: 'settings.apiToken', message: err.message, severity: 'error' }];
      if (err instanceof UnreachableError || err instanceof TimeoutError)
        return [{ field: 'settings.baseUrl', message: err.message, severity: 'error' }];
      throw err;
    }
  }

  async healthCheck(): Promise<HealthCheckResult> {
    const started = this.ctx.clock.now();
    const form = new URLSearchParams({ token: this.settings.apiToken, user: this.settings.userKey });
    await this.api.validate(form);
    return { latencyMs: this.ctx.clock.now() - started };
  }

  async dispose(): Promise<void> {
    await this.dispatcher.close();
  }
}
