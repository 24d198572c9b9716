// transmission-daemon 3.00 on loopback for contract tests (recipe: shared/docs/real-download-clients.md, Transmission).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  basicAuth,
  freePort,
  launchDaemon,
  type RootedDaemon,
  rootedDaemon,
  TEST_PASSWORD,
  TEST_USER,
  tempDir,
} from './common.js';

/** `restart` keeps the port and config dir; the session id changes. */
export interface TransmissionDaemon extends RootedDaemon {
  port: number;
  username: string;
  password: string;
  root: string;
  downloadDir: string;
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
  const auth = basicAuth(TEST_USER, TEST_PASSWORD);
  const launch = () =>
    launchDaemon(
      {
        name: 'transmission-daemon',
        binary: 'transmission-daemon',
        debianPackage: 'transmission-daemon',
        args,
        cwd: root,
        logFile: join(root, 'out.log'),
        env: { HOME: root },
      },
      `Transmission RPC on 127.0.0.1:${port}`,
      // Always with credentials: 100 unauthenticated polls lock the RPC until the daemon restarts.
      async () => {
        const res = await fetch(`http://127.0.0.1:${port}/transmission/rpc`, {
          method: 'POST',
          headers: { authorization: auth },
          body: '{"method":"session-get"}',
        });
        await res.arrayBuffer();
        return res.status === 409 || res.status === 200;
      },
    );
  // Object.assign keeps the handle's live `daemon` getter (a spread would freeze the first process).
  return Object.assign(await rootedDaemon(root, launch), {
    port,
    username: TEST_USER,
    password: TEST_PASSWORD,
    root,
    downloadDir,
  });
}
