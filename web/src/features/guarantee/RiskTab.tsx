/**
 * Risk-compensation claims: the bank or guarantor files, attaches its evidence (collection steps, collateral realised)
 * and reports recoveries; the district checks; the city verifies (a second city account above the threshold),
 * records the payment and closes; a returned claim is corrected and resubmitted, its history kept.
 */
import { Button, Space, Tag } from 'antd';
import type { TRiskClaim } from '../../../../src/contracts/guarantee';
import { mayDo } from '../../../../src/domain/access/business';
import { RISK_CLAIM_ACTION_ZH, RISK_CLAIM_STATUS_ZH } from '../../../../src/domain/guarantee/risk-workflow';
import { actorOf, mayI } from '../../auth/access';
import { useI18n } from '../../i18n';
import { reportRecovery, resubmitRiskClaim, stepRiskClaim, submitRiskClaim, useRiskClaims } from './api';
import { type ClaimField, ClaimForm, ClaimsTable, PassOrReturn, RETURNED, useClaimTab } from './claims';
import { listOf } from './shared';

type Dialog = { kind: 'claim' } | { kind: 'resubmit'; claim: TRiskClaim } | { kind: 'recovery'; claim: TRiskClaim };

/** The kinds of evidence a risk claim carries (the API's owner registration names the same). */
const RISK_FILE_KINDS = { collection_evidence: '催收证据', collateral_evidence: '抵质押物处置证明' } as const;
const CLAIM_FIELDS: readonly ClaimField[] = [
  { name: 'defaultDate', label: 'guarantee.defaultDate', kind: 'date', required: true },
  { name: 'outstandingPrincipal', label: 'guarantee.principal', kind: 'money', required: true },
  { name: 'outstandingInterest', label: 'guarantee.interest', kind: 'money' },
  { name: 'collateralRealised', label: 'guarantee.collateral', kind: 'money' },
  { name: 'collectionSteps', label: 'guarantee.collectionSteps', kind: 'lines', required: true },
  { name: 'evidence', label: 'guarantee.evidence', kind: 'text', required: true },
];
const RECOVERY_FIELDS: readonly ClaimField[] = [
  { name: 'receivedOn', label: 'guarantee.receivedOn', kind: 'date', required: true },
  { name: 'amount', label: 'guarantee.amount', kind: 'money', required: true },
];

export function RiskTab() {
  const { t } = useI18n();
  const claims = useRiskClaims(true);
  const { me, run, ask, dialog, setDialog, form } = useClaimTab<Dialog>();

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
        <PassOrReturn
          okLabel={t('guarantee.pass')}
          onPass={() => step(c, 'district_pass')}
          onReturn={() => withReason(c, 'district_return', 'guarantee.return')}
        />
      )}
      {c.status === 'district_passed' && mayI(me, 'guarantee.risk.city_approve') && (
        <PassOrReturn
          okLabel={t('guarantee.approve')}
          onPass={() => step(c, 'city_approve')}
          onReturn={() => withReason(c, 'city_return', 'guarantee.return')}
        />
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
      <ClaimsTable<TRiskClaim>
        newLabel={mayI(me, 'guarantee.risk.claim') && t('guarantee.risk.new')}
        onNew={() => setDialog({ kind: 'claim' })}
        claims={claims}
        moreLines={(c) => c.recoveries.map((r) => `${r.receivedOn}：${r.explanation}`)}
        history={(c) => c.steps.map((x) => ({ ...x, reasons: x.reason ? [x.reason] : [] }))}
        historyNames={RISK_CLAIM_ACTION_ZH}
        files={{
          ownerType: 'risk_claim',
          kinds: RISK_FILE_KINDS,
          action: 'guarantee.risk.attachment.add',
          target: (c) => ({ enterpriseId: null, institutionId: c.institutionId }),
        }}
        columns={[
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
        ]}
        actions={actions}
      />
      {ask.modal}
      <ClaimForm
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
        returnedBecause={
          dialog?.kind === 'resubmit' ? (dialog.claim.steps.findLast((x) => x.reason)?.reason ?? '') : undefined
        }
        chooseLoan={dialog?.kind === 'claim'}
        fields={dialog?.kind === 'recovery' ? RECOVERY_FIELDS : CLAIM_FIELDS}
      />
    </>
  );
}
