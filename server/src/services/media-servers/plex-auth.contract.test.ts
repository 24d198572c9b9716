// Plex sign-in by PIN against a fake plex.tv replaying the recorded PIN answers (fixtures plex/plextv-pins-create
// and plextv-pins-linked): the create and poll requests (same device identity on both), polls throttled to the
// interval, the token saved into a Plex definition or handed back once, expiry by time and by plex.tv's 404.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeHttpServer } from '../../../test/support/fake-http-server.js';
import { FakeClock } from '../../lib/clock.js';
import { NotFoundError, ProtocolError } from '../../lib/errors.js';
import { silentLogger } from '../../lib/logger.js';
import type { ProviderDefinition } from '../../providers/provider.types.js';
import { PlexAuthService } from './plex-auth.service.js';

const FIXTURES = fileURLToPath(new URL('../../../../../shared/fixtures/protocols/plex/', import.meta.url));
const START = Date.parse('2030-01-01T00:00:00.000Z');

let fake: FakeHttpServer;
beforeAll(async () => {
  fake = await FakeHttpServer.start({ fixtureRoot: FIXTURES });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  fake.fixture('POST', '/api/v2/pins', 'plextv-pins-create.json', { status: 201 });
  fake.fixture('GET', '/api/v2/pins/:id', 'plextv-pins-create.json');
});

const definition = (id: number, implementation: string): ProviderDefinition => ({
  id,
  kind: 'mediaserver',
  implementation,
  name: implementation,
  enabled: true,
  tags: [],
  settings: { host: 'http://plex.lan:32400', token: 'old' },
  createdAt: '2030-01-01T00:00:00.000Z',
  updatedAt: '2030-01-01T00:00:00.000Z',
});

function harness() {
  const clock = new FakeClock(START);
  const saved: [number, string][] = [];
  const service = new PlexAuthService({
    definitions: { get: async (id) => [definition(4, 'plex'), definition(5, 'jellyfin')].find((d) => d.id === id) },
    saveToken: async (id, token) => void saved.push([id, token]),
    clock,
    log: silentLogger(),
  });
  return { clock, saved, service };
}

describe('Plex PIN sign-in', () => {
  it('start asks plex.tv for a short PIN and shows its code, the link page and the expiry', async () => {
    const { service } = harness();
    const view = await service.start({ definitionId: 4, baseUrl: fake.url });
    expect(view).toEqual({
      code: expect.any(String),
      pinCode: 'CODE',
      linkUrl: 'https://plex.tv/link',
      expiresAt: new Date(START + 900_000).toISOString(),
      intervalSeconds: 2,
    });
    const [req] = fake.requests;
    expect(req?.method).toBe('POST');
    expect(req?.path).toBe('/api/v2/pins');
    expect(new URLSearchParams(req?.body).get('strong')).toBe('false');
    expect(req?.headers).toMatchObject({ accept: 'application/json', 'x-plex-product': 'idkarr' });
    expect(req?.headers['x-plex-client-identifier']).toMatch(/^idkarr-[0-9a-f-]{36}$/);
  });

  it('polls at most once per interval with the same device identity, then stores the token in the definition', async () => {
    const { clock, saved, service } = harness();
    const { code } = await service.start({ definitionId: 4, baseUrl: fake.url });
    expect(await service.poll(code)).toEqual({ status: 'pending', saved: false });
    expect(fake.requests).toHaveLength(1); // answered here: too soon after the start
    await clock.advance(2_000);
    expect(await service.poll(code)).toEqual({ status: 'pending', saved: false });
    const [created, polled] = fake.requests;
    expect(polled?.method).toBe('GET');
    expect(polled?.path).toBe('/api/v2/pins/111222333');
    expect(polled?.headers['x-plex-client-identifier']).toBe(created?.headers['x-plex-client-identifier']);
    fake.fixture('GET', '/api/v2/pins/:id', 'plextv-pins-linked.json');
    await clock.advance(2_000);
    expect(await service.poll(code)).toEqual({ status: 'authorized', saved: true });
    expect(saved).toEqual([[4, 'auth_token']]);
    await expect(service.poll(code)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('without a saved definition the token is handed back once', async () => {
    const { clock, saved, service } = harness();
    fake.fixture('GET', '/api/v2/pins/:id', 'plextv-pins-linked.json');
    const { code } = await service.start({ baseUrl: fake.url });
    await clock.advance(2_000);
    expect(await service.poll(code)).toEqual({ status: 'authorized', saved: false, token: 'auth_token' });
    expect(saved).toEqual([]);
  });

  it('expires after the stated lifetime without asking plex.tv, or when plex.tv no longer knows the PIN', async () => {
    const { clock, service } = harness();
    const first = await service.start({ baseUrl: fake.url });
    await clock.advance(900_000);
    expect(await service.poll(first.code)).toEqual({ status: 'expired', saved: false });
    expect(fake.requests).toHaveLength(1);
    const second = await service.start({ baseUrl: fake.url });
    fake.route('GET', '/api/v2/pins/:id', {
      status: 404,
      json: { errors: [{ code: 1020, message: 'Code not found or expired' }] },
    });
    await clock.advance(2_000);
    expect(await service.poll(second.code)).toEqual({ status: 'expired', saved: false });
  });

  it('refuses a definition that is not a Plex media server, and an answer without a PIN', async () => {
    const { service } = harness();
    await expect(service.start({ definitionId: 5, baseUrl: fake.url })).rejects.toBeInstanceOf(NotFoundError);
    await expect(service.start({ definitionId: 99, baseUrl: fake.url })).rejects.toBeInstanceOf(NotFoundError);
    expect(fake.requests).toHaveLength(0);
    fake.route('POST', '/api/v2/pins', { status: 201, body: '<html>captive portal</html>' });
    await expect(service.start({ baseUrl: fake.url })).rejects.toBeInstanceOf(ProtocolError);
  });
});
