// rtorrent 0.9 behind lighttpd (SCGI → HTTP with Basic auth) on loopback for contract tests
// (recipe: shared/docs/real-download-clients.md, rTorrent). The bridge starts only once rtorrent's SCGI port
// listens: lighttpd marks a refused backend down for ~2 s.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  basicAuth,
  type Daemon,
  freePort,
  portOpen,
  removeDir,
  spawnDaemon,
  TEST_PASSWORD,
  TEST_USER,
  tempDir,
  waitUntil,
} from './common.js';

export interface RtorrentDaemon {
  /** The HTTP bridge's port; XML-RPC lives at /RPC2. */
  port: number;
  scgiPort: number;
  username: string;
  password: string;
  root: string;
  downloadDir: string;
  readonly rtorrent: Daemon;
  bridge: Daemon;
  /** Kills rtorrent only: the bridge stays up and answers 503 for /RPC2. */
  killRtorrent(): Promise<void>;
  /** Starts rtorrent again with the same config and session dir (its torrents come back); the bridge stays. */
  restartRtorrent(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRtorrent(): Promise<RtorrentDaemon> {
  const root = tempDir('rt');
  const downloadDir = join(root, 'downloads');
  const session = join(root, 'session');
  for (const d of [downloadDir, session]) mkdirSync(d, { recursive: true });
  const [port, scgiPort, peerPort] = [await freePort(), await freePort(), await freePort()];
  writeFileSync(
    join(root, 'rtorrent.rc'),
    [
      `directory.default.set = ${downloadDir}`,
      `session.path.set = ${session}`,
      `network.scgi.open_port = 127.0.0.1:${scgiPort}`,
      `network.port_range.set = ${peerPort}-${peerPort}`,
      'network.port_random.set = no',
      'network.bind_address.set = 127.0.0.1',
      'dht.mode.set = disable',
      'protocol.pex.set = no',
      'trackers.use_udp.set = no',
      'system.daemon.set = true',
      `log.open_file = "main", ${join(root, 'rtorrent.log')}`,
      'log.add_output = "info", "main"',
      '',
    ].join('\n'),
  );
  writeFileSync(join(root, 'lighttpd.user'), `${TEST_USER}:${TEST_PASSWORD}\n`);
  writeFileSync(
    join(root, 'lighttpd.conf'),
    [
      `server.document-root = "${downloadDir}"`,
      'server.bind = "127.0.0.1"',
      `server.port = ${port}`,
      `server.errorlog = "${join(root, 'lighttpd.err')}"`,
      'server.modules += ("mod_auth", "mod_authn_file", "mod_scgi")',
      'auth.backend = "plain"',
      `auth.backend.plain.userfile = "${join(root, 'lighttpd.user')}"`,
      'auth.require = ("/RPC2" => ("method" => "basic", "realm" => "rtorrent", "require" => "valid-user"))',
      'scgi.protocol = "scgi"',
      `scgi.server = ("/RPC2" => (("host" => "127.0.0.1", "port" => ${scgiPort}, "check-local" => "disable")))`,
      '',
    ].join('\n'),
  );
  const spawnRtorrent = () =>
    spawnDaemon({
      name: 'rtorrent',
      binary: 'rtorrent',
      debianPackage: 'rtorrent',
      args: ['-n', '-o', `import=${join(root, 'rtorrent.rc')}`],
      cwd: root,
      logFile: join(root, 'rtorrent.out'),
      env: { HOME: root, TERM: 'dumb' },
    });
  const auth = basicAuth(TEST_USER, TEST_PASSWORD);
  const rpcWorks = async () => {
    const res = await fetch(`http://127.0.0.1:${port}/RPC2`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'text/xml' },
      body: '<?xml version="1.0"?><methodCall><methodName>system.client_version</methodName><params/></methodCall>',
    });
    return res.ok && (await res.text()).includes('<string>');
  };
  let rtorrent = spawnRtorrent();
  let bridge: Daemon | undefined;
  try {
    await waitUntil(`rtorrent SCGI on 127.0.0.1:${scgiPort}`, () => portOpen(scgiPort), { daemons: [rtorrent] });
    bridge = spawnDaemon({
      name: 'lighttpd',
      binary: 'lighttpd',
      debianPackage: 'lighttpd',
      args: ['-D', '-f', join(root, 'lighttpd.conf')],
      cwd: root,
      logFile: join(root, 'lighttpd.out'),
    });
    await waitUntil(`XML-RPC through lighttpd on 127.0.0.1:${port}`, rpcWorks, { daemons: [rtorrent, bridge] });
  } catch (err) {
    await Promise.all([rtorrent.stop(), bridge?.stop()]);
    removeDir(root);
    throw err;
  }
  const br = bridge;
  return {
    port,
    scgiPort,
    username: TEST_USER,
    password: TEST_PASSWORD,
    root,
    downloadDir,
    get rtorrent() {
      return rtorrent;
    },
    bridge: br,
    killRtorrent: () => rtorrent.stop(),
    async restartRtorrent() {
      await rtorrent.stop();
      rtorrent = spawnRtorrent();
      // lighttpd may keep the backend marked down for ~2 s after refused connects.
      await waitUntil('XML-RPC through lighttpd after the restart', rpcWorks, { daemons: [rtorrent, br] });
    },
    async stop() {
      await Promise.all([rtorrent.stop(), br.stop()]);
      removeDir(root);
    },
  };
}
