/**
 * The enterprise's special-fund applications: open calls with each direction's standard, the application form
 * (investment by item backed by invoices, the signed commitment), its own applications with every step, and the
 * resubmission of a returned one. Never another enterprise's record or score.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Form, Input, Select, Space, Tag, Timeline } from 'antd';
import { useState } from 'react';
import type { TApplication, TCallSummary } from '../../../../src/contracts/fund';
import { DIRECTION_ZH } from '../../../../src/domain/fund/standards';
import { APPLICATION_STATE_ZH } from '../../../../src/domain/fund/workflow';
import { errorMessage } from '../../api/client';
import { namedColumn } from '../../components/columns';
import { PageHeader } from '../../components/PageHeader';
import { SmallTable } from '../../components/SmallTable';
import { useI18n } from '../../i18n';
import { yuan } from '../../shared/money';
import { fundPost, useApplications, useCalls } from './api';
import { InvoiceFields, invoiceOf } from './InvoiceFields';

const DECLARED = {
  independentLegalEntity: true,
  noOtherFiscalSupport: true,
  fiscalRecordGood: true,
  noMajorAccidents: true,
};

export default function EnterpriseFundPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const calls = useCalls();
  const mine = useApplications();
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const open = (calls.data?.items ?? []).filter((c: TCallSummary) => c.state === 'approved');

  async function apply(v: Record<string, string>) {
    setError(null);
    try {
      await fundPost(`/calls/${v.callId}/applications`, {
        direction: v.direction,
        projectName: v.projectName ?? '',
        invoices: [invoiceOf(v)],
        declarations: DECLARED,
        commitmentSigned: !!v.commitment,
      });
      await qc.invalidateQueries({ queryKey: ['fund'] });
      message.success(t('fund.submitted'));
      form.resetFields();
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  async function resubmit(a: TApplication, v: Record<string, string>) {
    try {
      await fundPost(`/applications/${a.id}/resubmit`, { invoices: [invoiceOf(v)] });
      await qc.invalidateQueries({ queryKey: ['fund'] });
      message.success(t('fund.submitted'));
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  return (
    <>
      <PageHeader title={t('menu.fundMine')} />
      {open.length > 0 && (
        <Card title={t('fund.apply')} style={{ marginBottom: 16 }}>
          {error && (
            <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="apply-error" />
          )}
          <Form
            form={form}
            layout="vertical"
            onFinish={apply}
            initialValues={{ callId: open[0]!.id, direction: open[0]!.directions[0]?.direction }}
          >
            <Space wrap>
              <Form.Item name="callId" label={t('fund.callTitle')}>
                <Select style={{ width: 360 }} options={open.map((c) => ({ value: c.id, label: c.title }))} />
              </Form.Item>
              <Form.Item name="direction" label={t('fund.direction')}>
                <Select
                  style={{ width: 300 }}
                  options={open[0]!.directions.map((d) => ({ value: d.direction, label: `${d.name}：${d.standard}` }))}
                />
              </Form.Item>
            </Space>
            <Form.Item name="projectName" label={t('fund.project')}>
              <Input />
            </Form.Item>
            <InvoiceFields />
            <Form.Item name="commitment" valuePropName="checked">
              <Checkbox>{t('fund.commitment')}</Checkbox>
            </Form.Item>
            <Button type="primary" htmlType="submit" data-testid="apply">
              {t('fund.apply')}
            </Button>
          </Form>
        </Card>
      )}
      <Card title={t('fund.applications')}>
        <SmallTable<TApplication>
          rowKey="id"
          dataSource={mine.data?.items ?? []}
          expandable={{
            expandedRowRender: (a) => (
              <>
                <Timeline
                  items={a.timeline.map((s) => ({
                    children: `${s.at.slice(0, 10)} ${s.action}${s.note ? `：${s.note}` : ''}`,
                  }))}
                />
                {a.state === 'returned' && (
                  <Form
                    name={`resubmit-${a.id}`}
                    layout="vertical"
                    onFinish={(v: Record<string, string>) => resubmit(a, v)}
                  >
                    <InvoiceFields />
                    <Button type="primary" htmlType="submit" data-testid="resubmit">
                      {t('fund.resubmit')}
                    </Button>
                  </Form>
                )}
              </>
            ),
          }}
          columns={[
            { title: t('fund.project'), dataIndex: 'projectName' },
            namedColumn(t('fund.direction'), 'direction', DIRECTION_ZH),
            namedColumn(t('fund.state'), 'state', APPLICATION_STATE_ZH, (name) => (
              <Tag data-testid="my-state">{name}</Tag>
            )),
            { title: t('fund.invoiceTotal'), dataIndex: 'invoiceTotal', render: yuan },
            { title: t('fund.awarded'), dataIndex: 'awarded', render: (v: string | null) => (v ? yuan(v) : '—') },
            { title: t('fund.final'), dataIndex: 'finalAmount', render: (v: string | null) => (v ? yuan(v) : '—') },
          ]}
        />
      </Card>
    </>
  );
}
