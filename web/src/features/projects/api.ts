/** Project-library API calls and query keys. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TCalendarYear, TCurrentWindows } from '../../../../src/contracts/calendar';
import type {
  TBatchResult,
  TCheckResult,
  TCityReview,
  TDeclarationDetail,
  TDeclarationSummary,
  TDistrictReview,
  TProgressReport,
  TProjectDetail,
  TProjectSummary,
  TReviewQueue,
  TSpotCheck,
  ZChecklistDefinition,
} from '../../../../src/contracts/projects';
import { api } from '../../api/client';

export const projectKeys = {
  all: ['projects'] as const,
  declarations: (q: Record<string, unknown>) => ['projects', 'declarations', q] as const,
  declaration: (id: string) => ['projects', 'declaration', id] as const,
  queue: (q: Record<string, unknown>) => ['projects', 'queue', q] as const,
  form: (form: string) => ['projects', 'form', form] as const,
  projects: (q: Record<string, unknown>) => ['projects', 'projects', q] as const,
  project: (id: string) => ['projects', 'project', id] as const,
  windows: ['projects', 'windows'] as const,
  year: (y: number) => ['projects', 'calendar', y] as const,
  banks: ['projects', 'banks'] as const,
};

/** The checklist of one declaration form (附件3/附件4), as the API defines it. */
export type FormDefinition = z.infer<typeof ZChecklistDefinition>;

export function useDeclarations(q: { state?: string; q?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: projectKeys.declarations(q),
    queryFn: () =>
      api.get<{ items: TDeclarationSummary[]; total: number }>('/api/v1/declarations', { query: { ...q } }),
    placeholderData: (prev) => prev,
  });
}

export function useDeclaration(id: string | undefined) {
  return useQuery({
    queryKey: projectKeys.declaration(id ?? 'none'),
    queryFn: () => api.get<TDeclarationDetail>(`/api/v1/declarations/${encodeURIComponent(id!)}`),
    enabled: !!id,
  });
}

export function useFormDefinition(form: string | undefined) {
  return useQuery({
    queryKey: projectKeys.form(form ?? 'none'),
    queryFn: () => api.get<FormDefinition>('/api/v1/declarations/form', { query: { form } }),
    enabled: !!form,
    staleTime: 3600_000,
  });
}

export function useReviewQueue(q: { overdueOnly?: boolean; districtCode?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: projectKeys.queue(q),
    queryFn: () =>
      api.get<TReviewQueue>('/api/v1/declarations/review-queue', {
        query: { ...q, overdueOnly: q.overdueOnly ? 'true' : undefined },
      }),
    placeholderData: (prev) => prev,
  });
}

export function useProjects(q: { q?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: projectKeys.projects(q),
    queryFn: () => api.get<{ items: TProjectSummary[]; total: number }>('/api/v1/projects', { query: { ...q } }),
    placeholderData: (prev) => prev,
  });
}

export function useProject(id: string | undefined) {
  return useQuery({
    queryKey: projectKeys.project(id ?? 'none'),
    queryFn: () => api.get<TProjectDetail>(`/api/v1/projects/${encodeURIComponent(id!)}`),
    enabled: !!id,
  });
}

export function useCurrentWindows() {
  return useQuery({
    queryKey: projectKeys.windows,
    queryFn: () => api.get<TCurrentWindows>('/api/v1/calendar/windows/current'),
    staleTime: 60_000,
  });
}

export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: projectKeys.year(year),
    queryFn: () => api.get<TCalendarYear>(`/api/v1/calendar/years/${year}`),
  });
}

export function useBanks() {
  return useQuery({
    queryKey: projectKeys.banks,
    queryFn: () =>
      api.get<{ id: string; name: string; shortName: string }[]>('/api/v1/reference/institutions', {
        query: { kind: 'bank' },
      }),
    staleTime: 300_000,
  });
}

/** A POST carrying an Idempotency-Key (kept across the retries of one user action). */
const postWithKey = <T>(url: string, body: unknown, key: string) =>
  api.post<T>(url, body, { headers: { 'idempotency-key': key } });

export const createDeclaration = (body: unknown, key: string) =>
  postWithKey<TDeclarationDetail>('/api/v1/declarations', body, key);
export const saveDeclaration = (id: string, body: unknown) =>
  api.put<TDeclarationDetail>(`/api/v1/declarations/${encodeURIComponent(id)}`, body);
export const checkDeclaration = (body: unknown) => api.post<TCheckResult>('/api/v1/declarations/check', body);
export const submitDeclaration = (id: string, key: string) =>
  postWithKey<TDeclarationDetail>(`/api/v1/declarations/${encodeURIComponent(id)}/submit`, {}, key);
export const withdrawDeclaration = (id: string) =>
  api.post<TDeclarationDetail>(`/api/v1/declarations/${encodeURIComponent(id)}/withdraw`, {});
export const reviewDistrict = (body: TDistrictReview) =>
  api.post<TBatchResult>('/api/v1/declarations/review/district', body);
export const reviewCity = (body: TCityReview) => api.post<TBatchResult>('/api/v1/declarations/review/city', body);
export const createReport = (projectId: string, body: unknown) =>
  api.post<TProgressReport>(`/api/v1/projects/${encodeURIComponent(projectId)}/reports`, body);
export const updateReport = (projectId: string, reportId: string, body: unknown) =>
  api.put<TProgressReport>(`/api/v1/projects/${encodeURIComponent(projectId)}/reports/${reportId}`, body);
export const submitReport = (projectId: string, reportId: string) =>
  api.post<TProgressReport>(`/api/v1/projects/${encodeURIComponent(projectId)}/reports/${reportId}/submit`, {});
export const openSpotCheck = (projectId: string, body: unknown) =>
  api.post<TSpotCheck>(`/api/v1/projects/${encodeURIComponent(projectId)}/spot-checks`, body);
export const closeSpotCheck = (projectId: string, checkId: string, body: unknown) =>
  api.post<TSpotCheck>(`/api/v1/projects/${encodeURIComponent(projectId)}/spot-checks/${checkId}/close`, body);
export const saveOverride = (month: string, body: unknown) =>
  api.put<TCalendarYear>(`/api/v1/calendar/windows/${month}`, body);
export const deleteOverride = (month: string) => api.delete<{ ok: true }>(`/api/v1/calendar/windows/${month}`);
export const saveSchedule = (year: number, body: unknown) =>
  api.put<TCalendarYear>(`/api/v1/calendar/years/${year}/schedule`, body);

export { uploadFile } from '../../api/attachments';

export const downloadUrl = (attachmentId: string) => `/api/v1/attachments/${encodeURIComponent(attachmentId)}/download`;

/** A fresh idempotency key for one user action (kept across its retries). */
export function newKey(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}
