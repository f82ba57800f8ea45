/** 登记还款: one repayment period of a loan (bank officers). */
import { Form, InputNumber, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { type TRecordRepayment, ZRecordRepayment } from '../../../../src/contracts/loans';
import { TextField } from '../../components/FormFields';
import { FormModal } from '../../components/FormModal';
import { validateAll, zodRule } from '../../components/zodRule';
import { useI18n } from '../../i18n';
import { recordRepayment } from './api';
import { RequiredDate, useSaved } from './fields';

const F = ZRecordRepayment.shape;
type FormValues = Omit<TRecordRepayment, 'dueDate' | 'paidDate'> & { dueDate?: Dayjs; paidDate?: Dayjs };

export function RepaymentModal({
  loanId,
  nextPeriod,
  open,
  onClose,
}: {
  loanId: string;
  nextPeriod: number;
  open: boolean;
  onClose: () => void;
}) {
  const { lang, t } = useI18n();
  const saved = useSaved(loanId);
  const [form] = Form.useForm<FormValues>();

  return (
    <FormModal
      form={form}
      open={open}
      title={t('loans.repayment.action')}
      okText={t('loans.repayment.action')}
      initialValues={{ periodNo: nextPeriod, principalPaid: '0.00' }}
      onClose={onClose}
      onSubmit={async (v) => {
        const body = {
          ...v,
          dueDate: v.dueDate?.format('YYYY-MM-DD'),
          paidDate: v.paidDate?.format('YYYY-MM-DD'),
        } as TRecordRepayment;
        if (!validateAll(form, ZRecordRepayment, body, lang)) return;
        const r = await recordRepayment(loanId, body);
        await saved(r.loan, t(r.created ? 'loans.repayment.done' : 'loans.repayment.already'));
        form.resetFields();
        onClose();
      }}
    >
      <Form.Item name="periodNo" label={t('loans.repayment.periodNo')} rules={[zodRule(F.periodNo, 'periodNo', lang)]}>
        <InputNumber min={1} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <RequiredDate name="dueDate" label={t('loans.repayment.dueDate')} schema={F.dueDate} />
      <RequiredDate name="paidDate" label={t('loans.repayment.paidDate')} schema={F.paidDate} />
      <TextField
        schema={F.principalPaid}
        name="principalPaid"
        label={t('loans.repayment.principalPaid')}
        inputMode="decimal"
      />
      <TextField
        schema={F.interestPaid}
        name="interestPaid"
        label={t('loans.repayment.interestPaid')}
        inputMode="decimal"
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
        {t('loans.repayment.interestHint')}
      </Typography.Paragraph>
    </FormModal>
  );
}
