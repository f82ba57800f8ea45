/**
 * Guarantee-fee subsidy claims: the enterprise or guarantor claims (declaring any other subsidy of the same fee, 就高
 * 不重复) and attaches the payment vouchers; the district checks; the city verifies; a returned claim is corrected
 * and resubmitted, its history kept.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { TFeeClaim } from '../../../../src/contracts/guarantee';
import { mayDo } from '../../../../src/domain/access/business';
import { APPLICATION_ACTION_ZH, APPLICATION_STATUS_ZH } from '../../../../src/domain/workflow/application';
import { actorOf, mayI } from '../../auth/access';
import { useMe } from '../../auth/session';
import { MoneyInput } from '../../components/forms';
import { useI18n } from '../../i18n';
import { resubmitFeeClaim, reviewFeeClaim, submitFeeClaim, useFeeClaims } from './api';
import { ClaimFiles, ClaimHistory, Explanation, FormDialog, LoanSelectItem, listOf, useAsk, useRun } from './shared';

/** The kinds of file a fee claim carries (the API's owner registration names the same). */
const FEE_FILE_KINDS = { fee_voucher: '担保费缴纳凭证' } as const;
const OPEN_FOR_FILES = new Set(['submitted', 'district_returned', 'city_returned']);
const RETURNED = new Set(['district_returned', 'city_returned']);

type Dialog = { kind: 'new' } | { kind: 'resubmit'; claim: TFeeClaim } | null;

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
  const { data: me } = useMe();
  const claims = useFeeClaims(true);
  const run = useRun();
  const ask = useAsk();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();
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
        <>
          <Button size="small" type="primary" onClick={() => review(c, 'district_pass')}>
            {t('guarantee.pass')}
          </Button>
          <Button size="small" onClick={() => ret(c, 'district_return')}>
            {t('guarantee.return')}
          </Button>
        </>
      )}
      {c.status === 'district_passed' && mayI(me, 'guarantee.fee.city_verify') && (
        <>
          <Button size="small" type="primary" onClick={() => review(c, 'city_verify')}>
            {t('guarantee.approve')}
          </Button>
          <Button size="small" onClick={() => ret(c, 'city_return')}>
            {t('guarantee.return')}
          </Button>
        </>
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
      {mayClaim && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setDialog({ kind: 'new' })}
          style={{ marginBottom: 12 }}
        >
          {t('guarantee.fee.new')}
        </Button>
      )}
      <Table<TFeeClaim>
        rowKey="id"
        size="small"
        loading={claims.isLoading}
        dataSource={claims.data?.items ?? []}
        locale={{ emptyText: t('guarantee.none') }}
        expandable={{
          expandedRowRender: (c) => (
            <>
              <Explanation lines={c.explanation} />
              <ClaimHistory steps={c.reviews} names={APPLICATION_ACTION_ZH} />
              <ClaimFiles
                ownerType="guarantee_fee_claim"
                ownerId={c.id}
                kinds={FEE_FILE_KINDS}
                canUpload={
                  !!me &&
                  OPEN_FOR_FILES.has(c.status) &&
                  mayDo(actorOf(me), 'guarantee.fee.attachment.add', { enterpriseId: null, editable: true })
                }
              />
            </>
          ),
        }}
        columns={[
          { title: t('guarantee.loan'), dataIndex: 'contractNo' },
          { title: t('guarantee.enterprise'), dataIndex: 'enterpriseName' },
          { title: t('guarantee.period'), render: (_, c) => `${c.periodFrom} ~ ${c.periodTo}` },
          { title: t('guarantee.feePaid'), dataIndex: 'feePaid', render: (v: string) => `${v} 元` },
          { title: t('guarantee.requested'), dataIndex: 'requested', render: (v: string) => `${v} 元` },
          { title: t('guarantee.awarded'), dataIndex: 'awarded', render: (v: string | null) => (v ? `${v} 元` : '—') },
          {
            title: t('guarantee.status'),
            dataIndex: 'status',
            render: (s: TFeeClaim['status']) => <Tag>{APPLICATION_STATUS_ZH[s]}</Tag>,
          },
          { title: t('common.actions'), render: (_, c) => actions(c) },
        ]}
      />
      {ask.modal}
      <FormDialog
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
      >
        {lastReturn && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={`${t('guarantee.returnedBecause')}${lastReturn.reasons.join('；')}`}
          />
        )}
        {dialog?.kind !== 'resubmit' && <LoanSelectItem />}
        <Form.Item name="periodFrom" label={t('guarantee.periodFrom')} required>
          <Input placeholder="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="periodTo" label={t('guarantee.periodTo')} required>
          <Input placeholder="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="feePaid" label={t('guarantee.feePaid')} required>
          <MoneyInput />
        </Form.Item>
        <Form.Item name="vouchers" label={t('guarantee.vouchers')} required extra={t('guarantee.vouchersHelp')}>
          <Input />
        </Form.Item>
        <OtherSubsidiesField />
      </FormDialog>
    </>
  );
}
