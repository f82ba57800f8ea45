/**
 * The city's budgets: fee-subsidy years (allocate, publish the 公示, handle its objections, issue the funding plan —
 * the interest subsidy's panels and printable plan) and risk pools with their ledger.
 */
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { TFeeYear, TPool } from '../../../../src/contracts/guarantee';
import { downloadFile } from '../../api/client';
import { mayI } from '../../auth/access';
import { useMe } from '../../auth/session';
import { MoneyInput } from '../../components/forms';
import { useI18n } from '../../i18n';
import { Objections } from '../subsidy/AllocationPage';
import { PrintablePlan } from '../subsidy/FundPlanPage';
import {
  allocateFeeYear,
  createFeeYear,
  createPool,
  feePlanXlsxUrl,
  issueFeePlan,
  publishFeeNotice,
  useFeePlan,
  useFeeYears,
  usePools,
} from './api';
import { useAsk, useRun } from './shared';

/** The year's 公示: its period, the public page, its objections (handled as the interest subsidy's). */
function FeeNotice({ y }: { y: TFeeYear }) {
  const { t } = useI18n();
  if (!y.notice) return null;
  return (
    <div data-testid={`fee-notice-${y.year}`}>
      <Typography.Paragraph>
        {y.notice.title}：{y.notice.startsOn} ～ {y.notice.endsOn}，{y.notice.entryCount}项，{y.notice.totalAmount}元。
        <a href={`/public/notices?id=${y.notice.id}`} target="_blank" rel="noreferrer" className="text-link">
          {t('guarantee.openPublicPage')}
        </a>
      </Typography.Paragraph>
      <Typography.Text strong>{t('guarantee.objections')}</Typography.Text>
      <Objections noticeId={y.notice.id} />
    </div>
  );
}

/** The issued plan printed as the bureau publishes it (the interest subsidy's printable plan). */
function PlanDialog({ year, onClose }: { year: number | null; onClose: () => void }) {
  const { t } = useI18n();
  const plan = useFeePlan(year);
  return (
    <Modal
      open={year !== null}
      onCancel={onClose}
      width={960}
      title={t('guarantee.plan')}
      footer={
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('guarantee.print')}
        </Button>
      }
    >
      {plan.data && <PrintablePlan plan={plan.data} />}
    </Modal>
  );
}

function YearBudgetForm({
  label,
  onSubmit,
}: {
  label: string;
  onSubmit: (year: number, budget: string) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ year: string; budget: string }>();
  return (
    <Form
      form={form}
      layout="inline"
      aria-label={label}
      onFinish={async (v) => {
        if (await onSubmit(Number(v.year), v.budget)) form.resetFields();
      }}
    >
      <Form.Item name="year" label={t('guarantee.year')}>
        <Input inputMode="numeric" style={{ width: 90 }} />
      </Form.Item>
      <Form.Item name="budget" label={t('guarantee.budget')}>
        <MoneyInput />
      </Form.Item>
      <Button htmlType="submit">{label}</Button>
    </Form>
  );
}

export function PoolTab() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const run = useRun();
  const manageFee = mayI(me, 'guarantee.fee.year.manage');
  const managePool = mayI(me, 'guarantee.pool.manage');
  const years = useFeeYears(true);
  const pools = usePools(true);
  const ask = useAsk();
  const [planYear, setPlanYear] = useState<number | null>(null);
  const yuan = (v: string) => `${v} 元`;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card title={t('guarantee.tab.fee')} size="small">
        {manageFee && (
          <YearBudgetForm
            label={t('guarantee.newFeeYear')}
            onSubmit={(year, budget) => run(() => createFeeYear({ year, budget }))}
          />
        )}
        <Table<TFeeYear>
          rowKey="id"
          size="small"
          dataSource={years.data?.items ?? []}
          expandable={{
            rowExpandable: (y) => !!y.notice,
            expandedRowRender: (y) => <FeeNotice y={y} />,
          }}
          columns={[
            { title: t('guarantee.year'), dataIndex: 'year' },
            { title: t('guarantee.budget'), dataIndex: 'budget', render: yuan },
            { title: t('guarantee.allocated'), dataIndex: 'allocated', render: yuan },
            {
              title: t('guarantee.notice'),
              render: (_, y) => (y.notice ? `${y.notice.startsOn} ~ ${y.notice.endsOn}` : '—'),
            },
            { title: t('guarantee.documentNumber'), render: (_, y) => y.plan?.documentNumber ?? '—' },
            {
              title: t('common.actions'),
              render: (_, y) =>
                manageFee && (
                  <Space>
                    {y.status === 'open' && (
                      <Button size="small" type="primary" onClick={() => run(() => allocateFeeYear(y.year))}>
                        {t('guarantee.allocate')}
                      </Button>
                    )}
                    {y.status === 'allocated' && (
                      <Button size="small" type="primary" onClick={() => run(() => publishFeeNotice(y.year))}>
                        {t('guarantee.publish')}
                      </Button>
                    )}
                    {y.status === 'published' && mayI(me, 'guarantee.fee.plan.issue') && (
                      <Button
                        size="small"
                        type="primary"
                        onClick={() =>
                          ask.open({
                            title: 'guarantee.issuePlan',
                            label: 'guarantee.documentNumber',
                            onOk: (no) => run(() => issueFeePlan(y.year, no.trim())),
                          })
                        }
                      >
                        {t('guarantee.issuePlan')}
                      </Button>
                    )}
                    {y.plan && (
                      <>
                        <Button size="small" onClick={() => setPlanYear(y.year)}>
                          {t('guarantee.plan')}
                        </Button>
                        <Button
                          size="small"
                          icon={<DownloadOutlined />}
                          onClick={() =>
                            downloadFile(feePlanXlsxUrl(y.year), {}, `${y.year}年度担保费补贴资金安排计划.xlsx`)
                          }
                        >
                          {t('guarantee.downloadXlsx')}
                        </Button>
                      </>
                    )}
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      {ask.modal}
      <PlanDialog year={planYear} onClose={() => setPlanYear(null)} />
      <Card title={t('guarantee.tab.risk')} size="small">
        {managePool && (
          <YearBudgetForm
            label={t('guarantee.newPool')}
            onSubmit={(year, budget) => run(() => createPool({ year, budget }))}
          />
        )}
        <Table<TPool>
          rowKey="id"
          size="small"
          dataSource={pools.data?.items ?? []}
          columns={[
            { title: t('guarantee.year'), dataIndex: 'year' },
            { title: t('guarantee.budget'), dataIndex: 'budget', render: yuan },
            { title: t('guarantee.committed'), dataIndex: 'committed', render: yuan },
            { title: t('guarantee.paid'), dataIndex: 'paid', render: yuan },
            { title: t('guarantee.returned'), dataIndex: 'returned', render: yuan },
            { title: t('guarantee.balance'), dataIndex: 'balance', render: yuan },
          ]}
        />
      </Card>
    </Space>
  );
}
