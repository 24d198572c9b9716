// Anime releases append the file's CRC32 as `[6B7FD717]` or `(6B7FD717)`; it is not part of the group.
const HASH = /[[(]([0-9A-F]{8})[\])]/gi;

/** The last bracketed 8-hex-digit CRC in the title, or `''` when there is none. */
export function parseReleaseHash(title: string): string {
  let hash = '';
  for (const match of title.matchAll(HASH)) hash = match[1]!;
  return hash;
}
