// The Telegram Bot API client: POST {base}/bot<token>/<method> with JSON; every answer is {ok, result} or
// {ok:false, error_code, description, parameters}. The token is in the URL path and handed to the HTTP client as a
// secret, so logs and error messages show [redacted] instead.
import type { Dispatcher } from 'undici';
import type { Clock } from '../../../lib/clock.js';
import { AuthError, ProtocolError, RateLimitedError, ServerError } from '../../../lib/errors.js';
import { HttpClient, type HttpLogger } from '../../../lib/http/http-client.js';
import { maskSecrets } from '../../../lib/http/redact-request.js';

export interface TelegramApiOptions {
  baseUrl: string;
  botToken: string;
  timeoutMs: number;
  clock: Clock;
  log?: HttpLogger;
  dispatcher?: Dispatcher;
}

interface TelegramAnswer<T> {
  ok: boolean;
  result?: T;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/** A problem with the chat rather than the token (chat not found, bot blocked/kicked, group migrated). */
export class TelegramChatError extends ProtocolError {}
/** The bot may not post in this chat (403): blocked by the user, kicked, not a member. */
export class TelegramForbiddenError extends AuthError {}

export interface TelegramUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  username?: string;
}

export class TelegramApi {
  private readonly http: HttpClient;

  constructor(private readonly opts: TelegramApiOptions) {
    this.http = new HttpClient({
      baseUrl: opts.baseUrl,
      timeoutMs: opts.timeoutMs,
      clock: opts.clock,
      secrets: [opts.botToken],
      maxBodyBytes: 1024 * 1024,
      ...(opts.log ? { logger: opts.log } : {}),
      ...(opts.dispatcher ? { dispatcher: opts.dispatcher } : {}),
    });
  }

  getMe(signal?: AbortSignal): Promise<TelegramUser> {
    return this.call<TelegramUser>('getMe', undefined, signal);
  }

  sendMessage(body: Record<string, unknown>, signal?: AbortSignal): Promise<unknown> {
    return this.call('sendMessage', body, signal);
  }

  sendPhoto(body: Record<string, unknown>, signal?: AbortSignal): Promise<unknown> {
    return this.call('sendPhoto', body, signal);
  }

  private async call<T>(method: string, body: Record<string, unknown> | undefined, signal?: AbortSignal): Promise<T> {
    const res = await this.http.request({
      method: body ? 'POST' : 'GET',
      // `./`: a token like 123:ABC would otherwise parse as a URL scheme.
      path: `./bot${this.opts.botToken}/${method}`,
      headers: body
        ? { accept: 'application/json', 'content-type': 'application/json' }
        : { accept: 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
      // Telegram explains every failure in JSON; read it instead of the bare status.
      acceptStatus: [400, 401, 403, 404, 409, 429, 500, 502, 503],
      ...(signal ? { signal } : {}),
    });
    const text = maskSecrets(res.body.toString('utf8'), [this.opts.botToken]);
    let answer: TelegramAnswer<T>;
    try {
      answer = JSON.parse(text) as TelegramAnswer<T>;
    } catch {
      if (res.status >= 500) throw new ServerError(`Telegram ${method}: HTTP ${res.status}`, res.status);
      throw new ProtocolError(`Telegram ${method}: HTTP ${res.status}, response is not JSON`, text);
    }
    if (answer.ok && res.status < 300) return answer.result as T;
    const code = answer.error_code ?? res.status;
    const what = `Telegram ${method}: ${answer.description ?? `HTTP ${code}`}`;
    if (code === 429) {
      const seconds = answer.parameters?.retry_after;
      throw new RateLimitedError(what, typeof seconds === 'number' ? seconds * 1000 : undefined);
    }
    // 401 Unauthorized is a bad token; 404 Not Found is what Telegram answers for a malformed one.
    if (code === 401 || code === 404) throw new AuthError(`${what} (check the bot token)`);
    if (code === 403) throw new TelegramForbiddenError(`${what} (the bot cannot post in this chat)`);
    if (code >= 500) throw new ServerError(what, code);
    const migrated = answer.parameters?.migrate_to_chat_id;
    if (migrated !== undefined) throw new TelegramChatError(`${what}; use the chat id ${migrated}`, text);
    if (/chat not found|chat_id|message thread not found|topic/i.test(answer.description ?? ''))
      throw new TelegramChatError(what, text);
    throw new ProtocolError(what, text);
  }
}
