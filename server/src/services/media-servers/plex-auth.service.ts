// Plex sign-in by PIN: `start` asks plex.tv for a short code the user enters at plex.tv/link; `poll` asks plex.tv
// whether the PIN was linked, at most once per interval (faster polls are answered from here). The token of a
// saved Plex definition is written into it; for a definition not saved yet it is handed back once so the form can
// send it with the save. A token field typed by hand keeps working either way.
import { randomUUID } from 'node:crypto';
import { PLEX_LINK_URL, PlexTvApi } from '../../integrations/media-servers/plex/plex-tv.api.js';
import type { Clock } from '../../lib/clock.js';
import { NotFoundError } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import type { ProviderDefinition } from '../../providers/provider.types.js';

export interface PlexPinStart {
  /** A saved Plex definition that gets the token. */
  definitionId?: number | undefined;
  /** plex.tv, or a stand-in (tests). */
  baseUrl?: string | undefined;
}

export interface PlexPinView {
  /** The id to poll with (plex.tv's PIN id stays on the server). */
  code: string;
  /** What the user types at `linkUrl`. */
  pinCode: string;
  linkUrl: string;
  expiresAt: string;
  intervalSeconds: number;
}

export type PlexPinStatus = 'pending' | 'authorized' | 'expired';

export interface PlexPinPollView {
  status: PlexPinStatus;
  /** Whether the token was stored into the definition. */
  saved: boolean;
  /** Only for a definition not saved yet, once, on `authorized`. */
  token?: string;
}

interface Session {
  api: PlexTvApi;
  pinId: number;
  definitionId: number | undefined;
  expiresAt: number;
  nextPollAt: number;
}

export interface PlexAuthServiceDeps {
  definitions: { get(id: number): Promise<ProviderDefinition | undefined> };
  saveToken(definitionId: number, token: string): Promise<void>;
  clock: Clock;
  log: Pick<Logger, 'info'>;
}

const POLL_INTERVAL_MS = 2_000;
const DEFAULT_LIFETIME_S = 900;

export class PlexAuthService {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly deps: PlexAuthServiceDeps) {}

  async start(req: PlexPinStart): Promise<PlexPinView> {
    if (req.definitionId !== undefined) {
      const d = await this.deps.definitions.get(req.definitionId);
      if (d?.kind !== 'mediaserver' || d.implementation !== 'plex')
        throw new NotFoundError(`no Plex media server ${req.definitionId}`);
    }
    // One device identity per sign-in: plex.tv binds the PIN to it, so the poll must send the same one.
    const api = new PlexTvApi({
      clientIdentifier: `idkarr-${randomUUID()}`,
      clock: this.deps.clock,
      ...(req.baseUrl ? { baseUrl: req.baseUrl } : {}),
    });
    const pin = await api.createPin();
    const now = this.deps.clock.now();
    // plex.tv's clock and ours may disagree: count its stated lifetime from our now, not its expiresAt.
    const expiresAt = now + (pin.expiresIn ?? DEFAULT_LIFETIME_S) * 1000;
    const code = randomUUID();
    this.forgetExpired(now);
    this.sessions.set(code, {
      api,
      pinId: pin.id,
      definitionId: req.definitionId,
      expiresAt,
      nextPollAt: now + POLL_INTERVAL_MS,
    });
    return {
      code,
      pinCode: pin.code,
      linkUrl: PLEX_LINK_URL,
      expiresAt: new Date(expiresAt).toISOString(),
      intervalSeconds: POLL_INTERVAL_MS / 1000,
    };
  }

  async poll(code: string): Promise<PlexPinPollView> {
    const session = this.sessions.get(code);
    if (!session) throw new NotFoundError(`no Plex sign-in ${code} is in progress`);
    const now = this.deps.clock.now();
    if (now >= session.expiresAt) {
      this.sessions.delete(code);
      return { status: 'expired', saved: false };
    }
    if (now < session.nextPollAt) return { status: 'pending', saved: false };
    session.nextPollAt = now + POLL_INTERVAL_MS;
    let token: string | null;
    try {
      token = (await session.api.pin(session.pinId)).authToken;
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
      this.sessions.delete(code);
      return { status: 'expired', saved: false };
    }
    if (!token) return { status: 'pending', saved: false };
    this.sessions.delete(code);
    if (session.definitionId === undefined) return { status: 'authorized', saved: false, token };
    await this.deps.saveToken(session.definitionId, token);
    this.deps.log.info({ definitionId: session.definitionId }, 'Plex sign-in stored');
    return { status: 'authorized', saved: true };
  }

  private forgetExpired(now: number): void {
    for (const [code, s] of this.sessions) if (now >= s.expiresAt) this.sessions.delete(code);
  }
}
