// Synology Download Station against a local fake DSM replaying recorded and documented DSM answers
// (shared/fixtures/protocols/download-station): the exact requests (API discovery, login with the
// DownloadStation session, _sid on every call, additional=detail,transfer,file, destinations), the mapping of
// real task lists, and the error codes → taxonomy, including a re-login on an expired session (106).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freePort } from '../../../../test/support/daemons/common.js';
import { FakeHttpServer, type RecordedRequest } from '../../../../test/support/fake-http-server.js';
import { systemClock } from '../../../lib/clock.js';
import { AuthError, ProtocolError, UnreachableError, ValidationError } from '../../../lib/errors.js';
import type { DownloadProtocol, DownloadStatus } from '../../../providers/ports/download-client.port.js';
import { errorToFindings } from '../../../providers/test-findings.js';
import { DownloadStationAdapter } from './adapter.js';
import type { DsTask } from './api.js';
import { downloadStationTorrentIntegration } from './index.js';
import { destinationPath, mapStatus } from './mapper.js';
import { downloadStationSettings } from './settings.js';

const FIXTURES = fileURLToPath(
  new URL('../../../../../../shared/fixtures/protocols/download-station/', import.meta.url),
);
const fixtureJson = <T>(name: string): T => JSON.parse(readFileSync(`${FIXTURES}${name}`, 'utf8')) as T;
const PASSWORD = 'dsm-pass-Zq7';
const MAGNET = 'magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567&dn=Some.Movie.2020.1080p.BluRay.x264-GRP';

let fake: FakeHttpServer;
/** Tasks added on top of the recorded list, as a create would. */
let extraTasks: DsTask[];
let listFixture: string;

beforeAll(async () => {
  fake = await FakeHttpServer.start({ fixtureRoot: FIXTURES });
});
afterAll(() => fake.close());
afterEach(() => fake.reset());

beforeEach(() => {
  extraTasks = [];
  listFixture = 'task-list-detail-transfer-file.json';
  fake.fixture('GET', '/webapi/query.cgi', 'dsm6-api-info-query-subset.json');
  fake.fixture('POST', '/webapi/auth.cgi', 'dsm6-auth-login.json');
  fake.fixture('GET', '/webapi/auth.cgi', 'task-create-success.json'); // logout
  fake.route('GET', '/webapi/DownloadStation/info.cgi', (req) => ({
    file:
      req.query.method === 'getconfig'
        ? 'dsm6-downloadstation-info-getconfig.json'
        : 'dsm6-downloadstation-info-getinfo.json',
  }));
  fake.fixture('GET', '/webapi/entry.cgi', 'filestation-list-share-real-path.json');
  fake.route('GET', '/webapi/DownloadStation/task.cgi', (req) => {
    const method = req.query.method;
    if (method === 'list') {
      const body = fixtureJson<{ data: { tasks: DsTask[]; total: number } }>(listFixture);
      body.data.tasks.push(...extraTasks);
      body.data.total = body.data.tasks.length;
      return { json: body };
    }
    if (method === 'pause' || method === 'resume' || method === 'delete') {
      return { json: { success: true, data: (req.query.id ?? '').split(',').map((id) => ({ error: 0, id })) } };
    }
    return { file: 'task-create-success.json' }; // create, edit
  });
  fake.fixture('POST', '/webapi/DownloadStation/task.cgi', 'task-create-success.json');
});

function adapter(overrides: Record<string, unknown> = {}, protocol: DownloadProtocol = 'torrent') {
  const port = Number(new URL(fake.url).port);
  const settings = downloadStationSettings.parse({
    host: '127.0.0.1',
    port,
    username: 'mediaserver',
    password: PASSWORD,
    movieCategory: 'movies',
    tvCategory: 'tv',
    timeoutSeconds: 5,
    ...overrides,
  });
  return new DownloadStationAdapter(protocol, settings, systemClock);
}

const newTask = (id: string, title: string, uri: string, destination: string, type = 'bt'): DsTask => ({
  id,
  type,
  title,
  size: 0,
  status: 'waiting',
  additional: { detail: { destination, uri, create_time: 1738300000 } },
});

const form = (req: RecordedRequest) => new URLSearchParams(req.body);

describe('Download Station test() and login', () => {
  it('discovers the APIs, logs in with the DownloadStation session and sends the sid', async () => {
    expect(await adapter().test()).toEqual([]);
    const [query] = fake.requestsTo('/webapi/query.cgi');
    expect(query?.query).toMatchObject({ api: 'SYNO.API.Info', method: 'query', version: '1' });
    expect(query?.query.query).toContain('SYNO.DownloadStation.Task');
    const login = fake.requestsTo('/webapi/auth.cgi', 'POST');
    expect(login).toHaveLength(1);
    expect(Object.fromEntries(form(login[0]!))).toMatchObject({
      api: 'SYNO.API.Auth',
      version: '6',
      method: 'login',
      account: 'mediaserver',
      passwd: PASSWORD,
      session: 'DownloadStation',
      format: 'sid',
    });
    expect(login[0]?.path + JSON.stringify(login[0]?.query)).not.toContain(PASSWORD); // never in the URL
    const info = fake.requestsTo('/webapi/DownloadStation/info.cgi');
    expect(info.map((r) => r.query.method)).toEqual(['getinfo', 'getconfig']);
    expect(info.every((r) => r.query._sid === 'session_id')).toBe(true);
  });

  it('a wrong password (auth 400) is an AuthError on the password field', async () => {
    fake.fixture('POST', '/webapi/auth.cgi', 'dsm-error-auth-invalid-credentials-400.json');
    const err = await adapter()
      .test()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect((err as Error).message).toMatch(/incorrect password/);
    const findings = errorToFindings(downloadStationTorrentIntegration, err, [PASSWORD]);
    expect(findings).toEqual([expect.objectContaining({ field: 'settings.password', severity: 'error' })]);
    expect(fake.requestsTo('/webapi/auth.cgi', 'POST')).toHaveLength(1); // no retry that could lock the account
  });

  it('an account that needs a 2-step code (auth 403) is an AuthError saying so', async () => {
    fake.fixture('POST', '/webapi/auth.cgi', 'dsm-error-auth-otp-required-403.json');
    await expect(adapter().test()).rejects.toThrow(/2-step/);
  });

  it('insufficient privilege (105) is an AuthError', async () => {
    fake.fixture('GET', '/webapi/DownloadStation/info.cgi', 'dsm-error-insufficient-privilege-105.json');
    const err = await adapter()
      .healthCheck()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect((err as Error).message).toMatch(/privilege/);
  });

  it('an unknown shared folder is a finding on the directory field', async () => {
    expect(await adapter({ directory: 'nosuchshare/x' }).test()).toEqual([
      expect.objectContaining({ field: 'settings.directory', severity: 'error' }),
    ]);
    expect(await adapter({ directory: 'video/incoming' }).test()).toEqual([]);
  });

  it('an expired session (106) logs in again once and repeats the call', async () => {
    const client = adapter();
    await client.healthCheck();
    fake.once('GET', '/webapi/DownloadStation/task.cgi', { file: 'error-session-106-timeout.json' });
    const items = await client.list();
    expect(items.length).toBeGreaterThan(0);
    expect(fake.requestsTo('/webapi/auth.cgi', 'POST')).toHaveLength(2);
    expect(fake.requestsTo('/webapi/DownloadStation/task.cgi').map((r) => r.query.method)).toEqual(['list', 'list']);
  });

  it('a DSM that keeps answering 106 fails with AuthError after one re-login', async () => {
    fake.fixture('GET', '/webapi/DownloadStation/task.cgi', 'error-session-106-timeout.json');
    await expect(adapter().list()).rejects.toBeInstanceOf(AuthError);
    expect(fake.requestsTo('/webapi/auth.cgi', 'POST')).toHaveLength(2);
  });

  it('a stopped DSM is UnreachableError; garbage is ProtocolError', async () => {
    const port = await freePort();
    const down = new DownloadStationAdapter(
      'torrent',
      downloadStationSettings.parse({ host: '127.0.0.1', port, username: 'u', password: 'p' }),
      systemClock,
    );
    await expect(down.healthCheck()).rejects.toBeInstanceOf(UnreachableError);
    fake.route('GET', '/webapi/query.cgi', { body: '<html>login</html>', headers: { 'content-type': 'text/html' } });
    await expect(adapter().healthCheck()).rejects.toBeInstanceOf(ProtocolError);
  });
});

describe('Download Station task list', () => {
  it('lists torrent tasks of our categories with the detail/transfer/file additions and real paths', async () => {
    const items = await adapter().list();
    const [list] = fake.requestsTo('/webapi/DownloadStation/task.cgi');
    expect(list?.query).toMatchObject({
      api: 'SYNO.DownloadStation.Task',
      method: 'list',
      additional: 'detail,transfer,file',
      _sid: 'session_id',
    });
    expect(items.map((i) => i.downloadId)).toEqual(['dbid_1021', 'dbid_1011']); // the nzb task belongs to usenet
    const [downloading, seeding] = items;
    expect(downloading).toMatchObject({
      title: 'Severance.S02E03.1080p.WEB.H264-SuccessfulCrab',
      category: 'tv',
      status: 'downloading',
      rawStatus: 'downloading',
      totalSize: 3758096384,
      remainingSize: 3758096384 - 2348810240,
      downloadSpeed: 10485760,
      outputPath: null,
      seeds: 27,
      peers: 4,
    });
    expect(downloading?.progress).toBeCloseTo(2348810240 / 3758096384, 6);
    expect(downloading?.eta).toBe(Math.round((3758096384 - 2348810240) / 10485760));
    expect(seeding).toMatchObject({
      category: 'movies',
      status: 'seeding',
      progress: 1,
      outputPath: '/volume1/downloads/movies/Some.Movie.2023.2160p.UHD.BluRay.x265-GRP',
      ratio: 1.5,
      seeds: 0,
      peers: 2,
    });
    expect(await adapter().completedOutputPath('dbid_1011')).toBe(
      '/volume1/downloads/movies/Some.Movie.2023.2160p.UHD.BluRay.x265-GRP',
    );
  });

  it('the usenet face lists the nzb task, completed with its path', async () => {
    const items = await adapter({}, 'usenet').list();
    expect(items).toEqual([
      expect.objectContaining({
        downloadId: 'dbid_1019',
        status: 'completed',
        category: 'tv',
        outputPath: '/volume1/downloads/tv/The.Bear.S03E01.Tomorrow.1080p.DSNP.WEB-DL.DDP5.1.H.264-NTb',
        canMoveFiles: true,
      }),
    ]);
    expect(items[0]).not.toHaveProperty('seeds'); // usenet: zeros in the payload, no sources concept
    expect(items[0]).not.toHaveProperty('peers');
  });

  it('maps a real DSM 6 task list (no transfer block, errors with details)', async () => {
    listFixture = 'dsm6-downloadstation-task-list-detail-file.json';
    const items = await adapter({ directory: 'Folder/containing', movieCategory: 'downloads', tvCategory: '' }).list();
    const byId = new Map(items.map((i) => [i.downloadId, i]));
    expect(items).toHaveLength(8); // 5 bt + 3 https: direct downloads belong to the torrent face too
    expect(byId.get('dbid_86')).toMatchObject({ status: 'downloading', category: 'downloads', progress: 0 });
    expect(byId.get('dbid_518')).toMatchObject({ status: 'paused' });
    expect(byId.get('dbid_522')).toMatchObject({
      status: 'completed',
      progress: 1,
      outputPath: '/Folder/containing/downloads/Birds of Pokémon.mkv',
    });
    expect(byId.get('dbid_549')).toMatchObject({ status: 'failed', message: 'broken_link' });
    expect(byId.get('dbid_86')).toMatchObject({ seeds: 0, peers: 0 }); // a torrent nobody serves
    expect(byId.get('dbid_486')).toMatchObject({ seeds: 50, peers: 0 });
    expect(byId.get('dbid_531')).not.toHaveProperty('seeds'); // an https download has no peers to count
    expect(byId.get('dbid_533')).toMatchObject({ status: 'failed', message: 'unknown' });
  });
});

describe('Download Station tasks', () => {
  it('adds a magnet into the default destination’s category folder and finds the new task', async () => {
    const client = adapter();
    const pending = client.add({
      title: 'Some.Movie.2020',
      mediaType: 'movie',
      source: { kind: 'magnet', uri: MAGNET },
    });
    // The create lands between the two list calls.
    fake.once('GET', '/webapi/DownloadStation/task.cgi', (req) => {
      expect(req.query.method).toBe('list');
      return { file: 'task-list-detail-transfer-file.json' };
    });
    fake.once('GET', '/webapi/DownloadStation/task.cgi', (req) => {
      expect(req.query.method).toBe('create');
      extraTasks.push(newTask('dbid_2000', 'Some.Movie.2020.1080p.BluRay.x264-GRP', MAGNET, 'downloads/movies'));
      return { file: 'task-create-success.json' };
    });
    expect(await pending).toEqual({ downloadId: 'dbid_2000' });
    const create = fake.requestsTo('/webapi/DownloadStation/task.cgi').find((r) => r.query.method === 'create');
    expect(create?.query).toMatchObject({ uri: MAGNET, destination: 'downloads/movies', _sid: 'session_id' });
    expect(await client.get('dbid_2000')).toMatchObject({ status: 'queued', category: 'movies' });
  });

  it('uploads a .torrent as multipart into the configured directory and pauses it when asked', async () => {
    const client = adapter({ directory: '/video/incoming/' });
    fake.route('POST', '/webapi/DownloadStation/task.cgi', () => {
      extraTasks.push(newTask('dbid_2001', 'Some.Show.S01E01', 'Some.Show.S01E01.torrent', 'video/incoming/tv'));
      return { file: 'task-create-success.json' };
    });
    const { downloadId } = await client.add({
      title: 'Some.Show.S01E01',
      mediaType: 'tv',
      paused: true,
      source: {
        kind: 'torrentFile',
        data: new TextEncoder().encode('d4:infod4:name1:xee'),
        fileName: 'Some.Show.S01E01.torrent',
      },
    });
    expect(downloadId).toBe('dbid_2001');
    const [upload] = fake.requestsTo('/webapi/DownloadStation/task.cgi', 'POST');
    expect(upload?.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(upload?.body).toMatch(/name="method"\r\n\r\ncreate/);
    expect(upload?.body).toMatch(/name="destination"\r\n\r\nvideo\/incoming\/tv/);
    expect(upload?.body).toMatch(/name="_sid"\r\n\r\nsession_id/);
    expect(upload?.body).toMatch(/name="file"; filename="Some.Show.S01E01.torrent"/);
    expect(upload?.body.indexOf('name="file"')).toBeGreaterThan(upload?.body.indexOf('name="_sid"') ?? 0);
    const pause = fake.requestsTo('/webapi/DownloadStation/task.cgi').find((r) => r.query.method === 'pause');
    expect(pause?.query.id).toBe('dbid_2001');
  });

  it('the usenet face uploads NZBs and refuses torrents; the torrent face refuses NZBs', async () => {
    fake.route('POST', '/webapi/DownloadStation/task.cgi', () => {
      extraTasks.push(newTask('dbid_2002', 'Other.Show.S01E01', 'Other.Show.S01E01.nzb', 'downloads/tv', 'nzb'));
      return { file: 'task-create-success.json' };
    });
    const nzb = {
      kind: 'nzbFile' as const,
      data: new TextEncoder().encode('<nzb/>'),
      fileName: 'Other.Show.S01E01.nzb',
    };
    expect(await adapter({}, 'usenet').add({ title: 'Other.Show.S01E01', mediaType: 'tv', source: nzb })).toEqual({
      downloadId: 'dbid_2002',
    });
    await expect(adapter().add({ title: 'x', mediaType: 'tv', source: nzb })).rejects.toBeInstanceOf(ValidationError);
    await expect(
      adapter({}, 'usenet').add({ title: 'x', mediaType: 'tv', source: { kind: 'magnet', uri: MAGNET } }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('a missing destination (403) and no default destination (406) are ValidationErrors', async () => {
    fake.route('GET', '/webapi/DownloadStation/task.cgi', (req) =>
      req.query.method === 'create'
        ? { file: 'error-task-403-destination-does-not-exist.json' }
        : { file: 'task-list-detail-transfer-file.json' },
    );
    const err = await adapter()
      .add({ title: 'x', mediaType: 'movie', source: { kind: 'magnet', uri: MAGNET } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as Error).message).toMatch(/destination does not exist/);
    fake.route('GET', '/webapi/DownloadStation/task.cgi', (req) =>
      req.query.method === 'create'
        ? { file: 'error-task-406-no-default-destination.json' }
        : { file: 'task-list-detail-transfer-file.json' },
    );
    await expect(
      adapter().add({ title: 'x', mediaType: 'movie', source: { kind: 'magnet', uri: MAGNET } }),
    ).rejects.toThrow(/no default destination/);
  });

  it('pauses, resumes, removes and moves tasks by id', async () => {
    const client = adapter();
    await client.pause('dbid_1021');
    await client.resume('dbid_1021');
    await client.remove('dbid_1021', true);
    await client.setCategory('dbid_1021', 'movies');
    const calls = fake.requestsTo('/webapi/DownloadStation/task.cgi').map((r) => r.query);
    expect(calls).toEqual([
      expect.objectContaining({ method: 'pause', id: 'dbid_1021', version: '1', _sid: 'session_id' }),
      expect.objectContaining({ method: 'resume', id: 'dbid_1021' }),
      expect.objectContaining({ method: 'delete', id: 'dbid_1021', force_complete: 'false' }),
      expect.objectContaining({ method: 'edit', id: 'dbid_1021', version: '2', destination: 'downloads/movies' }),
    ]);
  });

  it('a per-task error in a pause answer (404 invalid task id) is reported', async () => {
    fake.route('GET', '/webapi/DownloadStation/task.cgi', {
      json: { success: true, data: [{ error: 404, id: 'dbid_9' }] },
    });
    await expect(adapter().pause('dbid_9')).rejects.toThrow(/invalid task id/);
  });
});

describe('Download Station status map', () => {
  it.each<[string | number, DownloadStatus]>([
    ['waiting', 'queued'],
    ['downloading', 'downloading'],
    ['paused', 'paused'],
    ['finishing', 'downloading'],
    ['finished', 'completed'],
    ['hash_checking', 'checking'],
    ['seeding', 'seeding'],
    ['filehost_waiting', 'queued'],
    ['extracting', 'downloading'],
    ['error', 'failed'],
    [5, 'completed'],
    [10, 'failed'],
    ['new_state', 'unknown'],
  ])('%s → %s', (raw, status) => expect(mapStatus(raw)).toBe(status));

  it('turns a destination into a volume path when the share is known', () => {
    const shares = new Map([['downloads', '/volume1/downloads']]);
    expect(destinationPath('downloads/tv', shares)).toBe('/volume1/downloads/tv');
    expect(destinationPath('/other/tv/', shares)).toBe('/other/tv');
  });
});
