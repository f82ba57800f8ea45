/**
 * One application as a drawer: loans with the bank's figures and any difference (highlighted for reviewers),
 * other subsidies, vouchers, reviews, the engine's decision with its explanation, and — for reviewers at the
 * right stage — pass / return with reasons.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Drawer, Input, Popconfirm, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { OTHER_SUBSIDY_KIND_ZH, type OtherSubsidyKind } from '../../../../src/contracts/subsidy';
import { type ApplicationAction, applicationTransition } from '../../../../src/domain/workflow/application';
import { api, downloadFile, errorMessage } from '../../api/client';
import { useMe } from '../../auth/session';
import { SmallTable } from '../../components/SmallTable';
import { useI18n } from '../../i18n';
import { districtName } from '../../shared/districts';
import { yuan } from '../../shared/money';
import { formatInstant, formatInstantDate } from '../../shared/time';
import { subsidyKeys, useApplication } from './api';
import { AwardTag, Explanation, StatusTag } from './common';

export function ApplicationDetail({
  id,
  onClose,
  onCorrect,
}: {
  id: string | null;
  onClose(): void;
  onCorrect?(): void;
}) {
  const { t, lang } = useI18n();
  const { data: me } = useMe();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data: a, error, isLoading } = useApplication(id);
  const [reasons, setReasons] = useState('');
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);

  // The same decision as the API's: the application workflow's transition table (role and status).
  const may = (action: ApplicationAction) => !!me && !!a && applicationTransition(a.status, action, me.role).ok;
  const stage = may('district_pass') ? 'district' : may('city_verify') ? 'city' : null;

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
      message.success(decision === 'pass' ? t('subsidy.passed') : t('subsidy.returned'));
      setReasons('');
      await qc.invalidateQueries({ queryKey: subsidyKeys.all });
    } catch (e) {
      setActionError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open={!!id} onClose={onClose} size={900} title={t('subsidy.application')} destroyOnHidden>
      {error && <Alert type="error" showIcon title={errorMessage(error)} />}
      {isLoading && <Typography.Text>{t('subsidy.loading')}</Typography.Text>}
      {a && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions bordered size="small" column={2}>
            <Descriptions.Item label={t('subsidy.enterprise')}>{a.enterpriseName}</Descriptions.Item>
            <Descriptions.Item label={t('subsidy.status')}>
              <StatusTag status={a.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('subsidy.project2')}>
              {a.projectNo} {a.projectName}
            </Descriptions.Item>
            <Descriptions.Item label={t('subsidy.district2')}>{districtName(a.districtCode, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('subsidy.declarationMonth')}>{a.declarationMonth}</Descriptions.Item>
            <Descriptions.Item label={t('subsidy.interestPeriod')}>
              {a.interestFrom} ～ {a.interestTo}
            </Descriptions.Item>
            <Descriptions.Item label={t('subsidy.atDeclaration')}>{yuan(a.investmentAtDeclaration)}</Descriptions.Item>
            <Descriptions.Item label={t('subsidy.newInvestment')}>{yuan(a.newInvestment)}</Descriptions.Item>
            <Descriptions.Item label={t('subsidy.totalInvestmentIn')} span={2}>
              <b>{yuan(a.totalInvestment)}</b>
            </Descriptions.Item>
            <Descriptions.Item label={t('subsidy.progress')} span={2}>
              {a.progressReport}
            </Descriptions.Item>
          </Descriptions>
          <SmallTable
            rowKey="loanId"
            dataSource={a.loans}
            title={() => t('subsidy.loansClaimedInterestAgainst')}
            columns={[
              { title: t('subsidy.contract'), dataIndex: 'contractNo' },
              { title: t('subsidy.bank'), dataIndex: 'bankName' },
              { title: t('subsidy.loanLv'), dataIndex: 'loanAmount', render: (v: string) => yuan(v) },
              { title: t('subsidy.disbursed'), dataIndex: 'disbursedAt', render: (v: string) => formatInstantDate(v) },
              { title: t('subsidy.claimed'), dataIndex: 'claimedInterest', render: (v: string) => yuan(v) },
              { title: t('subsidy.bankRecord'), dataIndex: 'bankInterest', render: (v: string) => yuan(v) },
              {
                title: t('subsidy.difference'),
                dataIndex: 'interestDifference',
                render: (v: string) =>
                  v === '0.00' ? (
                    <Tag color="green">{t('subsidy.matches')}</Tag>
                  ) : (
                    <Tag color="red" data-testid="interest-difference">
                      {t('subsidy.diff')} {yuan(v.replace('-', ''))}
                      {v.startsWith('-') ? t('subsidy.under') : t('subsidy.over')}
                    </Tag>
                  ),
              },
            ]}
          />
          {a.otherSubsidies.length > 0 && (
            <SmallTable
              rowKey="id"
              dataSource={a.otherSubsidies}
              title={() => t('subsidy.otherInterestSubsidies')}
              columns={[
                {
                  title: t('subsidy.kind2'),
                  dataIndex: 'kind',
                  render: (k: string) => OTHER_SUBSIDY_KIND_ZH[k as OtherSubsidyKind] ?? k,
                },
                { title: t('subsidy.name'), dataIndex: 'name' },
                { title: t('subsidy.document'), dataIndex: 'documentRef' },
                { title: t('subsidy.amount'), dataIndex: 'amount', render: (v: string) => yuan(v) },
              ]}
            />
          )}
          <div>
            <Typography.Title level={5}>{t('subsidy.vouchers')}</Typography.Title>
            <Space wrap>
              {a.attachments.map((f) => (
                <Button
                  key={f.id}
                  size="small"
                  onClick={() => downloadFile(`/api/v1/attachments/${f.id}/download`, {}, f.fileName)}
                >
                  {f.kind === 'repayment_voucher' ? t('subsidy.repayment') : t('subsidy.expenditure')}：{f.fileName}
                </Button>
              ))}
            </Space>
          </div>
          {a.decision && (
            <div>
              <Typography.Title level={5}>
                {t('subsidy.computedSubsidy')}：<span data-testid="decision-amount">{yuan(a.decision.amount)}</span>
                <Tag style={{ marginLeft: 8 }}>
                  {t('subsidy.highest')}：{a.decision.winnerName}
                </Tag>
              </Typography.Title>
              <Explanation lines={a.decision.explanation} />
            </div>
          )}
          {a.decisionError && <Alert type="warning" showIcon title={a.decisionError} />}
          {a.award && (
            <div>
              <Typography.Title level={5}>
                {t('subsidy.award')}：{yuan(a.award.awarded)} <AwardTag status={a.award.status} />
              </Typography.Title>
              <Explanation lines={a.award.explanation} />
            </div>
          )}
          {a.supplementaryAwards.map((s) => (
            <div key={s.id} data-testid="supplementary-award">
              <Typography.Title level={5}>
                {t('subsidy.supplementaryAward')}：{yuan(s.awarded)} <AwardTag status={s.status} />
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
                    {formatInstant(r.at)} {r.byName}（
                    {r.stage === 'district'
                      ? t('subsidy.district3')
                      : r.stage === 'city'
                        ? t('subsidy.city')
                        : t('subsidy.enterprise2')}
                    ）
                    {r.decision === 'pass'
                      ? t('subsidy.passed2')
                      : r.decision === 'return'
                        ? t('subsidy.returned2')
                        : t('subsidy.resubmitted')}
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
                placeholder={t('subsidy.reasonsForAReturn')}
                data-testid="review-reasons"
              />
              <Space style={{ marginTop: 8 }}>
                <Popconfirm
                  title={stage === 'district' ? t('subsidy.confirm.districtPass') : t('subsidy.confirm.cityVerify')}
                  onConfirm={() => review('pass')}
                  okButtonProps={{ 'data-testid': 'confirm-pass' } as never}
                >
                  <Button type="primary" loading={busy} data-testid="review-pass">
                    {stage === 'district' ? t('subsidy.passToTheCity') : t('subsidy.verify')}
                  </Button>
                </Popconfirm>
                <Button danger loading={busy} onClick={() => review('return')} data-testid="review-return">
                  {t('subsidy.return')}
                </Button>
              </Space>
            </div>
          )}
          {may('resubmit') && onCorrect && (
            <Button type="primary" onClick={onCorrect}>
              {t('subsidy.correctAndResubmit')}
            </Button>
          )}
        </Space>
      )}
    </Drawer>
  );
}
