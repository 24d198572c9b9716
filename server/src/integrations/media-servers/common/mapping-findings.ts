// test() warnings for path mappings that cannot be right: a remote path no library folder is in (or contains)
// means rescans through that mapping would find no library.
import type { Finding } from '../../../lib/errors.js';
import type { MediaLibrary } from '../../../providers/ports/media-server.port.js';
import { isWithin, type PathMapping } from './path-mapping.js';

export function mappingFindings(mappings: readonly PathMapping[], libraries: readonly MediaLibrary[]): Finding[] {
  const folders = libraries.flatMap((l) => l.paths);
  const findings: Finding[] = [];
  mappings.forEach((m, i) => {
    if (folders.some((f) => isWithin(f, m.remotePath) || isWithin(m.remotePath, f))) return;
    findings.push({
      field: `settings.pathMappings.${i}.remotePath`,
      message: `no library on the server uses "${m.remotePath}" (library folders: ${folders.join(', ') || 'none'})`,
      severity: 'warning',
    });
  });
  return findings;
}
