/** The notification centre: what the user must act on or learn about, newest first; opening one marks it read. */
import { useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, Checkbox, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { TNotification } from '../../../../src/contracts/notifications';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { formatInstant } from '../../shared/time';
import { markAllRead, markRead, notificationKeys, useNotifications } from './api';

export default function NotificationsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [unread, setUnread] = useState(false);
  const [page, setPage] = useState(1);
  const { data, isFetching } = useNotifications({ unread, page, pageSize: 20 });
  const open = async (n: TNotification) => {
    if (!n.readAt) await markRead(n.id);
    await qc.invalidateQueries({ queryKey: notificationKeys.all });
    if (n.link) navigate(n.link);
  };
  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        extra={
          <Space>
            <Checkbox checked={unread} onChange={(e) => setUnread(e.target.checked)}>
              {t('notifications.unreadOnly')}
            </Checkbox>
            <Button
              onClick={async () => {
                await markAllRead();
                await qc.invalidateQueries({ queryKey: notificationKeys.all });
              }}
            >
              {t('notifications.markAllRead')}
            </Button>
          </Space>
        }
      />
      <Card>
        <List<TNotification>
          loading={isFetching}
          dataSource={data?.items ?? []}
          data-testid="notification-list"
          pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage }}
          renderItem={(n) => (
            <List.Item onClick={() => open(n)} style={{ cursor: n.link ? 'pointer' : 'default' }}>
              <List.Item.Meta
                title={
                  <Space>
                    {!n.readAt && <Badge status="processing" />}
                    <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                    <Tag>{n.kindName}</Tag>
                  </Space>
                }
                description={
                  <>
                    <div>{n.body}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatInstant(n.createdAt)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
