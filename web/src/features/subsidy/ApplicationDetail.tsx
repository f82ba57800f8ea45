/**
 * One application as a drawer: loans with the bank's figures and any difference (highlighted for reviewers),
 * other subsidies, vouchers, reviews, the engine's decision with its explanation, and — for reviewers at the
 * right stage — pass / return with reasons.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Drawer, Input, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { OTHER_SUBSIDY_KIND_ZH, type OtherSubsidyKind } from '../../../../src/contracts/subsidy';
import { api, downloadFile, errorMessage } from '../../api/client';
import { useMe } from '../../auth/session';
import { useI18n } from '../../i18n';
import { districtName } from '../../shared/districts';
import { yuan } from '../../shared/money';
import { subsidyKeys, useApplication } from './api';
import { AwardTag, Explanation, StatusTag, useL } from './common';

export function ApplicationDetail({
  id,
  onClose,
  onCorrect,
}: {
  id: string | null;
  onClose(): void;
  onCorrect?(): void;
}) {
  const { lang } = useI18n();
  const L = useL();
  const { data: me } = useMe();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data: a, error, isLoading } = useApplication(id);
  const [reasons, setReasons] = useState('');
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);

  const stage =
    me?.role === 'district_reviewer' && a?.status === 'submitted'
      ? 'district'
      : (me?.role === 'city_reviewer' || me?.role === 'city_admin') && a?.status === 'district_passed'
        ? 'city'
        : null;

  const review = async (decision: 'pass' | 'return') => {
    if (!a || !stage) return;
    setBusy(true);
    setActionError(null);
    try {
      await api.post(`/api/v1/subsidy/applications/${a.id}/${stage}-review`, {
        decision,
        reasons: reasons
          .split(/\n+/)
          .map((s) => s.trim())
          .filter(Boolean),
        version: a.version,
      });
      message.success(decision === 'pass' ? L('已通过', 'Passed') : L('已退回', 'Returned'));
      setReasons('');
      await qc.invalidateQueries({ queryKey: subsidyKeys.all });
    } catch (e) {
      setActionError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open={!!id} onClose={onClose} size={900} title={L('贴息申请详情', 'Application')} destroyOnHidden>
      {error && <Alert type="error" showIcon title={errorMessage(error)} />}
      {isLoading && <Typography.Text>{L('加载中…', 'Loading…')}</Typography.Text>}
      {a && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions bordered size="small" column={2}>
            <Descriptions.Item label={L('企业', 'Enterprise')}>{a.enterpriseName}</Descriptions.Item>
            <Descriptions.Item label={L('状态', 'Status')}>
              <StatusTag status={a.status} />
            </Descriptions.Item>
            <Descriptions.Item label={L('入库项目', 'Project')}>
              {a.projectNo} {a.projectName}
            </Descriptions.Item>
            <Descriptions.Item label={L('县（市、区）', 'District')}>
              {districtName(a.districtCode, lang)}
            </Descriptions.Item>
            <Descriptions.Item label={L('入库申报月份', 'Declaration month')}>{a.declarationMonth}</Descriptions.Item>
            <Descriptions.Item label={L('贴息期间', 'Interest period')}>
              {a.interestFrom} ～ {a.interestTo}
            </Descriptions.Item>
            <Descriptions.Item label={L('入库时已有投入', 'At declaration')}>
              {yuan(a.investmentAtDeclaration)}
            </Descriptions.Item>
            <Descriptions.Item label={L('新增投入', 'New investment')}>{yuan(a.newInvestment)}</Descriptions.Item>
            <Descriptions.Item label={L('实际投入 IN（六（二））', 'Total investment IN')} span={2}>
              <b>{yuan(a.totalInvestment)}</b>
            </Descriptions.Item>
            <Descriptions.Item label={L('项目进展', 'Progress')} span={2}>
              {a.progressReport}
            </Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            rowKey="loanId"
            pagination={false}
            dataSource={a.loans}
            title={() =>
              L('申请贴息的贷款（申报利息与银行记录核对）', 'Loans: claimed interest against the bank record')
            }
            columns={[
              { title: L('合同号', 'Contract'), dataIndex: 'contractNo' },
              { title: L('银行', 'Bank'), dataIndex: 'bankName' },
              { title: L('贷款金额 LV', 'Loan LV'), dataIndex: 'loanAmount', render: (v: string) => yuan(v) },
              { title: L('放款时间', 'Disbursed'), dataIndex: 'disbursedAt', render: (v: string) => v.slice(0, 10) },
              { title: L('申报利息', 'Claimed'), dataIndex: 'claimedInterest', render: (v: string) => yuan(v) },
              { title: L('银行记录利息', 'Bank record'), dataIndex: 'bankInterest', render: (v: string) => yuan(v) },
              {
                title: L('差额', 'Difference'),
                dataIndex: 'interestDifference',
                render: (v: string) =>
                  v === '0.00' ? (
                    <Tag color="green">{L('一致', 'Matches')}</Tag>
                  ) : (
                    <Tag color="red" data-testid="interest-difference">
                      {L('差额', 'Diff')} {yuan(v.replace('-', ''))}
                      {v.startsWith('-') ? L('（少报）', ' (under)') : L('（多报）', ' (over)')}
                    </Tag>
                  ),
              },
            ]}
          />
          {a.otherSubsidies.length > 0 && (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={a.otherSubsidies}
              title={() => L('同笔贷款的其他融资贴息', 'Other interest subsidies')}
              columns={[
                {
                  title: L('类别', 'Kind'),
                  dataIndex: 'kind',
                  render: (k: string) => OTHER_SUBSIDY_KIND_ZH[k as OtherSubsidyKind] ?? k,
                },
                { title: L('名称', 'Name'), dataIndex: 'name' },
                { title: L('依据', 'Document'), dataIndex: 'documentRef' },
                { title: L('金额', 'Amount'), dataIndex: 'amount', render: (v: string) => yuan(v) },
              ]}
            />
          )}
          <div>
            <Typography.Title level={5}>{L('凭证材料', 'Vouchers')}</Typography.Title>
            <Space wrap>
              {a.attachments.map((f) => (
                <Button
                  key={f.id}
                  size="small"
                  onClick={() => downloadFile(`/api/v1/attachments/${f.id}/download`, {}, f.fileName)}
                >
                  {f.kind === 'repayment_voucher' ? L('还本付息凭证', 'Repayment') : L('支出凭证', 'Expenditure')}：
                  {f.fileName}
                </Button>
              ))}
            </Space>
          </div>
          {a.decision && (
            <div>
              <Typography.Title level={5}>
                {L('测算结果', 'Computed subsidy')}：
                <span data-testid="decision-amount">{yuan(a.decision.amount)}</span>
                <Tag style={{ marginLeft: 8 }}>
                  {L('就高不重复取', 'Highest')}：{a.decision.winnerName}
                </Tag>
              </Typography.Title>
              <Explanation lines={a.decision.explanation} />
            </div>
          )}
          {a.decisionError && <Alert type="warning" showIcon title={a.decisionError} />}
          {a.award && (
            <div>
              <Typography.Title level={5}>
                {L('分配结果', 'Award')}：{yuan(a.award.awarded)} <AwardTag status={a.award.status} />
              </Typography.Title>
              <Explanation lines={a.award.explanation} />
            </div>
          )}
          {a.supplementaryAwards.map((s) => (
            <div key={s.id} data-testid="supplementary-award">
              <Typography.Title level={5}>
                {L('递补分配', 'Supplementary award')}：{yuan(s.awarded)} <AwardTag status={s.status} />
              </Typography.Title>
              <Explanation lines={s.explanation} />
            </div>
          ))}
          {a.reviews.length > 0 && (
            <Timeline
              items={a.reviews.map((r) => ({
                color: r.decision === 'return' ? 'red' : 'green',
                content: (
                  <span>
                    {r.at.slice(0, 16).replace('T', ' ')} {r.byName}（
                    {r.stage === 'district'
                      ? L('县区', 'district')
                      : r.stage === 'city'
                        ? L('市级', 'city')
                        : L('企业', 'enterprise')}
                    ）
                    {r.decision === 'pass'
                      ? L('通过', 'passed')
                      : r.decision === 'return'
                        ? L('退回', 'returned')
                        : L('重新提交', 'resubmitted')}
                    {r.reasons.length ? `：${r.reasons.join('；')}` : ''}
                  </span>
                ),
              }))}
            />
          )}
          {stage && (
            <div>
              {actionError && <Alert type="error" showIcon title={actionError} style={{ marginBottom: 8 }} />}
              <Input.TextArea
                rows={2}
                value={reasons}
                onChange={(e) => setReasons(e.target.value)}
                placeholder={L('退回原因（每行一条；退回时必填）', 'Reasons for a return, one per line')}
                data-testid="review-reasons"
              />
              <Space style={{ marginTop: 8 }}>
                <Button type="primary" loading={busy} onClick={() => review('pass')} data-testid="review-pass">
                  {stage === 'district' ? L('核查通过，报市级核实', 'Pass to the city') : L('核实通过', 'Verify')}
                </Button>
                <Button danger loading={busy} onClick={() => review('return')} data-testid="review-return">
                  {L('退回修改', 'Return')}
                </Button>
              </Space>
            </div>
          )}
          {me?.role === 'enterprise' &&
            (a.status === 'district_returned' || a.status === 'city_returned') &&
            onCorrect && (
              <Button type="primary" onClick={onCorrect}>
                {L('修改并重新提交', 'Correct and resubmit')}
              </Button>
            )}
        </Space>
      )}
    </Drawer>
  );
}
