// Plex sign-in by PIN through the composed app: a Plex definition saved through the API, the PIN started and
// polled through /api/v1/mediaserver/plex/pin against a fake plex.tv replaying the recorded answers, and the
// token stored into the definition (masked by the API, used by the adapter).
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ProviderDefinitionRepository } from '../../src/db/repositories/provider-definition.repository.js';
import { type AppHarness, startApp } from '../support/app-harness.js';
import { FakeHttpServer } from '../support/fake-http-server.js';
import { apiOf } from './notification-flow.support.js';

const FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/protocols/plex/', import.meta.url));

describe('Plex PIN sign-in through the API (sqlite)', () => {
  let h: AppHarness;
  let plexTv: FakeHttpServer;
  let pms: FakeHttpServer;
  const api = apiOf(() => h);

  beforeAll(async () => {
    plexTv = await FakeHttpServer.start({ fixtureRoot: FIXTURES });
    plexTv.fixture('POST', '/api/v2/pins', 'plextv-pins-create.json', { status: 201 });
    plexTv.fixture('GET', '/api/v2/pins/:id', 'plextv-pins-linked.json');
    pms = await FakeHttpServer.start({ fixtureRoot: FIXTURES });
    pms.fixture('GET', '/identity', 'pms-identity.json');
    pms.fixture('GET', '/library/sections', 'pms-library-sections.json');
    h = await startApp('sqlite', { env: { IDKARR_LOG_LEVEL: 'warn' } });
  });
  afterAll(async () => {
    await h?.close();
    await plexTv?.close();
    await pms?.close();
  });

  it('starts a PIN, polls until linked and stores the token in the Plex definition', async () => {
    const created = await api('POST', '/mediaserver?forceSave=true', {
      implementation: 'plex',
      name: 'Plex',
      settings: { host: pms.url, token: 'typed-by-hand' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: number }>().id;
    const start = await api('POST', '/mediaserver/plex/pin', { definitionId: id, baseUrl: plexTv.url });
    expect(start.statusCode, start.body).toBe(201);
    const { code, pinCode, linkUrl } = start.json<{ code: string; pinCode: string; linkUrl: string }>();
    expect({ pinCode, linkUrl }).toEqual({ pinCode: 'CODE', linkUrl: 'https://plex.tv/link' });
    // plex.tv is asked at most every 2 s; earlier polls answer pending from the server.
    await vi.waitFor(
      async () => {
        const poll = await api('GET', `/mediaserver/plex/pin/${code}`);
        expect(poll.json()).toEqual({ status: 'authorized', saved: true });
      },
      { timeout: 15_000, interval: 250 },
    );
    const stored = await new ProviderDefinitionRepository(h.app.database.db).get(id);
    expect(stored?.settings.token).toBe('auth_token');
    expect((await api('GET', `/mediaserver/${id}`)).json<{ settings: { token: string } }>().settings.token).toBe(
      '********',
    );
    expect((await api('GET', `/mediaserver/plex/pin/${code}`)).statusCode).toBe(404);
  });
});
