/**
 * 资金计划: issue the 补贴资金安排计划 with a document number (after the notice period, all objections closed),
 * download it as Excel, or print it with amounts in figures and in Chinese capitals.
 */
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import type { TFundingPlan } from '../../../../src/contracts/subsidy';
import { mayDo } from '../../../../src/domain/access/business';
import { chinaDateOf } from '../../../../src/domain/calendar/china-time';
import { api, downloadFile } from '../../api/client';
import { useMe } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { useAction } from '../../components/useAction';
import { useI18n } from '../../i18n';
import { documentDate, ISSUING_AUTHORITY } from '../../shared/documents';
import { yuan } from '../../shared/money';
import { subsidyKeys, usePlan } from './api';
import { CampaignSelect, CampaignTitle, useCampaignChoice } from './common';

/**
 * The plan as the bureau publishes it: every row, amounts in figures and in capitals, the authority and date at the
 * foot. Printed (or saved as PDF) without the site around it; the table's header repeats on every sheet.
 */
export function PrintablePlan({ plan }: { plan: TFundingPlan }) {
  return (
    <div className="funding-plan-print print-document" data-testid="funding-plan">
      <Typography.Title level={3} style={{ textAlign: 'center' }}>
        {plan.title}
      </Typography.Title>
      <Typography.Paragraph style={{ textAlign: 'center' }}>
        {plan.documentNumber} · 下达日期 {chinaDateOf(new Date(plan.issuedAt))} · 单位：元
      </Typography.Paragraph>
      <table className="plan-table document-table">
        <thead>
          <tr>
            {['序号', '企业名称', '统一社会信用代码', '县（市、区）', '项目编号', '补贴金额（元）', '大写金额'].map(
              (h) => (
                <th key={h} style={{ border: '1px solid #999', padding: 4 }}>
                  {h}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {plan.items.map((i) => (
            <tr key={i.seq}>
              <td style={{ border: '1px solid #999', padding: 4, textAlign: 'center' }}>{i.seq}</td>
              <td style={{ border: '1px solid #999', padding: 4 }}>
                {i.enterpriseName}
                {i.supplementary && (
                  <span style={{ marginLeft: 6, color: '#d46b08' }} data-testid="plan-supplementary">
                    （递补）
                  </span>
                )}
              </td>
              <td style={{ border: '1px solid #999', padding: 4 }} className="mono">
                {i.uscc}
              </td>
              <td style={{ border: '1px solid #999', padding: 4 }}>{i.districtName}</td>
              <td style={{ border: '1px solid #999', padding: 4 }}>{i.projectNo}</td>
              <td style={{ border: '1px solid #999', padding: 4, textAlign: 'right' }}>
                {yuan(i.amount).replace('¥', '')}
              </td>
              <td style={{ border: '1px solid #999', padding: 4 }}>{i.amountCapitals}</td>
            </tr>
          ))}
          <tr>
            <td style={{ border: '1px solid #999', padding: 4 }} colSpan={5}>
              合计（{plan.itemCount}项）
            </td>
            <td style={{ border: '1px solid #999', padding: 4, textAlign: 'right' }}>
              <b>{yuan(plan.total).replace('¥', '')}</b>
            </td>
            <td style={{ border: '1px solid #999', padding: 4 }} data-testid="plan-total-capitals">
              <b>{plan.totalCapitals}</b>
            </td>
          </tr>
        </tbody>
      </table>
      {plan.supplementaryCount > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }} data-testid="plan-supplementary-note">
          其中递补安排{plan.supplementaryCount}项，合计{yuan(plan.supplementaryTotal).replace('¥', '')}
          元：公示期间释放的预算按申报指南 六（四）的顺序递补，已经递补公示。
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        依据：{plan.basis}。下达人：{plan.issuedByName}
      </Typography.Paragraph>
      <div className="document-signature" data-testid="plan-signature">
        <div>{ISSUING_AUTHORITY}</div>
        <div>{documentDate(plan.issuedAt)}</div>
      </div>
    </div>
  );
}

export default function FundPlanPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const { campaigns, campaignId, setCampaignId, campaign } = useCampaignChoice();
  const { data: plan } = usePlan(campaignId, campaign?.status === 'plan_issued');
  const [docNo, setDocNo] = useState('');
  const { busy, error, run } = useAction();

  const issue = async () => {
    if (!campaignId) return;
    await run(async () => {
      await api.post(`/api/v1/subsidy/campaigns/${campaignId}/funding-plan`, { documentNumber: docNo.trim() });
      message.success(t('subsidy.planIssued'));
      await qc.invalidateQueries({ queryKey: subsidyKeys.all });
    });
  };

  return (
    <>
      <PageHeader
        title={t('subsidy.fundingPlan')}
        description={t('subsidy.issuedAfterTheNotice')}
        extra={<CampaignSelect campaigns={campaigns} value={campaignId} onChange={setCampaignId} />}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="plan-error" />}
      {campaign && !plan && mayDo(me, 'subsidy.funding_plan.issue') && (
        <Card style={{ marginBottom: 16 }} title={<CampaignTitle campaign={campaign} />}>
          <Form layout="inline">
            <Form.Item label={t('subsidy.documentNumber')}>
              <Input
                value={docNo}
                onChange={(e) => setDocNo(e.target.value)}
                placeholder="江工信〔2025〕12号"
                aria-label={t('subsidy.documentNumber')}
                style={{ width: 240 }}
                data-testid="plan-docno"
              />
            </Form.Item>
            <Button type="primary" loading={busy} onClick={issue} disabled={!docNo.trim()} data-testid="issue-plan">
              {t('subsidy.issue')}
            </Button>
          </Form>
        </Card>
      )}
      {plan && (
        <Card
          extra={
            <Space className="no-print">
              <Button
                icon={<DownloadOutlined />}
                onClick={() => downloadFile(`/api/v1/subsidy/funding-plans/${plan.id}/xlsx`, {}, 'funding-plan.xlsx')}
                data-testid="plan-xlsx"
              >
                {t('subsidy.excel')}
              </Button>
              <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="plan-print">
                {t('subsidy.print')}
              </Button>
            </Space>
          }
        >
          <PrintablePlan plan={plan} />
        </Card>
      )}
    </>
  );
}
