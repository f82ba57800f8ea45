/**
 * The what-if sandbox: the city administrator picks a campaign, changes the budget, mode, ratio or cap, and sees
 * the scenario beside the live outcome over the campaign's real applications; a scenario can be saved, saved ones
 * compared side by side and exported to Excel. Nothing live changes.
 */
import { Alert, Button, Card, Col, Form, Input, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { type TSandboxResult, type TSandboxScenario, ZSandboxScenario } from '../../../../src/contracts/sandbox';
import { ALLOCATION_MODE_ZH, ALLOCATION_MODES } from '../../../../src/contracts/subsidy';
import { api } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { SmallTable } from '../../components/SmallTable';
import { useAction } from '../../components/useAction';
import { useI18n } from '../../i18n';
import { yuan } from '../../shared/money';
import { useCampaignChoice } from '../subsidy/common';
import { useDifferenceColumns } from './common';
import { SaveScenarioButton, ScenariosPanel } from './ScenariosPanel';

type Group = TSandboxResult['byDistrict'][number];

function GroupTable({ title, rows }: { title: string; rows: readonly Group[] }) {
  const differences = useDifferenceColumns<Group>();
  return (
    <Card size="small" title={title}>
      <SmallTable<Group>
        rowKey="key"
        dataSource={[...rows]}
        columns={[{ title, dataIndex: 'label' }, ...differences]}
      />
    </Card>
  );
}

export default function SandboxPage() {
  const { t } = useI18n();
  const { campaigns, campaignId, setCampaignId } = useCampaignChoice();
  const [result, setResult] = useState<TSandboxResult | null>(null);
  const [ran, setRan] = useState<TSandboxScenario | null>(null);
  const { busy, error, setError, run: act } = useAction();
  const differences = useDifferenceColumns<TSandboxResult['changes'][number]>();
  const [form] = Form.useForm();

  async function run() {
    if (!campaignId) return;
    setError(null);
    const raw = form.getFieldsValue(true) as Record<string, string | undefined>;
    const body = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''));
    const parsed = ZSandboxScenario.safeParse(body);
    if (!parsed.success) {
      setError(parsed.error.issues.map((i) => `${i.path.join('.')}：${i.message}`).join('；'));
      return;
    }
    await act(async () => {
      setResult(await api.post<TSandboxResult>(`/api/v1/subsidy/campaigns/${campaignId}/sandbox`, parsed.data));
      setRan(parsed.data);
    });
  }

  const r = result;
  return (
    <>
      <PageHeader title={t('sandbox.title')} description={t('sandbox.intro')} />
      <Card style={{ marginBottom: 16 }}>
        <Form form={form} layout="vertical">
          <Space wrap align="end">
            <Form.Item label={t('sandbox.campaign')}>
              <Select
                aria-label={t('sandbox.campaign')}
                style={{ width: 260 }}
                value={campaignId}
                onChange={(v) => {
                  setCampaignId(v);
                  setResult(null);
                  setRan(null);
                }}
                options={campaigns.map((c) => ({ value: c.id, label: c.title }))}
              />
            </Form.Item>
            <Form.Item name="budget" label={t('sandbox.budget')}>
              <Input style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="allocationMode" label={t('sandbox.mode')}>
              <Select
                allowClear
                placeholder={t('sandbox.keep')}
                style={{ width: 240 }}
                options={ALLOCATION_MODES.map((m) => ({ value: m, label: ALLOCATION_MODE_ZH[m] }))}
              />
            </Form.Item>
            <Form.Item name="firstYearRatio" label={t('sandbox.firstYearRatio')}>
              <Input style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="annualDecrement" label={t('sandbox.annualDecrement')}>
              <Input style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="enterpriseCap" label={t('sandbox.enterpriseCap')}>
              <Input style={{ width: 160 }} />
            </Form.Item>
            <Form.Item>
              <Space>
                <Button type="primary" loading={busy} onClick={run} disabled={!campaignId}>
                  {t('sandbox.run')}
                </Button>
                {campaignId && <SaveScenarioButton campaignId={campaignId} scenario={result ? ran : null} />}
              </Space>
            </Form.Item>
          </Space>
        </Form>
      </Card>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {campaignId && (
        <div style={{ marginBottom: 16 }}>
          <ScenariosPanel campaignId={campaignId} />
        </div>
      )}
      {r && (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="sandbox-result">
          <Card size="small">
            <Typography.Paragraph>
              {t('sandbox.changed')}：{r.changed.length ? r.changed.join('；') : t('sandbox.unchanged')}
            </Typography.Paragraph>
            <Row gutter={16}>
              <Col span={6}>
                <Statistic title={t('sandbox.applications')} value={r.applications} />
              </Col>
              <Col span={6}>
                <Statistic
                  title={`${t('sandbox.funded')}（${t('sandbox.live')} → ${t('sandbox.scenario')}）`}
                  value={`${r.live.funded} → ${r.scenario.funded}`}
                />
              </Col>
              <Col span={6}>
                <Statistic
                  title={t('sandbox.awarded')}
                  value={`${yuan(r.live.awarded)} → ${yuan(r.scenario.awarded)}`}
                />
              </Col>
              <Col span={6}>
                <Statistic
                  title={t('sandbox.remaining')}
                  value={`${yuan(r.live.remaining)} → ${yuan(r.scenario.remaining)}`}
                />
              </Col>
            </Row>
          </Card>
          <Row gutter={16}>
            <Col span={12}>
              <GroupTable title={t('sandbox.byDistrict')} rows={r.byDistrict} />
            </Col>
            <Col span={12}>
              <GroupTable title={t('sandbox.byMonth')} rows={r.byMonth} />
            </Col>
          </Row>
          <Card size="small" title={t('sandbox.changes', { losers: r.losers, gainers: r.gainers })}>
            <Table
              rowKey="applicationId"
              size="small"
              data-testid="sandbox-changes"
              dataSource={[...r.changes]}
              columns={[
                { title: t('sandbox.enterprise'), dataIndex: 'enterpriseName' },
                { title: t('sandbox.district'), dataIndex: 'district' },
                { title: t('sandbox.month'), dataIndex: 'declarationMonth' },
                ...differences,
              ]}
            />
          </Card>
        </Space>
      )}
    </>
  );
}
