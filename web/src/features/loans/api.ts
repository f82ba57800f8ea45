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
import { ApiError, api, upload } from '../../api/client';
import { usePagedList } from '../../api/lists';
import type { Paging } from '../../components/lists';

export const loanKeys = {
  all: ['loans'] as const,
  list: (q: Record<string, unknown>) => ['loans', 'list', q] as const,
  one: (id: string) => ['loans', 'one', id] as const,
  covers: ['loans', 'covers'] as const,
};

export interface LoanFilters extends Paging {
  q?: string | undefined;
  status?: TLoanDetail['status'] | undefined;
}

export function useLoanList(filters: LoanFilters) {
  return usePagedList<TLoanList>(loanKeys.list({ ...filters }), '/api/v1/loans', { ...filters });
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
export async function uploadImport(file: File, opts: { dryRun: boolean }): Promise<TImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  try {
    return await upload<TImportResult>('/api/v1/loans/import', form, { query: { dryRun: opts.dryRun } });
  } catch (e) {
    const details = e instanceof ApiError ? (e.details as TImportResult | undefined) : undefined;
    if (e instanceof ApiError && e.status === 422 && details?.status === 'rejected') return details;
    throw e;
  }
}
