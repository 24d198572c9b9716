// The unpaginated lists read a slice at a time along the list order (keyset): each read starts after the last item
// of the one before, so one slice's JSON strings are in memory at a time and an item is never read twice.
import type { ListJsonRow } from '../../db/repositories/library-list.sql.js';

export type KeysetPosition = Pick<ListJsonRow, 'sortTitle' | 'id'>;

/** `read`'s slices of up to `size` items, as JSON strings, until one comes back short. */
export async function* jsonSlices(
  read: (after: KeysetPosition | undefined) => Promise<ListJsonRow[]>,
  size: number,
): AsyncGenerator<string[]> {
  let after: KeysetPosition | undefined;
  for (;;) {
    const part = await read(after);
    if (part.length > 0) yield part.map((r) => r.json);
    if (part.length < size) return;
    const last = part[part.length - 1]!;
    after = { sortTitle: last.sortTitle, id: last.id };
  }
}
