// Emby against a fake server: the same API as Jellyfin under `/emby`, authenticated with X-Emby-Token only.
// Replays ../shared/fixtures/protocols/jellyfin/emby-system-info-public.json and the shared virtual folders.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeHttpServer } from '../../../../test/support/fake-http-server.js';
import { systemClock } from '../../../lib/clock.js';
import { AuthError } from '../../../lib/errors.js';
import { errorToFindings } from '../../../providers/test-findings.js';
import { EmbyAdapter } from './adapter.js';
import { embyIntegration } from './index.js';
import { embySettings } from './settings.js';

const FIXTURES = fileURLToPath(new URL('../../../../../../shared/fixtures/protocols/jellyfin/', import.meta.url));
const TOKEN = 'emby0123456789abcdef0123456789ab';

let fake: FakeHttpServer;

beforeAll(async () => {
  fake = await FakeHttpServer.start({ fixtureRoot: FIXTURES });
});
afterAll(async () => {
  await fake?.close();
});
beforeEach(() => {
  fake.reset();
  // The public subset of System/Info carries the fields test() reads (Version, Id, ServerName).
  fake.fixture('GET', '/emby/System/Info', 'emby-system-info-public.json');
  fake.fixture('GET', '/emby/Library/VirtualFolders', 'library-virtualfolders.json');
  fake.route('POST', '/emby/Library/Media/Updated', { status: 204 });
});

const emby = (overrides: Record<string, unknown> = {}) =>
  new EmbyAdapter(embySettings.parse({ host: fake.url, token: TOKEN, ...overrides }), systemClock);

describe('Emby', () => {
  it('test() calls /emby/System/Info with X-Emby-Token and no Jellyfin Authorization header', async () => {
    expect(await emby().test()).toEqual([]);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /emby/System/Info',
      'GET /emby/Library/VirtualFolders',
    ]);
    expect(fake.requests[0]?.headers['x-emby-token']).toBe(TOKEN);
    expect(fake.requests[0]?.headers.authorization).toBeUndefined();
    expect(await emby().serverInfo()).toEqual({
      name: 'emby',
      version: '4.8.10.0',
      serverId: '6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b',
    });
  });

  it('refreshPath POSTs /emby/Library/Media/Updated with the mapped folder', async () => {
    await emby({ pathMappings: [{ remotePath: '/data/media', localPath: '/srv/media' }] }).refreshPath(
      '/srv/media/movies/Film (2020)',
    );
    const [req] = fake.requestsTo('/emby/Library/Media/Updated', 'POST');
    expect(req?.headers['x-emby-token']).toBe(TOKEN);
    expect(req?.json()).toEqual({ Updates: [{ Path: '/data/media/movies/Film (2020)', UpdateType: 'Modified' }] });
  });

  it('turns 401 into an AuthError on the token field', async () => {
    fake.route('GET', '/emby/System/Info', { status: 401, body: 'Access token is invalid or expired.' });
    const err = await emby()
      .test()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect(errorToFindings(embyIntegration, err, [TOKEN])[0]?.field).toBe('settings.token');
  });
});
