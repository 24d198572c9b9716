import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';

export interface UserRow {
  id: number;
  username: string;
  passwordHash: string;
}

export class UserRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async count(): Promise<number> {
    const r = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  async findByUsername(username: string): Promise<UserRow | undefined> {
    const r = await this.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    return r && { id: r.id, username: r.username, passwordHash: r.password_hash };
  }

  async findById(id: number): Promise<UserRow | undefined> {
    const r = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return r && { id: r.id, username: r.username, passwordHash: r.password_hash };
  }

  /** Inserts only while the table is empty, so two racing first-run requests cannot both create a user. */
  async createFirst(username: string, passwordHash: string, now: Date): Promise<UserRow | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const existing = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
      if (existing) return undefined;
      const r = await trx
        .insertInto('users')
        .values({ username, password_hash: passwordHash, created_at: now.toISOString() })
        .returning(['id'])
        .executeTakeFirstOrThrow();
      return { id: r.id, username, passwordHash };
    });
  }

  async updatePassword(id: number, passwordHash: string): Promise<void> {
    await this.db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
  }

  async createSession(id: string, userId: number, now: Date, expires: Date): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({ id, user_id: userId, created_at: now.toISOString(), expires_at: expires.toISOString() })
      .execute();
  }

  async findSession(id: string, now: Date): Promise<{ userId: number; username: string } | undefined> {
    const r = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['users.id as userId', 'users.username as username'])
      .where('sessions.id', '=', id)
      .where('sessions.expires_at', '>', now.toISOString())
      .executeTakeFirst();
    return r;
  }

  async deleteSession(id: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  async deleteExpiredSessions(now: Date): Promise<number> {
    const r = await this.db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
