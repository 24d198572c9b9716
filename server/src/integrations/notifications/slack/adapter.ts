// Slack as a notifier. test() posts a manual_test message; incoming webhooks have no check endpoint, so
// healthCheck validates the settings only.
import type { Dispatcher } from 'undici';
import type { Clock } from '../../../lib/clock.js';
import { AuthError, type Finding, NotFoundError, TimeoutError, UnreachableError } from '../../../lib/errors.js';
import type { HttpLogger } from '../../../lib/http/http-client.js';
import type { NotificationMessage, NotifierPort } from '../../../providers/ports/notifier.port.js';
import type { HealthCheckResult } from '../../../providers/ports.js';
import { manualTestMessage } from '../common/test-message.js';
import { checkTargetUrl, createSafeDispatcher, ensureSafeTarget } from '../common/url-safety.js';
import { SlackApi, SlackChannelError } from './api.js';
import { renderSlack } from './render.js';
import type { SlackSettings } from './settings.js';

const FIELD = 'settings.webhookUrl';

export class SlackNotifier implements NotifierPort {
  private readonly api: SlackApi;
  private readonly dispatcher: Dispatcher;

  constructor(
    private readonly settings: SlackSettings,
    private readonly ctx: { clock: Clock; log?: HttpLogger },
  ) {
    this.dispatcher = createSafeDispatcher();
    this.api = new SlackApi({
      webhookUrl: settings.webhookUrl,
      timeoutMs: Math.round(settings.timeoutSeconds * 1000),
      clock: ctx.clock,
      dispatcher: this.dispatcher,
      ...(ctx.log ? { log: ctx.log } : {}),
    });
  }

  async send(message: NotificationMessage, signal?: AbortSignal): Promise<void> {
    await ensureSafeTarget(this.settings.webhookUrl, { field: FIELD });
    await this.api.post(renderSlack(message, this.settings), signal);
  }

  async test(): Promise<Finding[]> {
    const unsafe = await checkTargetUrl(this.settings.webhookUrl, { field: FIELD });
    if (unsafe) return [unsafe];
    try {
      await this.send(manualTestMessage(this.ctx.clock.now()));
      return [];
    } catch (err) {
      if (err instanceof SlackChannelError)
        return [{ field: 'settings.channel', message: err.message, severity: 'error' }];
      if (
        err instanceof AuthError ||
        err instanceof NotFoundError ||
        err instanceof UnreachableError ||
        err instanceof TimeoutError
      )
        return [{ field: FIELD, message: err.message, severity: 'error' }];
      throw err;
    }
  }

  async healthCheck(): Promise<HealthCheckResult> {
    await ensureSafeTarget(this.settings.webhookUrl, { field: FIELD });
    return { latencyMs: 0 };
  }

  async dispose(): Promise<void> {
    await this.dispatcher.close();
  }
}
