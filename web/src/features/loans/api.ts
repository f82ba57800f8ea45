/** Loan API calls and query keys. */
import { useQuery } from '@tanstack/react-query';
import type {
  TCancelLoan,
  TCorrectLoan,
  TCoverInstitution,
  TCreateLoan,
  TExtendLoan,
  TImportResult,
  TLoanDetail,
  TLoanList,
  TRecordLoanResult,
  TRecordRepayment,
  TRecordRepaymentResult,
} from '../../../../src/contracts/loans';
import { ApiError, api } from '../../api/client';

export const loanKeys = {
  all: ['loans'] as const,
  list: (q: Record<string, unknown>) => ['loans', 'list', q] as const,
  one: (id: string) => ['loans', 'one', id] as const,
  covers: ['loans', 'covers'] as const,
};

export interface LoanFilters {
  q?: string | undefined;
  status?: TLoanDetail['status'] | undefined;
  page: number;
  pageSize: number;
}

export function useLoanList(filters: LoanFilters) {
  return useQuery({
    queryKey: loanKeys.list({ ...filters }),
    queryFn: () => api.get<TLoanList>('/api/v1/loans', { query: { ...filters } }),
    placeholderData: (prev) => prev,
  });
}

export function useLoan(id: string) {
  return useQuery({
    queryKey: loanKeys.one(id),
    queryFn: () => api.get<TLoanDetail>(`/api/v1/loans/${encodeURIComponent(id)}`),
  });
}

export function useCoverInstitutions(enabled = true) {
  return useQuery({
    queryKey: loanKeys.covers,
    queryFn: () => api.get<{ items: TCoverInstitution[] }>('/api/v1/loans/cover-institutions'),
    enabled,
    staleTime: 300_000,
  });
}

export const recordLoan = (body: TCreateLoan) => api.post<TRecordLoanResult>('/api/v1/loans', body);

export const correctLoan = (loanId: string, body: TCorrectLoan) =>
  api.post<TLoanDetail>(`/api/v1/loans/${encodeURIComponent(loanId)}/corrections`, body);

export const cancelLoan = (loanId: string, body: TCancelLoan) =>
  api.post<TLoanDetail>(`/api/v1/loans/${encodeURIComponent(loanId)}/cancel`, body);

export const extendLoan = (loanId: string, body: TExtendLoan) =>
  api.post<TLoanDetail>(`/api/v1/loans/${encodeURIComponent(loanId)}/extensions`, body);

export const recordRepayment = (loanId: string, body: TRecordRepayment) =>
  api.post<TRecordRepaymentResult>(`/api/v1/loans/${encodeURIComponent(loanId)}/repayments`, body);

/**
 * Uploads an import file (multipart). A refused file answers 422 with the result (row errors) in
 * `error.details`; it is returned here as a result with status "rejected", not thrown.
 */
export async function uploadImport(
  file: File,
  opts: { dryRun: boolean; csrfToken: string; lang: 'zh' | 'en' },
): Promise<TImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(`/api/v1/loans/import?dryRun=${opts.dryRun}`, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { 'x-csrf-token': opts.csrfToken, 'accept-language': opts.lang === 'en' ? 'en' : 'zh-CN' },
    });
  } catch {
    throw new ApiError(0, 'NETWORK', opts.lang === 'en' ? 'Cannot reach the server' : '无法连接服务器，请检查网络');
  }
  const body = (await res.json().catch(() => null)) as
    | (TImportResult & { error?: undefined })
    | { error: { code: string; message: string; details?: TImportResult; fields?: [] } }
    | null;
  if (res.ok && body && !body.error) return body as TImportResult;
  const err = (body as { error?: { code: string; message: string; details?: TImportResult } } | null)?.error;
  if (res.status === 422 && err?.details?.status === 'rejected') return err.details;
  throw new ApiError(res.status, err?.code ?? `HTTP_${res.status}`, err?.message ?? `HTTP ${res.status}`);
}
