/** 登记还款: one repayment period of a loan (bank officers). */
import { useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, InputNumber, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ZodType } from 'zod';
import { type TRecordRepayment, ZRecordRepayment } from '../../../../src/contracts/loans';
import { FormModal } from '../../components/FormModal';
import { requiredRule, validateAll, zodRule } from '../../components/zodRule';
import { useI18n } from '../../i18n';
import { loanKeys, recordRepayment } from './api';

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
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const required = (schema: ZodType, label: string) => requiredRule(schema, t('loans.field.required', { label }));

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
        message.success(t(r.created ? 'loans.repayment.done' : 'loans.repayment.already'));
        qc.setQueryData(loanKeys.one(loanId), r.loan);
        await qc.invalidateQueries({ queryKey: loanKeys.all });
        form.resetFields();
        onClose();
      }}
    >
      <Form.Item name="periodNo" label={t('loans.repayment.periodNo')} rules={[zodRule(F.periodNo, 'periodNo', lang)]}>
        <InputNumber min={1} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        name="dueDate"
        label={t('loans.repayment.dueDate')}
        rules={[required(F.dueDate, t('loans.repayment.dueDate'))]}
      >
        <DatePicker style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        name="paidDate"
        label={t('loans.repayment.paidDate')}
        rules={[required(F.paidDate, t('loans.repayment.paidDate'))]}
      >
        <DatePicker style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        name="principalPaid"
        label={t('loans.repayment.principalPaid')}
        rules={[zodRule(F.principalPaid, 'principalPaid', lang)]}
      >
        <Input inputMode="decimal" />
      </Form.Item>
      <Form.Item
        name="interestPaid"
        label={t('loans.repayment.interestPaid')}
        rules={[zodRule(F.interestPaid, 'interestPaid', lang)]}
      >
        <Input inputMode="decimal" />
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
        {t('loans.repayment.interestHint')}
      </Typography.Paragraph>
    </FormModal>
  );
}
