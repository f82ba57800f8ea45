import { useQuery } from '@tanstack/react-query';
import type { TInterpretationList } from '../../../../src/contracts/interpretations';
import { api } from '../../api/client';

export const usePublicInterpretations = (asOf: string) =>
  useQuery({
    queryKey: ['interpretations', 'public', asOf],
    queryFn: () => api.get<TInterpretationList>('/api/v1/policies/interpretations', { query: { asOf } }),
  });

export const useCityInterpretations = (asOf: string) =>
  useQuery({
    queryKey: ['interpretations', 'city', asOf],
    queryFn: () => api.get<TInterpretationList>('/api/v1/interpretations', { query: { asOf } }),
  });

export const recordRuling = (body: unknown) => api.post<{ id: string }>('/api/v1/interpretations/rulings', body);
export const approveRuling = (id: string) => api.post<{ id: string }>(`/api/v1/interpretations/rulings/${id}/approve`);
