// The webhook notifier: renders the spec payload, adds the configured authentication and sends it.
import type { Dispatcher } from 'undici';
import type { Finding } from '../../../lib/errors.js';
import type { IntegrationContext } from '../../../providers/integration.js';
import type { NotificationMessage, NotifierPort } from '../../../providers/ports/notifier.port.js';
import type { HealthCheckResult } from '../../../providers/ports.js';
import { testMessage } from '../../../services/notifications/messages.js';
import { checkTargetUrl, createSafeDispatcher, UnsafeTargetError } from '../common/url-safety.js';
import { WebhookSender } from './api.js';
import { toWebhookPayload } from './payload.js';
import type { WebhookSettings } from './settings.js';

/** What send() resolves to; the outbox records it with the delivery. */
export interface WebhookDeliveryReport {
  report: { status: number; durationMs: number; response: string };
}

export function authHeaders(s: WebhookSettings): Record<string, string> {
  switch (s.authType) {
    case 'basic':
      return { authorization: `Basic ${Buffer.from(`${s.username}:${s.password}`).toString('base64')}` };
    case 'bearer':
      return { authorization: `Bearer ${s.bearerToken}` };
    case 'header':
      return { [s.headerName]: s.headerValue };
    default:
      return {};
  }
}

export class WebhookNotifier implements NotifierPort {
  private readonly dispatcher: Dispatcher;
  private readonly sender: WebhookSender;

  constructor(
    private readonly settings: WebhookSettings,
    private readonly ctx: IntegrationContext,
    opts: { timeoutMs?: number; maxResponseBytes?: number } = {},
  ) {
    this.dispatcher = createSafeDispatcher({ connectTimeoutMs: 10_000 });
    const secrets = [settings.password, settings.bearerToken, settings.headerValue].filter((v) => v.length >= 3);
    this.sender = new WebhookSender({
      clock: ctx.clock,
      dispatcher: this.dispatcher,
      secrets,
      safety: { allowLinkLocal: settings.allowLinkLocal },
      ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }),
      ...(opts.maxResponseBytes === undefined ? {} : { maxResponseBytes: opts.maxResponseBytes }),
    });
  }

  async send(message: NotificationMessage, signal?: AbortSignal): Promise<void> {
    await this.deliver(message, signal);
  }

  /** send() plus what happened; the outbox worker calls this when a notifier has it and records the report. */
  async deliver(message: NotificationMessage, signal?: AbortSignal): Promise<WebhookDeliveryReport> {
    const res = await this.sender.send(
      {
        url: this.settings.url,
        method: this.settings.method,
        headers: authHeaders(this.settings),
        body: toWebhookPayload(message),
      },
      signal,
    );
    this.ctx.log.debug({ eventType: message.type, status: res.status, durationMs: res.durationMs }, 'webhook sent');
    return { report: { status: res.status, durationMs: res.durationMs, response: res.excerpt } };
  }

  async test(): Promise<Finding[]> {
    const unsafe = await checkTargetUrl(this.settings.url, { allowLinkLocal: this.settings.allowLinkLocal });
    if (unsafe) return [unsafe];
    await this.send(
      testMessage({
        instanceName: 'idkarr',
        applicationUrl: '',
        occurredAt: new Date(this.ctx.clock.now()).toISOString(),
      }),
    );
    return [];
  }

  /** No request: a health sweep must not post payloads. Only the target's safety and resolution are checked. */
  async healthCheck(): Promise<HealthCheckResult> {
    const unsafe = await checkTargetUrl(this.settings.url, { allowLinkLocal: this.settings.allowLinkLocal });
    if (unsafe) throw new UnsafeTargetError(unsafe);
    return { latencyMs: 0 };
  }

  async dispose(): Promise<void> {
    await this.dispatcher.close();
  }
}
