/**
 * Risk-compensation claims: the bank or guarantor files, attaches its evidence (collection steps, collateral realised)
 * and reports recoveries; the district checks; the city verifies (a second city account above the threshold),
 * records the payment and closes; a returned claim is corrected and resubmitted, its history kept.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { TRiskClaim } from '../../../../src/contracts/guarantee';
import { mayDo } from '../../../../src/domain/access/business';
import { RISK_CLAIM_ACTION_ZH, RISK_CLAIM_STATUS_ZH } from '../../../../src/domain/guarantee/risk-workflow';
import { actorOf, mayI } from '../../auth/access';
import { useMe } from '../../auth/session';
import { MoneyInput } from '../../components/forms';
import { useI18n } from '../../i18n';
import { reportRecovery, resubmitRiskClaim, stepRiskClaim, submitRiskClaim, useRiskClaims } from './api';
import { ClaimFiles, ClaimHistory, Explanation, FormDialog, LoanSelectItem, listOf, useAsk, useRun } from './shared';

type Dialog =
  | { kind: 'claim' }
  | { kind: 'resubmit'; claim: TRiskClaim }
  | { kind: 'recovery'; claim: TRiskClaim }
  | null;

/** The kinds of evidence a risk claim carries (the API's owner registration names the same). */
const RISK_FILE_KINDS = { collection_evidence: '催收证据', collateral_evidence: '抵质押物处置证明' } as const;
const OPEN_FOR_FILES = new Set(['submitted', 'district_returned', 'city_returned']);
const RETURNED = new Set(['district_returned', 'city_returned']);

export function RiskTab() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const claims = useRiskClaims(true);
  const run = useRun();
  const ask = useAsk();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();

  const step = (c: TRiskClaim, action: string, extra: Record<string, string> = {}) =>
    run(() => stepRiskClaim(c.id, { action, ...extra }));
  const withReason = (c: TRiskClaim, action: string, title: 'guarantee.return' | 'guarantee.close') =>
    ask.open({
      title,
      label: title === 'guarantee.close' ? 'guarantee.closeReason' : 'guarantee.returnReason',
      onOk: (reason) => step(c, action, { reason }),
    });

  const actions = (c: TRiskClaim) => (
    <Space wrap>
      {c.status === 'submitted' && mayI(me, 'guarantee.risk.district_check') && (
        <>
          <Button size="small" type="primary" onClick={() => step(c, 'district_pass')}>
            {t('guarantee.pass')}
          </Button>
          <Button size="small" onClick={() => withReason(c, 'district_return', 'guarantee.return')}>
            {t('guarantee.return')}
          </Button>
        </>
      )}
      {c.status === 'district_passed' && mayI(me, 'guarantee.risk.city_approve') && (
        <>
          <Button size="small" type="primary" onClick={() => step(c, 'city_approve')}>
            {t('guarantee.approve')}
          </Button>
          <Button size="small" onClick={() => withReason(c, 'city_return', 'guarantee.return')}>
            {t('guarantee.return')}
          </Button>
        </>
      )}
      {c.status === 'awaiting_second' && mayI(me, 'guarantee.risk.city_approve') && (
        <Button size="small" type="primary" onClick={() => step(c, 'second_approve')}>
          {t('guarantee.secondApprove')}
        </Button>
      )}
      {c.status === 'approved' && mayI(me, 'guarantee.risk.pay') && (
        <Button
          size="small"
          type="primary"
          onClick={() =>
            ask.open({
              title: 'guarantee.pay',
              label: 'guarantee.paymentRef',
              onOk: (ref) => step(c, 'pay', ref ? { paymentRef: ref } : {}),
            })
          }
        >
          {t('guarantee.pay')}
        </Button>
      )}
      {c.status === 'paid' && mayI(me, 'guarantee.risk.recovery.report') && (
        <Button size="small" onClick={() => setDialog({ kind: 'recovery', claim: c })}>
          {t('guarantee.recovery')}
        </Button>
      )}
      {RETURNED.has(c.status) &&
        !!me &&
        mayDo(actorOf(me), 'guarantee.risk.resubmit', { enterpriseId: null, institutionId: c.institutionId }) && (
          <Button size="small" type="primary" onClick={() => setDialog({ kind: 'resubmit', claim: c })}>
            {t('guarantee.resubmit')}
          </Button>
        )}
      {c.status === 'paid' && mayI(me, 'guarantee.risk.close') && (
        <Button size="small" onClick={() => withReason(c, 'close', 'guarantee.close')}>
          {t('guarantee.close')}
        </Button>
      )}
    </Space>
  );

  return (
    <>
      {mayI(me, 'guarantee.risk.claim') && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setDialog({ kind: 'claim' })}
          style={{ marginBottom: 12 }}
        >
          {t('guarantee.risk.new')}
        </Button>
      )}
      <Table<TRiskClaim>
        rowKey="id"
        size="small"
        loading={claims.isLoading}
        dataSource={claims.data?.items ?? []}
        locale={{ emptyText: t('guarantee.none') }}
        expandable={{
          expandedRowRender: (c) => (
            <>
              <Explanation lines={c.explanation} />
              <Explanation lines={c.recoveries.map((r) => `${r.receivedOn}：${r.explanation}`)} />
              <ClaimHistory
                steps={c.steps.map((x) => ({ ...x, reasons: x.reason ? [x.reason] : [] }))}
                names={RISK_CLAIM_ACTION_ZH}
              />
              <ClaimFiles
                ownerType="risk_claim"
                ownerId={c.id}
                kinds={RISK_FILE_KINDS}
                canUpload={
                  !!me &&
                  OPEN_FOR_FILES.has(c.status) &&
                  mayDo(actorOf(me), 'guarantee.risk.attachment.add', {
                    enterpriseId: null,
                    institutionId: c.institutionId,
                  })
                }
              />
            </>
          ),
        }}
        columns={[
          { title: t('guarantee.loan'), dataIndex: 'contractNo' },
          { title: t('guarantee.enterprise'), dataIndex: 'enterpriseName' },
          { title: t('guarantee.institution'), dataIndex: 'institutionName' },
          { title: t('guarantee.principal'), dataIndex: 'loss', render: (v: string) => `${v} 元` },
          {
            title: t('guarantee.compensation'),
            dataIndex: 'compensation',
            render: (v: string | null) => (v ? `${v} 元` : '—'),
          },
          { title: t('guarantee.returned'), dataIndex: 'returned', render: (v: string) => `${v} 元` },
          {
            title: t('guarantee.status'),
            render: (_, c) => (
              <Space size={4}>
                <Tag>{RISK_CLAIM_STATUS_ZH[c.status]}</Tag>
                {c.recoveries.some((r) => r.overdue) && <Tag color="red">{t('guarantee.overdue')}</Tag>}
              </Space>
            ),
          },
          { title: t('common.actions'), render: (_, c) => actions(c) },
        ]}
      />
      {ask.modal}
      <FormDialog
        open={!!dialog}
        title={t(
          dialog?.kind === 'recovery'
            ? 'guarantee.recovery'
            : dialog?.kind === 'resubmit'
              ? 'guarantee.resubmit'
              : 'guarantee.risk.new',
        )}
        form={form}
        onClose={() => setDialog(null)}
        submit={(v) =>
          dialog?.kind === 'recovery'
            ? reportRecovery(dialog.claim.id, v)
            : dialog?.kind === 'resubmit'
              ? resubmitRiskClaim(dialog.claim.id, { ...v, evidence: listOf(v.evidence) })
              : submitRiskClaim({ ...v, evidence: listOf(v.evidence) })
        }
        initialValues={
          dialog?.kind === 'resubmit'
            ? {
                defaultDate: dialog.claim.defaultDate,
                outstandingPrincipal: dialog.claim.outstandingPrincipal,
                outstandingInterest: dialog.claim.outstandingInterest,
                collateralRealised: dialog.claim.collateralRealised,
                collectionSteps: dialog.claim.collectionSteps,
                evidence: dialog.claim.evidence.join(','),
              }
            : undefined
        }
      >
        {dialog?.kind === 'claim' || dialog?.kind === 'resubmit' ? (
          <>
            {dialog.kind === 'resubmit' && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                title={`${t('guarantee.returnedBecause')}${dialog.claim.steps.findLast((x) => x.reason)?.reason ?? ''}`}
              />
            )}
            {dialog.kind === 'claim' && <LoanSelectItem />}
            <Form.Item name="defaultDate" label={t('guarantee.defaultDate')} required>
              <Input placeholder="YYYY-MM-DD" />
            </Form.Item>
            <Form.Item name="outstandingPrincipal" label={t('guarantee.principal')} required>
              <MoneyInput />
            </Form.Item>
            <Form.Item name="outstandingInterest" label={t('guarantee.interest')}>
              <MoneyInput />
            </Form.Item>
            <Form.Item name="collateralRealised" label={t('guarantee.collateral')}>
              <MoneyInput />
            </Form.Item>
            <Form.Item name="collectionSteps" label={t('guarantee.collectionSteps')} required>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item name="evidence" label={t('guarantee.evidence')} required>
              <Input />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="receivedOn" label={t('guarantee.receivedOn')} required>
              <Input placeholder="YYYY-MM-DD" />
            </Form.Item>
            <Form.Item name="amount" label={t('guarantee.amount')} required>
              <MoneyInput />
            </Form.Item>
          </>
        )}
      </FormDialog>
    </>
  );
}
