// Apprise as a notifier. test() sends a manual_test notification (unknown key → finding on configKey, failed
// targets → on statelessUrls/configKey, 401 → on password). healthCheck validates settings only.
import type { Dispatcher } from 'undici';
import type { Clock } from '../../../lib/clock.js';
import {
  AuthError,
  type Finding,
  NotFoundError,
  ProtocolError,
  TimeoutError,
  UnreachableError,
} from '../../../lib/errors.js';
import type { HttpLogger } from '../../../lib/http/http-client.js';
import type { NotificationMessage, NotifierPort } from '../../../providers/ports/notifier.port.js';
import type { HealthCheckResult } from '../../../providers/ports.js';
import { manualTestMessage } from '../common/test-message.js';
import { checkTargetUrl, createSafeDispatcher, ensureSafeTarget } from '../common/url-safety.js';
import { AppriseApi } from './api.js';
import { renderApprise } from './render.js';
import type { AppriseSettings } from './settings.js';

export class AppriseNotifier implements NotifierPort {
  private readonly api: AppriseApi;
  private readonly dispatcher: Dispatcher;

  constructor(
    private readonly settings: AppriseSettings,
    private readonly ctx: { clock: Clock; log?: HttpLogger },
  ) {
    this.dispatcher = createSafeDispatcher();
    const urls = settings.statelessUrls
      .split(/[,\s]+/)
      .map((u) => u.trim())
      .filter(Boolean);
    this.api = new AppriseApi({
      serverUrl: settings.serverUrl,
      configKey: settings.configKey,
      secrets: [settings.statelessUrls, ...urls, settings.password].filter(Boolean),
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
    await this.api.notify(renderApprise(message, this.settings), signal);
  }

  async test(): Promise<Finding[]> {
    const unsafe = await checkTargetUrl(this.settings.serverUrl, { field: 'settings.serverUrl' });
    if (unsafe) return [unsafe];
    const targetField = this.settings.configKey ? 'settings.configKey' : 'settings.statelessUrls';
    try {
      await this.send(manualTestMessage(this.ctx.clock.now()));
      return [];
    } catch (err) {
      if (err instanceof AuthError) return [{ field: 'settings.password', message: err.message, severity: 'error' }];
      if (err instanceof NotFoundError && this.settings.configKey)
        return [{ field: 'settings.configKey', message: err.message, severity: 'error' }];
      if (err instanceof ProtocolError) return [{ field: targetField, message: err.message, severity: 'error' }];
      if (err instanceof UnreachableError || err instanceof TimeoutError || err instanceof NotFoundError)
        return [{ field: 'settings.serverUrl', message: err.message, severity: 'error' }];
      throw err;
    }
  }

  async healthCheck(): Promise<HealthCheckResult> {
    await ensureSafeTarget(this.settings.serverUrl, { field: 'settings.serverUrl' });
    return { latencyMs: 0 };
  }

  async dispose(): Promise<void> {
    await this.dispatcher.close();
  }
}
