/**
 * 补贴核查 (district) and 补贴核实 (city): the applications in the reviewer's scope, by stage; opening one shows
 * the interest check, the vouchers and the engine's decision, with pass / return.
 */
import { Alert, Card, Form, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { TApplicationSummary } from '../../../../src/contracts/subsidy';
import { APPLICATION_STATUS_ZH, APPLICATION_STATUSES } from '../../../../src/domain/workflow/application';
import { errorMessage } from '../../api/client';
import { useMe } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { DISTRICTS, districtName } from '../../shared/districts';
import { yuan } from '../../shared/money';
import { ApplicationDetail } from './ApplicationDetail';
import { useApplications, useCampaigns } from './api';
import { StatusTag, useL } from './common';

export default function ReviewPage() {
  const { lang } = useI18n();
  const L = useL();
  const { data: me } = useMe();
  const district = me?.role === 'district_reviewer';
  const { data: campaigns = [] } = useCampaigns();
  const [campaignId, setCampaignId] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>(district ? 'submitted' : 'district_passed');
  const [districtCode, setDistrictCode] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const { data, error, isFetching } = useApplications({ campaignId, status, districtCode, page, pageSize: 20 });
  const [detailId, setDetailId] = useState<string | null>(null);

  return (
    <>
      <PageHeader
        title={district ? L('补贴核查', 'Subsidy checks') : L('补贴核实', 'Subsidy verification')}
        description={
          district
            ? L(
                '县（市、区）对本辖区申请材料组织核查（江工信工业互联网〔2023〕33号 第七条（五））。',
                'District check (Art. 7(5)).',
              )
            : L('市级对县（市、区）报送的申请进行核实（第七条（六））。', 'City verification (Art. 7(6)).')
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" style={{ rowGap: 12 }}>
          <Form.Item label={L('批次', 'Campaign')}>
            <Select
              allowClear
              style={{ width: 220 }}
              value={campaignId}
              onChange={setCampaignId}
              options={campaigns.map((c) => ({ value: c.id, label: c.title }))}
            />
          </Form.Item>
          <Form.Item label={L('状态', 'Status')}>
            <Select
              allowClear
              style={{ width: 240 }}
              value={status}
              onChange={(v) => {
                setStatus(v);
                setPage(1);
              }}
              options={APPLICATION_STATUSES.map((s) => ({ value: s, label: APPLICATION_STATUS_ZH[s] }))}
              data-testid="status-filter"
            />
          </Form.Item>
          {!district && (
            <Form.Item label={L('县（市、区）', 'District')}>
              <Select
                allowClear
                style={{ width: 140 }}
                value={districtCode}
                onChange={setDistrictCode}
                options={DISTRICTS.map((d) => ({ value: d.code, label: d[lang] }))}
              />
            </Form.Item>
          )}
        </Form>
      </Card>
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />}
      <Card>
        <Table<TApplicationSummary>
          rowKey="id"
          loading={isFetching}
          dataSource={data?.items ?? []}
          onRow={(r) => ({ onClick: () => setDetailId(r.id), style: { cursor: 'pointer' } })}
          pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage }}
          columns={[
            { title: L('企业', 'Enterprise'), dataIndex: 'enterpriseName' },
            {
              title: L('项目', 'Project'),
              render: (_, r) => (
                <Space direction="vertical" size={0}>
                  <span>{r.projectNo}</span>
                  <span>{r.projectName}</span>
                </Space>
              ),
            },
            { title: L('县区', 'District'), dataIndex: 'districtCode', render: (v: string) => districtName(v, lang) },
            { title: L('入库月份', 'Declared'), dataIndex: 'declarationMonth' },
            { title: L('申报利息', 'Claimed'), dataIndex: 'claimedInterest', render: (v: string) => yuan(v) },
            {
              title: L('利息核对', 'Interest check'),
              dataIndex: 'interestDifference',
              render: (v: string) =>
                v === '0.00' ? (
                  <Tag color="green">{L('一致', 'OK')}</Tag>
                ) : (
                  <Tag color="red">
                    {L('差额', 'Diff')} {yuan(v.replace('-', ''))}
                  </Tag>
                ),
            },
            { title: L('状态', 'Status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
          ]}
        />
      </Card>
      <ApplicationDetail id={detailId} onClose={() => setDetailId(null)} />
    </>
  );
}
