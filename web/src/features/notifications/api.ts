/** Notification API calls. */
import { useQuery } from '@tanstack/react-query';
import type { TNotificationList } from '../../../../src/contracts/notifications';
import { api } from '../../api/client';

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (q: Record<string, unknown>) => ['notifications', 'list', q] as const,
  unread: ['notifications', 'unread'] as const,
};

export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: () => api.get<{ unread: number }>('/api/v1/notifications/unread-count'),
    enabled,
    refetchInterval: 60_000,
  });
}

export function useNotifications(q: { unread?: boolean; page: number; pageSize: number }) {
  return useQuery({
    queryKey: notificationKeys.list(q),
    queryFn: () =>
      api.get<TNotificationList>('/api/v1/notifications', {
        query: { page: q.page, pageSize: q.pageSize, unread: q.unread ? 'true' : undefined },
      }),
    placeholderData: (prev) => prev,
  });
}

export const markRead = (id: string) => api.post(`/api/v1/notifications/${encodeURIComponent(id)}/read`, {});
export const markAllRead = () => api.post<{ updated: number }>('/api/v1/notifications/read-all', {});
