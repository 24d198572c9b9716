// Series-side deletes through the composed app: an episode file deleted through the API and then the series
// (with its folder) reach a webhook tagged like the series and a real custom script with the series' path, the
// episodes and the file (spec payloads EpisodeFileDelete / SeriesDelete and the idkarr_* variables), while a
// webhook tagged with a tag the series lacks gets nothing. The movie side is covered by notification-flow.test.ts.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EpisodeRepository } from '../../src/db/repositories/episode.repository.js';
import { MediaFileRepository } from '../../src/db/repositories/media-file.repository.js';
import { SeriesRepository } from '../../src/db/repositories/series.repository.js';
import type { Series } from '../../src/domain/library/series.types.js';
import type { EpisodeFile } from '../../src/services/import/import.types.js';
import { type AppHarness, startApp } from '../support/app-harness.js';
import type { FakeHttpServer } from '../support/fake-http-server.js';
import { episodeMeta, newSeries } from '../support/library-factories.js';
import { apiOf, scriptCapture, webhookServer } from './notification-flow.support.js';

const waitFor = (fn: () => void) => vi.waitFor(fn, { timeout: 20_000, interval: 50 });
const DELETES = { onGrab: false, onDownload: false, onUpgrade: false, onEpisodeFileDelete: true, onSeriesDelete: true };

describe('episode file and series deletes notify with the series, its path and tags (sqlite)', () => {
  let h: AppHarness;
  const fakes: FakeHttpServer[] = [];
  let hooks: Awaited<ReturnType<typeof webhookServer>>;
  let script: ReturnType<typeof scriptCapture>;
  let dir: string;
  let series: Series;
  let file: EpisodeFile;
  let episodeIds: number[];
  const api = apiOf(() => h);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'idkarr-notify-deletes-'));
    const root = join(dir, 'tv');
    hooks = await webhookServer(fakes);
    script = scriptCapture(join(dir, 'script'));
    h = await startApp('sqlite', { env: { IDKARR_LOG_LEVEL: 'warn' } });
    const db = h.app.database.db;
    mkdirSync(root, { recursive: true });
    expect((await api('POST', '/rootfolder', { path: root })).statusCode).toBe(201);
    const tag = async (label: string) => (await api('POST', '/tag', { label })).json<{ id: number }>().id;
    const [showTag, otherTag] = [await tag('show'), await tag('other')];
    series = await new SeriesRepository(db).insert(
      newSeries(7, {
        title: 'Delete Show',
        year: 2010,
        path: join(root, 'Delete Show (2010)'),
        rootFolderPath: root,
        tags: [showTag],
      }),
    );
    const { insertedIds } = await new EpisodeRepository(db).upsertMany(series.id, [
      { ...episodeMeta(1, 1, { title: 'One' }), monitored: true },
      { ...episodeMeta(1, 2, { title: 'Two' }), monitored: true },
    ]);
    episodeIds = insertedIds;
    const relativePath = 'Season 01/Delete Show - S01E01-E02.mkv';
    mkdirSync(join(series.path, 'Season 01'), { recursive: true });
    writeFileSync(join(series.path, relativePath), 'x');
    file = await new MediaFileRepository(db).insertEpisodeFile({
      seriesId: series.id,
      seasonNumber: 1,
      episodeIds,
      path: join(series.path, relativePath),
      relativePath,
      size: 1,
      quality: { quality: 'webdl-1080p', revision: { version: 1, real: 0 } },
      languages: ['en'],
      releaseGroup: 'GRP',
      sceneName: null,
      originalPath: null,
      mediaInfo: null,
      indexerFlags: 0,
      dateAdded: new Date().toISOString(),
    });
    const create = async (implementation: string, name: string, tags: number[], settings: object) => {
      const r = await api('POST', '/notification?forceSave=true', { implementation, name, tags, settings });
      expect(r.statusCode, r.body).toBe(201);
    };
    await create('webhook', 'Hook show', [showTag], { ...hooks.settings('show'), ...DELETES });
    await create('webhook', 'Hook other', [otherTag], { ...hooks.settings('other'), ...DELETES });
    await create('custom-script', 'Script', [], { ...script.settings, ...DELETES });
    await h.app.startBackground();
  });

  afterAll(async () => {
    await h?.close();
    await Promise.all(fakes.map((f) => f.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  const SERIES = () => ({
    id: series.id,
    title: 'Delete Show',
    titleSlug: 'delete-show',
    path: series.path,
    tvdbId: 70007,
    tmdbId: 9007,
    type: 'standard',
    year: 2010,
  });
  const events = () => script.envs().filter((e) => e.idkarr_eventtype !== 'Test');

  it('an episode file deleted through the API → EpisodeFileDelete with the series, episodes and file', async () => {
    expect((await api('DELETE', `/episodefile/${file.id}`)).statusCode).toBe(204);
    await waitFor(() => expect(hooks.payloads('show')).toHaveLength(1));
    expect(hooks.payloads('show')[0]).toEqual({
      eventType: 'EpisodeFileDelete',
      instanceName: 'idkarr',
      applicationUrl: 'http://localhost:7979',
      series: SERIES(),
      episodes: [
        expect.objectContaining({ id: episodeIds[0], seasonNumber: 1, episodeNumber: 1, title: 'One' }),
        expect.objectContaining({ id: episodeIds[1], seasonNumber: 1, episodeNumber: 2, title: 'Two' }),
      ],
      episodeFile: expect.objectContaining({ id: file.id, path: file.path, quality: 'WEBDL-1080p' }),
      deleteReason: 'Manual',
    });
    await waitFor(() => expect(events()).toHaveLength(1));
    expect(events()[0]).toMatchObject({
      idkarr_eventtype: 'EpisodeFileDelete',
      idkarr_series_path: series.path,
      idkarr_episodefile_path: file.path,
      idkarr_episodefile_episodeids: episodeIds.join(','),
      idkarr_episodefile_deletereason: 'Manual',
    });
  });

  it('the series deleted with its folder → SeriesDelete with its path; the foreign tag heard nothing', async () => {
    expect((await api('DELETE', `/series/${series.id}?deleteFiles=true`)).statusCode).toBe(204);
    await waitFor(() => expect(hooks.payloads('show')).toHaveLength(2));
    expect(hooks.payloads('show')[1]).toEqual({
      eventType: 'SeriesDelete',
      instanceName: 'idkarr',
      applicationUrl: 'http://localhost:7979',
      series: SERIES(),
      deletedFiles: true,
    });
    await waitFor(() => expect(events()).toHaveLength(2));
    expect(events()[1]).toMatchObject({
      idkarr_eventtype: 'SeriesDelete',
      idkarr_series_title: 'Delete Show',
      idkarr_series_path: series.path,
      idkarr_series_deletedfiles: 'True',
    });
    expect(hooks.payloads('other')).toEqual([]);
  });
});
