/** Subsidy API calls and query keys (the contracts are the API's own Zod types). */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  TAllocationOutcome,
  TAllocationRun,
  TApplicationDetail,
  TApplicationSummary,
  TAward,
  TCampaign,
  TDashboard,
  TFundingPlan,
  TMySubsidy,
  TNotice,
  TNoticeDetail,
  TObjection,
  TSupplementaryStatus,
  ZApplyOptions,
} from '../../../../src/contracts/subsidy';
import { api } from '../../api/client';

export const subsidyKeys = {
  all: ['subsidy'] as const,
  campaigns: ['subsidy', 'campaigns'] as const,
  applications: (q: Record<string, unknown>) => ['subsidy', 'applications', q] as const,
  application: (id: string) => ['subsidy', 'application', id] as const,
  mine: ['subsidy', 'mine'] as const,
  runs: (campaignId: string) => ['subsidy', 'runs', campaignId] as const,
  awards: (runId: string, page: number) => ['subsidy', 'awards', runId, page] as const,
  notice: (campaignId: string) => ['subsidy', 'notice', campaignId] as const,
  notices: (campaignId: string) => ['subsidy', 'notices', campaignId] as const,
  supplementary: (campaignId: string) => ['subsidy', 'supplementary', campaignId] as const,
  objections: (noticeId: string) => ['subsidy', 'objections', noticeId] as const,
  plan: (campaignId: string) => ['subsidy', 'plan', campaignId] as const,
  dashboard: (campaignId: string | undefined) => ['subsidy', 'dashboard', campaignId ?? 'latest'] as const,
  publicNotices: ['public', 'notices'] as const,
  publicNotice: (id: string, page: number) => ['public', 'notice', id, page] as const,
  applyOptions: (campaignId: string) => ['subsidy', 'apply-options', campaignId] as const,
};

/** What an enterprise may apply with, as the API defines it. */
export type ApplyOptions = z.infer<typeof ZApplyOptions>;

export const useCampaigns = () =>
  useQuery({
    queryKey: subsidyKeys.campaigns,
    queryFn: async () => (await api.get<{ items: TCampaign[] }>('/api/v1/subsidy/campaigns')).items,
  });

export const useApplications = (q: Record<string, string | number | undefined>) =>
  useQuery({
    queryKey: subsidyKeys.applications(q),
    queryFn: () =>
      api.get<{ items: TApplicationSummary[]; total: number; page: number; pageSize: number }>(
        '/api/v1/subsidy/applications',
        { query: q },
      ),
    placeholderData: (prev) => prev,
  });

export const useApplication = (id: string | null) =>
  useQuery({
    queryKey: subsidyKeys.application(id ?? ''),
    queryFn: () => api.get<TApplicationDetail>(`/api/v1/subsidy/applications/${id}`),
    enabled: !!id,
  });

export const useMySubsidy = () =>
  useQuery({ queryKey: subsidyKeys.mine, queryFn: () => api.get<TMySubsidy>('/api/v1/subsidy/mine') });

export const useApplyOptions = (campaignId: string | undefined) =>
  useQuery({
    queryKey: subsidyKeys.applyOptions(campaignId ?? ''),
    queryFn: () => api.get<ApplyOptions>(`/api/v1/subsidy/campaigns/${campaignId}/apply-options`),
    enabled: !!campaignId,
  });

export const useAwards = (runId: string | null | undefined, page: number) =>
  useQuery({
    queryKey: subsidyKeys.awards(runId ?? '', page),
    queryFn: () =>
      api.get<{ items: TAward[]; total: number }>(`/api/v1/subsidy/allocation-runs/${runId}/awards`, {
        query: { page, pageSize: 50 },
      }),
    enabled: !!runId,
  });

export const useCampaignNotice = (campaignId: string | undefined) =>
  useQuery({
    queryKey: subsidyKeys.notice(campaignId ?? ''),
    queryFn: () => api.get<TNotice | null>(`/api/v1/subsidy/campaigns/${campaignId}/notice`),
    enabled: !!campaignId,
  });

/** Every notice of the campaign: the original and each 递补公示. */
export const useCampaignNotices = (campaignId: string | undefined) =>
  useQuery({
    queryKey: subsidyKeys.notices(campaignId ?? ''),
    queryFn: async () => (await api.get<{ items: TNotice[] }>(`/api/v1/subsidy/campaigns/${campaignId}/notices`)).items,
    enabled: !!campaignId,
  });

/** Freed budget and 递补 rounds (city staff). */
export const useSupplementary = (campaignId: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: subsidyKeys.supplementary(campaignId ?? ''),
    queryFn: () => api.get<TSupplementaryStatus>(`/api/v1/subsidy/campaigns/${campaignId}/supplementary`),
    enabled: !!campaignId && enabled,
  });

export const useObjections = (noticeId: string | undefined) =>
  useQuery({
    queryKey: subsidyKeys.objections(noticeId ?? ''),
    queryFn: async () =>
      (await api.get<{ items: TObjection[] }>(`/api/v1/subsidy/notices/${noticeId}/objections`)).items,
    enabled: !!noticeId,
  });

export const usePlan = (campaignId: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: subsidyKeys.plan(campaignId ?? ''),
    queryFn: () => api.get<TFundingPlan>(`/api/v1/subsidy/campaigns/${campaignId}/funding-plan`),
    enabled: !!campaignId && enabled,
    retry: false,
  });

export const useDashboard = (campaignId: string | undefined) =>
  useQuery({
    queryKey: subsidyKeys.dashboard(campaignId),
    queryFn: () => api.get<TDashboard>('/api/v1/dashboard/subsidy', { query: { campaignId } }),
  });

export const usePublicNotices = () =>
  useQuery({
    queryKey: subsidyKeys.publicNotices,
    queryFn: async () => (await api.get<{ items: TNotice[] }>('/api/v1/public/notices')).items,
  });

export const usePublicNotice = (id: string | undefined, page: number) =>
  useQuery({
    queryKey: subsidyKeys.publicNotice(id ?? '', page),
    queryFn: () => api.get<TNoticeDetail>(`/api/v1/public/notices/${id}`, { query: { page, pageSize: 50 } }),
    enabled: !!id,
  });

export const runSupplementary = (campaignId: string, dryRun: boolean) =>
  api.post<TAllocationOutcome>(`/api/v1/subsidy/campaigns/${campaignId}/supplementary-runs`, { dryRun });

/** `closeCampaign`: the administrator confirmed that applications close today (needed while the campaign accepts them). */
export const runAllocation = (campaignId: string, dryRun: boolean, closeCampaign = false) =>
  api.post<TAllocationOutcome>(`/api/v1/subsidy/campaigns/${campaignId}/allocation-runs`, { dryRun, closeCampaign });
