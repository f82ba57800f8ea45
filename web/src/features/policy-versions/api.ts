import type { TPolicyVersionDetail, TPolicyVersionList } from '../../../../src/contracts/policy-versions';
import { api } from '../../api/client';
import { useDatedQuery } from '../../components/useDatedQuery';

export const usePublicVersions = (asOf: string) =>
  useDatedQuery<TPolicyVersionList>(['policy-versions', 'public'], '/api/v1/policies/zyb.interest/versions', asOf);

export const useCityVersions = (asOf: string) =>
  useDatedQuery<TPolicyVersionList>(['policy-versions', 'city'], '/api/v1/policy-versions', asOf);

export const readVersion = (id: string) =>
  api.get<TPolicyVersionDetail>(`/api/v1/policies/zyb.interest/versions/${id}`);
export const draftVersion = (body: unknown) => api.post<{ id: string }>('/api/v1/policy-versions', body);
export const updateVersion = (id: string, body: unknown) =>
  api.put<{ id: string }>(`/api/v1/policy-versions/${id}`, body);
export const approveVersion = (id: string) =>
  api.post<{ id: string; superseded: string[] }>(`/api/v1/policy-versions/${id}/approve`);
