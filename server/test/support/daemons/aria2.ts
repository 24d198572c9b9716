// A throwaway aria2c (Debian `aria2`, main) with JSON-RPC on 127.0.0.1 for contract tests: an RPC secret,
// BitTorrent bound to loopback with DHT/LPD/PEX off, downloads under a temp dir. Readiness is an authenticated
// `aria2.getVersion`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, launchDaemon, probeFetch, rootedDaemon, tempDir } from './common.js';

export interface Aria2Daemon {
  host: string;
  port: number;
  url: string;
  secret: string;
  dir: string;
  downloadDir: string;
  pid: number;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export const ARIA2_SECRET = 'testsecret-0123456789';

export async function startAria2(): Promise<Aria2Daemon> {
  const dir = tempDir('aria2');
  const downloadDir = join(dir, 'downloads');
  mkdirSync(downloadDir, { recursive: true });
  const port = await freePort();
  const peerPort = await freePort();
  const args = [
    '--enable-rpc',
    '--rpc-listen-all=false',
    `--rpc-listen-port=${port}`,
    `--rpc-secret=${ARIA2_SECRET}`,
    `--dir=${downloadDir}`,
    '--enable-dht=false',
    '--enable-dht6=false',
    '--bt-enable-lpd=false',
    '--enable-peer-exchange=false',
    `--listen-port=${peerPort}`,
    '--disable-ipv6=true',
    '--interface=127.0.0.1',
    '--summary-interval=0',
    '--max-tries=1',
    '--retry-wait=0',
    '--console-log-level=warn',
    `--log=${join(dir, 'aria2.log')}`,
    '--log-level=info',
  ];
  const url = `http://127.0.0.1:${port}`;
  const spawn = {
    name: 'aria2c',
    binary: 'aria2c',
    debianPackage: 'aria2',
    args,
    cwd: dir,
    logFile: join(dir, 'out.log'),
  };
  const { daemon, kill, stop } = await rootedDaemon(dir, () =>
    launchDaemon(spawn, `aria2c JSON-RPC on 127.0.0.1:${port}`, async () => {
      const res = await probeFetch(`${url}/jsonrpc`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'aria2.getVersion', params: [`token:${ARIA2_SECRET}`] }),
      });
      return res.ok;
    }),
  );
  return {
    host: '127.0.0.1',
    port,
    url,
    secret: ARIA2_SECRET,
    dir,
    downloadDir,
    pid: daemon.pid,
    kill,
    stop,
  };
}
