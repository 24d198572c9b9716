// A throwaway NZBGet (Debian `nzbget`, main) on 127.0.0.1 for contract tests: config generated per run, control
// credentials admin/testpass with AuthorizedIP empty (so a wrong password is refused), DupeCheck off, and the
// local NNTP server as its only news server. Readiness is an authenticated `version` call.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { basicAuth, freePort, launchDaemon, probeFetch, rootedDaemon, tempDir } from './common.js';

export interface NzbgetOptions {
  nntpPort?: number;
  categories?: readonly string[];
}

export interface NzbgetDaemon {
  host: string;
  port: number;
  url: string;
  username: string;
  password: string;
  dir: string;
  destDir: string;
  interDir: string;
  pid: number;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export async function startNzbget(options: NzbgetOptions = {}): Promise<NzbgetDaemon> {
  const dir = tempDir('nzbget');
  const port = await freePort();
  const destDir = join(dir, 'dst');
  const interDir = join(dir, 'inter');
  for (const d of [destDir, interDir, join(dir, 'nzb'), join(dir, 'queue'), join(dir, 'tmp'), join(dir, 'scripts')]) {
    mkdirSync(d, { recursive: true });
  }
  const categories = options.categories ?? ['movies', 'tv'];
  const webDir = '/usr/share/nzbget/webui';
  const lines = [
    `MainDir=${dir}`,
    `DestDir=${destDir}`,
    `InterDir=${interDir}`,
    `NzbDir=${join(dir, 'nzb')}`,
    `QueueDir=${join(dir, 'queue')}`,
    `TempDir=${join(dir, 'tmp')}`,
    `ScriptDir=${join(dir, 'scripts')}`,
    `LockFile=${join(dir, 'nzbget.lock')}`,
    `LogFile=${join(dir, 'nzbget.log')}`,
    `WebDir=${webDir}`,
    `ConfigTemplate=${webDir}/nzbget.conf`,
    'ControlIP=127.0.0.1',
    `ControlPort=${port}`,
    'ControlUsername=admin',
    'ControlPassword=testpass',
    'RestrictedUsername=',
    'AddUsername=',
    'FormAuth=no',
    'SecureControl=no',
    'AuthorizedIP=',
    'UpdateCheck=none',
    'DaemonUsername=root',
    'OutputMode=loggable',
    'DupeCheck=no',
    'ArticleRetries=0',
    'UrlRetries=0',
    'ArticleTimeout=30',
    'HealthCheck=delete',
    'ParCheck=auto',
    'KeepHistory=30',
    ...categories.map((name, i) => `Category${i + 1}.Name=${name}`),
    ...(options.nntpPort
      ? [
          'Server1.Active=yes',
          'Server1.Name=fake-local',
          'Server1.Level=0',
          'Server1.Host=127.0.0.1',
          `Server1.Port=${options.nntpPort}`,
          'Server1.Username=',
          'Server1.Password=',
          'Server1.JoinGroup=no',
          'Server1.Encryption=no',
          'Server1.Connections=2',
        ]
      : []),
    '',
  ];
  const conf = join(dir, 'nzbget.conf');
  writeFileSync(conf, lines.join('\n'));
  const url = `http://127.0.0.1:${port}`;
  const auth = basicAuth('admin', 'testpass');
  const spawn = {
    name: 'nzbget',
    binary: 'nzbget',
    debianPackage: 'nzbget',
    args: ['-s', '-c', conf],
    cwd: dir,
    logFile: join(dir, 'out.log'),
  };
  const { daemon, kill, stop } = await rootedDaemon(dir, () =>
    launchDaemon(spawn, `nzbget on 127.0.0.1:${port}`, async () => {
      const res = await probeFetch(`${url}/jsonrpc`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: JSON.stringify({ method: 'version', params: [], id: 1 }),
      });
      return res.ok;
    }),
  );
  return {
    host: '127.0.0.1',
    port,
    url,
    username: 'admin',
    password: 'testpass',
    dir,
    destDir,
    interDir,
    pid: daemon.pid,
    kill,
    stop,
  };
}
