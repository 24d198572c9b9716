// Import wiring (issue 7): completed-download handling, the crash-safe file transactions (journal replayed here,
// before anything else can import), manual import, disk scans, renames, recycle bin, library file routes and the
// blocklist routes. Plain constructor calls like the other wiring files; compose.ts calls wireImport once.
import type { FastifyPluginAsync } from 'fastify';
import type { Database } from '../db/database.js';
import { BlocklistRepository } from '../db/repositories/blocklist.repository.js';
import { ImportJournalRepository } from '../db/repositories/import-journal.repository.js';
import { ImportSettingsRepository } from '../db/repositories/import-settings.repository.js';
import { MediaFileRepository } from '../db/repositories/media-file.repository.js';
import { ProviderDefinitionRepository } from '../db/repositories/provider-definition.repository.js';
import type { EventBus } from '../events/event-bus.js';
import { blocklistRoutes } from '../http/routes/blocklist.routes.js';
import { manualImportRoutes } from '../http/routes/manual-import.routes.js';
import { mediaFileRoutes } from '../http/routes/media-file.routes.js';
import { renameRoutes } from '../http/routes/rename.routes.js';
import type { CommandRegistry } from '../jobs/command-registry.js';
import type { Scheduler } from '../jobs/scheduler.service.js';
import type { Clock } from '../lib/clock.js';
import { NotFoundError } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import type { MediaFileLookup } from '../services/decisions/decision.ports.js';
import type { TrackedDownload } from '../services/downloads/download.types.js';
import { clientHost } from '../services/downloads/remote-path-mapping.service.js';
import type { HealthService } from '../services/health.service.js';
import { CompletedDownloadService } from '../services/import/completed-download.service.js';
import { ffprobeDuration } from '../services/import/file-discovery.js';
import { FileTransactionRunner, type RecoverySummary, type StepHook } from '../services/import/file-transaction.js';
import { type FsPort, nodeFs } from '../services/import/fs-port.js';
import { checkHardlink, type HardlinkCheck, HardlinkHealth } from '../services/import/hardlink-health.js';
import { importCommands } from '../services/import/import-commands.js';
import { ImportDecider } from '../services/import/import-decider.js';
import { LibraryFilesService } from '../services/import/library-files.service.js';
import { ManualImportService } from '../services/import/manual-import.service.js';
import { MediaImporter } from '../services/import/media-importer.js';
import type { DownloadsWiring } from './downloads.wiring.js';
import type { LibraryWiring } from './library.wiring.js';

export interface ImportAppDeps {
  library: Pick<LibraryWiring, 'repos' | 'services'>;
  downloads: DownloadsWiring;
  commands: CommandRegistry;
  scheduler: Scheduler;
  health: HealthService;
  events: EventBus;
  clock: Clock;
  log: Logger;
  /** Tests inject a failing file system. */
  fs?: FsPort;
  /** Duration prober; default ffprobe (missing ffprobe = unknown, never blocking). */
  probe?: ((path: string) => Promise<number | null>) | null;
  hook?: StepHook;
}

export interface ImportWiring {
  services: {
    completed: CompletedDownloadService;
    manualImport: ManualImportService;
    library: LibraryFilesService;
    runner: FileTransactionRunner;
    hardlinks: HardlinkHealth;
  };
  /** For the decision engine: the qualities of the files on disk. */
  mediaFileLookup: MediaFileLookup;
  /** What the journal replay did at start. */
  recovery: RecoverySummary;
  routes: FastifyPluginAsync[];
}

export async function wireImport(database: Database, app: ImportAppDeps): Promise<ImportWiring> {
  const db = database.db;
  const log = app.log.child({ module: 'import' });
  const fs = app.fs ?? nodeFs;
  const { events, clock } = app;
  const lib = app.library.repos;
  const files = new MediaFileRepository(db);
  const settingsRepo = new ImportSettingsRepository(db);
  const definitions = new ProviderDefinitionRepository(db);
  const runner = new FileTransactionRunner({
    db,
    journal: new ImportJournalRepository(db),
    fs,
    clock,
    log,
    ...(app.hook ? { hook: app.hook } : {}),
  });
  // Replay before any import can start: every interrupted operation ends with the old or the new file in place.
  const recovery = await runner.recover();
  const hardlinks = new HardlinkHealth();
  const settings = () => settingsRepo.get();
  const naming = () => lib.namingConfig.get();
  const probe = app.probe === undefined ? (p: string) => ffprobeDuration(p) : app.probe;
  const decider = new ImportDecider({
    fs,
    files,
    movies: lib.movies,
    series: lib.series,
    episodes: lib.episodes,
    profiles: lib.qualityProfiles,
    ...(probe ? { probe } : {}),
  });
  const importer = new MediaImporter({ db, runner, files, clock, events });
  const { queue } = app.downloads.services;
  const tracked = app.downloads.repos.tracked;
  const client = async (id: number) => {
    const d = await definitions.get(id);
    return d ? { name: d.name, host: clientHost(d) } : null;
  };
  const mappedFolders = async () => (await app.downloads.repos.mappings.list()).map((m) => m.localPath);
  const rootFolders = async () => (await lib.rootFolders.list()).map((r) => r.path);
  /** Download folders idkarr knows: the media-management list and every remote path mapping's local side. */
  const knownDownloadFolders = async () => {
    const all = [...(await settingsRepo.get()).downloadFolders, ...(await mappedFolders())];
    // Mappings keep a trailing slash; one folder written two ways is still one folder.
    return [...new Set(all.map((p) => p.replace(/(.)\/+$/, '$1')))];
  };
  app.library.services.rootFolderPreflight.use(async (root) => {
    const out: HardlinkCheck[] = [];
    for (const d of await knownDownloadFolders()) out.push(await checkHardlink(fs, d, root));
    return out;
  });
  const findDownload = async (downloadId: string): Promise<TrackedDownload | undefined> => {
    const row = await db
      .selectFrom('tracked_downloads')
      .select('id')
      .where('download_id', '=', downloadId)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return row ? tracked.get(row.id) : undefined;
  };
  const completed = new CompletedDownloadService({
    decider,
    importer,
    settings,
    naming,
    tracked,
    history: app.downloads.repos.history,
    client,
    mappedFolders,
    markImported: (id) => queue.onImported(id),
    hardlinks,
    events,
    fs,
    clock,
    log,
  });
  const manualImport = new ManualImportService({
    decider,
    importer,
    settings,
    naming,
    allowedFolders: async () => {
      const s = await settings();
      return [...s.downloadFolders, ...(await mappedFolders()), ...(await rootFolders())];
    },
    findDownload,
    clientName: async (id) => (await client(id))?.name ?? null,
    markImported: (id) => queue.onImported(id),
    movies: lib.movies,
    series: lib.series,
    episodes: lib.episodes,
    hardlinks,
    fs,
  });
  const library = new LibraryFilesService({
    db,
    files,
    movies: lib.movies,
    series: lib.series,
    episodes: lib.episodes,
    runner,
    settings,
    naming,
    fs,
    clock,
    log,
    events,
  });

  events.on('download.completed', ({ trackedDownload }) => {
    completed.process(trackedDownload.id).catch((err) => log.error({ err }, 'completed download handling failed'));
  });
  // Adding an item whose folder already has files links them (never moves them).
  events.on('movie.added', ({ movie }) => {
    library.rescanMovie(movie.id).catch((err) => log.warn({ err, movieId: movie.id }, 'disk scan after add failed'));
  });
  events.on('series.added', ({ series }) => {
    library
      .rescanSeries(series.id)
      .catch((err) => log.warn({ err, seriesId: series.id }, 'disk scan after add failed'));
  });

  app.health.register(() => hardlinks.issues());
  const cmds = importCommands({ completed, library });
  app.commands.register(...cmds.commands);
  app.scheduler.register(...cmds.tasks);

  const markFailed = async (historyId: number) => {
    const h = await db.selectFrom('history').select(['download_id']).where('id', '=', historyId).executeTakeFirst();
    if (!h) throw new NotFoundError(`history record ${historyId} not found`);
    const t = h.download_id ? await findDownload(h.download_id) : undefined;
    if (!t) throw new NotFoundError(`the download of history record ${historyId} is not tracked any more`);
    await app.downloads.services.failed.fail(t, 'marked as failed by the user', { blocklist: true });
    return { trackedDownloadId: t.id };
  };

  const routes: FastifyPluginAsync[] = [
    async (http) => {
      await http.register(manualImportRoutes({ manualImport, completed }), { prefix: '/api/v1' });
      await http.register(renameRoutes({ library }), { prefix: '/api/v1' });
      await http.register(
        mediaFileRoutes({
          files,
          library,
          settings: settingsRepo,
          rootFolders,
          downloadFolders: knownDownloadFolders,
          hardlinkCheck: (d, r) => checkHardlink(fs, d, r),
        }),
        { prefix: '/api/v1' },
      );
      await http.register(blocklistRoutes({ blocklist: new BlocklistRepository(db), markFailed }), {
        prefix: '/api/v1',
      });
    },
  ];
  return {
    services: { completed, manualImport, library, runner, hardlinks },
    mediaFileLookup: files,
    recovery,
    routes,
  };
}
