// Hardlinks: the preflight (does a link from a download folder to a root folder work?) and the health warning
// raised whenever an import asked for a hardlink and had to copy instead — never silently.
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { HealthIssue } from '../health.service.js';
import { describeFsError, errno, type FsPort } from './fs-port.js';

export interface HardlinkCheck {
  downloadPath: string;
  rootFolderPath: string;
  hardlinks: boolean;
  sameFileSystem: boolean;
  message: string;
}

/** Creates a temp file in `downloadPath`, tries link() into `rootFolderPath`, removes both. */
export async function checkHardlink(fs: FsPort, downloadPath: string, rootFolderPath: string): Promise<HardlinkCheck> {
  const tag = randomBytes(6).toString('hex');
  const src = join(downloadPath, `.idkarr-linktest-${tag}`);
  const dst = join(rootFolderPath, `.idkarr-linktest-${tag}`);
  const base = { downloadPath, rootFolderPath };
  try {
    await fs.writeFile(src, 'idkarr hardlink check');
  } catch (err) {
    return {
      ...base,
      hardlinks: false,
      sameFileSystem: false,
      message: `cannot test: ${describeFsError(err, 'writing in', downloadPath)}`,
    };
  }
  try {
    const [a, b] = await Promise.all([fs.stat(src), fs.stat(rootFolderPath)]);
    const same = a.dev === b.dev;
    try {
      await fs.link(src, dst);
      return {
        ...base,
        hardlinks: true,
        sameFileSystem: same,
        message: `hardlinks work from ${downloadPath} to ${rootFolderPath}: torrents are imported without extra space and keep seeding`,
      };
    } catch (err) {
      const code = errno(err);
      const why =
        code === 'EXDEV'
          ? 'they are on different file systems (or different mounts of one, as Docker volumes often are)'
          : describeFsError(err, 'linking into', rootFolderPath);
      return {
        ...base,
        hardlinks: false,
        sameFileSystem: same,
        message: `hardlinks do not work from ${downloadPath} to ${rootFolderPath}: ${why}. Imports will copy (using twice the space); put both under one mount to get hardlinks`,
      };
    }
  } catch (err) {
    return {
      ...base,
      hardlinks: false,
      sameFileSystem: false,
      message: `cannot test: ${describeFsError(err, 'reading', rootFolderPath)}`,
    };
  } finally {
    await fs.unlink(dst).catch(() => undefined);
    await fs.unlink(src).catch(() => undefined);
  }
}

/** Fallbacks seen since start, one warning per (download folder parent, library folder). */
export class HardlinkHealth {
  private readonly fallbacks = new Map<string, { from: string; to: string; count: number; at: number }>();

  recordFallback(sourceFolder: string, destination: string, at = Date.now()): void {
    const from = dirname(sourceFolder);
    const to = dirname(dirname(destination));
    const key = `${from}\u0000${to}`;
    const prev = this.fallbacks.get(key);
    this.fallbacks.set(key, { from, to, count: (prev?.count ?? 0) + 1, at });
  }

  issues(): HealthIssue[] {
    return [...this.fallbacks.values()].map((f) => ({
      source: 'import',
      type: 'warning' as const,
      message: `Hardlinking from ${f.from} to ${f.to} failed (different file systems), so idkarr copied ${f.count} file(s) instead, using extra disk space. Put downloads and the library on one file system (one Docker volume) to get hardlinks.`,
      wikiUrl: '/settings/mediamanagement',
    }));
  }
}
