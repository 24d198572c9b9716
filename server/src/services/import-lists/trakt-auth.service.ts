// Trakt sign-in by device code (OAuth 2.0 device flow): `start` asks Trakt for a user code the user enters at the
// verification URL; `poll` asks for the tokens, never more often than Trakt's interval (raised by 5 s on each
// slow_down) and never after the code expired. Tokens of a saved list are written into its definition; for a list
// not saved yet they are handed back once so the form can send them with the save.
import { randomUUID } from 'node:crypto';
import { tokenSettings } from '../../integrations/import-lists/trakt/adapter.js';
import { TraktApi } from '../../integrations/import-lists/trakt/api.js';
import { TRAKT_DEFAULT_URL } from '../../integrations/import-lists/trakt/settings.js';
import type { Clock } from '../../lib/clock.js';
import { NotFoundError, ValidationError } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import type { ProviderDefinition } from '../../providers/provider.types.js';

export interface TraktDeviceStart {
  /** Names an existing Trakt list whose client id/secret are used and whose definition gets the tokens. */
  definitionId?: number | undefined;
  clientId?: string | undefined;
  clientSecret?: string | undefined;
  baseUrl?: string | undefined;
}

export interface TraktDeviceView {
  /** The id to poll with (not Trakt's device code, which stays on the server). */
  code: string;
  userCode: string;
  verificationUrl: string;
  expiresAt: string;
  intervalSeconds: number;
}

export type TraktPollStatus = 'pending' | 'slow_down' | 'authorized' | 'expired' | 'denied' | 'invalid';

export interface TraktPollView {
  status: TraktPollStatus;
  intervalSeconds: number;
  /** When the next poll will reach Trakt. */
  nextPollAt: string | null;
  /** Whether the tokens were stored into the list's definition. */
  saved: boolean;
  /** Only for a list not saved yet, once, on `authorized`. */
  tokens?: { accessToken: string; refreshToken: string; expiresAt: string };
}

interface Session {
  api: TraktApi;
  deviceCode: string;
  definitionId: number | undefined;
  expiresAt: number;
  intervalMs: number;
  nextPollAt: number;
}

export interface TraktAuthServiceDeps {
  definitions: { get(id: number): Promise<ProviderDefinition | undefined> };
  saveSettings(definitionId: number, patch: Record<string, unknown>): Promise<void>;
  clock: Clock;
  log: Pick<Logger, 'info' | 'warn'>;
}

const SLOW_DOWN_MS = 5_000;

export class TraktAuthService {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly deps: TraktAuthServiceDeps) {}

  async start(req: TraktDeviceStart): Promise<TraktDeviceView> {
    const { clientId, clientSecret, baseUrl } = await this.credentials(req);
    const api = new TraktApi({ baseUrl, clientId, clientSecret, clock: this.deps.clock });
    const device = await api.deviceCode();
    const now = this.deps.clock.now();
    const intervalMs = Math.max(1, device.interval || 5) * 1000;
    const session: Session = {
      api,
      deviceCode: device.device_code,
      definitionId: req.definitionId,
      expiresAt: now + (device.expires_in || 600) * 1000,
      intervalMs,
      nextPollAt: now + intervalMs,
    };
    this.forgetExpired(now);
    const code = randomUUID();
    this.sessions.set(code, session);
    return {
      code,
      userCode: device.user_code,
      verificationUrl: device.verification_url,
      expiresAt: new Date(session.expiresAt).toISOString(),
      intervalSeconds: intervalMs / 1000,
    };
  }

  async poll(code: string): Promise<TraktPollView> {
    const session = this.sessions.get(code);
    if (!session) throw new NotFoundError(`no Trakt sign-in ${code} is in progress`);
    const now = this.deps.clock.now();
    const view = (status: TraktPollStatus, extra: Partial<TraktPollView> = {}): TraktPollView => ({
      status,
      intervalSeconds: session.intervalMs / 1000,
      nextPollAt: status === 'pending' || status === 'slow_down' ? new Date(session.nextPollAt).toISOString() : null,
      saved: false,
      ...extra,
    });
    if (now >= session.expiresAt) {
      this.sessions.delete(code);
      return view('expired');
    }
    // Polling faster than Trakt's interval earns a slow_down (or a ban); answer from here instead.
    if (now < session.nextPollAt) return view('pending');
    const answer = await session.api.deviceToken(session.deviceCode);
    switch (answer.status) {
      case 'pending':
        session.nextPollAt = now + session.intervalMs;
        return view('pending');
      case 'slow_down':
        session.intervalMs += SLOW_DOWN_MS;
        session.nextPollAt = now + session.intervalMs;
        return view('slow_down');
      case 'authorized': {
        this.sessions.delete(code);
        const tokens = tokenSettings(answer.token, now);
        if (session.definitionId !== undefined) {
          await this.deps.saveSettings(session.definitionId, { ...tokens });
          this.deps.log.info({ definitionId: session.definitionId }, 'Trakt sign-in stored');
          return view('authorized', { saved: true });
        }
        return view('authorized', { tokens });
      }
      case 'used':
      case 'invalid':
        this.sessions.delete(code);
        return view('invalid');
      default:
        this.sessions.delete(code);
        return view(answer.status);
    }
  }

  private async credentials(
    req: TraktDeviceStart,
  ): Promise<{ clientId: string; clientSecret: string; baseUrl: string }> {
    if (req.definitionId !== undefined) {
      const d = await this.deps.definitions.get(req.definitionId);
      if (d?.kind !== 'importlist' || d.implementation !== 'trakt')
        throw new NotFoundError(`no Trakt import list ${req.definitionId}`);
      const s = d.settings as { clientId?: string; clientSecret?: string; baseUrl?: string };
      return {
        clientId: s.clientId ?? '',
        clientSecret: s.clientSecret ?? '',
        baseUrl: s.baseUrl ?? TRAKT_DEFAULT_URL,
      };
    }
    if (!req.clientId || !req.clientSecret) {
      const message = 'clientId and clientSecret are required without a definitionId';
      throw new ValidationError(message, [{ field: 'body.clientId', message, severity: 'error' }]);
    }
    return { clientId: req.clientId, clientSecret: req.clientSecret, baseUrl: req.baseUrl ?? TRAKT_DEFAULT_URL };
  }

  private forgetExpired(now: number): void {
    for (const [code, s] of this.sessions) if (now >= s.expiresAt) this.sessions.delete(code);
  }
}
