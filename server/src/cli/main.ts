// `idkarr [serve]`, `idkarr parse …`, `idkarr restore FILE`, `idkarr version`. Returns the exit code.
import { composeApp } from '../app/compose.js';
import { ConfigError, loadConfig } from '../app/config.js';
import { applyServerHeapFlags } from '../app/heap-flags.js';
import { VERSION } from '../app/version.js';
import { DatabaseOpenError } from '../db/database.js';
import { DatabaseNewerError } from '../db/migrator.js';
import { restoreBackup } from '../services/backup.service.js';

const USAGE = `usage: idkarr [serve]                 start the server (default)
       idkarr parse TITLE [--type tv|movie|auto] [--json] | --stdin
       idkarr restore BACKUP_FILE        restore a backup into IDKARR_DATA_DIR (server stopped)
       idkarr version`;

export async function main(argv: string[]): Promise<number> {
  const [cmd = 'serve', ...rest] = argv;
  switch (cmd) {
    case 'serve':
      return serve();
    case 'parse': {
      const { runParseCommand } = await import('./parse.command.js');
      return runParseCommand(rest, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
    }
    case 'restore':
      return restore(rest[0]);
    case 'version':
    case '--version':
      process.stdout.write(`${VERSION}\n`);
      return 0;
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    default:
      process.stderr.write(`unknown command "${cmd}"\n${USAGE}\n`);
      return 2;
  }
}

async function serve(): Promise<number> {
  // Listen for shutdown before anything else: a signal during start-up or right after the banner must still end
  // in a clean stop, not in the default action that kills the process mid-write.
  const shutdown = new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  applyServerHeapFlags();
  let app: Awaited<ReturnType<typeof composeApp>>;
  try {
    const config = loadConfig();
    app = await composeApp(config);
    await app.http.listen({ port: config.port, host: config.bind });
  } catch (err) {
    // Start-up failures are the user's to fix: one clear line, no stack trace.
    if (err instanceof ConfigError) process.stderr.write(`idkarr: invalid configuration: ${err.message}\n`);
    else if (err instanceof DatabaseOpenError || err instanceof DatabaseNewerError)
      process.stderr.write(`idkarr: IDKARR_DATABASE_URL: ${err.message}\n`);
    else if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE')
      process.stderr.write(`idkarr: IDKARR_PORT: port ${(err as { port?: number }).port ?? ''} is already in use\n`);
    else process.stderr.write(`idkarr: could not start: ${(err as Error).message}\n`);
    return 1;
  }
  await app.startBackground();
  const host = app.config.bind === '0.0.0.0' || app.config.bind === '::' ? 'localhost' : app.config.bind;
  process.stdout.write(
    `idkarr ${VERSION} is running at http://${host}:${app.config.port}/\n` +
      `  database: ${app.database.dialect}${app.config.database.kind === 'sqlite' ? ` (${app.config.database.file})` : ''}\n` +
      `  API key:  ${app.apiKeyFile === 'IDKARR_API_KEY' ? 'from IDKARR_API_KEY' : `stored in ${app.apiKeyFile}`}\n`,
  );
  await shutdown;
  await app.stop();
  return 0;
}

function restore(file: string | undefined): number {
  if (!file) {
    process.stderr.write('usage: idkarr restore BACKUP_FILE\n');
    return 2;
  }
  try {
    const config = loadConfig();
    if (config.database.kind !== 'sqlite') {
      process.stderr.write('idkarr: restore works on SQLite; restore PostgreSQL with pg_restore/psql\n');
      return 1;
    }
    const { previous } = restoreBackup(file, config.dataDir, config.database.file);
    process.stdout.write(
      `restored ${file} into ${config.database.file}${previous ? `; previous database kept as ${previous}` : ''}\n`,
    );
    return 0;
  } catch (err) {
    process.stderr.write(`idkarr: restore failed: ${(err as Error).message}\n`);
    return 1;
  }
}
