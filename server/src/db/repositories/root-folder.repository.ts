// root_folders rows <-> RootFolder. Paths are stored as given after normalisation by the service.
import type { Kysely } from 'kysely';
import type { RootFolder } from '../../domain/library/library-config.types.js';
import { ConflictError } from '../../lib/errors.js';
import type { DB } from '../schema.js';
import { isUniqueViolation } from './library-query.util.js';

export class RootFolderRepository {
  constructor(private readonly db: Kysely<DB>) {}

  list(): Promise<RootFolder[]> {
    return this.db.selectFrom('root_folders').select(['id', 'path']).orderBy('path').execute();
  }

  get(id: number): Promise<RootFolder | undefined> {
    return this.db.selectFrom('root_folders').select(['id', 'path']).where('id', '=', id).executeTakeFirst();
  }

  findByPath(path: string): Promise<RootFolder | undefined> {
    return this.db.selectFrom('root_folders').select(['id', 'path']).where('path', '=', path).executeTakeFirst();
  }

  async insert(path: string): Promise<RootFolder> {
    try {
      return await this.db
        .insertInto('root_folders')
        .values({ path })
        .returning(['id', 'path'])
        .executeTakeFirstOrThrow();
    } catch (err) {
      if (isUniqueViolation(err)) throw new ConflictError(`root folder "${path}" already exists`);
      throw err;
    }
  }

  async delete(id: number): Promise<boolean> {
    const r = await this.db.deleteFrom('root_folders').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
