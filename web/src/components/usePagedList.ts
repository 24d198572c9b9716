// Windowed access to a server-paged list (GET /api/v1/movie|series?page=&pageSize=&sortKey=…): the first page gives
// the total, and only the pages under the visible range are fetched, so a 20k-item library costs a few requests
// of PAGE_SIZE rows instead of one 20k-row response. Sorting, filtering and search stay on the server.
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { get, qs } from '../api/client';
import type { Page } from '../api/types';

export const PAGE_SIZE = 200;

export type ListParams = Record<string, string | number | boolean | undefined>;

export function usePagedList<T>(resource: 'movie' | 'series', queryKey: readonly unknown[], params: ListParams) {
  const fetchPage = useCallback(
    (page: number) => get<Page<T>>(`/${resource}${qs({ ...params, page, pageSize: PAGE_SIZE })}`),
    [resource, params],
  );
  const first = useQuery({
    queryKey: [...queryKey, params, 1],
    queryFn: () => fetchPage(1),
    placeholderData: keepPreviousData,
  });
  return { first, fetchPage, total: first.data?.totalRecords ?? 0 };
}

/** The items in [start, end] from the pages that cover them; missing items are undefined while their page loads. */
export function useWindow<T>(
  queryKey: readonly unknown[],
  params: ListParams,
  fetchPage: (page: number) => Promise<Page<T>>,
  firstPage: Page<T> | undefined,
  start: number,
  end: number,
): (index: number) => T | undefined {
  const pages = useMemo(() => {
    const out: number[] = [];
    if (end < start) return out;
    const from = Math.floor(start / PAGE_SIZE) + 1;
    const to = Math.floor(end / PAGE_SIZE) + 1;
    for (let p = Math.max(2, from); p <= to; p++) out.push(p);
    return out;
  }, [start, end]);
  const results = useQueries({
    queries: pages.map((page) => ({
      queryKey: [...queryKey, params, page],
      queryFn: () => fetchPage(page),
    })),
  });
  const byPage = new Map<number, T[]>();
  if (firstPage) byPage.set(1, firstPage.records);
  pages.forEach((page, i) => {
    const data = results[i]?.data;
    if (data) byPage.set(page, data.records);
  });
  return (index: number) => byPage.get(Math.floor(index / PAGE_SIZE) + 1)?.[index % PAGE_SIZE];
}
