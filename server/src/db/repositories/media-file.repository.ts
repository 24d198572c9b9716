// movie_files / episode_files / extra_files rows <-> MovieFile / EpisodeFile / ExtraFile, and the item links
// (movies.movie_file_id, episodes.episode_file_id). Also the decision engine's MediaFileLookup port, so upgrade
// decisions compare against the real qualities on disk. Pass a transaction's Kysely to write atomically.
import type { Kysely, Selectable } from 'kysely';
import type { QualityStanding } from '../../domain/decisions/decision.types.js';
import type { MediaFileLookup } from '../../services/decisions/decision.ports.js';
import type { QualityModel } from '../../services/downloads/download.types.js';
import type {
  EpisodeFile,
  ExtraFile,
  ExtraKind,
  MediaInfo,
  MovieFile,
  NewEpisodeFile,
  NewExtraFile,
  NewMovieFile,
} from '../../services/import/import.types.js';
import type { DB, EpisodeFilesTable, ExtraFilesTable, MovieFilesTable } from '../schema.js';
import { chunk, parseJson } from './library-query.util.js';

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

function movieFile(row: Selectable<MovieFilesTable>): MovieFile {
  return {
    id: row.id,
    movieId: row.movie_id,
    path: row.path,
    relativePath: row.relative_path,
    size: Number(row.size),
    quality: parseJson<QualityModel>(row.quality),
    languages: parseJson(row.languages),
    releaseGroup: row.release_group,
    sceneName: row.scene_name,
    originalPath: row.original_path,
    edition: row.edition,
    mediaInfo: row.media_info ? parseJson<MediaInfo>(row.media_info) : null,
    indexerFlags: row.indexer_flags,
    dateAdded: row.date_added,
  };
}

function episodeFile(row: Selectable<EpisodeFilesTable>, episodeIds: number[]): EpisodeFile {
  return {
    id: row.id,
    seriesId: row.series_id,
    seasonNumber: row.season_number,
    episodeIds,
    path: row.path,
    relativePath: row.relative_path,
    size: Number(row.size),
    quality: parseJson<QualityModel>(row.quality),
    languages: parseJson(row.languages),
    releaseGroup: row.release_group,
    sceneName: row.scene_name,
    originalPath: row.original_path,
    mediaInfo: row.media_info ? parseJson<MediaInfo>(row.media_info) : null,
    indexerFlags: row.indexer_flags,
    dateAdded: row.date_added,
  };
}

function extraFile(row: Selectable<ExtraFilesTable>): ExtraFile {
  return {
    id: row.id,
    mediaType: row.media_type as ExtraFile['mediaType'],
    movieFileId: row.movie_file_id,
    episodeFileId: row.episode_file_id,
    path: row.path,
    relativePath: row.relative_path,
    kind: row.kind as ExtraKind,
    language: row.language,
    dateAdded: row.date_added,
  };
}

export class MediaFileRepository implements MediaFileLookup {
  constructor(private readonly db: Kysely<DB>) {}

  // ---- movie files

  /** Inserts the file and links the movie to it. */
  async insertMovieFile(f: NewMovieFile): Promise<MovieFile> {
    const row = await this.db
      .insertInto('movie_files')
      .values({
        movie_id: f.movieId,
        path: f.path,
        relative_path: f.relativePath,
        size: f.size,
        quality: JSON.stringify(f.quality),
        languages: JSON.stringify(f.languages),
        release_group: f.releaseGroup,
        scene_name: f.sceneName,
        original_path: f.originalPath,
        edition: f.edition,
        media_info: json(f.mediaInfo),
        indexer_flags: f.indexerFlags,
        date_added: f.dateAdded,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await this.db.updateTable('movies').set({ movie_file_id: row.id }).where('id', '=', f.movieId).execute();
    return movieFile(row);
  }

  async getMovieFile(id: number): Promise<MovieFile | undefined> {
    const row = await this.db.selectFrom('movie_files').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? movieFile(row) : undefined;
  }

  async movieFilesFor(movieIds: readonly number[]): Promise<MovieFile[]> {
    const out: MovieFile[] = [];
    for (const part of chunk([...new Set(movieIds)], 500)) {
      const rows = await this.db
        .selectFrom('movie_files')
        .selectAll()
        .where('movie_id', 'in', part)
        .orderBy('id')
        .execute();
      out.push(...rows.map(movieFile));
    }
    return out;
  }

  /** Deletes the row and clears the movie's link when it pointed here. */
  async deleteMovieFile(id: number): Promise<void> {
    await this.db.updateTable('movies').set({ movie_file_id: null }).where('movie_file_id', '=', id).execute();
    await this.db.deleteFrom('movie_files').where('id', '=', id).execute();
  }

  async moveMovieFile(id: number, path: string, relativePath: string): Promise<void> {
    await this.db.updateTable('movie_files').set({ path, relative_path: relativePath }).where('id', '=', id).execute();
  }

  // ---- episode files

  /** Inserts the file and links its episodes to it. */
  async insertEpisodeFile(f: NewEpisodeFile): Promise<EpisodeFile> {
    const row = await this.db
      .insertInto('episode_files')
      .values({
        series_id: f.seriesId,
        season_number: f.seasonNumber,
        path: f.path,
        relative_path: f.relativePath,
        size: f.size,
        quality: JSON.stringify(f.quality),
        languages: JSON.stringify(f.languages),
        release_group: f.releaseGroup,
        scene_name: f.sceneName,
        original_path: f.originalPath,
        media_info: json(f.mediaInfo),
        indexer_flags: f.indexerFlags,
        date_added: f.dateAdded,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (f.episodeIds.length)
      await this.db
        .updateTable('episodes')
        .set({ episode_file_id: row.id })
        .where('id', 'in', f.episodeIds)
        .where('series_id', '=', f.seriesId)
        .execute();
    return episodeFile(row, [...f.episodeIds]);
  }

  async getEpisodeFile(id: number): Promise<EpisodeFile | undefined> {
    return (await this.episodeFilesByIds([id]))[0];
  }

  async episodeFilesByIds(ids: readonly number[]): Promise<EpisodeFile[]> {
    const out: EpisodeFile[] = [];
    for (const part of chunk([...new Set(ids)], 500)) {
      const rows = await this.db.selectFrom('episode_files').selectAll().where('id', 'in', part).execute();
      out.push(...(await this.withEpisodes(rows)));
    }
    return out.sort((a, b) => a.id - b.id);
  }

  async episodeFilesForSeries(seriesId: number): Promise<EpisodeFile[]> {
    const rows = await this.db
      .selectFrom('episode_files')
      .selectAll()
      .where('series_id', '=', seriesId)
      .orderBy('id')
      .execute();
    return this.withEpisodes(rows);
  }

  private async withEpisodes(rows: Selectable<EpisodeFilesTable>[]): Promise<EpisodeFile[]> {
    if (!rows.length) return [];
    const byFile = new Map<number, number[]>();
    for (const part of chunk(
      rows.map((r) => r.id),
      500,
    )) {
      const eps = await this.db
        .selectFrom('episodes')
        .select(['id', 'episode_file_id'])
        .where('episode_file_id', 'in', part)
        .orderBy('season_number')
        .orderBy('episode_number')
        .execute();
      for (const e of eps) {
        const list = byFile.get(e.episode_file_id as number) ?? [];
        list.push(e.id);
        byFile.set(e.episode_file_id as number, list);
      }
    }
    return rows.map((r) => episodeFile(r, byFile.get(r.id) ?? []));
  }

  /** Deletes the row; its episodes lose the link. */
  async deleteEpisodeFile(id: number): Promise<void> {
    await this.db.updateTable('episodes').set({ episode_file_id: null }).where('episode_file_id', '=', id).execute();
    await this.db.deleteFrom('episode_files').where('id', '=', id).execute();
  }

  async moveEpisodeFile(id: number, path: string, relativePath: string): Promise<void> {
    await this.db
      .updateTable('episode_files')
      .set({ path, relative_path: relativePath })
      .where('id', '=', id)
      .execute();
  }

  // ---- extra files

  async insertExtraFiles(files: readonly NewExtraFile[]): Promise<void> {
    if (!files.length) return;
    await this.db
      .insertInto('extra_files')
      .values(
        files.map((f) => ({
          media_type: f.mediaType,
          movie_file_id: f.movieFileId,
          episode_file_id: f.episodeFileId,
          path: f.path,
          relative_path: f.relativePath,
          kind: f.kind,
          language: f.language,
          date_added: f.dateAdded,
        })),
      )
      .execute();
  }

  async extrasFor(owner: {
    movieFileIds?: readonly number[];
    episodeFileIds?: readonly number[];
  }): Promise<ExtraFile[]> {
    const out: ExtraFile[] = [];
    for (const part of chunk([...new Set(owner.movieFileIds ?? [])], 500)) {
      const rows = await this.db.selectFrom('extra_files').selectAll().where('movie_file_id', 'in', part).execute();
      out.push(...rows.map(extraFile));
    }
    for (const part of chunk([...new Set(owner.episodeFileIds ?? [])], 500)) {
      const rows = await this.db.selectFrom('extra_files').selectAll().where('episode_file_id', 'in', part).execute();
      out.push(...rows.map(extraFile));
    }
    return out.sort((a, b) => a.id - b.id);
  }

  async deleteExtraFiles(ids: readonly number[]): Promise<void> {
    for (const part of chunk([...new Set(ids)], 500))
      await this.db.deleteFrom('extra_files').where('id', 'in', part).execute();
  }

  async moveExtraFile(id: number, path: string, relativePath: string): Promise<void> {
    await this.db.updateTable('extra_files').set({ path, relative_path: relativePath }).where('id', '=', id).execute();
  }

  // ---- lookups by path

  /** Which of these paths are library files already (movie, episode or extra). */
  async knownPaths(paths: readonly string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (const part of chunk([...new Set(paths)], 500)) {
      for (const table of ['movie_files', 'episode_files', 'extra_files'] as const) {
        const rows = await this.db.selectFrom(table).select('path').where('path', 'in', part).execute();
        for (const r of rows) out.add(r.path);
      }
    }
    return out;
  }

  /** Both checks in one pass: paths that are library files, and source paths library files were imported from. */
  async pathsInLibrary(paths: readonly string[]): Promise<{ known: Set<string>; imported: Set<string> }> {
    const known = new Set<string>();
    const imported = new Set<string>();
    for (const part of chunk([...new Set(paths)], 500)) {
      for (const table of ['movie_files', 'episode_files'] as const) {
        const rows = await this.db
          .selectFrom(table)
          .select(['path', 'original_path'])
          .where((eb) => eb.or([eb('path', 'in', part), eb('original_path', 'in', part)]))
          .execute();
        for (const r of rows) {
          if (part.includes(r.path)) known.add(r.path);
          if (r.original_path && part.includes(r.original_path)) imported.add(r.original_path);
        }
      }
      const extras = await this.db.selectFrom('extra_files').select('path').where('path', 'in', part).execute();
      for (const r of extras) known.add(r.path);
    }
    return { known, imported };
  }

  /** Library files imported from any of these source paths (the "already imported" check). */
  async importedFrom(originalPaths: readonly string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (const part of chunk([...new Set(originalPaths)], 500)) {
      for (const table of ['movie_files', 'episode_files'] as const) {
        const rows = await this.db
          .selectFrom(table)
          .select('original_path')
          .where('original_path', 'in', part)
          .execute();
        for (const r of rows) if (r.original_path) out.add(r.original_path);
      }
    }
    return out;
  }

  // ---- MediaFileLookup (decision engine)

  async movieFiles(ids: readonly number[]): Promise<Map<number, QualityStanding>> {
    const out = new Map<number, QualityStanding>();
    for (const part of chunk([...new Set(ids)], 500)) {
      const rows = await this.db.selectFrom('movie_files').select(['id', 'quality']).where('id', 'in', part).execute();
      for (const r of rows) out.set(r.id, standing(r.quality));
    }
    return out;
  }

  async episodeFiles(ids: readonly number[]): Promise<Map<number, QualityStanding>> {
    const out = new Map<number, QualityStanding>();
    for (const part of chunk([...new Set(ids)], 500)) {
      const rows = await this.db
        .selectFrom('episode_files')
        .select(['id', 'quality'])
        .where('id', 'in', part)
        .execute();
      for (const r of rows) out.set(r.id, standing(r.quality));
    }
    return out;
  }
}

function standing(quality: string): QualityStanding {
  const q = parseJson<QualityModel>(quality);
  return { quality: q.quality, revision: { version: q.revision.version, real: q.revision.real }, customFormatScore: 0 };
}
