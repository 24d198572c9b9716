// tags rows <-> Tag, and where tags are used: movies, series and provider definitions all keep tag ids in a JSON
// array column, read here with one query per table for every tag at once.
import type { Kysely } from 'kysely';
import type { Tag, TagDetail } from '../../domain/library/library-config.types.js';
import { ConflictError } from '../../lib/errors.js';
import type { DB } from '../schema.js';
import { isUniqueViolation, parseJson } from './library-query.util.js';

type Usage = Omit<TagDetail, 'id' | 'label'>;

const KIND_FIELD: Record<string, keyof Usage> = {
  downloadclient: 'downloadClientIds',
  indexer: 'indexerIds',
  mediaserver: 'mediaServerIds',
  notification: 'notificationIds',
  metadata: 'metadataIds',
  importlist: 'importListIds',
};

export function emptyUsage(): Usage {
  return {
    movieIds: [],
    seriesIds: [],
    downloadClientIds: [],
    indexerIds: [],
    mediaServerIds: [],
    notificationIds: [],
    metadataIds: [],
    importListIds: [],
  };
}

export class TagRepository {
  constructor(private readonly db: Kysely<DB>) {}

  list(): Promise<Tag[]> {
    return this.db.selectFrom('tags').select(['id', 'label']).orderBy('label').execute();
  }

  get(id: number): Promise<Tag | undefined> {
    return this.db.selectFrom('tags').select(['id', 'label']).where('id', '=', id).executeTakeFirst();
  }

  findByLabel(label: string): Promise<Tag | undefined> {
    return this.db.selectFrom('tags').select(['id', 'label']).where('label', '=', label).executeTakeFirst();
  }

  async insert(label: string): Promise<Tag> {
    try {
      return await this.db.insertInto('tags').values({ label }).returning(['id', 'label']).executeTakeFirstOrThrow();
    } catch (err) {
      if (isUniqueViolation(err)) throw new ConflictError(`tag "${label}" already exists`);
      throw err;
    }
  }

  async update(id: number, label: string): Promise<Tag | undefined> {
    try {
      return await this.db
        .updateTable('tags')
        .set({ label })
        .where('id', '=', id)
        .returning(['id', 'label'])
        .executeTakeFirst();
    } catch (err) {
      if (isUniqueViolation(err)) throw new ConflictError(`tag "${label}" already exists`);
      throw err;
    }
  }

  async delete(id: number): Promise<boolean> {
    const r = await this.db.deleteFrom('tags').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  /** Usage of every tag: three queries in all, reading only rows that carry any tag. */
  async usage(): Promise<Map<number, Usage>> {
    const out = new Map<number, Usage>();
    const add = (tags: string, field: keyof Usage, id: number) => {
      for (const tag of parseJson<number[]>(tags)) {
        const u = out.get(tag) ?? emptyUsage();
        u[field].push(id);
        out.set(tag, u);
      }
    };
    const movies = await this.db
      .selectFrom('movies')
      .select(['id', 'tags'])
      .where('tags', '<>', '[]')
      .orderBy('id')
      .execute();
    for (const m of movies) add(m.tags, 'movieIds', m.id);
    const series = await this.db
      .selectFrom('series')
      .select(['id', 'tags'])
      .where('tags', '<>', '[]')
      .orderBy('id')
      .execute();
    for (const s of series) add(s.tags, 'seriesIds', s.id);
    const definitions = await this.db
      .selectFrom('provider_definitions')
      .select(['id', 'kind', 'tags'])
      .where('tags', '<>', '[]')
      .orderBy('id')
      .execute();
    for (const d of definitions) {
      const field = KIND_FIELD[d.kind];
      if (field) add(d.tags, field, d.id);
    }
    return out;
  }
}
