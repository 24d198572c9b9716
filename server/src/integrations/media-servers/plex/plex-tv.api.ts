// plex.tv's PIN sign-in (the "link a device" flow): POST /api/v2/pins creates a short code the user enters at
// plex.tv/link; GET /api/v2/pins/:id answers the same PIN with `authToken` filled in once the user linked it.
// Both calls must carry the same X-Plex-Client-Identifier: plex.tv binds the PIN (and the token) to that device.
import type { Clock } from '../../../lib/clock.js';
import { NotFoundError, ProtocolError } from '../../../lib/errors.js';
import { HttpClient, type HttpLogger, IDKARR_VERSION } from '../../../lib/http/http-client.js';

export const PLEX_TV_URL = 'https://plex.tv';
/** Where the user types the code of a non-strong PIN. */
export const PLEX_LINK_URL = 'https://plex.tv/link';

export interface PlexPin {
  id: number;
  code: string;
  expiresIn?: number;
  expiresAt?: string;
  authToken: string | null;
}

export interface PlexTvApiOptions {
  baseUrl?: string;
  clientIdentifier: string;
  clock?: Clock;
  log?: HttpLogger;
}

function readPin(text: string): PlexPin {
  let pin: Partial<PlexPin> | null = null;
  try {
    pin = JSON.parse(text) as Partial<PlexPin> | null;
  } catch {
    // answered below as a protocol error
  }
  if (!pin || typeof pin.id !== 'number' || typeof pin.code !== 'string')
    throw new ProtocolError('plex.tv answered without a PIN id and code', text.slice(0, 200));
  return { ...pin, authToken: typeof pin.authToken === 'string' && pin.authToken ? pin.authToken : null } as PlexPin;
}

export class PlexTvApi {
  private readonly http: HttpClient;

  constructor(opts: PlexTvApiOptions) {
    this.http = new HttpClient({
      baseUrl: opts.baseUrl ?? PLEX_TV_URL,
      timeoutMs: 15_000,
      headers: {
        Accept: 'application/json',
        'X-Plex-Product': 'idkarr',
        'X-Plex-Version': IDKARR_VERSION,
        'X-Plex-Client-Identifier': opts.clientIdentifier,
      },
      ...(opts.clock ? { clock: opts.clock } : {}),
      ...(opts.log ? { logger: opts.log } : {}),
    });
  }

  /** A short (non-strong) PIN, the kind plex.tv/link accepts. */
  async createPin(): Promise<PlexPin> {
    const res = await this.http.postForm('/api/v2/pins', { strong: 'false' });
    return readPin(res.body);
  }

  /** The PIN as it stands; NotFoundError once plex.tv forgot it (expired). */
  async pin(id: number): Promise<PlexPin> {
    const res = await this.http.getText(`/api/v2/pins/${id}`, { acceptStatus: [404] });
    if (res.status === 404) throw new NotFoundError(`plex.tv PIN ${id} is gone (expired)`);
    return readPin(res.body);
  }
}
