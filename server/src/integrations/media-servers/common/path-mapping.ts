// Path mapping for media servers that see the library under other folders (a container mounting /data/media as
// /media, or a Windows server seeing \\nas\media as M:\). Each pair says: what idkarr calls `localPath`, the
// server calls `remotePath`. The longest matching local prefix wins; prefixes match whole path segments only
// (`/data/tv` never matches `/data/tvshows`). Windows-style server paths get backslashes and are compared
// case-insensitively when finding the library that contains a path.
import { posix } from 'node:path';
import { z } from 'zod';

export interface PathMapping {
  remotePath: string;
  localPath: string;
}

export const pathMappingField = (order: number) =>
  z
    .array(
      z.object({
        remotePath: z.string().trim().min(1, 'the path on the media server is required'),
        localPath: z.string().trim().min(1, 'the path in idkarr is required'),
      }),
    )
    .default([])
    .meta({
      label: 'Path mappings',
      help: 'When the server sees the library under other folders: remote path = as the server sees it, local path = as idkarr sees it',
      order,
      advanced: true,
    });

export const isWindowsPath = (p: string): boolean => /^[a-zA-Z]:[\\/]/.test(p) || p.startsWith('\\\\');

/** Collapses duplicate separators and `..`, drops a trailing separator (except for a root). */
export function normaliseServerPath(path: string): string {
  const trimmed = path.trim();
  if (isWindowsPath(trimmed)) {
    const unc = trimmed.startsWith('\\\\') || trimmed.startsWith('//');
    const body = trimmed
      .replace(/\//g, '\\')
      .replace(/\\{2,}/g, '\\')
      .replace(/\\+$/, '');
    const out = unc ? `\\${body.startsWith('\\') ? body : `\\${body}`}` : body;
    return /^[a-zA-Z]:$/.test(out) ? `${out}\\` : out;
  }
  const n = posix.normalize(trimmed);
  return n.length > 1 ? n.replace(/\/+$/, '') : n;
}

function withSep(path: string): string {
  const sep = isWindowsPath(path) ? '\\' : '/';
  return path.endsWith(sep) ? path : `${path}${sep}`;
}

/** Whether `path` is `folder` itself or inside it (segment-wise; case-insensitive for Windows paths). */
export function isWithin(folder: string, path: string): boolean {
  const f = withSep(normaliseServerPath(folder));
  const p = withSep(normaliseServerPath(path));
  return isWindowsPath(f) ? p.toLowerCase().startsWith(f.toLowerCase()) : p.startsWith(f);
}

/** Rewrites a local path into the server's view with the most specific mapping; unmapped paths pass unchanged. */
export function toServerPath(localPath: string, mappings: readonly PathMapping[]): string {
  const local = normaliseServerPath(localPath);
  let best: PathMapping | undefined;
  for (const m of mappings) {
    if (!isWithin(m.localPath, local)) continue;
    if (!best || normaliseServerPath(m.localPath).length > normaliseServerPath(best.localPath).length) best = m;
  }
  if (!best) return local;
  const from = normaliseServerPath(best.localPath);
  const rest = local.slice(from === '/' ? 1 : from.length).replace(/^[\\/]+/, '');
  const remote = normaliseServerPath(best.remotePath);
  if (!rest) return remote;
  if (isWindowsPath(remote)) return `${withSep(remote)}${rest.replace(/\//g, '\\')}`;
  return `${withSep(remote)}${rest.replace(/\\/g, '/')}`;
}

/** The library whose folder contains the path; the deepest folder wins when libraries nest. */
export function libraryForPath<L extends { paths: readonly string[] }>(
  libraries: readonly L[],
  serverPath: string,
): L | undefined {
  let best: { library: L; depth: number } | undefined;
  for (const library of libraries) {
    for (const folder of library.paths) {
      if (!isWithin(folder, serverPath)) continue;
      const depth = normaliseServerPath(folder).length;
      if (!best || depth > best.depth) best = { library, depth };
    }
  }
  return best?.library;
}
