/** The financing zone's calls, through the one API client. */
import { useQuery } from '@tanstack/react-query';
import type {
  TAnswerTimes,
  TAnswerTimesInput,
  TCatalogueQuery,
  TNeed,
  TNeedReading,
  TOrder,
  TOversight,
  TProductList,
  TProductMatchList,
  TRegisterLoanInput,
} from '../../../../src/contracts/financing';
import type { TProjectSummary } from '../../../../src/contracts/projects';
import { api } from '../../api/client';

const F = '/api/v1/financing';
type Items<T> = { items: T[]; total: number };

export const useCatalogue = (q: Partial<TCatalogueQuery>) =>
  useQuery({
    queryKey: ['financing', 'catalogue', q],
    queryFn: () => api.get<TProductList>(`${F}/products`, { query: q as Record<string, string> }),
  });
export const useBankProducts = () =>
  useQuery({ queryKey: ['financing', 'bank-products'], queryFn: () => api.get<TProductList>(`${F}/bank/products`) });
export const useReviewQueue = () =>
  useQuery({ queryKey: ['financing', 'review'], queryFn: () => api.get<TProductList>(`${F}/review/products`) });
export const useNeeds = () =>
  useQuery({ queryKey: ['financing', 'needs'], queryFn: () => api.get<Items<TNeed>>(`${F}/needs`) });
export const useOrders = () =>
  useQuery({ queryKey: ['financing', 'orders'], queryFn: () => api.get<Items<TOrder>>(`${F}/orders`) });
export const useBankMatches = () =>
  useQuery({
    queryKey: ['financing', 'bank-matches'],
    queryFn: () =>
      api.get<{
        items: {
          need: TNeed;
          productId: string;
          productName: string;
          match: TProductMatchList['items'][number]['match'];
        }[];
      }>(`${F}/bank/matches`),
  });
export const useOversight = () =>
  useQuery({ queryKey: ['financing', 'oversight'], queryFn: () => api.get<TOversight>(`${F}/oversight`) });
export const useMatches = (needId: string | null) =>
  useQuery({
    queryKey: ['financing', 'matches', needId],
    enabled: !!needId,
    queryFn: () => api.get<TProductMatchList>(`${F}/needs/${needId}/matches`),
  });

export const parseNeedText = (text: string) => api.post<TNeedReading>(`${F}/needs/parse`, { text });
export const postNeed = (body: unknown) => api.post<{ id: string }>(`${F}/needs`, body);
export const setConsent = (id: string, body: unknown) => api.put<{ id: string }>(`${F}/needs/${id}/consent`, body);
export const setGreen = (id: string, body: unknown) => api.put(`${F}/needs/${id}/green-channel`, body);
export const applyProduct = (needId: string, productId: string) =>
  api.post<{ id: string; contactDueOn: string }>(`${F}/needs/${needId}/orders`, { productId, shareProfile: true });
export const takeNeed = (needId: string, productId: string | null) =>
  api.post<{ id: string }>(`${F}/needs/${needId}/take`, { productId });
export const publishProduct = (body: unknown) => api.post<{ id: string; version: number }>(`${F}/bank/products`, body);
export const reviseProduct = (id: string, body: unknown) =>
  api.put<{ id: string; version: number }>(`${F}/bank/products/${id}`, body);
export const reviewProduct = (id: string, body: unknown) => api.post(`${F}/review/products/${id}`, body);
export const acceptOrder = (id: string) => api.post(`${F}/orders/${id}/accept`);
export const declineOrder = (id: string, reason: string) => api.post(`${F}/orders/${id}/decline`, { reason });
export const reportOutcome = (id: string, body: unknown) => api.post(`${F}/orders/${id}/outcome`, body);
export const rateOrder = (id: string, rating: number) => api.post(`${F}/orders/${id}/rating`, { rating, comment: '' });
export const sweepOverdue = () => api.post<{ marked: number }>(`${F}/oversight/sweep`);

export const useBanks = () =>
  useQuery({
    queryKey: ['reference', 'institutions', 'bank'],
    queryFn: () =>
      api.get<{ id: string; name: string; shortName: string }[]>('/api/v1/reference/institutions', {
        query: { kind: 'bank' },
      }),
  });

export const registerOrderLoan = (id: string, body: TRegisterLoanInput) =>
  api.post<{ orderId: string; loanId: string; contractNo: string; created: boolean }>(`${F}/orders/${id}/loan`, body);

export const useAnswerTimes = (enabled = true) =>
  useQuery({
    queryKey: ['financing', 'answer-times'],
    enabled,
    queryFn: () => api.get<TAnswerTimes>(`${F}/answer-times`),
  });
export const setAnswerTimes = (body: TAnswerTimesInput) =>
  api.post<{ id: string; effectiveFrom: string }>(`${F}/answer-times`, body);

/** The enterprise's own numbered library projects (its scope of the project list), for linking a need. */
export const useOwnProjects = (enabled: boolean) =>
  useQuery({
    queryKey: ['financing', 'own-projects'],
    enabled,
    queryFn: () =>
      api.get<{ items: TProjectSummary[]; total: number }>('/api/v1/projects', { query: { page: 1, pageSize: 100 } }),
  });
