// Email as a notifier. test() sends a manual_test e-mail (bad credentials → finding on password, refused
// recipients → on to, unreachable → on server); healthCheck connects and logs in without sending.
import type { Clock } from '../../../lib/clock.js';
import { AuthError, type Finding, ProtocolError, TimeoutError, UnreachableError } from '../../../lib/errors.js';
import type { NotificationMessage, NotifierPort } from '../../../providers/ports/notifier.port.js';
import type { HealthCheckResult } from '../../../providers/ports.js';
import { manualTestMessage } from '../common/test-message.js';
import { checkTargetUrl, ensureSafeTarget } from '../common/url-safety.js';
import { EmailRecipientError, sendMail, verifySmtp } from './api.js';
import { renderEmail } from './render.js';
import type { EmailSettings } from './settings.js';

export class EmailNotifier implements NotifierPort {
  constructor(
    private readonly settings: EmailSettings,
    private readonly ctx: { clock: Clock },
  ) {}

  private get target(): string {
    const host =
      this.settings.server.includes(':') && !this.settings.server.startsWith('[')
        ? `[${this.settings.server}]`
        : this.settings.server;
    return `smtp://${host}:${this.settings.port}`;
  }

  async send(message: NotificationMessage, signal?: AbortSignal): Promise<void> {
    await ensureSafeTarget(this.target, { field: 'settings.server', protocols: ['smtp:'] });
    const s = this.settings;
    await sendMail(s, { from: s.from, to: s.to, cc: s.cc, bcc: s.bcc, ...renderEmail(message) }, signal);
  }

  async test(): Promise<Finding[]> {
    const unsafe = await checkTargetUrl(this.target, { field: 'settings.server', protocols: ['smtp:'] });
    if (unsafe) return [unsafe];
    try {
      await this.send(manualTestMessage(this.ctx.clock.now()));
      return [];
    } catch (err) {
      if (err instanceof AuthError) return [{ field: 'settings.password', message: err.message, severity: 'error' }];
      if (err instanceof EmailRecipientError) return err.findings;
      if (err instanceof ProtocolError && /TLS/.test(err.message))
        return [{ field: 'settings.encryption', message: err.message, severity: 'error' }];
      if (err instanceof UnreachableError || err instanceof TimeoutError)
        return [{ field: 'settings.server', message: err.message, severity: 'error' }];
      throw err;
    }
  }

  async healthCheck(): Promise<HealthCheckResult> {
    const started = this.ctx.clock.now();
    await ensureSafeTarget(this.target, { field: 'settings.server', protocols: ['smtp:'] });
    await verifySmtp(this.settings);
    return { latencyMs: this.ctx.clock.now() - started };
  }
}
