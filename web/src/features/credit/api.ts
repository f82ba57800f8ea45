/** The credit module's calls, through the one API client. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  TAcknowledgeInput,
  TCreditProfile,
  TCreditWarning,
  TDigitalLevelInput,
  TProfileSummary,
  TProfileView,
  ZCreditWarningList,
} from '../../../../src/contracts/credit';
import { api } from '../../api/client';

const C = '/api/v1/credit';

export const useProfiles = (enabled: boolean) =>
  useQuery({
    queryKey: ['credit', 'profiles'],
    enabled,
    queryFn: () => api.get<{ items: TProfileSummary[] }>(`${C}/profiles`),
  });
export const useProfile = (id: string | null | undefined) =>
  useQuery({
    queryKey: ['credit', 'profile', id],
    enabled: !!id,
    queryFn: () => api.get<TCreditProfile>(`${C}/profiles/${id}`),
  });
export const useProfileViews = (id: string | null | undefined, enabled: boolean) =>
  useQuery({
    queryKey: ['credit', 'views', id],
    enabled: !!id && enabled,
    queryFn: () => api.get<{ items: TProfileView[] }>(`${C}/profiles/${id}/views`),
  });
export const useWarnings = (status: 'open' | 'closed' | 'all') =>
  useQuery({
    queryKey: ['credit', 'warnings', status],
    queryFn: () => api.get<z.infer<typeof ZCreditWarningList>>(`${C}/warnings`, { query: { status } }),
  });
export const acknowledge = (w: TCreditWarning, body: TAcknowledgeInput) =>
  api.post(`${C}/warnings/${w.id}/acknowledge`, body);
export const recordDigitalLevel = (enterpriseId: string, body: TDigitalLevelInput) =>
  api.post(`${C}/profiles/${enterpriseId}/digital-levels`, body);
