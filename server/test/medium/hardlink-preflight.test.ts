// The hardlink preflight on root-folder setup (issue 7), both dialects through the composed app: POST /rootfolder
// answers with one hardlink result per known download folder (media management's download folders and remote
// path mappings' local folders), GET /rootfolder/hardlink-check without downloadPath checks the same folders
// against every root folder, and a download folder on another file system (tmpfs /dev/shm when it is one) is
// reported as copy-only with the reason — computed from the real devices, so the test means the same anywhere.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderDefinitionRepository } from '../../src/db/repositories/provider-definition.repository.js';
import { qbittorrentSettings } from '../../src/integrations/download-clients/qbittorrent/settings.js';
import { type AppHarness, startApp } from '../support/app-harness.js';
import { DIALECTS } from '../support/databases.js';

interface Check {
  downloadPath: string;
  rootFolderPath: string;
  hardlinks: boolean;
  message: string;
}

describe.each(DIALECTS)('hardlink preflight (%s)', (dialect) => {
  let h: AppHarness;
  let dir: string;
  let other: string;
  const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    h.app.http.inject({
      method,
      url: `/api/v1${url}`,
      headers: h.authHeaders(),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const folder = (name: string) => {
    const p = join(dir, name);
    mkdirSync(p, { recursive: true });
    return p;
  };

  beforeAll(async () => {
    h = await startApp(dialect, { env: { IDKARR_LOG_LEVEL: 'warn' } });
    dir = mkdtempSync(join(tmpdir(), 'idkarr-preflight-'));
    // A second file system when the box has one; otherwise a second folder on the same one.
    other = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'idkarr-preflight-'));
  });

  afterAll(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(other, { recursive: true, force: true });
  });

  it('no download folder known: the root folder is added and the preflight says nothing', async () => {
    const res = await api('POST', '/rootfolder', { path: folder('empty-root') });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ path: join(dir, 'empty-root'), hardlinks: [] });
  });

  it('POST /rootfolder checks every known download folder and leaves no test file behind', async () => {
    const downloads = folder('downloads');
    const mapped = folder('mapped');
    const settings = (await api('GET', '/config/mediamanagement')).json<Record<string, unknown>>();
    const put = await api('PUT', '/config/mediamanagement', { ...settings, downloadFolders: [downloads, other] });
    expect(put.statusCode, put.body).toBe(200);
    // A mapping needs a client on its host.
    await new ProviderDefinitionRepository(h.app.database.db).insert(
      'downloadclient',
      {
        implementation: 'qbittorrent',
        name: 'NAS',
        enabled: false,
        tags: [],
        settings: qbittorrentSettings.parse({ host: 'nas' }),
      },
      new Date().toISOString(),
    );
    const mapping = await api('POST', '/remotepathmapping', {
      host: 'nas',
      remotePath: '/downloads',
      localPath: mapped,
    });
    expect(mapping.statusCode, mapping.body).toBe(201);

    const root = folder('movies');
    const res = await api('POST', '/rootfolder', { path: root });
    expect(res.statusCode, res.body).toBe(201);
    const checks = res.json().hardlinks as Check[];
    expect(checks.map((c) => c.downloadPath).sort()).toEqual([downloads, mapped, other].sort());
    for (const c of checks) expect(c.rootFolderPath).toBe(root);
    expect(checks.find((c) => c.downloadPath === downloads)).toMatchObject({
      hardlinks: true,
      message: expect.stringMatching(/hardlinks work/),
    });
    const sameDevice = statSync(other).dev === statSync(root).dev;
    expect(checks.find((c) => c.downloadPath === other)).toMatchObject(
      sameDevice
        ? { hardlinks: true }
        : { hardlinks: false, message: expect.stringMatching(/different file systems.*Imports will copy/) },
    );
    for (const d of [downloads, mapped, other, root]) expect(readdirSync(d)).toEqual([]);
  });

  it('GET /rootfolder/hardlink-check without downloadPath covers the known folders for every root folder', async () => {
    const res = await api('GET', '/rootfolder/hardlink-check');
    expect(res.statusCode, res.body).toBe(200);
    const checks = res.json() as Check[];
    // Two root folders × three download folders.
    expect(checks).toHaveLength(6);
    expect(new Set(checks.map((c) => c.rootFolderPath))).toEqual(
      new Set([join(dir, 'empty-root'), join(dir, 'movies')]),
    );
    expect((await api('GET', '/rootfolder/hardlink-check?downloadPath=')).statusCode).toBe(400);
  });
});
