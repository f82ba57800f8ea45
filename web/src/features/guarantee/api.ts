import { useQuery } from '@tanstack/react-query';
import type { TFeeAllocationResult, TFeeClaim, TFeeYear, TPool, TRiskClaim } from '../../../../src/contracts/guarantee';
import type { TFundingPlan } from '../../../../src/contracts/subsidy';
import { api } from '../../api/client';

const BASE = '/api/v1/guarantee';
export const guaranteeKeys = { all: ['guarantee'] as const };

export const useFeeYears = (enabled: boolean) =>
  useQuery({
    queryKey: ['guarantee', 'fee-years'],
    queryFn: () => api.get<{ items: TFeeYear[] }>(`${BASE}/fee-years`),
    enabled,
  });
export const useFeeClaims = (enabled: boolean) =>
  useQuery({
    queryKey: ['guarantee', 'fee-claims'],
    queryFn: () => api.get<{ items: TFeeClaim[] }>(`${BASE}/fee-claims`),
    enabled,
  });
export const useRiskClaims = (enabled: boolean) =>
  useQuery({
    queryKey: ['guarantee', 'risk-claims'],
    queryFn: () => api.get<{ items: TRiskClaim[] }>(`${BASE}/risk-claims`),
    enabled,
  });
export const usePools = (enabled: boolean) =>
  useQuery({ queryKey: ['guarantee', 'pools'], queryFn: () => api.get<{ items: TPool[] }>(`${BASE}/pools`), enabled });

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
