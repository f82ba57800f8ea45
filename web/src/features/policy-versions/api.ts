import { useQuery } from '@tanstack/react-query';
import type { TPolicyVersionDetail, TPolicyVersionList } from '../../../../src/contracts/policy-versions';
import { api } from '../../api/client';

export const usePublicVersions = (asOf: string) =>
  useQuery({
    queryKey: ['policy-versions', 'public', asOf],
    queryFn: () => api.get<TPolicyVersionList>('/api/v1/policies/zyb.interest/versions', { query: { asOf } }),
  });

export const useCityVersions = (asOf: string) =>
  useQuery({
    queryKey: ['policy-versions', 'city', asOf],
    queryFn: () => api.get<TPolicyVersionList>('/api/v1/policy-versions', { query: { asOf } }),
  });

export const readVersion = (id: string) =>
  api.get<TPolicyVersionDetail>(`/api/v1/policies/zyb.interest/versions/${id}`);
export const draftVersion = (body: unknown) => api.post<{ id: string }>('/api/v1/policy-versions', body);
export const updateVersion = (id: string, body: unknown) =>
  api.put<{ id: string }>(`/api/v1/policy-versions/${id}`, body);
export const approveVersion = (id: string) =>
  api.post<{ id: string; superseded: string[] }>(`/api/v1/policy-versions/${id}/approve`);
