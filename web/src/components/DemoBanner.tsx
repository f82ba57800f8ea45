/** On every page of a server that holds demo accounts: it is a demonstration, not for production. */
import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import type { TSiteInfo } from '../../../src/contracts/auth';
import { api } from '../api/client';
import { A } from '../features/auth/text';
import { useI18n } from '../i18n';

export function DemoBanner() {
  const { pick } = useI18n();
  const { data } = useQuery({
    queryKey: ['site-info'],
    queryFn: () => api.get<TSiteInfo>('/api/v1/auth/site', { allow401: true }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (!data?.demo) return null;
  return <Alert type="warning" banner title={pick(A.demoBanner)} data-testid="demo-banner" />;
}
