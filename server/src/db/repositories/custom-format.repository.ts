// custom_formats rows <-> CustomFormat (conditions as JSON text).
import type { Kysely, Selectable } from 'kysely';
import type { CustomFormat, CustomFormatInput } from '../../domain/custom-formats/custom-format.types.js';
import { ConflictError } from '../../lib/errors.js';
import type { CustomFormatsTable, DB } from '../schema.js';
import { bool, isUniqueViolation, parseJson } from './library-query.util.js';

function toDomain(row: Selectable<CustomFormatsTable>): CustomFormat {
  return {
    id: row.id,
    name: row.name,
    includeCustomFormatWhenRenaming: row.include_in_rename === 1,
    specifications: parseJson(row.specifications),
  };
}

function toRow(f: CustomFormatInput) {
  return {
    name: f.name,
    include_in_rename: bool(f.includeCustomFormatWhenRenaming),
    specifications: JSON.stringify(f.specifications),
  };
}

export class CustomFormatRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async list(): Promise<CustomFormat[]> {
    return (await this.db.selectFrom('custom_formats').selectAll().orderBy('id').execute()).map(toDomain);
  }

  async get(id: number): Promise<CustomFormat | undefined> {
    const row = await this.db.selectFrom('custom_formats').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toDomain(row) : undefined;
  }

  async findByName(name: string): Promise<CustomFormat | undefined> {
    const row = await this.db.selectFrom('custom_formats').selectAll().where('name', '=', name).executeTakeFirst();
    return row ? toDomain(row) : undefined;
  }

  async insert(input: CustomFormatInput): Promise<CustomFormat> {
    try {
      return toDomain(
        await this.db.insertInto('custom_formats').values(toRow(input)).returningAll().executeTakeFirstOrThrow(),
      );
    } catch (err) {
      if (isUniqueViolation(err)) throw new ConflictError(`a custom format named "${input.name}" already exists`);
      throw err;
    }
  }

  async update(id: number, input: CustomFormatInput): Promise<CustomFormat | undefined> {
    try {
      const row = await this.db
        .updateTable('custom_formats')
        .set(toRow(input))
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row ? toDomain(row) : undefined;
    } catch (err) {
      if (isUniqueViolation(err)) throw new ConflictError(`a custom format named "${input.name}" already exists`);
      throw err;
    }
  }

  async delete(id: number): Promise<boolean> {
    const r = await this.db.deleteFrom('custom_formats').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
