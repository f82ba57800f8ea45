/** The cooperating banks, insurers and guarantors (public reference data). */
import { useQuery } from '@tanstack/react-query';
import type { TInstitution } from '../../../../src/contracts/reference';
import { api } from '../../api/client';

export type Institution = TInstitution;

export function useInstitutions() {
  return useQuery({
    queryKey: ['reference', 'institutions'],
    queryFn: () => api.get<Institution[]>('/api/v1/reference/institutions'),
    staleTime: 5 * 60_000,
  });
}
