/** 申报批次 (city administrator): open a yearly campaign — interest period, application dates, budget, mode, notice days. */
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import {
  ALLOCATION_MODE_ZH,
  ALLOCATION_MODES,
  type TCampaign,
  ZCreateCampaign,
} from '../../../../src/contracts/subsidy';
import { api } from '../../api/client';
import { FormDrawer } from '../../components/FormModal';
import { dateProps } from '../../components/forms';
import { LoadError } from '../../components/lists';
import { PageHeader } from '../../components/PageHeader';
import { zodRule } from '../../components/zodRule';
import { useI18n } from '../../i18n';
import { yuan } from '../../shared/money';
import { subsidyKeys, useCampaigns } from './api';
import { CampaignTag } from './common';

const C = ZCreateCampaign.shape;

function CreateDrawer({ onClose }: { onClose(): void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const year = dayjs().year();
  const save = async (v: unknown) => {
    await api.post('/api/v1/subsidy/campaigns', v);
    message.success(t('subsidy.campaignOpened'));
    await qc.invalidateQueries({ queryKey: subsidyKeys.all });
    onClose();
  };
  /** A date of the campaign, its rule from the contract. */
  const date = (name: keyof typeof C, label: string, testId?: string) => (
    <Form.Item name={name} label={label} rules={[zodRule(C[name], name, lang)]} {...dateProps}>
      <DatePicker data-testid={testId} />
    </Form.Item>
  );
  return (
    <FormDrawer
      form={form}
      open
      onClose={onClose}
      title={t('subsidy.openAYearlyCampaign')}
      okText={t('subsidy.open2')}
      submitTestId="save-campaign"
      name="createCampaign"
      initialValues={{
        year,
        title: `${year}年度“政银保”数字化转型贷款贴息申请`,
        interestFrom: `${year - 1}-01-01`,
        interestTo: `${year - 1}-12-31`,
        allocationMode: 'partial',
        noticeDays: 7,
      }}
      onSubmit={save}
    >
      <Form.Item name="year" label={t('subsidy.year')} rules={[zodRule(C.year, 'year', lang)]}>
        <InputNumber style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="title" label={t('subsidy.title')} rules={[zodRule(C.title, 'title', lang)]}>
        <Input />
      </Form.Item>
      {date('interestFrom', t('subsidy.interestFrom'))}
      {date('interestTo', t('subsidy.interestTo'))}
      {date('applyFrom', t('subsidy.applicationsFrom'), 'apply-from')}
      {date('applyTo', t('subsidy.applicationsUntil'), 'apply-to')}
      <Form.Item name="budget" label={t('subsidy.budgetYuan')} rules={[zodRule(C.budget, 'budget', lang)]}>
        <Input data-testid="campaign-budget" />
      </Form.Item>
      <Form.Item name="allocationMode" label={t('subsidy.allocationMode')}>
        <Select options={ALLOCATION_MODES.map((m) => ({ value: m, label: ALLOCATION_MODE_ZH[m] }))} />
      </Form.Item>
      <Form.Item name="noticeDays" label={t('subsidy.noticeDays')} rules={[zodRule(C.noticeDays, 'noticeDays', lang)]}>
        <InputNumber min={1} max={60} />
      </Form.Item>
    </FormDrawer>
  );
}

export default function CampaignsPage() {
  const { t } = useI18n();
  const { data = [], error, isFetching } = useCampaigns();
  const [open, setOpen] = useState(false);
  return (
    <>
      <PageHeader
        title={t('subsidy.campaigns')}
        description={t('subsidy.yearlyCallsForSubsidy')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="new-campaign">
            {t('subsidy.openACampaign')}
          </Button>
        }
      />
      <LoadError error={error} />
      <Card>
        <Table<TCampaign>
          rowKey="id"
          loading={isFetching}
          dataSource={data}
          pagination={false}
          columns={[
            { title: t('subsidy.year'), dataIndex: 'year' },
            { title: t('subsidy.title2'), dataIndex: 'title' },
            { title: t('subsidy.interestPeriod'), render: (_, c) => `${c.interestFrom} ～ ${c.interestTo}` },
            { title: t('subsidy.applications2'), render: (_, c) => `${c.applyFrom} ～ ${c.applyTo}` },
            { title: t('subsidy.budget'), dataIndex: 'budget', render: (v: string) => yuan(v) },
            { title: t('subsidy.allocated'), dataIndex: 'allocated', render: (v: string) => yuan(v) },
            {
              title: t('subsidy.mode'),
              dataIndex: 'allocationMode',
              render: (m: keyof typeof ALLOCATION_MODE_ZH) => ALLOCATION_MODE_ZH[m],
            },
            { title: t('subsidy.notice'), dataIndex: 'noticeDays' },
            { title: t('subsidy.status'), dataIndex: 'status', render: (s: string) => <CampaignTag status={s} /> },
          ]}
        />
      </Card>
      {open && <CreateDrawer onClose={() => setOpen(false)} />}
    </>
  );
}
