import { useQuery } from '@tanstack/react-query';
import type { TFeeAllocationResult, TFeeClaim, TFeeYear, TPool, TRiskClaim } from '../../../../src/contracts/guarantee';
import type { TFundingPlan } from '../../../../src/contracts/subsidy';
import { api } from '../../api/client';

const BASE = '/api/v1/guarantee';
export const guaranteeKeys = { all: ['guarantee'] as const };

/** One of the module's lists (its items in the actor's scope), read when `enabled`. */
function useItems<T>(path: string, enabled: boolean) {
  return useQuery({
    queryKey: ['guarantee', path],
    queryFn: () => api.get<{ items: T[] }>(`${BASE}/${path}`),
    enabled,
  });
}

export const useFeeYears = (enabled: boolean) => useItems<TFeeYear>('fee-years', enabled);
export const useFeeClaims = (enabled: boolean) => useItems<TFeeClaim>('fee-claims', enabled);
export const useRiskClaims = (enabled: boolean) => useItems<TRiskClaim>('risk-claims', enabled);
export const usePools = (enabled: boolean) => useItems<TPool>('pools', enabled);

export const submitFeeClaim = (body: unknown) => api.post<TFeeClaim>(`${BASE}/fee-claims`, body);
export const reviewFeeClaim = (id: string, body: unknown) =>
  api.post<TFeeClaim>(`${BASE}/fee-claims/${id}/review`, body);
export const createFeeYear = (body: unknown) => api.post<TFeeYear>(`${BASE}/fee-years`, body);
export const allocateFeeYear = (year: number) => api.post<TFeeAllocationResult>(`${BASE}/fee-years/${year}/allocate`);
export const publishFeeNotice = (year: number) => api.post<TFeeYear>(`${BASE}/fee-years/${year}/notice`, {});
export const createPool = (body: unknown) => api.post<TPool>(`${BASE}/pools`, body);
export const submitRiskClaim = (body: unknown) => api.post<TRiskClaim>(`${BASE}/risk-claims`, body);
export const stepRiskClaim = (id: string, body: unknown) =>
  api.post<TRiskClaim>(`${BASE}/risk-claims/${id}/steps`, body);
export const reportRecovery = (id: string, body: unknown) =>
  api.post<TRiskClaim>(`${BASE}/risk-claims/${id}/recoveries`, body);
export const resubmitFeeClaim = (id: string, body: unknown) =>
  api.post<TFeeClaim>(`${BASE}/fee-claims/${id}/resubmit`, body);
export const resubmitRiskClaim = (id: string, body: unknown) =>
  api.post<TRiskClaim>(`${BASE}/risk-claims/${id}/resubmit`, body);
export const issueFeePlan = (year: number, documentNumber: string) =>
  api.post<TFundingPlan>(`${BASE}/fee-years/${year}/funding-plan`, { documentNumber });
export const useFeePlan = (year: number | null) =>
  useQuery({
    queryKey: ['guarantee', 'fee-plan', year],
    queryFn: () => api.get<TFundingPlan>(`${BASE}/fee-years/${year}/funding-plan`),
    enabled: year !== null,
  });
export const feePlanXlsxUrl = (year: number) => `${BASE}/fee-years/${year}/funding-plan/xlsx`;
