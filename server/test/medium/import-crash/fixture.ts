// Crash-trial fixture shared by the crash test and the import benchmark: a real SQLite database and real folders
// (library with old files, downloads with new ones), the worker's import plan, and the checker that asserts on the
// real file system after recovery: per movie the old or the new file is in place with the right content, no
// temp files, no unfinished journal rows, every DB file row matches a file on disk.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../../../src/db/database.js';
import { MediaFileRepository } from '../../../src/db/repositories/media-file.repository.js';
import { MovieRepository } from '../../../src/db/repositories/movie.repository.js';
import type { TransferMode } from '../../../src/services/import/import.types.js';
import { newMovie } from '../../support/library-factories.js';

export const sha = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

export interface TrialItem {
  movieId: number;
  title: string;
  oldPath: string;
  oldHash: string;
  source: string;
  newHash: string;
  subtitle: string | null;
}

export interface TrialPlan {
  dbFile: string;
  root: string;
  downloads: string;
  recycleBin: string;
  mode: TransferMode;
  items: TrialItem[];
}

/** Seeds `count` movies, each with an old library file (DB row + disk) and a new download file. */
export async function seedTrial(
  database: Database,
  dir: string,
  opts: { count: number; mode: TransferMode; recycle: boolean; offset?: number; withOld?: boolean },
): Promise<TrialPlan> {
  const root = join(dir, 'movies');
  const downloads = join(dir, 'downloads');
  const recycleBin = opts.recycle ? join(dir, 'recycle') : '';
  mkdirSync(root, { recursive: true });
  mkdirSync(downloads, { recursive: true });
  const movies = new MovieRepository(database.db);
  const files = new MediaFileRepository(database.db);
  const items: TrialItem[] = [];
  const offset = opts.offset ?? 0;
  for (let i = 0; i < opts.count; i++) {
    const n = offset + i + 1;
    const base = newMovie(n);
    const movie = await movies.insert({
      ...base,
      path: join(root, `${base.title} (${base.year})`),
      rootFolderPath: root,
    });
    mkdirSync(movie.path, { recursive: true });
    let oldPath = '';
    let oldHash = '';
    if (opts.withOld !== false) {
      oldPath = join(movie.path, `${movie.title} (${movie.year}) old.mkv`);
      const oldData = `old file of movie ${n} ${Math.random()}`;
      writeFileSync(oldPath, oldData);
      oldHash = sha(oldData);
      await files.insertMovieFile({
        movieId: movie.id,
        path: oldPath,
        relativePath: `${movie.title} (${movie.year}) old.mkv`,
        size: Buffer.byteLength(oldData),
        quality: { quality: 'webdl-720p', revision: { version: 1, real: 0 } },
        languages: ['English'],
        releaseGroup: 'OLD',
        sceneName: null,
        originalPath: null,
        edition: null,
        mediaInfo: null,
        indexerFlags: 0,
        dateAdded: new Date().toISOString(),
      });
    }
    const rel = `${movie.title.replace(/ /g, '.')}.${movie.year}.1080p.BluRay.x264-NEW`;
    mkdirSync(join(downloads, rel), { recursive: true });
    const source = join(downloads, rel, `${rel}.mkv`);
    const newData = `new file of movie ${n} ${Math.random()} ${'x'.repeat(n % 7)}`;
    writeFileSync(source, newData);
    let subtitle: string | null = null;
    if (n % 2 === 0) {
      subtitle = join(downloads, rel, `${rel}.en.srt`);
      writeFileSync(subtitle, `1\n00:00:01,000 --> 00:00:02,000\nsubtitle ${n}\n`);
    }
    items.push({ movieId: movie.id, title: movie.title, oldPath, oldHash, source, newHash: sha(newData), subtitle });
  }
  return { dbFile: '', root, downloads, recycleBin, mode: opts.mode, items };
}

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

export interface CheckResult {
  problems: string[];
  imported: number;
  kept: number;
}

/** Everything the crash test promises, checked on the real disk and DB. */
export async function checkTrial(database: Database, plan: TrialPlan): Promise<CheckResult> {
  const problems: string[] = [];
  let imported = 0;
  let kept = 0;
  const db = database.db;
  const temps = [...walk(plan.root), ...walk(plan.downloads)].filter((p) => p.split('/').pop()?.startsWith('.idkarr-'));
  if (temps.length) problems.push(`temp files left: ${temps.join(', ')}`);
  const unfinished = await db
    .selectFrom('import_journal')
    .select(['op_id', 'state', 'step'])
    .where('state', 'in', ['pending', 'committed'])
    .execute();
  if (unfinished.length) problems.push(`unfinished journal rows: ${JSON.stringify(unfinished)}`);
  const rows = await db.selectFrom('movie_files').selectAll().execute();
  for (const r of rows) {
    if (!existsSync(r.path)) problems.push(`DB row ${r.id} points at ${r.path}, which does not exist`);
    else if (statSync(r.path).size !== Number(r.size)) problems.push(`DB row ${r.id}: size differs from ${r.path}`);
  }
  const recycled = walk(plan.recycleBin || join(plan.root, '__none__')).map((p) => sha(readFileSync(p)));
  for (const item of plan.items) {
    const movie = await db
      .selectFrom('movies')
      .select(['movie_file_id'])
      .where('id', '=', item.movieId)
      .executeTakeFirst();
    const row = rows.find((r) => r.id === movie?.movie_file_id);
    if (!row) {
      if (item.oldPath) problems.push(`${item.title}: no file row at all`);
      if (!existsSync(item.source)) problems.push(`${item.title}: not imported and the source is gone`);
      continue;
    }
    const ownRows = rows.filter((r) => r.movie_id === item.movieId);
    if (ownRows.length !== 1) problems.push(`${item.title}: ${ownRows.length} file rows`);
    if (!existsSync(row.path)) continue;
    const hash = sha(readFileSync(row.path));
    if (hash === item.newHash) {
      imported++;
      // New file in place: the old one is recycled (content intact) or deleted; a moved source is gone.
      if (item.oldPath && existsSync(item.oldPath) && item.oldPath !== row.path)
        problems.push(`${item.title}: imported but the replaced file is still at ${item.oldPath}`);
      if (plan.recycleBin && item.oldHash && !recycled.includes(item.oldHash))
        problems.push(`${item.title}: the replaced file is not in the recycle bin`);
      if (plan.mode === 'move' && existsSync(item.source))
        problems.push(`${item.title}: moved but the source is still there`);
      if (plan.mode !== 'move' && !existsSync(item.source))
        problems.push(`${item.title}: ${plan.mode} lost the source`);
      if (item.subtitle) {
        const subs = await db.selectFrom('extra_files').selectAll().where('movie_file_id', '=', row.id).execute();
        if (subs.length !== 1 || !subs[0] || !existsSync(subs[0].path))
          problems.push(`${item.title}: the subtitle did not follow the video`);
      }
    } else if (hash === item.oldHash) {
      kept++;
      if (row.path !== item.oldPath) problems.push(`${item.title}: old content at an unexpected path ${row.path}`);
      if (!existsSync(item.source) || sha(readFileSync(item.source)) !== item.newHash)
        problems.push(`${item.title}: not imported and the download file is lost`);
    } else {
      problems.push(`${item.title}: ${row.path} has neither the old nor the new content`);
    }
  }
  return { problems, imported, kept };
}
