/**
 * What the loan forms share: the loan's terms (登记 and 更正 ask for the same fields), a required date, and saving a
 * changed loan (said, put in the cache, the lists refreshed).
 */
import { useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, type FormRule, Input, InputNumber, Select, Space } from 'antd';
import type { ZodType } from 'zod';
import { LOAN_PURPOSES, PURPOSE_RULES, type TLoanDetail, type ZCreateLoan } from '../../../../src/contracts/loans';
import { TextField } from '../../components/FormFields';
import { requiredRule, zodRule } from '../../components/zodRule';
import { useI18n } from '../../i18n';
import { loanKeys, useCoverInstitutions } from './api';

/** Saves the answer of a change to loan `loanId`: says `text`, keeps the loan read and refreshes the lists. */
export function useSaved(loanId: string) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  return async (loan: TLoanDetail, text: string) => {
    message.success(text);
    qc.setQueryData(loanKeys.one(loanId), loan);
    await qc.invalidateQueries({ queryKey: loanKeys.all });
  };
}

/** A date the contract requires (`schema`), picked from a calendar. */
export function RequiredDate({ name, label, schema }: { name: string; label: string; schema: ZodType }) {
  const { t } = useI18n();
  return (
    <Form.Item name={name} label={label} rules={[requiredRule(schema, t('loans.field.required', { label }))]}>
      <DatePicker style={{ width: 200 }} />
    </Form.Item>
  );
}

type Terms = Omit<typeof ZCreateLoan.shape, 'enterpriseUscc'>;
type Term = keyof Terms;

/**
 * A loan's terms: contract number, purpose, amount and term, rate, disbursement time, cover, project and remarks.
 * `shape` is the request's schema; the fields in `checked` are checked in the browser by it, the others by the
 * request as a whole when sent. `disbursedAt` is the disbursement time's rule (a picked time is not yet the request's
 * value).
 */
export function LoanTermsFields({
  shape,
  checked,
  open,
  amountPlaceholder,
  disbursedAt,
}: {
  shape: { [K in Term]: ZodType };
  checked: readonly Term[];
  /** Whether the form is open (the cover institutions are read only then). */
  open: boolean;
  amountPlaceholder?: string;
  disbursedAt?: FormRule;
}) {
  const { lang, t, pick } = useI18n();
  const covers = useCoverInstitutions(open);
  const rules = (name: Term) => (checked.includes(name) ? { rules: [zodRule(shape[name], name, lang)] } : {});
  return (
    <>
      <TextField schema={shape.contractNo} name="contractNo" label={t('loans.field.contractNo')} />
      <Form.Item
        name="purpose"
        label={t('loans.field.purpose')}
        {...rules('purpose')}
        extra={t('loans.field.termCapHint')}
      >
        <Select options={LOAN_PURPOSES.map((p) => ({ value: p, label: pick(PURPOSE_RULES[p]) }))} />
      </Form.Item>
      <Space.Compact block>
        <Form.Item name="amount" label={t('loans.field.amount')} {...rules('amount')} style={{ width: '50%' }}>
          <Input inputMode="decimal" {...(amountPlaceholder ? { placeholder: amountPlaceholder } : {})} />
        </Form.Item>
        <Form.Item name="termMonths" label={t('loans.field.term')} {...rules('termMonths')} style={{ width: '50%' }}>
          <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="annualRate" label={t('loans.field.rate')} {...rules('annualRate')}>
        <Input inputMode="decimal" placeholder={t('loans.field.ratePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="disbursedAt"
        label={t('loans.field.disbursedAt')}
        {...(disbursedAt ? { rules: [disbursedAt] } : {})}
      >
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="coverInstitutionId" label={t('loans.field.cover')} {...rules('coverInstitutionId')}>
        <Select
          loading={covers.isLoading}
          showSearch={{ optionFilterProp: 'label' }}
          options={(covers.data?.items ?? []).map((c) => ({
            value: c.id,
            label: `${c.name}（${t(`loans.coverKind.${c.kind}`)}）`,
          }))}
        />
      </Form.Item>
      <Form.Item name="projectNo" label={t('loans.field.project')} {...rules('projectNo')}>
        <Input placeholder={t('loans.field.projectPlaceholder')} />
      </Form.Item>
      <TextField schema={shape.remarks} name="remarks" label={t('loans.field.remarks')} rows={2} />
    </>
  );
}
