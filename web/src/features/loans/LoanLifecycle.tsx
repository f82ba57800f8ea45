/**
 * After recording, the lending bank's officer corrects a loan (更正), cancels one recorded in error (作废) or records
 * an extension (登记展期); each sends the version read, so a change made meanwhile answers with a reload prompt.
 * The history of corrections and extensions is shown to everyone who reads the loan.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, DatePicker, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ZodType } from 'zod';
import {
  LOAN_FIELD_NAMES,
  LOAN_PURPOSES,
  PURPOSE_RULES,
  type TCorrectLoan,
  type TExtendLoan,
  type TLoanCorrection,
  type TLoanDetail,
  type TLoanExtension,
  ZCancelLoan,
  ZCorrectLoan,
  ZExtendLoan,
} from '../../../../src/contracts/loans';
import { formatChinaDateTime } from '../../../../src/domain/calendar/china-time';
import { FormDrawer, FormModal } from '../../components/FormModal';
import { maxLengthOf, requiredRule, validateAll, zodRule } from '../../components/zodRule';
import { useI18n } from '../../i18n';
import { cancelLoan, correctLoan, extendLoan, loanKeys, useCoverInstitutions } from './api';

const C = ZCorrectLoan.shape;
const X = ZExtendLoan.shape;

function useSaved(loanId: string) {
  const qc = useQueryClient();
  return async (loan: TLoanDetail) => {
    qc.setQueryData(loanKeys.one(loanId), loan);
    await qc.invalidateQueries({ queryKey: loanKeys.all });
  };
}

function when(iso: string): string {
  return formatChinaDateTime(new Date(iso));
}

// ---- 更正 ----

type CorrectValues = {
  contractNo: string;
  purpose: TLoanDetail['purpose'];
  amount: string;
  annualRate: string;
  termMonths: number;
  disbursedAt?: Dayjs;
  coverInstitutionId: string;
  projectNo?: string;
  remarks?: string;
  reason?: string;
};

function initialOf(loan: TLoanDetail): CorrectValues {
  return {
    contractNo: loan.contractNo,
    purpose: loan.purpose,
    amount: loan.amount,
    annualRate: loan.annualRate,
    termMonths: loan.contractTermMonths,
    disbursedAt: dayjs(loan.disbursedAt.slice(0, 16)),
    coverInstitutionId: loan.cover.id,
    projectNo: loan.project?.projectNo ?? '',
    remarks: loan.remarks ?? '',
  };
}

export function CorrectLoanDrawer({ loan, open, onClose }: { loan: TLoanDetail; open: boolean; onClose: () => void }) {
  const { lang, t, pick } = useI18n();
  const { message } = App.useApp();
  const saved = useSaved(loan.id);
  const [form] = Form.useForm<CorrectValues>();
  const covers = useCoverInstitutions(open);

  return (
    <FormDrawer
      form={form}
      open={open}
      title={t('loans.correct.title')}
      okText={t('loans.correct.action')}
      closeText={t('loans.correct.close')}
      submitTestId="loan-correct-submit"
      banner={<Alert type="info" showIcon title={t('loans.correct.intro')} style={{ marginBottom: 16 }} />}
      initialValues={initialOf(loan)}
      onClose={onClose}
      onSubmit={async (v) => {
        const init = initialOf(loan);
        // Only what the officer changed is sent; the server keeps the rest.
        const body: TCorrectLoan = { version: loan.version, reason: (v.reason ?? '').trim() };
        if (v.contractNo?.trim() !== init.contractNo) body.contractNo = v.contractNo;
        if (v.purpose !== init.purpose) body.purpose = v.purpose;
        if (v.amount?.trim() !== init.amount) body.amount = v.amount;
        if (v.annualRate?.trim() !== init.annualRate) body.annualRate = v.annualRate;
        if (v.termMonths !== init.termMonths) body.termMonths = v.termMonths;
        const at = v.disbursedAt?.format('YYYY-MM-DDTHH:mm');
        if (at && at !== loan.disbursedAt.slice(0, 16)) body.disbursedAt = `${at}:00+08:00`;
        if (v.coverInstitutionId !== init.coverInstitutionId) body.coverInstitutionId = v.coverInstitutionId;
        const projectNo = v.projectNo?.trim() ?? '';
        if (projectNo !== (init.projectNo ?? '')) body.projectNo = projectNo || null;
        const remarks = v.remarks?.trim() ?? '';
        if (remarks !== (init.remarks ?? '')) body.remarks = remarks || null;
        if (!validateAll(form, ZCorrectLoan, body, lang)) return;
        const r = await correctLoan(loan.id, body);
        message.success(t('loans.correct.done'));
        await saved(r);
        onClose();
      }}
    >
      <Form.Item
        name="contractNo"
        label={t('loans.field.contractNo')}
        rules={[zodRule(C.contractNo, 'contractNo', lang)]}
      >
        <Input maxLength={maxLengthOf(C.contractNo)} />
      </Form.Item>
      <Form.Item name="purpose" label={t('loans.field.purpose')} extra={t('loans.field.termCapHint')}>
        <Select options={LOAN_PURPOSES.map((p) => ({ value: p, label: pick(PURPOSE_RULES[p]) }))} />
      </Form.Item>
      <Space.Compact block>
        <Form.Item
          name="amount"
          label={t('loans.field.amount')}
          rules={[zodRule(C.amount, 'amount', lang)]}
          style={{ width: '50%' }}
        >
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item
          name="termMonths"
          label={t('loans.field.term')}
          rules={[zodRule(C.termMonths, 'termMonths', lang)]}
          style={{ width: '50%' }}
        >
          <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="annualRate" label={t('loans.field.rate')} rules={[zodRule(C.annualRate, 'annualRate', lang)]}>
        <Input inputMode="decimal" placeholder={t('loans.field.ratePlaceholder')} />
      </Form.Item>
      <Form.Item name="disbursedAt" label={t('loans.field.disbursedAt')}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="coverInstitutionId" label={t('loans.field.cover')}>
        <Select
          loading={covers.isLoading}
          showSearch={{ optionFilterProp: 'label' }}
          options={(covers.data?.items ?? []).map((c) => ({
            value: c.id,
            label: `${c.name}（${t(`loans.coverKind.${c.kind}`)}）`,
          }))}
        />
      </Form.Item>
      <Form.Item name="projectNo" label={t('loans.field.project')}>
        <Input placeholder={t('loans.field.projectPlaceholder')} />
      </Form.Item>
      <Form.Item name="remarks" label={t('loans.field.remarks')}>
        <Input.TextArea maxLength={maxLengthOf(C.remarks)} rows={2} />
      </Form.Item>
      <Form.Item name="reason" label={t('loans.correct.reason')} rules={[zodRule(C.reason, 'reason', lang)]}>
        <Input.TextArea maxLength={maxLengthOf(C.reason)} rows={2} />
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('loans.correct.versionHint')}
      </Typography.Paragraph>
    </FormDrawer>
  );
}

// ---- 作废 ----

export function CancelLoanModal({ loan, open, onClose }: { loan: TLoanDetail; open: boolean; onClose: () => void }) {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const saved = useSaved(loan.id);
  const [form] = Form.useForm<{ reason?: string }>();
  return (
    <FormModal
      form={form}
      open={open}
      title={t('loans.cancel.title')}
      okText={t('loans.cancel.action')}
      danger
      banner={<Alert type="warning" showIcon title={t('loans.cancel.intro')} style={{ marginBottom: 16 }} />}
      onClose={onClose}
      onSubmit={async (v) => {
        const body = { version: loan.version, reason: (v.reason ?? '').trim() };
        if (!validateAll(form, ZCancelLoan, body, lang)) return;
        const r = await cancelLoan(loan.id, body);
        message.success(t('loans.cancel.done'));
        await saved(r);
        onClose();
      }}
    >
      <Form.Item
        name="reason"
        label={t('loans.cancel.reason')}
        rules={[zodRule(ZCancelLoan.shape.reason, 'reason', lang)]}
      >
        <Input.TextArea maxLength={maxLengthOf(ZCancelLoan.shape.reason)} rows={3} />
      </Form.Item>
    </FormModal>
  );
}

// ---- 登记展期 ----

type ExtendValues = { agreementNo?: string; agreementDate?: Dayjs; newMaturityDate?: Dayjs; remarks?: string };

export function ExtendLoanModal({ loan, open, onClose }: { loan: TLoanDetail; open: boolean; onClose: () => void }) {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const saved = useSaved(loan.id);
  const [form] = Form.useForm<ExtendValues>();
  const required = (schema: ZodType, label: string) => requiredRule(schema, t('loans.field.required', { label }));

  return (
    <FormModal
      form={form}
      open={open}
      title={t('loans.extend.title')}
      okText={t('loans.extend.action')}
      banner={
        <Alert
          type="info"
          showIcon
          title={t('loans.extend.intro', {
            current: loan.maturityDate,
            cap: PURPOSE_RULES[loan.purpose].maxTermMonths,
          })}
          style={{ marginBottom: 16 }}
        />
      }
      onClose={onClose}
      onSubmit={async (v) => {
        const body = {
          version: loan.version,
          agreementNo: (v.agreementNo ?? '').trim(),
          agreementDate: v.agreementDate?.format('YYYY-MM-DD'),
          newMaturityDate: v.newMaturityDate?.format('YYYY-MM-DD'),
          ...(v.remarks?.trim() ? { remarks: v.remarks.trim() } : {}),
        } as TExtendLoan;
        if (!validateAll(form, ZExtendLoan, body, lang)) return;
        const r = await extendLoan(loan.id, body);
        message.success(t('loans.extend.done'));
        await saved(r);
        onClose();
      }}
    >
      <Form.Item
        name="agreementNo"
        label={t('loans.extend.agreementNo')}
        rules={[zodRule(X.agreementNo, 'agreementNo', lang)]}
      >
        <Input maxLength={maxLengthOf(X.agreementNo)} />
      </Form.Item>
      <Form.Item
        name="agreementDate"
        label={t('loans.extend.agreementDate')}
        rules={[required(X.agreementDate, t('loans.extend.agreementDate'))]}
      >
        <DatePicker style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        name="newMaturityDate"
        label={t('loans.extend.newMaturityDate')}
        rules={[required(X.newMaturityDate, t('loans.extend.newMaturityDate'))]}
      >
        <DatePicker style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="remarks" label={t('loans.field.remarks')}>
        <Input.TextArea maxLength={maxLengthOf(X.remarks)} rows={2} />
      </Form.Item>
    </FormModal>
  );
}

// ---- history ----

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  return String(v);
}

export function LoanHistory({ loan }: { loan: TLoanDetail }) {
  const { t } = useI18n();
  return (
    <>
      <Card title={t('loans.history.extensions')} style={{ marginTop: 16 }} data-testid="loan-extensions">
        <Table<TLoanExtension>
          rowKey="id"
          dataSource={loan.extensions}
          pagination={false}
          size="small"
          locale={{ emptyText: t('loans.history.noExtensions') }}
          scroll={{ x: 800 }}
          columns={[
            { title: '#', dataIndex: 'seq', width: 50 },
            { title: t('loans.extend.agreementNo'), dataIndex: 'agreementNo' },
            { title: t('loans.extend.agreementDate'), dataIndex: 'agreementDate' },
            { title: t('loans.history.previousMaturity'), dataIndex: 'previousMaturityDate' },
            { title: t('loans.extend.newMaturityDate'), dataIndex: 'newMaturityDate' },
            { title: t('loans.history.termAfter'), dataIndex: 'termMonthsAfter', align: 'right' },
            { title: t('loans.history.by'), dataIndex: 'byName', render: (v: string | null) => show(v) },
            { title: t('loans.history.at'), dataIndex: 'at', render: (v: string) => when(v) },
          ]}
        />
      </Card>
      <Card title={t('loans.history.corrections')} style={{ marginTop: 16 }} data-testid="loan-corrections">
        <Table<TLoanCorrection>
          rowKey="id"
          dataSource={loan.corrections}
          pagination={false}
          size="small"
          locale={{ emptyText: t('loans.history.noCorrections') }}
          scroll={{ x: 800 }}
          columns={[
            { title: t('loans.history.at'), dataIndex: 'at', width: 150, render: (v: string) => when(v) },
            {
              title: t('loans.history.changes'),
              key: 'changes',
              render: (_: unknown, c) => (
                <Space orientation="vertical" size={0}>
                  {Object.keys(c.after)
                    .filter((k) => LOAN_FIELD_NAMES[k])
                    .map((k) => (
                      <span key={k}>
                        {LOAN_FIELD_NAMES[k]}：{show(c.before[k])} → {show(c.after[k])}
                      </span>
                    ))}
                </Space>
              ),
            },
            { title: t('loans.history.reason'), dataIndex: 'reason' },
            { title: t('loans.history.by'), dataIndex: 'byName', render: (v: string | null) => show(v) },
          ]}
        />
      </Card>
    </>
  );
}
