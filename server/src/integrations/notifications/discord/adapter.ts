// Discord as a notifier: renders the embed, checks the webhook target (no link-local/metadata hosts) and posts it.
// test() sends a manual_test message; Discord has no cheap check endpoint, so healthCheck validates settings only.
import type { Dispatcher } from 'undici';
import type { Clock } from '../../../lib/clock.js';
import { AuthError, type Finding, NotFoundError, TimeoutError, UnreachableError } from '../../../lib/errors.js';
import type { HttpLogger } from '../../../lib/http/http-client.js';
import type { NotificationMessage, NotifierPort } from '../../../providers/ports/notifier.port.js';
import type { HealthCheckResult } from '../../../providers/ports.js';
import { manualTestMessage } from '../common/test-message.js';
import { checkTargetUrl, createSafeDispatcher, ensureSafeTarget } from '../common/url-safety.js';
import { DiscordApi } from './api.js';
import { renderDiscord } from './render.js';
import type { DiscordSettings } from './settings.js';

const FIELD = 'settings.webhookUrl';

export interface DiscordContext {
  clock: Clock;
  log?: HttpLogger;
  definitionName?: string;
}

export class DiscordNotifier implements NotifierPort {
  private readonly api: DiscordApi;
  private readonly dispatcher: Dispatcher;

  constructor(
    private readonly settings: DiscordSettings,
    private readonly ctx: DiscordContext,
  ) {
    this.dispatcher = createSafeDispatcher();
    this.api = new DiscordApi({
      webhookUrl: settings.webhookUrl,
      timeoutMs: Math.round(settings.timeoutSeconds * 1000),
      clock: ctx.clock,
      dispatcher: this.dispatcher,
      ...(ctx.log ? { log: ctx.log } : {}),
    });
  }

  async send(message: NotificationMessage, signal?: AbortSignal): Promise<void> {
    await ensureSafeTarget(this.settings.webhookUrl, { field: FIELD });
    await this.api.execute(renderDiscord(message, this.settings), signal);
  }

  async test(): Promise<Finding[]> {
    const unsafe = await checkTargetUrl(this.settings.webhookUrl, { field: FIELD });
    if (unsafe) return [unsafe];
    try {
      await this.send(manualTestMessage(this.ctx.clock.now()));
      return [];
    } catch (err) {
      if (err instanceof AuthError) return [finding(`Discord refused the webhook token: ${err.message}`)];
      if (err instanceof NotFoundError) return [finding(`the webhook does not exist (deleted?): ${err.message}`)];
      if (err instanceof UnreachableError || err instanceof TimeoutError) return [finding(err.message)];
      throw err;
    }
  }

  async healthCheck(): Promise<HealthCheckResult> {
    // Executing the webhook is the only call that proves anything, and it posts a message; validate only.
    await ensureSafeTarget(this.settings.webhookUrl, { field: FIELD });
    return { latencyMs: 0 };
  }

  async dispose(): Promise<void> {
    await this.dispatcher.close();
  }
}

function finding(message: string): Finding {
  return { field: FIELD, message, severity: 'error' };
}
