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
import { CampaignTag, useL } from './common';

const C = ZCreateCampaign.shape;
const dateProps = {
  getValueProps: (v: string | undefined) => ({ value: v ? dayjs(v) : undefined }),
  normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined),
};

function CreateDrawer({ onClose }: { onClose(): void }) {
  const { lang } = useI18n();
  const L = useL();
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
      message.success(L('批次已发起', 'Campaign opened'));
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
      title={L('发起年度补贴申请', 'Open a yearly campaign')}
      extra={
        <Button type="primary" loading={busy} onClick={save} data-testid="save-campaign">
          {L('发起', 'Open')}
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
        <Form.Item name="year" label={L('年度', 'Year')} rules={[zodRule(C.year, 'year', lang)]}>
          <InputNumber style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="title" label={L('批次名称', 'Title')} rules={[zodRule(C.title, 'title', lang)]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="interestFrom"
          label={L('贴息期间起', 'Interest from')}
          rules={[zodRule(C.interestFrom, 'interestFrom', lang)]}
          {...dateProps}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="interestTo"
          label={L('贴息期间止', 'Interest to')}
          rules={[zodRule(C.interestTo, 'interestTo', lang)]}
          {...dateProps}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="applyFrom"
          label={L('申请开始日', 'Applications from')}
          rules={[zodRule(C.applyFrom, 'applyFrom', lang)]}
          {...dateProps}
        >
          <DatePicker data-testid="apply-from" />
        </Form.Item>
        <Form.Item
          name="applyTo"
          label={L('申请截止日', 'Applications until')}
          rules={[zodRule(C.applyTo, 'applyTo', lang)]}
          {...dateProps}
        >
          <DatePicker data-testid="apply-to" />
        </Form.Item>
        <Form.Item
          name="budget"
          label={L('年度预算（元）', 'Budget (yuan)')}
          rules={[zodRule(C.budget, 'budget', lang)]}
        >
          <Input data-testid="campaign-budget" />
        </Form.Item>
        <Form.Item name="allocationMode" label={L('分配方式', 'Allocation mode')}>
          <Select options={ALLOCATION_MODES.map((m) => ({ value: m, label: ALLOCATION_MODE_ZH[m] }))} />
        </Form.Item>
        <Form.Item
          name="noticeDays"
          label={L('公示天数', 'Notice days')}
          rules={[zodRule(C.noticeDays, 'noticeDays', lang)]}
        >
          <InputNumber min={1} max={60} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

export default function CampaignsPage() {
  const L = useL();
  const { data = [], error, isFetching } = useCampaigns();
  const [open, setOpen] = useState(false);
  return (
    <>
      <PageHeader
        title={L('申报批次', 'Campaigns')}
        description={L(
          '市工业和信息化局每年定期组织补贴申请（申报指南 六（一））。',
          'Yearly calls for subsidy applications.',
        )}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="new-campaign">
            {L('发起批次', 'Open a campaign')}
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
            { title: L('年度', 'Year'), dataIndex: 'year' },
            { title: L('名称', 'Title'), dataIndex: 'title' },
            { title: L('贴息期间', 'Interest period'), render: (_, c) => `${c.interestFrom} ～ ${c.interestTo}` },
            { title: L('申请时间', 'Applications'), render: (_, c) => `${c.applyFrom} ～ ${c.applyTo}` },
            { title: L('预算', 'Budget'), dataIndex: 'budget', render: (v: string) => yuan(v) },
            { title: L('已安排', 'Allocated'), dataIndex: 'allocated', render: (v: string) => yuan(v) },
            {
              title: L('分配方式', 'Mode'),
              dataIndex: 'allocationMode',
              render: (m: keyof typeof ALLOCATION_MODE_ZH) => ALLOCATION_MODE_ZH[m],
            },
            { title: L('公示天数', 'Notice'), dataIndex: 'noticeDays' },
            { title: L('状态', 'Status'), dataIndex: 'status', render: (s: string) => <CampaignTag status={s} /> },
          ]}
        />
      </Card>
      {open && <CreateDrawer onClose={() => setOpen(false)} />}
    </>
  );
}
