/** The city's budgets: fee-subsidy years (allocate, publish) and risk pools with their ledger. */
import { Button, Card, Form, Input, Space, Table, Typography } from 'antd';
import type { TFeeYear, TPool } from '../../../../src/contracts/guarantee';
import { mayI } from '../../auth/access';
import { useMe } from '../../auth/session';
import { MoneyInput } from '../../components/forms';
import { useI18n } from '../../i18n';
import { allocateFeeYear, createFeeYear, createPool, publishFeeNotice, useFeeYears, usePools } from './api';
import { useRun } from './shared';

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
            expandedRowRender: (y) => (
              <Typography.Paragraph style={{ whiteSpace: 'pre-line' }}>{y.notice?.body}</Typography.Paragraph>
            ),
          }}
          columns={[
            { title: t('guarantee.year'), dataIndex: 'year' },
            { title: t('guarantee.budget'), dataIndex: 'budget', render: yuan },
            { title: t('guarantee.allocated'), dataIndex: 'allocated', render: yuan },
            {
              title: t('guarantee.notice'),
              render: (_, y) => (y.notice ? `${y.notice.startsOn} ~ ${y.notice.endsOn}` : '—'),
            },
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
                  </Space>
                ),
            },
          ]}
        />
      </Card>
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
