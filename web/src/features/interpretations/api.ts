import type { TInterpretationList } from '../../../../src/contracts/interpretations';
import { api } from '../../api/client';
import { useDatedQuery } from '../../components/useDatedQuery';

export const usePublicInterpretations = (asOf: string) =>
  useDatedQuery<TInterpretationList>(['interpretations', 'public'], '/api/v1/policies/interpretations', asOf);

export const useCityInterpretations = (asOf: string) =>
  useDatedQuery<TInterpretationList>(['interpretations', 'city'], '/api/v1/interpretations', asOf);

export const recordRuling = (body: unknown) => api.post<{ id: string }>('/api/v1/interpretations/rulings', body);
export const approveRuling = (id: string) => api.post<{ id: string }>(`/api/v1/interpretations/rulings/${id}/approve`);
