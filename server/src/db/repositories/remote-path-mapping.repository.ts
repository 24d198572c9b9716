// remote_path_mappings rows <-> RemotePathMapping. A (host, remote path) pair is unique: a duplicate is a conflict.
import type { Kysely, Selectable } from 'kysely';
import { ConflictError } from '../../lib/errors.js';
import type { NewRemotePathMapping, RemotePathMapping } from '../../services/downloads/download.types.js';
import type { DB, RemotePathMappingsTable } from '../schema.js';
import { isUniqueViolation } from './library-query.util.js';

function toDomain(row: Selectable<RemotePathMappingsTable>): RemotePathMapping {
  return { id: row.id, host: row.host, remotePath: row.remote_path, localPath: row.local_path };
}

function toRow(m: NewRemotePathMapping) {
  return { host: m.host, remote_path: m.remotePath, local_path: m.localPath };
}

export class RemotePathMappingRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async list(): Promise<RemotePathMapping[]> {
    return (await this.db.selectFrom('remote_path_mappings').selectAll().orderBy('id').execute()).map(toDomain);
  }

  async get(id: number): Promise<RemotePathMapping | undefined> {
    const row = await this.db.selectFrom('remote_path_mappings').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toDomain(row) : undefined;
  }

  async insert(m: NewRemotePathMapping): Promise<RemotePathMapping> {
    try {
      return toDomain(
        await this.db.insertInto('remote_path_mappings').values(toRow(m)).returningAll().executeTakeFirstOrThrow(),
      );
    } catch (err) {
      throw this.conflict(err, m);
    }
  }

  async update(id: number, m: NewRemotePathMapping): Promise<RemotePathMapping | undefined> {
    try {
      const row = await this.db
        .updateTable('remote_path_mappings')
        .set(toRow(m))
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row ? toDomain(row) : undefined;
    } catch (err) {
      throw this.conflict(err, m);
    }
  }

  async delete(id: number): Promise<boolean> {
    const r = await this.db.deleteFrom('remote_path_mappings').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  private conflict(err: unknown, m: NewRemotePathMapping): unknown {
    return isUniqueViolation(err)
      ? new ConflictError(`a mapping for host ${m.host} and remote path ${m.remotePath} already exists`)
      : err;
  }
}
