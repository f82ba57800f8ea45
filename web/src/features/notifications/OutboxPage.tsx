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
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { formatInstant } from '../enterprise/EnterpriseInfo';

type Item = z.infer<typeof ZOutboxItem>;
type List = z.infer<typeof ZOutboxList>;
type Status = Item['status'];

const T = {
  title: { zh: '短信/邮件发件箱', en: 'SMS / e-mail outbox' },
  intro: {
    zh: '平台发出的短信和邮件先进入发件箱，由投递程序每 30 秒投递一次；失败的按 1 分钟、5 分钟、25 分钟……逐次延后重试，达到次数上限后标记为“发送失败”。收件地址已脱敏。',
    en: 'Messages wait here and are delivered every 30 s; failures are retried with growing delays and marked failed after the last attempt. Addresses are masked.',
  },
  all: { zh: '全部', en: 'All' },
  pending: { zh: '待发送', en: 'Pending' },
  sending: { zh: '发送中', en: 'Sending' },
  sent: { zh: '已发送', en: 'Sent' },
  failed: { zh: '发送失败', en: 'Failed' },
  channel: { zh: '渠道', en: 'Channel' },
  sms: { zh: '短信', en: 'SMS' },
  email: { zh: '邮件', en: 'E-mail' },
  address: { zh: '收件地址', en: 'To' },
  subject: { zh: '主题', en: 'Subject' },
  kind: { zh: '类别', en: 'Kind' },
  state: { zh: '状态', en: 'State' },
  attempts: { zh: '尝试次数', en: 'Attempts' },
  lastError: { zh: '最近错误', en: 'Last error' },
  createdAt: { zh: '创建时间', en: 'Queued' },
  nextAttemptAt: { zh: '下次尝试', en: 'Next attempt' },
  sentAt: { zh: '发送时间', en: 'Sent at' },
  dispatch: { zh: '立即投递', en: 'Dispatch now' },
  confirmDispatch: {
    zh: '立即投递所有到期待发的短信/邮件？',
    en: 'Deliver every due message now?',
  },
  dispatched: {
    zh: '本次取出 {claimed} 条：已发送 {sent} 条，稍后重试 {retrying} 条，最终失败 {failed} 条',
    en: '{claimed} taken: {sent} sent, {retrying} to retry, {failed} failed',
  },
  nothingDue: { zh: '没有到期待发的短信/邮件', en: 'Nothing is due' },
  refresh: { zh: '刷新', en: 'Refresh' },
  total: { zh: '共 {n} 条', en: '{n} in total' },
} as const;

const STATUS_COLOR: Record<Status, string> = { pending: 'blue', sending: 'gold', sent: 'green', failed: 'red' };

function fill(s: string, vars: Record<string, string | number>): string {
  return Object.entries(vars).reduce((acc, [k, v]) => acc.replaceAll(`{${k}}`, String(v)), s);
}

export default function OutboxPage() {
  const { lang, pick } = useI18n();
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
      message.success(r.claimed === 0 ? pick(T.nothingDue) : fill(pick(T.dispatched), { ...r }));
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
        title={pick(T.title)}
        description={pick(T.intro)}
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()}>
              {pick(T.refresh)}
            </Button>
            <Popconfirm title={pick(T.confirmDispatch)} onConfirm={dispatch}>
              <Button type="primary" icon={<SendOutlined />} loading={busy}>
                {pick(T.dispatch)}
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
          title={last.claimed === 0 ? pick(T.nothingDue) : fill(pick(T.dispatched), { ...last })}
          data-testid="dispatch-result"
        />
      )}
      {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 16 }} />}
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
            label: pick(T[s]),
          }))}
        />
        <Table<Item>
          rowKey="id"
          data-testid="outbox"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1200 }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: list.data?.total ?? 0,
            showTotal: (n) => fill(pick(T.total), { n }),
            onChange: (p, pageSize) => setPage({ page: p, pageSize }),
          }}
          columns={[
            { title: pick(T.channel), dataIndex: 'channel', width: 70, render: (c: Item['channel']) => pick(T[c]) },
            {
              title: pick(T.address),
              dataIndex: 'addressMasked',
              width: 150,
              render: (v: string) => <span className="mono">{v}</span>,
            },
            { title: pick(T.subject), dataIndex: 'subject', ellipsis: true },
            { title: pick(T.kind), dataIndex: 'kind', width: 140, render: kindName },
            {
              title: pick(T.state),
              dataIndex: 'status',
              width: 100,
              render: (s: Status) => <Tag color={STATUS_COLOR[s]}>{pick(T[s])}</Tag>,
            },
            { title: pick(T.attempts), dataIndex: 'attempts', width: 90, align: 'right' },
            {
              title: pick(T.lastError),
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
              title: pick(T.createdAt),
              dataIndex: 'createdAt',
              width: 170,
              render: (v: string) => formatInstant(v, lang),
            },
            {
              title: pick(T.nextAttemptAt),
              key: 'next',
              width: 170,
              render: (_, r) => (r.status === 'pending' ? formatInstant(r.nextAttemptAt, lang) : '—'),
            },
            {
              title: pick(T.sentAt),
              dataIndex: 'sentAt',
              width: 170,
              render: (v: string | null) => formatInstant(v, lang),
            },
          ]}
        />
      </Card>
    </>
  );
}
