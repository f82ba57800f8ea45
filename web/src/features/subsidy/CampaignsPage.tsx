/** 申报批次 (city administrator): open a yearly campaign — interest period, application dates, budget, mode, notice days. */
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Drawer, Form, Input, InputNumber, Select, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  ALLOCATION_MODE_ZH,
  ALLOCATION_MODES,
  type TCampaign,
  ZCreateCampaign,
} from '../../../../src/contracts/subsidy';
import { api, applyFieldErrors, errorMessage } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { validFields, zodRule } from '../../components/zodRule';
import { useI18n } from '../../i18n';
import { yuan } from '../../shared/money';
import { subsidyKeys, useCampaigns } from './api';
import { CampaignTag } from './common';

const C = ZCreateCampaign.shape;
const dateProps = {
  getValueProps: (v: string | undefined) => ({ value: v ? dayjs(v) : undefined }),
  normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined),
};

function CreateDrawer({ onClose }: { onClose(): void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const year = dayjs().year();
  const save = async () => {
    const v = await validFields(form);
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/v1/subsidy/campaigns', v);
      message.success(t('subsidy.campaignOpened'));
      await qc.invalidateQueries({ queryKey: subsidyKeys.all });
      onClose();
    } catch (e) {
      const rest = applyFieldErrors(form, e);
      setError(rest.length ? rest.join('；') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Drawer
      open
      onClose={onClose}
      size={560}
      title={t('subsidy.openAYearlyCampaign')}
      extra={
        <Button type="primary" loading={busy} onClick={save} data-testid="save-campaign">
          {t('subsidy.open2')}
        </Button>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        name="createCampaign"
        initialValues={{
          year,
          title: `${year}年度“政银保”数字化转型贷款贴息申请`,
          interestFrom: `${year - 1}-01-01`,
          interestTo: `${year - 1}-12-31`,
          allocationMode: 'partial',
          noticeDays: 7,
        }}
      >
        <Form.Item name="year" label={t('subsidy.year')} rules={[zodRule(C.year, 'year', lang)]}>
          <InputNumber style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="title" label={t('subsidy.title')} rules={[zodRule(C.title, 'title', lang)]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="interestFrom"
          label={t('subsidy.interestFrom')}
          rules={[zodRule(C.interestFrom, 'interestFrom', lang)]}
          {...dateProps}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="interestTo"
          label={t('subsidy.interestTo')}
          rules={[zodRule(C.interestTo, 'interestTo', lang)]}
          {...dateProps}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="applyFrom"
          label={t('subsidy.applicationsFrom')}
          rules={[zodRule(C.applyFrom, 'applyFrom', lang)]}
          {...dateProps}
        >
          <DatePicker data-testid="apply-from" />
        </Form.Item>
        <Form.Item
          name="applyTo"
          label={t('subsidy.applicationsUntil')}
          rules={[zodRule(C.applyTo, 'applyTo', lang)]}
          {...dateProps}
        >
          <DatePicker data-testid="apply-to" />
        </Form.Item>
        <Form.Item name="budget" label={t('subsidy.budgetYuan')} rules={[zodRule(C.budget, 'budget', lang)]}>
          <Input data-testid="campaign-budget" />
        </Form.Item>
        <Form.Item name="allocationMode" label={t('subsidy.allocationMode')}>
          <Select options={ALLOCATION_MODES.map((m) => ({ value: m, label: ALLOCATION_MODE_ZH[m] }))} />
        </Form.Item>
        <Form.Item
          name="noticeDays"
          label={t('subsidy.noticeDays')}
          rules={[zodRule(C.noticeDays, 'noticeDays', lang)]}
        >
          <InputNumber min={1} max={60} />
        </Form.Item>
      </Form>
    </Drawer>
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
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />}
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
