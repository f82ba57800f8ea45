/** Enterprise API calls and query keys. */
import { useQuery } from '@tanstack/react-query';
import type {
  TEnterprise,
  TEnterpriseList,
  TRegisterEnterpriseInput,
  TRegisterEnterpriseResult,
  TUpdateEnterpriseInput,
} from '../../../../src/contracts/enterprises';
import { api } from '../../api/client';

export const enterpriseKeys = {
  me: ['enterprises', 'me'] as const,
  one: (id: string) => ['enterprises', 'one', id] as const,
  list: (q: Record<string, unknown>) => ['enterprises', 'list', q] as const,
};

export const registerEnterprise = (body: TRegisterEnterpriseInput) =>
  api.post<TRegisterEnterpriseResult>('/api/v1/enterprises/register', body);

export const updateEnterprise = (id: string, body: TUpdateEnterpriseInput) =>
  api.patch<TEnterprise>(`/api/v1/enterprises/${encodeURIComponent(id)}`, body);

export function useMyEnterprise() {
  return useQuery({ queryKey: enterpriseKeys.me, queryFn: () => api.get<TEnterprise>('/api/v1/enterprises/me') });
}

export function useEnterprise(id: string) {
  return useQuery({
    queryKey: enterpriseKeys.one(id),
    queryFn: () => api.get<TEnterprise>(`/api/v1/enterprises/${encodeURIComponent(id)}`),
  });
}

export interface EnterpriseFilters {
  q?: string | undefined;
  districtCode?: string | undefined;
  type?: string | undefined;
  creditStatus?: string | undefined;
  inResourcePool?: string | undefined;
  page: number;
  pageSize: number;
}

export function useEnterpriseList(filters: EnterpriseFilters) {
  return useQuery({
    queryKey: enterpriseKeys.list({ ...filters }),
    queryFn: () => api.get<TEnterpriseList>('/api/v1/enterprises', { query: { ...filters } }),
    placeholderData: (prev) => prev,
  });
}
