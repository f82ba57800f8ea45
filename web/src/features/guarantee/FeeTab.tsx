/** Guarantee-fee subsidy claims: the enterprise or guarantor claims; the district checks; the city verifies. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { TFeeClaim } from '../../../../src/contracts/guarantee';
import { APPLICATION_STATUS_ZH } from '../../../../src/domain/workflow/application';
import { mayI } from '../../auth/access';
import { useMe } from '../../auth/session';
import { MoneyInput } from '../../components/forms';
import { useI18n } from '../../i18n';
import { reviewFeeClaim, submitFeeClaim, useFeeClaims } from './api';
import { Explanation, FormDialog, LoanSelectItem, listOf, useAsk, useRun } from './shared';

export function FeeTab() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const claims = useFeeClaims(true);
  const run = useRun();
  const ask = useAsk();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const mayClaim = mayI(me, 'guarantee.fee.claim');

  const review = (c: TFeeClaim, action: string) => run(() => reviewFeeClaim(c.id, { action }));
  const ret = (c: TFeeClaim, action: string) =>
    ask.open({
      title: 'guarantee.return',
      label: 'guarantee.returnReason',
      onOk: (reason) => run(() => reviewFeeClaim(c.id, { action, reasons: reason ? [reason] : [] })),
    });

  const actions = (c: TFeeClaim) => (
    <Space>
      {c.status === 'submitted' && mayI(me, 'guarantee.fee.district_check') && (
        <>
          <Button size="small" type="primary" onClick={() => review(c, 'district_pass')}>
            {t('guarantee.pass')}
          </Button>
          <Button size="small" onClick={() => ret(c, 'district_return')}>
            {t('guarantee.return')}
          </Button>
        </>
      )}
      {c.status === 'district_passed' && mayI(me, 'guarantee.fee.city_verify') && (
        <>
          <Button size="small" type="primary" onClick={() => review(c, 'city_verify')}>
            {t('guarantee.approve')}
          </Button>
          <Button size="small" onClick={() => ret(c, 'city_return')}>
            {t('guarantee.return')}
          </Button>
        </>
      )}
    </Space>
  );

  return (
    <>
      {mayClaim && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} style={{ marginBottom: 12 }}>
          {t('guarantee.fee.new')}
        </Button>
      )}
      <Table<TFeeClaim>
        rowKey="id"
        size="small"
        loading={claims.isLoading}
        dataSource={claims.data?.items ?? []}
        locale={{ emptyText: t('guarantee.none') }}
        expandable={{ expandedRowRender: (c) => <Explanation lines={c.explanation} /> }}
        columns={[
          { title: t('guarantee.loan'), dataIndex: 'contractNo' },
          { title: t('guarantee.enterprise'), dataIndex: 'enterpriseName' },
          { title: t('guarantee.period'), render: (_, c) => `${c.periodFrom} ~ ${c.periodTo}` },
          { title: t('guarantee.feePaid'), dataIndex: 'feePaid', render: (v: string) => `${v} 元` },
          { title: t('guarantee.requested'), dataIndex: 'requested', render: (v: string) => `${v} 元` },
          { title: t('guarantee.awarded'), dataIndex: 'awarded', render: (v: string | null) => (v ? `${v} 元` : '—') },
          {
            title: t('guarantee.status'),
            dataIndex: 'status',
            render: (s: TFeeClaim['status']) => <Tag>{APPLICATION_STATUS_ZH[s]}</Tag>,
          },
          { title: t('common.actions'), render: (_, c) => actions(c) },
        ]}
      />
      {ask.modal}
      <FormDialog
        open={open}
        title={t('guarantee.fee.new')}
        form={form}
        onClose={() => setOpen(false)}
        submit={(v) => submitFeeClaim({ ...v, vouchers: listOf(v.vouchers) })}
      >
        <LoanSelectItem />
        <Form.Item name="periodFrom" label={t('guarantee.periodFrom')} required>
          <Input placeholder="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="periodTo" label={t('guarantee.periodTo')} required>
          <Input placeholder="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="feePaid" label={t('guarantee.feePaid')} required>
          <MoneyInput />
        </Form.Item>
        <Form.Item name="vouchers" label={t('guarantee.vouchers')} required>
          <Input />
        </Form.Item>
      </FormDialog>
    </>
  );
}
