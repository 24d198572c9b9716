// transmission-daemon 3.00 on loopback for contract tests (recipe: shared/docs/real-download-clients.md, Transmission).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Daemon,
  freePort,
  removeDir,
  spawnDaemon,
  TEST_PASSWORD,
  TEST_USER,
  tempDir,
  waitUntil,
} from './common.js';

export interface TransmissionDaemon {
  port: number;
  username: string;
  password: string;
  root: string;
  downloadDir: string;
  readonly daemon: Daemon;
  kill(): Promise<void>;
  /** Starts it again on the same port and config dir (killing it first if it runs); the session id changes. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startTransmission(): Promise<TransmissionDaemon> {
  const root = tempDir('tr');
  const downloadDir = join(root, 'downloads');
  mkdirSync(join(root, 'config'), { recursive: true });
  mkdirSync(downloadDir, { recursive: true });
  const [port, peerPort] = [await freePort(), await freePort()];
  // -f foreground; -r/-a RPC bind + whitelist; -t/-u/-v auth; -P/-i peer port + bind; -O no DHT, -Y no LPD, -M no
  // port mapping. --no-incomplete-dir keeps partial files where complete ones go.
  const args = [
    '-f',
    '-g',
    join(root, 'config'),
    '-p',
    String(port),
    '-r',
    '127.0.0.1',
    '-a',
    '127.0.0.1',
    '-t',
    '-u',
    TEST_USER,
    '-v',
    TEST_PASSWORD,
    '-w',
    downloadDir,
    '--no-incomplete-dir',
    '-P',
    String(peerPort),
    '-i',
    '127.0.0.1',
    '-I',
    '::1',
    '-O',
    '-Y',
    '-M',
    '--no-utp',
    '--log-error',
  ];
  const auth = `Basic ${Buffer.from(`${TEST_USER}:${TEST_PASSWORD}`).toString('base64')}`;
  const launch = async (): Promise<Daemon> => {
    const daemon = spawnDaemon({
      name: 'transmission-daemon',
      binary: 'transmission-daemon',
      debianPackage: 'transmission-daemon',
      args,
      cwd: root,
      logFile: join(root, 'out.log'),
      env: { HOME: root },
    });
    try {
      // Always with credentials: 100 unauthenticated polls lock the RPC until the daemon restarts.
      await waitUntil(
        `Transmission RPC on 127.0.0.1:${port}`,
        async () => {
          const res = await fetch(`http://127.0.0.1:${port}/transmission/rpc`, {
            method: 'POST',
            headers: { authorization: auth },
            body: '{"method":"session-get"}',
          });
          await res.arrayBuffer();
          return res.status === 409 || res.status === 200;
        },
        { daemons: [daemon] },
      );
    } catch (err) {
      await daemon.stop();
      throw err;
    }
    return daemon;
  };
  let daemon: Daemon;
  try {
    daemon = await launch();
  } catch (err) {
    removeDir(root);
    throw err;
  }
  return {
    port,
    username: TEST_USER,
    password: TEST_PASSWORD,
    root,
    downloadDir,
    get daemon() {
      return daemon;
    },
    kill: () => daemon.stop(),
    async restart() {
      await daemon.stop();
      daemon = await launch();
    },
    async stop() {
      await daemon.stop();
      removeDir(root);
    },
  };
}
