// Remote path mappings: a download client on another host (or in a container) reports paths as it sees them;
// idkarr sees the same files under another path. `toLocal` rewrites a reported path with the longest matching
// mapping of the client's host. Paths are compared with a trailing separator so `/data/tv` never matches
// `/data/tvshows`. Windows-style remote paths (`D:\Downloads\`) are matched case-insensitively.
import { posix } from 'node:path';
import type { RemotePathMapping } from './download.types.js';

const isWindows = (p: string) => /^[a-zA-Z]:[\\/]/.test(p) || p.startsWith('\\\\');

/** `/a//b/../c` → `/a/c/`; `D:\x` → `D:\x\`. Directories only: always one trailing separator. */
export function normalisePath(path: string): string {
  const trimmed = path.trim();
  if (isWindows(trimmed)) {
    const parts = trimmed.replace(/\//g, '\\').replace(/\\+$/, '');
    return `${parts.replace(/(?<!^)\\{2,}/g, '\\')}\\`;
  }
  const n = posix.normalize(trimmed);
  return n.endsWith('/') ? n : `${n}/`;
}

export function normaliseHost(host: string): string {
  return host.trim().toLowerCase();
}

export interface PathMapping {
  host: string;
  remotePath: string;
  localPath: string;
}

export class PathMapper {
  private readonly byHost = new Map<string, PathMapping[]>();

  constructor(mappings: readonly PathMapping[] | readonly RemotePathMapping[]) {
    for (const m of mappings) {
      const host = normaliseHost(m.host);
      const list = this.byHost.get(host) ?? [];
      list.push({ host, remotePath: normalisePath(m.remotePath), localPath: normalisePath(m.localPath) });
      this.byHost.set(host, list);
    }
    // Longest remote path first: the most specific mapping wins.
    for (const list of this.byHost.values()) list.sort((a, b) => b.remotePath.length - a.remotePath.length);
  }

  /** The mapping that applies to a reported path, if any. */
  find(clientHost: string, remotePath: string): PathMapping | undefined {
    const list = this.byHost.get(normaliseHost(clientHost));
    if (!list) return undefined;
    const win = isWindows(remotePath);
    const probe = win ? `${remotePath.replace(/\//g, '\\')}\\` : `${posix.normalize(remotePath)}/`;
    for (const m of list) {
      if (win ? probe.toLowerCase().startsWith(m.remotePath.toLowerCase()) : probe.startsWith(m.remotePath)) return m;
    }
    return undefined;
  }

  /**
   * The local path for a path a client reported. Without a mapping the path is returned normalised (a client on
   * the same host reports local paths). A trailing separator is kept only when the input had one.
   */
  toLocal(clientHost: string, remotePath: string): string {
    const trailing = /[\\/]$/.test(remotePath);
    const m = this.find(clientHost, remotePath);
    if (!m) return isWindows(remotePath) ? remotePath : stripTrailing(posix.normalize(remotePath), trailing);
    const win = isWindows(remotePath);
    const full = win ? `${remotePath.replace(/\//g, '\\')}\\` : `${posix.normalize(remotePath)}/`;
    const rest = full.slice(m.remotePath.length);
    const restPosix = win ? rest.replace(/\\/g, '/') : rest;
    const local = isWindows(m.localPath)
      ? `${m.localPath}${rest.replace(/\//g, '\\')}`
      : posix.normalize(`${m.localPath}${restPosix}`);
    return stripTrailing(local, trailing);
  }

  /** The reverse: a local path as the client would see it (for save paths handed to a client). */
  toRemote(clientHost: string, localPath: string): string {
    const list = this.byHost.get(normaliseHost(clientHost)) ?? [];
    const probe = `${posix.normalize(localPath)}/`;
    const m = [...list]
      .sort((a, b) => b.localPath.length - a.localPath.length)
      .find((x) => probe.startsWith(x.localPath));
    if (!m) return localPath;
    const rest = probe.slice(m.localPath.length);
    const remote = isWindows(m.remotePath) ? `${m.remotePath}${rest.replace(/\//g, '\\')}` : `${m.remotePath}${rest}`;
    return remote.replace(/[\\/]+$/, '') || remote;
  }
}

function stripTrailing(p: string, keep: boolean): string {
  if (p === '/') return p;
  const bare = p.replace(/[\\/]+$/, '');
  return keep ? `${bare}/` : bare;
}

/**
 * A reported path idkarr may touch: absolute, no `..` after normalisation, and inside one of `allowedRoots`
 * (the mappings' local paths and the folders the user configured). Anything else is refused.
 */
export function isWithinRoots(localPath: string, allowedRoots: readonly string[]): boolean {
  if (!posix.isAbsolute(localPath) || localPath.split('/').includes('..')) return false;
  const probe = `${posix.normalize(localPath)}/`;
  return allowedRoots.some((root) => probe.startsWith(normalisePath(root)));
}
