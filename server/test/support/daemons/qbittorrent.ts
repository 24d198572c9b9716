// qbittorrent-nox 4.5 on loopback for contract tests (recipe: shared/docs/real-download-clients.md, qBittorrent).
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  freePort,
  launchDaemon,
  type RootedDaemon,
  rootedDaemon,
  TEST_PASSWORD,
  TEST_USER,
  tempDir,
} from './common.js';

export interface QbittorrentDaemon extends RootedDaemon {
  port: number;
  username: string;
  password: string;
  /** Throwaway root: downloads live in `root/downloads`. */
  root: string;
  downloadDir: string;
}

function passwordHash(password: string): string {
  const salt = randomBytes(16);
  const key = pbkdf2Sync(password, salt, 100_000, 64, 'sha512');
  return `"@ByteArray(${salt.toString('base64')}:${key.toString('base64')})"`;
}

export async function startQbittorrent(): Promise<QbittorrentDaemon> {
  const root = tempDir('qbt');
  const downloadDir = join(root, 'downloads');
  mkdirSync(join(root, 'qBittorrent', 'config'), { recursive: true });
  mkdirSync(downloadDir, { recursive: true });
  const [port, peerPort] = [await freePort(), await freePort()];
  const conf = [
    '[LegalNotice]',
    'Accepted=true',
    '',
    '[BitTorrent]',
    `Session\\DefaultSavePath=${downloadDir}`,
    `Session\\Port=${peerPort}`,
    'Session\\Interface=lo',
    'Session\\InterfaceName=lo',
    'Session\\InterfaceAddress=127.0.0.1',
    'Session\\DHTEnabled=false',
    'Session\\PeXEnabled=false',
    'Session\\LSDEnabled=false',
    'Session\\QueueingSystemEnabled=false',
    '',
    '[Network]',
    'PortForwardingEnabled=false',
    '',
    '[Preferences]',
    'WebUI\\Address=127.0.0.1',
    `WebUI\\Port=${port}`,
    `WebUI\\Username=${TEST_USER}`,
    `WebUI\\Password_PBKDF2=${passwordHash(TEST_PASSWORD)}`,
    'WebUI\\LocalHostAuth=true',
    // Tests log in with a wrong password on purpose; the default bans the IP after 5 failures for an hour.
    'WebUI\\MaxAuthenticationFailCount=0',
    'WebUI\\UPnP=false',
    '',
  ].join('\n');
  writeFileSync(join(root, 'qBittorrent', 'config', 'qBittorrent.conf'), conf);
  const launch = () =>
    launchDaemon(
      {
        name: 'qbittorrent-nox',
        binary: 'qbittorrent-nox',
        debianPackage: 'qbittorrent-nox',
        args: [`--profile=${root}`],
        cwd: root,
        logFile: join(root, 'out.log'),
        env: { HOME: root },
      },
      `qBittorrent WebUI on 127.0.0.1:${port}`,
      // Readiness = an authenticated call succeeds (polling with the right credentials never trips the ban).
      async () => {
        const res = await fetch(`http://127.0.0.1:${port}/api/v2/auth/login`, {
          method: 'POST',
          body: new URLSearchParams({ username: TEST_USER, password: TEST_PASSWORD }),
        });
        return res.ok && (await res.text()) === 'Ok.';
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
