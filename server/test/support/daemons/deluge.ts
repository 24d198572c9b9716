// deluged + deluge-web 2.0 on loopback for contract tests (recipe: shared/docs/real-download-clients.md, Deluge).
// Readiness waits for the web login and the daemon's RPC port. web.conf names no default daemon, so deluge-web
// starts disconnected and the adapter's own web.connect is what the tests exercise. The Label plugin is left disabled unless asked, so the
// adapter's "enable it" path runs against the real daemon too.
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Daemon,
  freePort,
  portOpen,
  removeDir,
  spawnDaemon,
  TEST_PASSWORD,
  tempDir,
  waitUntil,
} from './common.js';

export interface DelugeDaemon {
  webPort: number;
  daemonPort: number;
  password: string;
  root: string;
  downloadDir: string;
  readonly deluged: Daemon;
  web: Daemon;
  /** Kills deluged only: deluge-web stays up and must report the daemon as unreachable. */
  killDaemon(): Promise<void>;
  /** Starts deluged again on the same port and config (killing it first if it runs); deluge-web is left as is. */
  restartDaemon(): Promise<void>;
  stop(): Promise<void>;
}

const header = (file: number) => JSON.stringify({ file, format: 1 });

export async function startDeluge(opts: { labelPlugin?: boolean } = {}): Promise<DelugeDaemon> {
  const root = tempDir('deluge');
  const config = join(root, 'config');
  const downloadDir = join(root, 'downloads');
  mkdirSync(config, { recursive: true });
  mkdirSync(downloadDir, { recursive: true });
  const [webPort, daemonPort, peerPort] = [await freePort(), await freePort(), await freePort()];
  const salt = randomBytes(20).toString('hex');
  const hostId = randomBytes(16).toString('hex');
  writeFileSync(join(config, 'auth'), 'localclient:localpass:10\n');
  chmodSync(join(config, 'auth'), 0o600);
  writeFileSync(
    join(config, 'core.conf'),
    header(1) +
      JSON.stringify({
        download_location: downloadDir,
        listen_ports: [peerPort, peerPort],
        random_port: false,
        listen_interface: '127.0.0.1',
        dht: false,
        upnp: false,
        natpmp: false,
        lsd: false,
        utpex: false,
        new_release_check: false,
        allow_remote: false,
        daemon_port: daemonPort,
        enabled_plugins: opts.labelPlugin ? ['Label'] : [],
      }),
  );
  writeFileSync(
    join(config, 'web.conf'),
    header(2) +
      JSON.stringify({
        port: webPort,
        interface: '127.0.0.1',
        https: false,
        base: '/',
        pwd_salt: salt,
        pwd_sha1: createHash('sha1')
          .update(salt + TEST_PASSWORD)
          .digest('hex'),
        session_timeout: 3600,
        first_login: false,
      }),
  );
  writeFileSync(
    join(config, 'hostlist.conf'),
    header(3) + JSON.stringify({ hosts: [[hostId, '127.0.0.1', daemonPort, 'localclient', 'localpass']] }),
  );
  const startDaemon = () =>
    spawnDaemon({
      name: 'deluged',
      binary: 'deluged',
      debianPackage: 'deluged',
      args: [
        '-d',
        '-c',
        config,
        '-u',
        '127.0.0.1',
        '-p',
        String(daemonPort),
        '-i',
        '127.0.0.1',
        '-L',
        'info',
        '-l',
        join(root, 'deluged.log'),
      ],
      cwd: root,
      logFile: join(root, 'deluged.out'),
      env: { HOME: root },
    });
  let deluged = startDaemon();
  const web = spawnDaemon({
    name: 'deluge-web',
    binary: 'deluge-web',
    debianPackage: 'deluge-web',
    args: ['-d', '-c', config, '-i', '127.0.0.1', '-p', String(webPort), '-L', 'info', '-l', join(root, 'web.log')],
    cwd: root,
    logFile: join(root, 'web.out'),
    env: { HOME: root },
  });
  try {
    await waitUntil(`deluged on 127.0.0.1:${daemonPort}`, () => portOpen(daemonPort), { daemons: [deluged] });
    await waitUntil(
      `deluge-web on 127.0.0.1:${webPort}`,
      async () => {
        const res = await fetch(`http://127.0.0.1:${webPort}/json`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ method: 'auth.login', params: [TEST_PASSWORD], id: 1 }),
        });
        return res.ok && ((await res.json()) as { result?: unknown }).result === true;
      },
      { daemons: [web] },
    );
  } catch (err) {
    await Promise.all([deluged.stop(), web.stop()]);
    removeDir(root);
    throw err;
  }
  return {
    webPort,
    daemonPort,
    password: TEST_PASSWORD,
    root,
    downloadDir,
    get deluged() {
      return deluged;
    },
    web,
    killDaemon: () => deluged.stop(),
    async restartDaemon() {
      await deluged.stop();
      deluged = startDaemon();
      await waitUntil(`deluged on 127.0.0.1:${daemonPort}`, () => portOpen(daemonPort), { daemons: [deluged] });
    },
    async stop() {
      await Promise.all([deluged.stop(), web.stop()]);
      removeDir(root);
    },
  };
}
