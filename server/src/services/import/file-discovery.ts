// Finding the files of a download or a library folder: video files (by extension), samples (by name, folder,
// size for the quality scaled by runtime, and probed runtime when a prober is available — a missing ffprobe
// never blocks), and the extra files that belong to a video (subtitles, .nfo).
import { spawn } from 'node:child_process';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { parseSubtitleInfo } from '../../parser/index.js';
import { isTempName } from './file-transaction.js';
import type { FsPort } from './fs-port.js';
import type { ExtraCandidate, ImportSettings } from './import.types.js';

export const VIDEO_EXTENSIONS = new Set([
  '.mkv',
  '.mp4',
  '.m4v',
  '.avi',
  '.mov',
  '.wmv',
  '.mpg',
  '.mpeg',
  '.ts',
  '.m2ts',
  '.mts',
  '.webm',
  '.flv',
  '.vob',
  '.divx',
  '.xvid',
  '.ogm',
  '.ogv',
  '.3gp',
  '.iso',
  '.img',
  '.strm',
  '.rmvb',
  '.asf',
  '.dvr-ms',
  '.wtv',
]);
const SUBTITLE_EXTENSIONS = new Set(['.srt', '.ass', '.ssa', '.sub', '.idx', '.vtt', '.sup', '.smi']);
const SKIPPED_FOLDERS =
  /^(?:\.|@eadir$|\.@__thumb$|extras$|featurettes$|behind the scenes$|deleted scenes$|trailers$)/i;

export interface FoundFile {
  path: string;
  /** Relative to the folder that was walked. */
  relativePath: string;
  size: number;
  isSymbolicLink: boolean;
}

export interface Walked {
  videos: FoundFile[];
  /** Every other file (extra-file candidates). */
  others: FoundFile[];
  /** Entries that could not be read, with the error. */
  unreadable: Array<{ path: string; error: unknown }>;
}

export const isVideo = (path: string) => VIDEO_EXTENSIONS.has(extname(path).toLowerCase());

/** Walks `root` (a folder, or a single file) down to `maxDepth` levels. */
export async function walkFolder(fs: FsPort, root: string, maxDepth = 6): Promise<Walked> {
  const out: Walked = { videos: [], others: [], unreadable: [] };
  const top = await fs.tryStat(root);
  if (!top) throw Object.assign(new Error(`ENOENT: ${root}`), { code: 'ENOENT' });
  if (top.isFile) {
    const f = { path: root, relativePath: basename(root), size: top.size, isSymbolicLink: false };
    (isVideo(root) ? out.videos : out.others).push(f);
    return out;
  }
  const visit = async (dir: string, depth: number): Promise<void> => {
    let entries: Awaited<ReturnType<FsPort['readdir']>>;
    try {
      entries = await fs.readdir(dir);
    } catch (err) {
      out.unreadable.push({ path: dir, error: err });
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, e.name);
      if (isTempName(e.name)) continue;
      let isDir = e.isDirectory;
      let isFile = e.isFile;
      let size = 0;
      if (e.isSymbolicLink || isFile) {
        try {
          const s = await fs.tryStat(path);
          if (!s) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
          isDir = s.isDirectory;
          isFile = s.isFile;
          size = s.size;
        } catch (err) {
          out.unreadable.push({ path, error: err });
          continue;
        }
      }
      if (isDir) {
        if (depth < maxDepth && !SKIPPED_FOLDERS.test(e.name)) await visit(path, depth + 1);
        continue;
      }
      if (!isFile) continue;
      const f = { path, relativePath: relative(root, path), size, isSymbolicLink: e.isSymbolicLink };
      (isVideo(path) ? out.videos : out.others).push(f);
    }
  };
  await visit(root, 0);
  return out;
}

/** Size below which a file is a sample, for the quality's resolution and the item's runtime (minutes). */
export function sampleSizeLimit(resolution: number, runtimeMinutes: number): number {
  const mb = 1024 * 1024;
  const base = resolution >= 2160 ? 250 * mb : resolution >= 1080 ? 120 * mb : resolution >= 720 ? 70 * mb : 40 * mb;
  // Limits are for a one-hour item; shorter items (a 22-minute sitcom) scale down, never below a quarter.
  const ratio = runtimeMinutes > 0 ? Math.min(3, Math.max(0.25, runtimeMinutes / 60)) : 1;
  return Math.round(base * ratio);
}

export interface SampleInput {
  relativePath: string;
  size: number;
  resolution: number;
  /** The movie's/episode's runtime in minutes; 0 = unknown. */
  runtimeMinutes: number;
  /** Probed duration of the file in seconds; null when no prober (ffprobe) is available. */
  probedSeconds: number | null;
}

/** Why the file is a sample, or null. */
export function sampleReason(f: SampleInput): string | null {
  const parts = f.relativePath.split(/[\\/]/);
  const name = parts[parts.length - 1] ?? '';
  if (/(?:^|[ ._\-[(])sample(?:$|[ ._\-\])])/i.test(name.replace(/\.[^.]+$/, '')) || /^sample/i.test(name))
    return `${name} is a sample (by its name)`;
  if (parts.slice(0, -1).some((p) => /^samples?$/i.test(p))) return `${name} is a sample (in a Sample folder)`;
  if (f.probedSeconds !== null && f.runtimeMinutes > 0) {
    const minutes = f.probedSeconds / 60;
    if (f.probedSeconds < 90 || minutes < f.runtimeMinutes * 0.2)
      return `${name} is a sample: it runs ${Math.round(f.probedSeconds)} s of a ${f.runtimeMinutes}-minute item`;
    return null; // a real runtime beats any size guess
  }
  const limit = sampleSizeLimit(f.resolution, f.runtimeMinutes);
  if (f.size < limit)
    return `${name} is a sample: ${(f.size / 1048576).toFixed(1)} MB is below ${(limit / 1048576).toFixed(0)} MB for its quality and runtime`;
  return null;
}

/** Duration in seconds via ffprobe; null when ffprobe is missing, fails or takes too long. Never throws. */
export function ffprobeDuration(path: string, timeoutMs = 10_000): Promise<number | null> {
  return new Promise((resolve) => {
    let out = '';
    let done = false;
    const finish = (v: number | null) => {
      if (!done) {
        done = true;
        resolve(v);
      }
    };
    try {
      const child = spawn('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', path], {
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        finish(null);
      }, timeoutMs);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
      });
      child.on('error', () => {
        clearTimeout(timer);
        finish(null);
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        const n = Number.parseFloat(out.trim());
        finish(code === 0 && Number.isFinite(n) ? n : null);
      });
    } catch {
      finish(null);
    }
  });
}

const LANGUAGE_CODES: Record<string, string> = {
  English: 'en',
  French: 'fr',
  Spanish: 'es',
  German: 'de',
  Italian: 'it',
  Danish: 'da',
  Dutch: 'nl',
  Japanese: 'ja',
  Chinese: 'zh',
  Russian: 'ru',
  Polish: 'pl',
  Swedish: 'sv',
  Norwegian: 'no',
  Finnish: 'fi',
  Portuguese: 'pt',
  'Portuguese (Brazil)': 'pt-BR',
  Korean: 'ko',
  Greek: 'el',
  Turkish: 'tr',
  Czech: 'cs',
  Hungarian: 'hu',
  Hebrew: 'he',
  Arabic: 'ar',
  Hindi: 'hi',
  Ukrainian: 'uk',
  Romanian: 'ro',
  Vietnamese: 'vi',
};

/** ISO 639-1 code for a parser language name (`English` → `en`); null for Unknown. */
export function languageCode(language: string): string | null {
  if (!language || language === 'Unknown') return null;
  return LANGUAGE_CODES[language] ?? language.toLowerCase().replace(/[^a-z]+/g, '-');
}

/**
 * Extra files that belong to `video`: subtitles (and .nfo when enabled) in its folder or a Subs/ folder beside
 * it, whose name starts with the video's base name — or any, when the video is the only one in that folder.
 */
export function extrasFor(
  video: FoundFile,
  others: readonly FoundFile[],
  videosInFolder: number,
  settings: Pick<ImportSettings, 'importExtraFiles' | 'importNfo' | 'extraFileExtensions'>,
): ExtraCandidate[] {
  if (!settings.importExtraFiles) return [];
  const dir = dirname(video.path);
  const base = basename(video.path, extname(video.path)).toLowerCase();
  const allowed = new Set(settings.extraFileExtensions.map((e) => `.${e.replace(/^\./, '').toLowerCase()}`));
  if (settings.importNfo) allowed.add('.nfo');
  else allowed.delete('.nfo');
  const out: ExtraCandidate[] = [];
  const seen = new Set<string>();
  for (const f of others) {
    const ext = extname(f.path).toLowerCase();
    if (!allowed.has(ext)) continue;
    const fdir = dirname(f.path);
    const inSubs = dirname(fdir) === dir && /^(?:subs?|subtitles)$/i.test(basename(fdir));
    if (fdir !== dir && !inSubs) continue;
    const name = basename(f.path);
    const matchesName = name.toLowerCase().startsWith(`${base}.`);
    if (!matchesName && videosInFolder > 1) continue;
    if (ext === '.nfo') {
      if (seen.has('.nfo')) continue;
      seen.add('.nfo');
      out.push({ source: f.path, kind: 'nfo', language: null, suffix: '.nfo' });
      continue;
    }
    if (!SUBTITLE_EXTENSIONS.has(ext)) continue;
    const info = parseSubtitleInfo(name, matchesName ? basename(video.path) : undefined);
    const code = languageCode(info.language);
    let suffix = `${code ? `.${code}` : ''}${info.tags.map((t) => `.${t}`).join('')}${ext}`;
    for (let n = 1; seen.has(suffix.toLowerCase()); n++)
      suffix = `${code ? `.${code}` : ''}${info.tags.map((t) => `.${t}`).join('')}.${n}${ext}`;
    seen.add(suffix.toLowerCase());
    out.push({ source: f.path, kind: 'subtitle', language: code, suffix });
  }
  return out;
}

/** `a/b/../c` style escapes and non-absolute paths. */
export function hasTraversal(path: string): boolean {
  return path.split(/[\\/]/).includes('..') || !path.startsWith(sep);
}
