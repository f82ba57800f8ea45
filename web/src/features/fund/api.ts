import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  TApplication,
  TCallSummary,
  ZAssignmentList,
  ZExpertQueue,
  ZPlan,
  ZProposal,
} from '../../../../src/contracts/fund';
import { api } from '../../api/client';

export const useCalls = () =>
  useQuery({ queryKey: ['fund', 'calls'], queryFn: () => api.get<{ items: TCallSummary[] }>('/api/v1/fund/calls') });
export const useApplications = (callId?: string) =>
  useQuery({
    queryKey: ['fund', 'applications', callId ?? 'mine'],
    queryFn: () => api.get<{ items: TApplication[] }>('/api/v1/fund/applications', { query: callId ? { callId } : {} }),
  });
export const useProposal = (callId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['fund', 'proposal', callId],
    enabled,
    queryFn: () => api.get<z.infer<typeof ZProposal>>(`/api/v1/fund/calls/${callId}/proposal`),
  });
export const usePlan = (callId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['fund', 'plan', callId],
    enabled,
    queryFn: () => api.get<z.infer<typeof ZPlan>>(`/api/v1/fund/calls/${callId}/plan`),
  });
export const useObjections = (callId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['fund', 'objections', callId],
    enabled,
    queryFn: () =>
      api.get<{
        items: {
          id: string;
          caseNo: string | null;
          name: string;
          content: string;
          status: string;
          result: 'upheld' | 'rejected' | 'withdrawn' | null;
          outcome: string | null;
        }[];
      }>(`/api/v1/fund/calls/${callId}/objections`),
  });
export const useAssignments = (applicationId: string) =>
  useQuery({
    queryKey: ['fund', 'assignments', applicationId],
    queryFn: () => api.get<z.infer<typeof ZAssignmentList>>(`/api/v1/fund/applications/${applicationId}/assignments`),
  });
export const useExpertQueue = () =>
  useQuery({
    queryKey: ['fund', 'reviews'],
    queryFn: () => api.get<z.infer<typeof ZExpertQueue>>('/api/v1/fund/reviews'),
  });

export const fundPost = <T = unknown>(url: string, body?: unknown) => api.post<T>(`/api/v1/fund${url}`, body ?? {});
