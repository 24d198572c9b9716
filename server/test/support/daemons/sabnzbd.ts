// A throwaway SABnzbd (Debian `sabnzbdplus`, contrib) on 127.0.0.1 for contract tests. The ini is generated per
// run (SAB rewrites it), the optional usenet server points at the local NNTP server, and readiness is an
// authenticated API call plus a check that downloading is enabled (SAB silently refuses without unrar/par2).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, launchDaemon, probeFetch, requireBinary, rootedDaemon, tempDir } from './common.js';

export interface SabnzbdOptions {
  /** Port of the NNTP server to configure as SAB's only usenet server. */
  nntpPort?: number;
  /** Category names (besides `*`); each gets a folder of the same name under the complete dir. */
  categories?: readonly string[];
}

export interface SabnzbdDaemon {
  host: string;
  port: number;
  url: string;
  apiKey: string;
  dir: string;
  completeDir: string;
  incompleteDir: string;
  pid: number;
  /** Kills the daemon (idempotent); the dir is kept until `stop`. */
  kill(): Promise<void>;
  /** Kills the daemon and removes its dir. */
  stop(): Promise<void>;
}

export const SAB_API_KEY = '0123456789abcdef0123456789abcdef';
const NZB_KEY = 'fedcba9876543210fedcba9876543210';

export async function startSabnzbd(options: SabnzbdOptions = {}): Promise<SabnzbdDaemon> {
  // SAB starts without them but then silently refuses to download: check up front.
  requireBinary('unrar', 'unrar (non-free) or unrar-free');
  requireBinary('par2', 'par2');
  const dir = tempDir('sab');
  const port = await freePort();
  const completeDir = join(dir, 'complete');
  const incompleteDir = join(dir, 'incomplete');
  for (const d of [completeDir, incompleteDir, join(dir, 'admin'), join(dir, 'logs')])
    mkdirSync(d, { recursive: true });
  const categories = options.categories ?? ['movies', 'tv'];
  const lines = [
    '__version__ = 19',
    '__encoding__ = utf-8',
    '[misc]',
    'host = 127.0.0.1',
    `port = ${port}`,
    `api_key = ${SAB_API_KEY}`,
    `nzb_key = ${NZB_KEY}`,
    'username = admin',
    'password = testpass',
    'inet_exposure = 0',
    `download_dir = ${incompleteDir}`,
    `complete_dir = ${completeDir}`,
    `log_dir = ${join(dir, 'logs')}`,
    `admin_dir = ${join(dir, 'admin')}`,
    'auto_browser = 0',
    'check_new_rel = 0',
    'ipv6_hosting = 0',
    'language = en',
    'direct_unpack = 0',
    'pre_check = 0',
    'no_dupes = 0',
    'enable_recursive = 0',
    '[servers]',
    ...(options.nntpPort
      ? [
          '[[fake-local]]',
          'name = fake-local',
          'displayname = fake-local',
          'host = 127.0.0.1',
          `port = ${options.nntpPort}`,
          'timeout = 10',
          'username = ""',
          'password = ""',
          'connections = 2',
          'ssl = 0',
          'ssl_verify = 0',
          'enable = 1',
          'priority = 0',
          'retention = 0',
        ]
      : []),
    '[categories]',
    '[[*]]',
    'name = *',
    'order = 0',
    'pp = 3',
    'script = None',
    'dir = ""',
    'priority = 0',
    ...categories.flatMap((name, i) => [
      `[[${name}]]`,
      `name = ${name}`,
      `order = ${i + 1}`,
      'pp = ""',
      'script = Default',
      `dir = ${name}`,
      'priority = -100',
    ]),
    '',
  ];
  const ini = join(dir, 'sabnzbd.ini');
  writeFileSync(ini, lines.join('\n'));
  const url = `http://127.0.0.1:${port}`;
  const api = (mode: string) => `${url}/api?mode=${mode}&output=json&apikey=${SAB_API_KEY}`;
  const spawn = {
    name: 'sabnzbdplus',
    binary: 'sabnzbdplus',
    debianPackage: 'sabnzbdplus (Debian contrib) plus unrar or unrar-free',
    args: ['-f', ini, '-b', '0', '--disable-file-log'],
    cwd: dir,
    logFile: join(dir, 'out.log'),
  };
  const { daemon, kill, stop } = await rootedDaemon(dir, () =>
    launchDaemon(spawn, `SABnzbd API on 127.0.0.1:${port}`, async () => (await probeFetch(api('queue'))).ok),
  );
  const warnings = await (await probeFetch(api('warnings'))).text();
  if (/NOT found|cannot start/i.test(warnings)) {
    await stop();
    throw new Error(`SABnzbd cannot download (install unrar or unrar-free, and par2): ${warnings}`);
  }
  return {
    host: '127.0.0.1',
    port,
    url,
    apiKey: SAB_API_KEY,
    dir,
    completeDir,
    incompleteDir,
    pid: daemon.pid,
    kill,
    stop,
  };
}
