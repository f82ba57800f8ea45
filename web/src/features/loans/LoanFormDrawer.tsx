/** 登记贷款: the bank records one loan; fields are checked in the browser by the API's own schema. */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Drawer, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { LOAN_PURPOSES, PURPOSE_RULES, type TCreateLoan, ZCreateLoan } from '../../../../src/contracts/loans';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { compact, maxLengthOf, validateAll, validFields, zodRule } from '../../components/zodRule';
import { useI18n } from '../../i18n';
import { loanKeys, recordLoan, useCoverInstitutions } from './api';
import { L } from './text';

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
  const { lang, pick } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const covers = useCoverInstitutions(open);

  const submit = async () => {
    setError(null);
    const v = await validFields(form);
    if (!v) return;
    const body = compact({ ...v, disbursedAt: chinaIso(v.disbursedAt) }) as TCreateLoan;
    if (!validateAll(form, ZCreateLoan, body, lang)) return;
    setBusy(true);
    try {
      const r = await recordLoan(body);
      message.success(pick(r.created ? L.recorded : L.alreadyRecorded));
      await qc.invalidateQueries({ queryKey: loanKeys.all });
      form.resetFields();
      onRecorded(r.loan.id);
    } catch (e) {
      const rest = applyFieldErrors(form, e);
      setError(rest.length ? rest.join('；') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      title={pick(L.record)}
      open={open}
      onClose={onClose}
      size={560}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{lang === 'en' ? 'Cancel' : '取消'}</Button>
          <Button type="primary" loading={busy} onClick={submit} data-testid="loan-submit">
            {pick(L.record)}
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ purpose: 'equipment', termMonths: 36 }}>
        <Form.Item
          name="enterpriseUscc"
          label={pick(L.uscc)}
          rules={[zodRule(F.enterpriseUscc, 'enterpriseUscc', lang)]}
        >
          <Input maxLength={18} className="mono" placeholder="91440703MA4UQK5X4M" />
        </Form.Item>
        <Form.Item name="contractNo" label={pick(L.contractNo)} rules={[zodRule(F.contractNo, 'contractNo', lang)]}>
          <Input maxLength={maxLengthOf(F.contractNo)} />
        </Form.Item>
        <Form.Item
          name="purpose"
          label={pick(L.purpose)}
          rules={[zodRule(F.purpose, 'purpose', lang)]}
          extra={pick(L.termCapHint)}
        >
          <Select options={LOAN_PURPOSES.map((p) => ({ value: p, label: pick(PURPOSE_RULES[p]) }))} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item
            name="amount"
            label={pick(L.amount)}
            rules={[zodRule(F.amount, 'amount', lang)]}
            style={{ width: '50%' }}
          >
            <Input inputMode="decimal" placeholder="5000000.00" />
          </Form.Item>
          <Form.Item
            name="termMonths"
            label={pick(L.term)}
            rules={[zodRule(F.termMonths, 'termMonths', lang)]}
            style={{ width: '50%' }}
          >
            <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="annualRate" label={pick(L.rate)} rules={[zodRule(F.annualRate, 'annualRate', lang)]}>
          <Input inputMode="decimal" placeholder={pick(L.ratePlaceholder)} />
        </Form.Item>
        <Form.Item
          name="disbursedAt"
          label={pick(L.disbursedAt)}
          rules={[{ required: true, message: lang === 'en' ? 'Required' : '放款时间（disbursedAt）为必填项' }]}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="coverInstitutionId"
          label={pick(L.cover)}
          rules={[zodRule(F.coverInstitutionId, 'coverInstitutionId', lang)]}
        >
          <Select
            loading={covers.isLoading}
            showSearch={{ optionFilterProp: 'label' }}
            options={(covers.data?.items ?? []).map((c) => ({
              value: c.id,
              label: `${c.name}（${pick(L.kinds[c.kind])}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="projectNo" label={pick(L.project)} rules={[zodRule(F.projectNo, 'projectNo', lang)]}>
          <Input placeholder={pick(L.projectPlaceholder)} />
        </Form.Item>
        <Form.Item name="remarks" label={pick(L.remarks)} rules={[zodRule(F.remarks, 'remarks', lang)]}>
          <Input.TextArea maxLength={maxLengthOf(F.remarks)} rows={2} />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {lang === 'en'
            ? 'Amounts in yuan with at most two decimals; the rate as a decimal fraction.'
            : '金额单位为元，最多两位小数；年利率填小数（0.0385 表示 3.85%）。同一合同编号重复提交相同内容不会重复登记。'}
        </Typography.Paragraph>
      </Form>
    </Drawer>
  );
}
