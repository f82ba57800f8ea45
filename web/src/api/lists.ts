/** Reading a list the server filters and pages. */
import { type QueryKey, useQuery } from '@tanstack/react-query';
import { api, type RequestOptions } from './client';

/**
 * One page of a list under `url` with `query` (its filters and page): the page shown stays on screen while the next
 * one loads.
 */
export function usePagedList<T>(
  queryKey: QueryKey,
  url: string,
  query: NonNullable<RequestOptions['query']>,
  options: { enabled?: boolean; retry?: boolean } = {},
) {
  return useQuery({
    queryKey,
    queryFn: () => api.get<T>(url, { query }),
    placeholderData: (prev) => prev,
    ...options,
  });
}
