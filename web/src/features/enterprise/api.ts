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
import { usePagedList } from '../../api/lists';
import type { Paging } from '../../components/lists';

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

export interface EnterpriseFilters extends Paging {
  q?: string | undefined;
  districtCode?: string | undefined;
  type?: string | undefined;
  creditStatus?: string | undefined;
  inResourcePool?: string | undefined;
}

export function useEnterpriseList(filters: EnterpriseFilters) {
  return usePagedList<TEnterpriseList>(enterpriseKeys.list({ ...filters }), '/api/v1/enterprises', { ...filters });
}
