// Telegram as a notifier: sendPhoto with a caption when there is a poster (falling back to sendMessage when Telegram
// cannot fetch it), else sendMessage; silent sending, forum topics. test() checks the token with getMe (findings on
// botToken), then sends a manual_test message (chat problems are findings on chatId). healthCheck is getMe.
import type { Dispatcher } from 'undici';
import type { Clock } from '../../../lib/clock.js';
import { AuthError, type Finding, ProtocolError, TimeoutError, UnreachableError } from '../../../lib/errors.js';
import type { HttpLogger } from '../../../lib/http/http-client.js';
import type { NotificationMessage, NotifierPort } from '../../../providers/ports/notifier.port.js';
import type { HealthCheckResult } from '../../../providers/ports.js';
import { manualTestMessage } from '../common/test-message.js';
import { checkTargetUrl, createSafeDispatcher, ensureSafeTarget } from '../common/url-safety.js';
import { TelegramApi, TelegramChatError, TelegramForbiddenError } from './api.js';
import { CAPTION_LIMIT, renderTelegram, TEXT_LIMIT } from './render.js';
import type { TelegramSettings } from './settings.js';

export interface TelegramContext {
  clock: Clock;
  log?: HttpLogger;
}

export class TelegramNotifier implements NotifierPort {
  private readonly api: TelegramApi;
  private readonly dispatcher: Dispatcher;

  constructor(
    private readonly settings: TelegramSettings,
    private readonly ctx: TelegramContext,
  ) {
    this.dispatcher = createSafeDispatcher();
    this.api = new TelegramApi({
      baseUrl: settings.baseUrl,
      botToken: settings.botToken,
      timeoutMs: Math.round(settings.timeoutSeconds * 1000),
      clock: ctx.clock,
      dispatcher: this.dispatcher,
      ...(ctx.log ? { log: ctx.log } : {}),
    });
  }

  async send(message: NotificationMessage, signal?: AbortSignal): Promise<void> {
    await ensureSafeTarget(this.settings.baseUrl, { field: 'settings.baseUrl' });
    const s = this.settings;
    const common = {
      chat_id: /^-?\d+$/.test(s.chatId) ? Number(s.chatId) : s.chatId,
      ...(s.topicId !== undefined ? { message_thread_id: s.topicId } : {}),
      parse_mode: s.parseMode,
      disable_notification: s.sendSilently,
    };
    if (message.imageUrl && s.includeImage && /^https?:\/\//i.test(message.imageUrl)) {
      try {
        await this.api.sendPhoto(
          { ...common, photo: message.imageUrl, caption: renderTelegram(message, s.parseMode, CAPTION_LIMIT) },
          signal,
        );
        return;
      } catch (err) {
        // Telegram fetches the photo itself; a poster it cannot load must not cost the notification.
        if (!(err instanceof ProtocolError) || err instanceof TelegramChatError) throw err;
        this.ctx.log?.debug({ error: err.message }, 'telegram sendPhoto failed, sending text');
      }
    }
    await this.api.sendMessage(
      {
        ...common,
        text: renderTelegram(message, s.parseMode, TEXT_LIMIT),
        link_preview_options: { is_disabled: true },
      },
      signal,
    );
  }

  async test(): Promise<Finding[]> {
    const unsafe = await checkTargetUrl(this.settings.baseUrl, { field: 'settings.baseUrl' });
    if (unsafe) return [unsafe];
    try {
      await this.api.getMe();
    } catch (err) {
      if (err instanceof AuthError) return [finding('settings.botToken', err.message)];
      if (err instanceof UnreachableError || err instanceof TimeoutError)
        return [finding('settings.baseUrl', err.message)];
      throw err;
    }
    try {
      await this.send(manualTestMessage(this.ctx.clock.now()));
      return [];
    } catch (err) {
      if (err instanceof TelegramChatError || err instanceof TelegramForbiddenError)
        return [finding('settings.chatId', err.message)];
      if (err instanceof AuthError) return [finding('settings.botToken', err.message)];
      throw err;
    }
  }

  async healthCheck(): Promise<HealthCheckResult> {
    const started = this.ctx.clock.now();
    await this.api.getMe();
    return { latencyMs: this.ctx.clock.now() - started };
  }

  async dispose(): Promise<void> {
    await this.dispatcher.close();
  }
}

function finding(field: string, message: string): Finding {
  return { field, message, severity: 'error' };
}
