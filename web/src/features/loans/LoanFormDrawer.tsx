/** 登记贷款: the bank records one loan; fields are checked in the browser by the API's own schema. */
import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { type TCreateLoan, ZCreateLoan } from '../../../../src/contracts/loans';
import { TextField } from '../../components/FormFields';
import { FormDrawer } from '../../components/FormModal';
import { compact, requiredOf, validateAll } from '../../components/zodRule';
import { useI18n } from '../../i18n';
import { loanKeys, recordLoan } from './api';
import { LoanTermsFields } from './fields';

const F = ZCreateLoan.shape;
/** A new loan's terms are all checked as typed. */
const TERMS = [
  'contractNo',
  'purpose',
  'amount',
  'termMonths',
  'annualRate',
  'coverInstitutionId',
  'projectNo',
] as const;

type FormValues = Omit<TCreateLoan, 'disbursedAt'> & { disbursedAt?: Dayjs };

/** The picked wall-clock time is China time, whatever the browser's time zone. */
function chinaIso(d: Dayjs | undefined): string | undefined {
  return d ? `${d.format('YYYY-MM-DDTHH:mm')}:00+08:00` : undefined;
}

export function LoanFormDrawer({
  open,
  onClose,
  onRecorded,
}: {
  open: boolean;
  onClose: () => void;
  onRecorded: (loanId: string) => void;
}) {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<FormValues>();

  return (
    <FormDrawer
      form={form}
      open={open}
      title={t('loans.record.action')}
      okText={t('loans.record.action')}
      closeText={t('loans.record.cancel')}
      submitTestId="loan-submit"
      onClose={onClose}
      onSubmit={async (v) => {
        const body = compact({ ...v, disbursedAt: chinaIso(v.disbursedAt) }) as TCreateLoan;
        if (!validateAll(form, ZCreateLoan, body, lang)) return;
        const r = await recordLoan(body);
        message.success(t(r.created ? 'loans.record.done' : 'loans.record.already'));
        await qc.invalidateQueries({ queryKey: loanKeys.all });
        form.resetFields();
        onRecorded(r.loan.id);
      }}
      initialValues={{ purpose: 'equipment', termMonths: 36 }}
    >
      <TextField
        schema={F.enterpriseUscc}
        name="enterpriseUscc"
        label={t('loans.field.uscc')}
        className="mono"
        placeholder="91440703MA4UQK5X4M"
      />
      <LoanTermsFields
        shape={F}
        checked={TERMS}
        open={open}
        amountPlaceholder="5000000.00"
        disbursedAt={{ required: requiredOf(F.disbursedAt), message: t('loans.record.disbursedAtRequired') }}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('loans.record.hint')}
      </Typography.Paragraph>
    </FormDrawer>
  );
}
