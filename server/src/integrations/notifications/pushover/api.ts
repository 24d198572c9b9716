// The Pushover API: form POSTs to /1/messages.json and /1/users/validate.json. Failures are HTTP 4xx with
// {status: 0, errors: [...]} and the offending parameter echoed as a key with the value "invalid".
import type { Dispatcher } from 'undici';
import type { Clock } from '../../../lib/clock.js';
import { AuthError, ProtocolError } from '../../../lib/errors.js';
import { HttpClient, type HttpLogger } from '../../../lib/http/http-client.js';
import { maskSecrets } from '../../../lib/http/redact-request.js';

export interface PushoverApiOptions {
  baseUrl: string;
  secrets: string[];
  timeoutMs: number;
  clock: Clock;
  log?: HttpLogger;
  dispatcher?: Dispatcher;
}

/** Pushover named a parameter invalid: `token` (app token), `user` (user key) or `device`. */
export class PushoverAuthError extends AuthError {
  constructor(
    message: string,
    readonly parameter: string,
  ) {
    super(message);
  }
}

interface PushoverAnswer {
  status?: number;
  errors?: string[];
  [parameter: string]: unknown;
}

export class PushoverApi {
  private readonly http: HttpClient;

  constructor(private readonly opts: PushoverApiOptions) {
    this.http = new HttpClient({
      baseUrl: opts.baseUrl,
      timeoutMs: opts.timeoutMs,
      clock: opts.clock,
      secrets: opts.secrets,
      maxBodyBytes: 64 * 1024,
      ...(opts.log ? { logger: opts.log } : {}),
      ...(opts.dispatcher ? { dispatcher: opts.dispatcher } : {}),
    });
  }

  messages(form: URLSearchParams, signal?: AbortSignal): Promise<PushoverAnswer> {
    return this.post('/1/messages.json', form, signal);
  }

  validate(form: URLSearchParams, signal?: AbortSignal): Promise<PushoverAnswer> {
    return this.post('/1/users/validate.json', form, signal);
  }

  private async post(path: string, form: URLSearchParams, signal?: AbortSignal): Promise<PushoverAnswer> {
    const res = await this.http.postForm(path, form, {
      headers: { accept: 'application/json' },
      acceptStatus: [400, 401, 403, 404],
      ...(signal ? { signal } : {}),
    });
    const text = maskSecrets(res.body, this.opts.secrets);
    let answer: PushoverAnswer;
    try {
      answer = JSON.parse(text) as PushoverAnswer;
    } catch {
      throw new ProtocolError(`Pushover ${path}: HTTP ${res.status}, response is not JSON`, text);
    }
    if (res.status < 300 && answer.status === 1) return answer;
    const what = `Pushover ${path}: ${(answer.errors ?? [`HTTP ${res.status}`]).join('; ')}`;
    for (const parameter of ['token', 'user', 'device']) {
      if (answer[parameter] === 'invalid') throw new PushoverAuthError(what, parameter);
    }
    if (res.status === 401 || res.status === 403) throw new AuthError(what);
    throw new ProtocolError(what, text);
  }
}
