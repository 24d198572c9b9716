// Paths the import may read from and write to. A path must be absolute, free of `..`, inside one of the allowed
// folders, and still inside it after resolving symlinks (realpath), so a symlink in a download cannot make idkarr
// read or move /etc/shadow or another user's files.
import { sep } from 'node:path';
import type { FsPort } from './fs-port.js';

const withSep = (p: string) => (p.endsWith(sep) ? p : `${p}${sep}`);

export function isInside(path: string, root: string): boolean {
  return path === root || path.startsWith(withSep(root));
}

export type GuardResult = { ok: true; real: string } | { ok: false; reason: string };

/**
 * Whether `path` is inside one of `roots`, lexically and after realpath. An empty `roots` list allows any
 * absolute path without `..` (nothing configured to be outside of) but the symlink check against `within` still
 * applies when given.
 */
export async function guardPath(
  fs: FsPort,
  path: string,
  roots: readonly string[],
  opts: { within?: string; what?: string } = {},
): Promise<GuardResult> {
  const what = opts.what ?? 'path';
  if (!path.startsWith(sep) || path.split(/[\\/]/).includes('..'))
    return { ok: false, reason: `${what} ${path} is refused: it must be an absolute path without ".."` };
  const lexical = roots.length === 0 || roots.some((r) => isInside(path, r));
  if (!lexical)
    return {
      ok: false,
      reason: `${what} ${path} is outside the configured folders (${roots.join(', ')}); add the folder as a download folder or remote path mapping`,
    };
  let real: string;
  try {
    real = await fs.realpath(path);
  } catch {
    return { ok: true, real: path }; // does not exist (yet): the lexical check is all there is
  }
  const realRoots = await Promise.all(roots.map((r) => fs.realpath(r).catch(() => r)));
  if (roots.length && !realRoots.some((r) => isInside(real, r)))
    return { ok: false, reason: `${what} ${path} is refused: it resolves to ${real}, outside the configured folders` };
  if (opts.within) {
    const within = await fs.realpath(opts.within).catch(() => opts.within as string);
    if (!isInside(real, within))
      return { ok: false, reason: `${what} ${path} is refused: it is a symlink to ${real}, outside ${opts.within}` };
  }
  return { ok: true, real };
}
