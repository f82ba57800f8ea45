/** The cooperating banks, insurers and guarantors (public reference data). */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

export interface Institution {
  id: string;
  kind: 'bank' | 'insurer' | 'guarantor';
  name: string;
  shortName: string;
}

export function useInstitutions() {
  return useQuery({
    queryKey: ['reference', 'institutions'],
    queryFn: () => api.get<Institution[]>('/api/v1/reference/institutions'),
    staleTime: 5 * 60_000,
  });
}
