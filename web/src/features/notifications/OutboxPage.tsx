/**
 * 短信/邮件发件箱 (city administrator): every SMS / e-mail the platform queued, with its state, attempts and last
 * error (addresses masked), and "立即投递" to deliver the due ones now instead of waiting for the 30-second loop.
 */
import { ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Popconfirm, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import {
  NOTIFICATION_KIND_NAMES,
  type NotificationKind,
  type TDispatchResult,
  type ZOutboxItem,
  type ZOutboxList,
} from '../../../../src/contracts/notifications';
import { api, errorMessage } from '../../api/client';
import { LoadError, pager } from '../../components/lists';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { formatInstant } from '../../shared/time';

type Item = z.infer<typeof ZOutboxItem>;
type List = z.infer<typeof ZOutboxList>;
type Status = Item['status'];

const STATUS_COLOR: Record<Status, string> = { pending: 'blue', sending: 'gold', sent: 'green', failed: 'red' };

export default function OutboxPage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [status, setStatus] = useState<Status | 'all'>('all');
  const [page, setPage] = useState({ page: 1, pageSize: 50 });
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<TDispatchResult | null>(null);

  const list = useQuery({
    queryKey: ['outbox', status, page],
    queryFn: () =>
      api.get<List>('/api/v1/notifications/outbox', {
        query: { ...page, status: status === 'all' ? undefined : status },
      }),
    placeholderData: (prev) => prev,
  });

  const dispatch = async () => {
    setBusy(true);
    try {
      const r = await api.post<TDispatchResult>('/api/v1/notifications/outbox/dispatch', {});
      setLast(r);
      message.success(r.claimed === 0 ? t('outbox.nothingDue') : t('outbox.dispatched', { ...r }));
      await qc.invalidateQueries({ queryKey: ['outbox'] });
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const kindName = (k: string) => {
    const n = NOTIFICATION_KIND_NAMES[k as NotificationKind];
    return n ? pick(n) : k;
  };

  return (
    <>
      <PageHeader
        title={t('outbox.title')}
        description={t('outbox.intro')}
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()}>
              {t('outbox.refresh')}
            </Button>
            <Popconfirm title={t('outbox.confirmDispatch')} onConfirm={dispatch}>
              <Button type="primary" icon={<SendOutlined />} loading={busy}>
                {t('outbox.dispatch')}
              </Button>
            </Popconfirm>
          </Space>
        }
      />
      {last && (
        <Alert
          type={last.failed > 0 ? 'warning' : 'success'}
          showIcon
          closable={{ onClose: () => setLast(null) }}
          style={{ marginBottom: 16 }}
          title={last.claimed === 0 ? t('outbox.nothingDue') : t('outbox.dispatched', { ...last })}
          data-testid="dispatch-result"
        />
      )}
      <LoadError error={list.error} />
      <Card>
        <Segmented<Status | 'all'>
          style={{ marginBottom: 16 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage({ ...page, page: 1 });
          }}
          options={(['all', 'pending', 'sending', 'sent', 'failed'] as const).map((s) => ({
            value: s,
            label: t(`outbox.${s}` as const),
          }))}
        />
        <Table<Item>
          rowKey="id"
          data-testid="outbox"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1200 }}
          pagination={pager(page, list.data?.total, setPage, (n) => t('outbox.total', { n }))}
          columns={[
            {
              title: t('outbox.channel'),
              dataIndex: 'channel',
              width: 70,
              render: (c: Item['channel']) => t(`outbox.${c}` as const),
            },
            {
              title: t('outbox.address'),
              dataIndex: 'addressMasked',
              width: 150,
              render: (v: string) => <span className="mono">{v}</span>,
            },
            { title: t('outbox.subject'), dataIndex: 'subject', ellipsis: true },
            { title: t('outbox.kind'), dataIndex: 'kind', width: 140, render: kindName },
            {
              title: t('outbox.state'),
              dataIndex: 'status',
              width: 100,
              render: (s: Status) => <Tag color={STATUS_COLOR[s]}>{t(`outbox.${s}` as const)}</Tag>,
            },
            { title: t('outbox.attempts'), dataIndex: 'attempts', width: 90, align: 'right' },
            {
              title: t('outbox.lastError'),
              dataIndex: 'lastError',
              width: 220,
              render: (v: string | null) =>
                v ? (
                  <Tooltip title={v}>
                    <Typography.Text type="danger" ellipsis style={{ maxWidth: 200 }}>
                      {v}
                    </Typography.Text>
                  </Tooltip>
                ) : (
                  '—'
                ),
            },
            {
              title: t('outbox.createdAt'),
              dataIndex: 'createdAt',
              width: 170,
              render: (v: string) => formatInstant(v),
            },
            {
              title: t('outbox.nextAttemptAt'),
              key: 'next',
              width: 170,
              render: (_, r) => (r.status === 'pending' ? formatInstant(r.nextAttemptAt) : '—'),
            },
            {
              title: t('outbox.sentAt'),
              dataIndex: 'sentAt',
              width: 170,
              render: (v: string | null) => formatInstant(v),
            },
          ]}
        />
      </Card>
    </>
  );
}
