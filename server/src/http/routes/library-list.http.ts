// The list side GET /movie and GET /series share: the paging and common filter parameters, their mapping onto the
// repositories' shared filters, and the answer (every item streamed as the database writes it when no paging
// parameter is given, like Radarr and Sonarr, else one page).
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { LibraryFilter } from '../../db/repositories/library-list.sql.js';
import type { PageRequest, SortDirection } from '../../domain/library/paging.types.js';

export const queryBool = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Query parameters of both lists: each route adds its sort keys and its own filters. */
export const sharedListQuery = {
  page: z.coerce.number().int().min(1).max(1_000_000).optional(),
  pageSize: z.coerce.number().int().min(1).max(1000).optional(),
  sortDirection: z.enum(['ascending', 'descending']).optional(),
  monitored: queryBool.optional(),
  qualityProfileId: z.coerce.number().int().positive().optional(),
  tag: z.coerce.number().int().positive().optional(),
  search: z.string().trim().min(1).max(200).optional(),
};

type SharedListQuery = {
  [K in 'monitored' | 'qualityProfileId' | 'tag' | 'search']?: z.output<(typeof sharedListQuery)[K]>;
};

/** The shared parameters as the repositories' filter; only the ones given, so an absent one filters nothing. */
export function sharedListFilter(
  q: SharedListQuery,
): Pick<LibraryFilter, 'monitored' | 'qualityProfileId' | 'tag' | 'cleanSearch'> {
  return {
    ...(q.monitored === undefined ? {} : { monitored: q.monitored }),
    ...(q.qualityProfileId === undefined ? {} : { qualityProfileId: q.qualityProfileId }),
    ...(q.tag === undefined ? {} : { tag: q.tag }),
    ...(q.search === undefined ? {} : { cleanSearch: q.search }),
  };
}

/**
 * Serializer for list responses (every movie, every series, their pages): plain JSON.stringify instead of the
 * response schema's serializer, which re-encodes every field of every record (for 5,000 series, ~140 ms and a
 * second copy of 11 MB of objects). The views hold exactly the schema's fields (row mappers reduce artwork and
 * ratings to them; library-api-serialization.test.ts compares both outputs); the schema still documents it.
 */
export const plainJson = (payload: unknown): string => JSON.stringify(payload);

/**
 * A JSON array written from slices of records already in JSON text as they come (the first slice is read before
 * anything is sent, so errors there still become an error response): for lists of thousands, one slice's text in
 * memory rather than every record and an 11 MB string at once.
 */
export async function jsonArrayStream(slices: AsyncIterator<string[]>): Promise<Readable> {
  const first = await slices.next();
  async function* text(): AsyncGenerator<string> {
    let empty = true;
    const write = (part: string[]) => {
      const out = empty ? part.join(',') : `,${part.join(',')}`;
      empty = false;
      return out;
    };
    yield '[';
    if (!first.done && first.value.length > 0) yield write(first.value);
    if (!first.done)
      for (let next = await slices.next(); !next.done; next = await slices.next())
        if (next.value.length > 0) yield write(next.value);
    yield ']';
  }
  return Readable.from(text(), { objectMode: false });
}

/** What a library list route reads: the whole list as JSON slices, or one page. */
export interface LibraryList<K extends string, F, P> {
  listJson(filter: F): AsyncIterator<string[]>;
  page(req: PageRequest<K | 'title'>, filter: F): Promise<P>;
}

interface ListQuery<K extends string> {
  page?: number | undefined;
  pageSize?: number | undefined;
  sortKey?: K | undefined;
  sortDirection?: SortDirection | undefined;
}

/**
 * Without any paging parameter, every item, streamed 500 at a time as the database writes it (20,000 movies are
 * ~24 MB of JSON; the same records as the services' `list`); otherwise one page, by title unless sorted.
 */
export async function sendLibraryList<K extends string, F, P>(
  reply: FastifyReply,
  q: ListQuery<K>,
  filter: F,
  list: LibraryList<K, F, P>,
): Promise<P | FastifyReply> {
  if (q.page === undefined && q.pageSize === undefined && q.sortKey === undefined) {
    const body = await jsonArrayStream(list.listJson(filter));
    return reply.type('application/json; charset=utf-8').send(body as never);
  }
  const sortKey: K | 'title' = q.sortKey ?? 'title';
  return list.page(
    { page: q.page ?? 1, pageSize: q.pageSize ?? 20, sortKey, sortDirection: q.sortDirection ?? 'ascending' },
    filter,
  );
}
