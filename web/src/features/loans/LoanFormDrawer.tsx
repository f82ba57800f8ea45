/** 登记贷款: the bank records one loan; fields are checked in the browser by the API's own schema. */
import { useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { LOAN_PURPOSES, PURPOSE_RULES, type TCreateLoan, ZCreateLoan } from '../../../../src/contracts/loans';
import { FormDrawer } from '../../components/FormModal';
import { compact, maxLengthOf, requiredOf, validateAll, zodRule } from '../../components/zodRule';
import { useI18n } from '../../i18n';
import { loanKeys, recordLoan, useCoverInstitutions } from './api';

const F = ZCreateLoan.shape;

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
  const { lang, t, pick } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const covers = useCoverInstitutions(open);

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
      <Form.Item
        name="enterpriseUscc"
        label={t('loans.field.uscc')}
        rules={[zodRule(F.enterpriseUscc, 'enterpriseUscc', lang)]}
      >
        <Input maxLength={maxLengthOf(F.enterpriseUscc)} className="mono" placeholder="91440703MA4UQK5X4M" />
      </Form.Item>
      <Form.Item
        name="contractNo"
        label={t('loans.field.contractNo')}
        rules={[zodRule(F.contractNo, 'contractNo', lang)]}
      >
        <Input maxLength={maxLengthOf(F.contractNo)} />
      </Form.Item>
      <Form.Item
        name="purpose"
        label={t('loans.field.purpose')}
        rules={[zodRule(F.purpose, 'purpose', lang)]}
        extra={t('loans.field.termCapHint')}
      >
        <Select options={LOAN_PURPOSES.map((p) => ({ value: p, label: pick(PURPOSE_RULES[p]) }))} />
      </Form.Item>
      <Space.Compact block>
        <Form.Item
          name="amount"
          label={t('loans.field.amount')}
          rules={[zodRule(F.amount, 'amount', lang)]}
          style={{ width: '50%' }}
        >
          <Input inputMode="decimal" placeholder="5000000.00" />
        </Form.Item>
        <Form.Item
          name="termMonths"
          label={t('loans.field.term')}
          rules={[zodRule(F.termMonths, 'termMonths', lang)]}
          style={{ width: '50%' }}
        >
          <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="annualRate" label={t('loans.field.rate')} rules={[zodRule(F.annualRate, 'annualRate', lang)]}>
        <Input inputMode="decimal" placeholder={t('loans.field.ratePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="disbursedAt"
        label={t('loans.field.disbursedAt')}
        rules={[{ required: requiredOf(F.disbursedAt), message: t('loans.record.disbursedAtRequired') }]}
      >
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="coverInstitutionId"
        label={t('loans.field.cover')}
        rules={[zodRule(F.coverInstitutionId, 'coverInstitutionId', lang)]}
      >
        <Select
          loading={covers.isLoading}
          showSearch={{ optionFilterProp: 'label' }}
          options={(covers.data?.items ?? []).map((c) => ({
            value: c.id,
            label: `${c.name}（${t(`loans.coverKind.${c.kind}`)}）`,
          }))}
        />
      </Form.Item>
      <Form.Item name="projectNo" label={t('loans.field.project')} rules={[zodRule(F.projectNo, 'projectNo', lang)]}>
        <Input placeholder={t('loans.field.projectPlaceholder')} />
      </Form.Item>
      <Form.Item name="remarks" label={t('loans.field.remarks')} rules={[zodRule(F.remarks, 'remarks', lang)]}>
        <Input.TextArea maxLength={maxLengthOf(F.remarks)} rows={2} />
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('loans.record.hint')}
      </Typography.Paragraph>
    </FormDrawer>
  );
}
