/**
 * After recording, the lending bank's officer corrects a loan (更正), cancels one recorded in error (作废) or records
 * an extension (登记展期); each sends the version read, so a change made meanwhile answers with a reload prompt.
 * The history of corrections and extensions is shown to everyone who reads the loan.
 */
import { Alert, Card, Form, Space, Table, type TableColumnsType, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ZodType } from 'zod';
import {
  LOAN_FIELD_NAMES,
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
import { TextField } from '../../components/FormFields';
import { FormDrawer, FormModal } from '../../components/FormModal';
import { validateAll } from '../../components/zodRule';
import { useI18n } from '../../i18n';
import { cancelLoan, correctLoan, extendLoan } from './api';
import { LoanTermsFields, RequiredDate, useSaved } from './fields';

const C = ZCorrectLoan.shape;
/** A correction's terms checked as typed (the rest by the request when sent). */
const CORRECTED = ['contractNo', 'amount', 'termMonths', 'annualRate'] as const;
const X = ZExtendLoan.shape;

type LoanChange = 'correct' | 'cancel' | 'extend';

/**
 * A change to a loan (更正, 作废, 展期): its form and texts, and `send`, which checks the request with its contract,
 * sends it, saves the answer and closes.
 */
function useLoanChange<V>(loan: TLoanDetail, change: LoanChange, onClose: () => void) {
  const { lang, t } = useI18n();
  const saved = useSaved(loan.id);
  const [form] = Form.useForm<V>();
  const texts = { title: t(`loans.${change}.title`), okText: t(`loans.${change}.action`) };
  const send = async <B,>(schema: ZodType, body: B, call: (loanId: string, body: B) => Promise<TLoanDetail>) => {
    if (!validateAll(form, schema, body, lang)) return;
    await saved(await call(loan.id, body), t(`loans.${change}.done`));
    onClose();
  };
  return { t, form, texts, send };
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
  const { t, form, texts, send } = useLoanChange<CorrectValues>(loan, 'correct', onClose);

  return (
    <FormDrawer
      form={form}
      open={open}
      {...texts}
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
        await send(ZCorrectLoan, body, correctLoan);
      }}
    >
      <LoanTermsFields shape={C} checked={CORRECTED} open={open} />
      <TextField schema={C.reason} name="reason" label={t('loans.correct.reason')} rows={2} />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('loans.correct.versionHint')}
      </Typography.Paragraph>
    </FormDrawer>
  );
}

// ---- 作废 ----

export function CancelLoanModal({ loan, open, onClose }: { loan: TLoanDetail; open: boolean; onClose: () => void }) {
  const { t, form, texts, send } = useLoanChange<{ reason?: string }>(loan, 'cancel', onClose);
  return (
    <FormModal
      form={form}
      open={open}
      {...texts}
      danger
      banner={<Alert type="warning" showIcon title={t('loans.cancel.intro')} style={{ marginBottom: 16 }} />}
      onClose={onClose}
      onSubmit={async (v) => {
        const body = { version: loan.version, reason: (v.reason ?? '').trim() };
        await send(ZCancelLoan, body, cancelLoan);
      }}
    >
      <TextField schema={ZCancelLoan.shape.reason} name="reason" label={t('loans.cancel.reason')} rows={3} />
    </FormModal>
  );
}

// ---- 登记展期 ----

type ExtendValues = { agreementNo?: string; agreementDate?: Dayjs; newMaturityDate?: Dayjs; remarks?: string };

export function ExtendLoanModal({ loan, open, onClose }: { loan: TLoanDetail; open: boolean; onClose: () => void }) {
  const { t, form, texts, send } = useLoanChange<ExtendValues>(loan, 'extend', onClose);

  return (
    <FormModal
      form={form}
      open={open}
      {...texts}
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
        await send(ZExtendLoan, body, extendLoan);
      }}
    >
      <TextField schema={X.agreementNo} name="agreementNo" label={t('loans.extend.agreementNo')} />
      <RequiredDate name="agreementDate" label={t('loans.extend.agreementDate')} schema={X.agreementDate} />
      <RequiredDate name="newMaturityDate" label={t('loans.extend.newMaturityDate')} schema={X.newMaturityDate} />
      <TextField schema={X.remarks} name="remarks" label={t('loans.field.remarks')} rows={2} />
    </FormModal>
  );
}

// ---- history ----

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  return String(v);
}

const HISTORY = {
  extensions: { title: 'loans.history.extensions', empty: 'loans.history.noExtensions' },
  corrections: { title: 'loans.history.corrections', empty: 'loans.history.noCorrections' },
} as const;

/** One part of a loan's history (its extensions, its corrections): a small table of its rows, all on one page. */
function HistoryCard<R extends { id: string }>({
  part,
  rows,
  columns,
}: {
  part: keyof typeof HISTORY;
  rows: R[];
  columns: TableColumnsType<R>;
}) {
  const { t } = useI18n();
  return (
    <Card title={t(HISTORY[part].title)} style={{ marginTop: 16 }} data-testid={`loan-${part}`}>
      <Table<R>
        rowKey="id"
        dataSource={rows}
        pagination={false}
        size="small"
        locale={{ emptyText: t(HISTORY[part].empty) }}
        scroll={{ x: 800 }}
        columns={columns}
      />
    </Card>
  );
}

export function LoanHistory({ loan }: { loan: TLoanDetail }) {
  const { t } = useI18n();
  return (
    <>
      <HistoryCard<TLoanExtension>
        part="extensions"
        rows={loan.extensions}
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
      <HistoryCard<TLoanCorrection>
        part="corrections"
        rows={loan.corrections}
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
    </>
  );
}
