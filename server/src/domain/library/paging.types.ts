// Paged list requests and answers, with the Sonarr/Radarr field names (`page` is 1-based).

export type SortDirection = 'ascending' | 'descending';

export interface PageRequest<K extends string = string> {
  page: number;
  pageSize: number;
  sortKey: K;
  sortDirection: SortDirection;
}

export interface Page<T, K extends string = string> extends PageRequest<K> {
  totalRecords: number;
  records: T[];
}

/** Offset of the first record; page numbers below 1 count as 1. */
export function pageOffset(req: PageRequest): number {
  return (Math.max(1, req.page) - 1) * req.pageSize;
}
