/**
 * The city's financing zone: the products waiting for review (上架审核: approve, or refuse with a reason), the needs
 * (put on or take off the green channel, 002 三（四）1), and the oversight of banks' answers (response times,
 * overdue orders, approval rates, ratings) with the overdue list.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, List, Space, Table, Tabs, Tag } from 'antd';
import type { TNeed, TProduct } from '../../../../src/contracts/financing';
import { mayDo } from '../../../../src/domain/access/business';
import { PLATFORM_DEADLINE_READING } from '../../../../src/domain/financing/params';
import { GUARANTEE_ZH, PRODUCT_TYPE_ZH } from '../../../../src/domain/financing/products';
import { errorMessage } from '../../api/client';
import { useMe } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { AnswerTimesPanel } from './AnswerTimes';
import { reviewProduct, setGreen, sweepOverdue, useNeeds, useOversight, useReviewQueue } from './api';
import { askReason, months, NeedSummary, OrderTable, percent, range } from './parts';

function ProductVersionCard({ p }: { p: TProduct }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const v = p.versions.find((x) => x.status === 'pending') ?? p.versions[0]!;
  const d = v.data;
  const decide = async (decision: 'approve' | 'refuse', reason: string) => {
    try {
      await reviewProduct(p.id, { decision, reason });
      await qc.invalidateQueries({ queryKey: ['financing'] });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const refuse = () => askReason(modal, t('fin.city.refuse'), t('fin.city.refuseReason'), (r) => decide('refuse', r));
  return (
    <Card
      size="small"
      style={{ width: '100%' }}
      data-testid={`review-${d.name}`}
      title={`${d.name}（${p.institutionName}，${t('fin.product.latest')} ${v.version}）`}
      extra={
        <Space>
          <Button type="primary" size="small" onClick={() => decide('approve', '')}>
            {t('fin.city.approve')}
          </Button>
          <Button size="small" danger onClick={refuse}>
            {t('fin.city.refuse')}
          </Button>
        </Space>
      }
    >
      <Descriptions size="small" column={2}>
        <Descriptions.Item label={t('fin.product.type')}>{PRODUCT_TYPE_ZH[d.type]}</Descriptions.Item>
        <Descriptions.Item label={t('fin.product.amount')}>{range(d.amountMin, d.amountMax)}</Descriptions.Item>
        <Descriptions.Item label={t('fin.product.term')}>{months(d.termMinMonths, d.termMaxMonths)}</Descriptions.Item>
        <Descriptions.Item label={t('fin.product.rate')}>
          {percent(d.rateMin)} – {percent(d.rateMax)}
        </Descriptions.Item>
        <Descriptions.Item label={t('fin.product.guarantees')}>
          {d.guarantees.map((g) => GUARANTEE_ZH[g]).join('、')}
        </Descriptions.Item>
        <Descriptions.Item label={t('fin.product.promised')}>{d.promisedDecisionDays}</Descriptions.Item>
        <Descriptions.Item label={t('fin.product.live')}>{p.liveVersion ?? '—'}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

export default function CityPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const queue = useReviewQueue();
  const needs = useNeeds();
  const oversight = useOversight();
  const refresh = () => qc.invalidateQueries({ queryKey: ['financing'] });
  const green = async (n: TNeed, on: boolean) => {
    try {
      await setGreen(n.id, { green: on, reason: on ? t('fin.city.green') : '' });
      await refresh();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const sweep = async () => {
    try {
      const r = await sweepOverdue();
      message.success(`${t('fin.order.overdue')}：${r.marked}`);
      await refresh();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <>
      <PageHeader title={t('fin.city.title')} description={t('fin.city.intro')} />
      <Card>
        <Tabs
          items={[
            {
              key: 'queue',
              label: t('fin.city.queue'),
              children: (
                <List
                  loading={queue.isLoading}
                  dataSource={queue.data?.items ?? []}
                  renderItem={(p) => (
                    <List.Item key={p.id}>
                      <ProductVersionCard p={p} />
                    </List.Item>
                  )}
                />
              ),
            },
            {
              key: 'needs',
              label: t('fin.city.needs'),
              children: (
                <Table<TNeed>
                  rowKey="id"
                  size="small"
                  dataSource={needs.data?.items ?? []}
                  columns={[
                    { title: t('fin.order.enterprise'), render: (_: unknown, n) => <NeedSummary need={n} /> },
                    {
                      title: t('fin.city.green'),
                      key: 'green',
                      render: (_: unknown, n) =>
                        mayDo(me, 'financing.need.green_channel') && (
                          <Button size="small" onClick={() => green(n, !n.greenChannel)}>
                            {n.greenChannel ? t('fin.city.greenOff') : t('fin.city.greenOn')}
                          </Button>
                        ),
                    },
                  ]}
                />
              ),
            },
            {
              key: 'oversight',
              label: t('fin.city.oversight'),
              children: (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Alert type="info" showIcon title={PLATFORM_DEADLINE_READING} />
                  {mayDo(me, 'financing.oversight.sweep') && <Button onClick={sweep}>{t('fin.city.sweep')}</Button>}
                  <Table
                    rowKey="institutionId"
                    size="small"
                    pagination={false}
                    dataSource={oversight.data?.banks ?? []}
                    columns={[
                      { title: t('fin.product.bank'), dataIndex: 'institutionName' },
                      { title: t('fin.city.orders'), dataIndex: 'orders', align: 'right' },
                      {
                        title: t('fin.city.overdueCount'),
                        dataIndex: 'overdue',
                        align: 'right',
                        render: (v: number) => (v > 0 ? <Tag color="red">{v}</Tag> : v),
                      },
                      {
                        title: t('fin.city.avgDays'),
                        dataIndex: 'avgAnswerWorkingDays',
                        render: (v: number | null) => v ?? '—',
                      },
                      {
                        title: t('fin.city.approvalRate'),
                        dataIndex: 'approvalRate',
                        render: (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`),
                      },
                      {
                        title: t('fin.city.avgRating'),
                        dataIndex: 'avgRating',
                        render: (v: number | null) => v ?? '—',
                      },
                    ]}
                  />
                  <Card size="small" title={t('fin.city.overdueList')}>
                    <OrderTable testId="city-overdue" orders={oversight.data?.overdue ?? []} />
                  </Card>
                </Space>
              ),
            },
            ...(mayDo(me, 'financing.answer_times.read')
              ? [{ key: 'times', label: t('fin.times.title'), children: <AnswerTimesPanel /> }]
              : []),
          ]}
        />
      </Card>
    </>
  );
}
