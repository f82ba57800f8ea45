/** A register read on a date (`asOf`, YYYY-MM-DD): one query per register and date. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';

export const useDatedQuery = <T>(key: readonly string[], url: string, asOf: string) =>
  useQuery({ queryKey: [...key, asOf], queryFn: () => api.get<T>(url, { query: { asOf } }) });
