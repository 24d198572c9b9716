// Renames through the composed app (issue 8): `POST /command {name: 'RenameFiles'}` for a tagged movie and a
// series. A webhook tagged like the items gets the Rename payloads (Radarr's renamedMovieFiles, Sonarr's
// renamedEpisodeFiles, each file with its previous path), a real custom script the idkarr_* rename variables,
// Plex and Jellyfin a rescan of the renamed movie's folder; a webhook with a foreign tag and one with onRename
// off (the default) hear nothing. The media-server window is shortened so the wait stays short.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EpisodeRepository } from '../../src/db/repositories/episode.repository.js';
import { MediaFileRepository } from '../../src/db/repositories/media-file.repository.js';
import { MovieRepository } from '../../src/db/repositories/movie.repository.js';
import { NamingConfigRepository } from '../../src/db/repositories/naming-config.repository.js';
import { SeriesRepository } from '../../src/db/repositories/series.repository.js';
import type { Movie } from '../../src/domain/library/movie.types.js';
import type { Series } from '../../src/domain/library/series.types.js';
import { type AppHarness, startApp } from '../support/app-harness.js';
import type { FakeHttpServer } from '../support/fake-http-server.js';
import { episodeMeta, newMovie, newSeries } from '../support/library-factories.js';
import { startMediaServers } from './notification-flow.client.js';
import { apiOf, scriptCapture, webhookServer } from './notification-flow.support.js';

const waitFor = (fn: () => void) => vi.waitFor(fn, { timeout: 20_000, interval: 50 });
const RENAMES = { onGrab: false, onDownload: false, onUpgrade: false, onRename: true };
const QUALITY = { quality: 'bluray-1080p', revision: { version: 1, real: 0 } };
const MOVIE_OLD = 'rename.movie.2012.1080p.bluray-grp.mkv';
const EPISODE_OLD = 'Season 01/show.s01e01.1080p.bluray-grp.mkv';

describe('RenameFiles notifies tagged definitions and rescans the media servers (sqlite)', () => {
  let h: AppHarness;
  const fakes: FakeHttpServer[] = [];
  let hooks: Awaited<ReturnType<typeof webhookServer>>;
  let script: ReturnType<typeof scriptCapture>;
  let media: Awaited<ReturnType<typeof startMediaServers>>;
  let dir: string;
  let movie: Movie;
  let series: Series;
  let movieFileId: number;
  let episodeFileId: number;
  const api = apiOf(() => h);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'idkarr-notify-renames-'));
    const [movies, tv] = [join(dir, 'movies'), join(dir, 'tv')];
    hooks = await webhookServer(fakes);
    script = scriptCapture(join(dir, 'script'));
    media = await startMediaServers();
    h = await startApp('sqlite', { env: { IDKARR_LOG_LEVEL: 'warn' }, compose: { mediaServers: { debounceMs: 50 } } });
    const db = h.app.database.db;
    const naming = new NamingConfigRepository(db);
    const config = await naming.get();
    await naming.save(
      { movie: { ...config.movie, renameMovies: true }, series: { ...config.series, renameEpisodes: true } },
      new Date(),
    );
    for (const root of [movies, tv]) {
      mkdirSync(root, { recursive: true });
      expect((await api('POST', '/rootfolder', { path: root })).statusCode).toBe(201);
    }
    const tag = async (label: string) => (await api('POST', '/tag', { label })).json<{ id: number }>().id;
    const [renameTag, otherTag] = [await tag('renames'), await tag('other')];
    const base = newMovie(12, { title: 'Rename Movie', tags: [renameTag] });
    movie = await new MovieRepository(db).insert({
      ...base,
      path: join(movies, 'Rename Movie (2012)'),
      rootFolderPath: movies,
    });
    series = await new SeriesRepository(db).insert(
      newSeries(8, {
        title: 'Rename Show',
        year: 2011,
        path: join(tv, 'Rename Show'),
        rootFolderPath: tv,
        tags: [renameTag],
      }),
    );
    const { insertedIds } = await new EpisodeRepository(db).upsertMany(series.id, [
      { ...episodeMeta(1, 1, { title: 'Pilot' }), monitored: true },
    ]);
    const files = new MediaFileRepository(db);
    const write = (path: string) => {
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, 'x');
      return path;
    };
    const common = {
      size: 1,
      quality: QUALITY,
      languages: ['en'],
      releaseGroup: 'GRP',
      sceneName: null,
      originalPath: null,
      mediaInfo: null,
      indexerFlags: 0,
      dateAdded: new Date().toISOString(),
    };
    movieFileId = (
      await files.insertMovieFile({
        ...common,
        movieId: movie.id,
        path: write(join(movie.path, MOVIE_OLD)),
        relativePath: MOVIE_OLD,
        edition: null,
      })
    ).id;
    episodeFileId = (
      await files.insertEpisodeFile({
        ...common,
        seriesId: series.id,
        seasonNumber: 1,
        episodeIds: insertedIds,
        path: write(join(series.path, EPISODE_OLD)),
        relativePath: EPISODE_OLD,
      })
    ).id;
    const create = async (kind: string, body: Record<string, unknown>) => {
      const r = await api('POST', `/${kind}?forceSave=true`, body);
      expect(r.statusCode, r.body).toBe(201);
    };
    const hook = (name: string, tags: number[], extra: object) =>
      create('notification', {
        implementation: 'webhook',
        name,
        tags,
        settings: { ...hooks.settings(name), ...extra },
      });
    await hook('tagged', [renameTag], RENAMES);
    await hook('other', [otherTag], RENAMES);
    await hook('defaults', [], {});
    await create('notification', {
      implementation: 'custom-script',
      name: 'Script',
      settings: { ...script.settings, ...RENAMES },
    });
    for (const d of media.definitions(movies)) await create('mediaserver', d);
    await h.app.startBackground();
  });

  afterAll(async () => {
    await h?.close();
    await media?.close();
    await Promise.all(fakes.map((f) => f.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs RenameFiles through the API and waits until it finished; returns the pending rename it applied. */
  async function renameThroughApi(query: string, body: object): Promise<string> {
    const pending = (await api('GET', `/rename?${query}`)).json<{ existingPath: string; newPath: string }[]>();
    expect(pending).toHaveLength(1);
    const r = await api('POST', '/command', { name: 'RenameFiles', ...body });
    expect(r.statusCode, r.body).toBe(201);
    const id = r.json<{ id: number }>().id;
    await waitFor(async () =>
      expect((await api('GET', `/command/${id}`)).json<{ status: string }>().status).toBe('completed'),
    );
    return pending[0]!.newPath;
  }
  const events = () => script.envs().filter((e) => e.idkarr_eventtype !== 'Test');

  it('a movie: Rename payload with renamedMovieFiles, script variables, Plex and Jellyfin rescan its folder', async () => {
    const newPath = await renameThroughApi(`movieId=${movie.id}`, { movieId: movie.id });
    expect(existsSync(join(movie.path, newPath))).toBe(true);
    await waitFor(() => expect(hooks.payloads('tagged')).toHaveLength(1));
    expect(hooks.payloads('tagged')[0]).toEqual({
      eventType: 'Rename',
      instanceName: 'idkarr',
      applicationUrl: 'http://localhost:7979',
      movie: {
        id: movie.id,
        title: 'Rename Movie',
        year: 2012,
        folderPath: movie.path,
        tmdbId: 1012,
        imdbId: 'tt0000012',
      },
      renamedMovieFiles: [
        {
          id: movieFileId,
          relativePath: newPath,
          path: join(movie.path, newPath),
          quality: 'Bluray-1080p',
          qualityVersion: 1,
          releaseGroup: 'GRP',
          size: 1,
          dateAdded: expect.any(String),
          previousRelativePath: MOVIE_OLD,
          previousPath: join(movie.path, MOVIE_OLD),
        },
      ],
    });
    await waitFor(() => expect(events()).toHaveLength(1));
    expect(events()[0]).toMatchObject({
      idkarr_eventtype: 'Rename',
      idkarr_movie_id: String(movie.id),
      idkarr_movie_path: movie.path,
      idkarr_moviefile_ids: String(movieFileId),
      idkarr_moviefile_relativepaths: newPath,
      idkarr_moviefile_paths: join(movie.path, newPath),
      idkarr_moviefile_previousrelativepaths: MOVIE_OLD,
      idkarr_moviefile_previouspaths: join(movie.path, MOVIE_OLD),
    });
    // The folder as Plex and Jellyfin/Emby know it (path mapping /data/media/movies ← the local root).
    const remote = '/data/media/movies/Rename Movie (2012)';
    await waitFor(() => expect(media.plexScans()).toEqual([{ section: '1', path: remote }]));
    await waitFor(() => expect(media.mbUpdates('')).toEqual([[{ Path: remote, UpdateType: 'Modified' }]]));
  });

  it('a series: Rename payload with renamedEpisodeFiles and the series variables; foreign tag and defaults hear nothing', async () => {
    const newPath = await renameThroughApi(`seriesId=${series.id}`, { seriesId: series.id });
    await waitFor(() => expect(hooks.payloads('tagged')).toHaveLength(2));
    expect(hooks.payloads('tagged')[1]).toEqual({
      eventType: 'Rename',
      instanceName: 'idkarr',
      applicationUrl: 'http://localhost:7979',
      series: expect.objectContaining({ id: series.id, title: 'Rename Show', path: series.path }),
      renamedEpisodeFiles: [
        expect.objectContaining({
          id: episodeFileId,
          relativePath: newPath,
          path: join(series.path, newPath),
          previousRelativePath: EPISODE_OLD,
          previousPath: join(series.path, EPISODE_OLD),
        }),
      ],
    });
    await waitFor(() => expect(events()).toHaveLength(2));
    expect(events()[1]).toMatchObject({
      idkarr_eventtype: 'Rename',
      idkarr_series_title: 'Rename Show',
      idkarr_series_path: series.path,
      idkarr_episodefile_ids: String(episodeFileId),
      idkarr_episodefile_paths: join(series.path, newPath),
      idkarr_episodefile_previouspaths: join(series.path, EPISODE_OLD),
    });
    expect(hooks.payloads('other')).toEqual([]);
    expect(hooks.payloads('defaults')).toEqual([]);
  });
});
