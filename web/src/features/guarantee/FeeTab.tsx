/**
 * Guarantee-fee subsidy claims: the enterprise or guarantor claims (declaring any other subsidy of the same fee, 就高
 * 不重复) and attaches the payment vouchers; the district checks; the city verifies; a returned claim is corrected
 * and resubmitted, its history kept.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Space, Tag } from 'antd';
import type { TFeeClaim } from '../../../../src/contracts/guarantee';
import { APPLICATION_ACTION_ZH, APPLICATION_STATUS_ZH } from '../../../../src/domain/workflow/application';
import { mayI } from '../../auth/access';
import { MoneyInput } from '../../components/forms';
import { useI18n } from '../../i18n';
import { resubmitFeeClaim, reviewFeeClaim, submitFeeClaim, useFeeClaims } from './api';
import { type ClaimField, ClaimForm, ClaimsTable, PassOrReturn, RETURNED, useClaimTab } from './claims';
import { listOf } from './shared';

/** The kinds of file a fee claim carries (the API's owner registration names the same). */
const FEE_FILE_KINDS = { fee_voucher: '担保费缴纳凭证' } as const;
const FEE_FIELDS: readonly ClaimField[] = [
  { name: 'periodFrom', label: 'guarantee.periodFrom', kind: 'date', required: true },
  { name: 'periodTo', label: 'guarantee.periodTo', kind: 'date', required: true },
  { name: 'feePaid', label: 'guarantee.feePaid', kind: 'money', required: true },
  { name: 'vouchers', label: 'guarantee.vouchers', kind: 'text', required: true, extra: 'guarantee.vouchersHelp' },
];

type Dialog = { kind: 'new' } | { kind: 'resubmit'; claim: TFeeClaim };

/** 同一笔担保费的其他补贴: each one's name and amount; the higher subsidy is the one enjoyed (就高不重复). */
function OtherSubsidiesField() {
  const { t } = useI18n();
  return (
    <Form.Item label={t('guarantee.otherSubsidies')} extra={t('guarantee.otherSubsidiesHelp')}>
      <Form.List name="otherSubsidies">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                <Form.Item name={[f.name, 'name']} label={t('guarantee.otherSubsidyName')}>
                  <Input style={{ width: 180 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'amount']} label={t('guarantee.otherSubsidyAmount')}>
                  <MoneyInput style={{ width: 140 }} />
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  aria-label={t('guarantee.removeOtherSubsidy')}
                  onClick={() => remove(f.name)}
                />
              </Space>
            ))}
            <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ name: '', amount: '' })}>
              {t('guarantee.addOtherSubsidy')}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

export function FeeTab() {
  const { t } = useI18n();
  const claims = useFeeClaims(true);
  const { me, run, ask, dialog, setDialog, form } = useClaimTab<Dialog>();
  const mayClaim = mayI(me, 'guarantee.fee.claim');

  const review = (c: TFeeClaim, action: string) => run(() => reviewFeeClaim(c.id, { action }));
  const ret = (c: TFeeClaim, action: string) =>
    ask.open({
      title: 'guarantee.return',
      label: 'guarantee.returnReason',
      onOk: (reason) => run(() => reviewFeeClaim(c.id, { action, reasons: reason ? [reason] : [] })),
    });
  const openResubmit = (c: TFeeClaim) => setDialog({ kind: 'resubmit', claim: c });

  const actions = (c: TFeeClaim) => (
    <Space>
      {c.status === 'submitted' && mayI(me, 'guarantee.fee.district_check') && (
        <PassOrReturn
          okLabel={t('guarantee.pass')}
          onPass={() => review(c, 'district_pass')}
          onReturn={() => ret(c, 'district_return')}
        />
      )}
      {c.status === 'district_passed' && mayI(me, 'guarantee.fee.city_verify') && (
        <PassOrReturn
          okLabel={t('guarantee.approve')}
          onPass={() => review(c, 'city_verify')}
          onReturn={() => ret(c, 'city_return')}
        />
      )}
      {RETURNED.has(c.status) && mayI(me, 'guarantee.fee.resubmit') && (
        <Button size="small" type="primary" onClick={() => openResubmit(c)}>
          {t('guarantee.resubmit')}
        </Button>
      )}
    </Space>
  );

  const submit = (v: Record<string, unknown>) => {
    const others = ((v.otherSubsidies as { name?: string; amount?: string }[] | undefined) ?? []).filter(
      (o) => (o.name ?? '').trim() || (o.amount ?? '').trim(),
    );
    const body = { ...v, vouchers: listOf(v.vouchers), otherSubsidies: others };
    return dialog?.kind === 'resubmit' ? resubmitFeeClaim(dialog.claim.id, body) : submitFeeClaim(body);
  };

  const lastReturn = dialog?.kind === 'resubmit' ? dialog.claim.reviews.findLast((r) => r.reasons.length) : undefined;

  return (
    <>
      <ClaimsTable<TFeeClaim>
        newLabel={mayClaim && t('guarantee.fee.new')}
        onNew={() => setDialog({ kind: 'new' })}
        claims={claims}
        history={(c) => c.reviews}
        historyNames={APPLICATION_ACTION_ZH}
        files={{
          ownerType: 'guarantee_fee_claim',
          kinds: FEE_FILE_KINDS,
          action: 'guarantee.fee.attachment.add',
          target: () => ({ enterpriseId: null, editable: true }),
        }}
        columns={[
          { title: t('guarantee.period'), render: (_, c) => `${c.periodFrom} ~ ${c.periodTo}` },
          { title: t('guarantee.feePaid'), dataIndex: 'feePaid', render: (v: string) => `${v} 元` },
          { title: t('guarantee.requested'), dataIndex: 'requested', render: (v: string) => `${v} 元` },
          { title: t('guarantee.awarded'), dataIndex: 'awarded', render: (v: string | null) => (v ? `${v} 元` : '—') },
          {
            title: t('guarantee.status'),
            dataIndex: 'status',
            render: (s: TFeeClaim['status']) => <Tag>{APPLICATION_STATUS_ZH[s]}</Tag>,
          },
        ]}
        actions={actions}
      />
      {ask.modal}
      <ClaimForm
        open={!!dialog}
        title={t(dialog?.kind === 'resubmit' ? 'guarantee.resubmit' : 'guarantee.fee.new')}
        form={form}
        onClose={() => setDialog(null)}
        submit={submit}
        initialValues={
          dialog?.kind === 'resubmit'
            ? {
                periodFrom: dialog.claim.periodFrom,
                periodTo: dialog.claim.periodTo,
                feePaid: dialog.claim.feePaid,
                vouchers: dialog.claim.vouchers.join(','),
                otherSubsidies: dialog.claim.otherSubsidies,
              }
            : undefined
        }
        returnedBecause={lastReturn?.reasons.join('；')}
        chooseLoan={dialog?.kind !== 'resubmit'}
        fields={FEE_FIELDS}
      >
        <OtherSubsidiesField />
      </ClaimForm>
    </>
  );
}
