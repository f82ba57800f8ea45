/**
 * After recording, the lending bank's officer corrects a loan (更正), cancels one recorded in error (作废) or records
 * an extension (登记展期); each sends the version read, so a change made meanwhile answers with a reload prompt.
 * The history of corrections and extensions is shown to everyone who reads the loan.
 */
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
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
import { applyFieldErrors, errorMessage } from '../../api/client';
import { maxLengthOf, validateAll, validFields, zodRule } from '../../components/zodRule';
import { useI18n } from '../../i18n';
import { cancelLoan, correctLoan, extendLoan, loanKeys, useCoverInstitutions } from './api';
import { fill, L } from './text';

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
  const { lang, pick } = useI18n();
  const { message } = App.useApp();
  const saved = useSaved(loan.id);
  const [form] = Form.useForm<CorrectValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const covers = useCoverInstitutions(open);

  const submit = async () => {
    setError(null);
    const v = await validFields(form);
    if (!v) return;
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
    setBusy(true);
    try {
      const r = await correctLoan(loan.id, body);
      message.success(pick(L.corrected));
      await saved(r);
      onClose();
    } catch (e) {
      const rest = applyFieldErrors(form, e);
      setError(rest.length ? rest.join('；') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      title={pick(L.correctTitle)}
      open={open}
      onClose={onClose}
      size={560}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{lang === 'en' ? 'Close' : '取消'}</Button>
          <Button type="primary" loading={busy} onClick={submit} data-testid="loan-correct-submit">
            {pick(L.correct)}
          </Button>
        </Space>
      }
    >
      <Alert type="info" showIcon title={pick(L.correctIntro)} style={{ marginBottom: 16 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={initialOf(loan)}>
        <Form.Item name="contractNo" label={pick(L.contractNo)} rules={[zodRule(C.contractNo, 'contractNo', lang)]}>
          <Input maxLength={maxLengthOf(C.contractNo)} />
        </Form.Item>
        <Form.Item name="purpose" label={pick(L.purpose)} extra={pick(L.termCapHint)}>
          <Select options={LOAN_PURPOSES.map((p) => ({ value: p, label: pick(PURPOSE_RULES[p]) }))} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item
            name="amount"
            label={pick(L.amount)}
            rules={[zodRule(C.amount, 'amount', lang)]}
            style={{ width: '50%' }}
          >
            <Input inputMode="decimal" />
          </Form.Item>
          <Form.Item
            name="termMonths"
            label={pick(L.term)}
            rules={[zodRule(C.termMonths, 'termMonths', lang)]}
            style={{ width: '50%' }}
          >
            <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="annualRate" label={pick(L.rate)} rules={[zodRule(C.annualRate, 'annualRate', lang)]}>
          <Input inputMode="decimal" placeholder={pick(L.ratePlaceholder)} />
        </Form.Item>
        <Form.Item name="disbursedAt" label={pick(L.disbursedAt)}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="coverInstitutionId" label={pick(L.cover)}>
          <Select
            loading={covers.isLoading}
            showSearch={{ optionFilterProp: 'label' }}
            options={(covers.data?.items ?? []).map((c) => ({
              value: c.id,
              label: `${c.name}（${pick(L.kinds[c.kind])}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="projectNo" label={pick(L.project)}>
          <Input placeholder={pick(L.projectPlaceholder)} />
        </Form.Item>
        <Form.Item name="remarks" label={pick(L.remarks)}>
          <Input.TextArea maxLength={200} rows={2} />
        </Form.Item>
        <Form.Item name="reason" label={pick(L.correctReason)} rules={[zodRule(C.reason, 'reason', lang)]}>
          <Input.TextArea maxLength={maxLengthOf(C.reason)} rows={2} />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {pick(L.versionHint)}
        </Typography.Paragraph>
      </Form>
    </Drawer>
  );
}

// ---- 作废 ----

export function CancelLoanModal({ loan, open, onClose }: { loan: TLoanDetail; open: boolean; onClose: () => void }) {
  const { lang, pick } = useI18n();
  const { message } = App.useApp();
  const saved = useSaved(loan.id);
  const [form] = Form.useForm<{ reason?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setError(null);
    const v = await validFields(form);
    if (!v) return;
    const body = { version: loan.version, reason: (v.reason ?? '').trim() };
    if (!validateAll(form, ZCancelLoan, body, lang)) return;
    setBusy(true);
    try {
      const r = await cancelLoan(loan.id, body);
      message.success(pick(L.cancelledDone));
      await saved(r);
      onClose();
    } catch (e) {
      const rest = applyFieldErrors(form, e);
      setError(rest.length ? rest.join('；') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={pick(L.cancelTitle)}
      open={open}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={busy}
      okText={pick(L.cancel)}
      okButtonProps={{ danger: true }}
      destroyOnHidden
      width={520}
    >
      <Alert type="warning" showIcon title={pick(L.cancelIntro)} style={{ marginBottom: 16 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={pick(L.cancelReason)}
          rules={[zodRule(ZCancelLoan.shape.reason, 'reason', lang)]}
        >
          <Input.TextArea maxLength={maxLengthOf(ZCancelLoan.shape.reason)} rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// ---- 登记展期 ----

type ExtendValues = { agreementNo?: string; agreementDate?: Dayjs; newMaturityDate?: Dayjs; remarks?: string };

export function ExtendLoanModal({ loan, open, onClose }: { loan: TLoanDetail; open: boolean; onClose: () => void }) {
  const { lang, pick } = useI18n();
  const { message } = App.useApp();
  const saved = useSaved(loan.id);
  const [form] = Form.useForm<ExtendValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setError(null);
    const v = await validFields(form);
    if (!v) return;
    const body = {
      version: loan.version,
      agreementNo: (v.agreementNo ?? '').trim(),
      agreementDate: v.agreementDate?.format('YYYY-MM-DD'),
      newMaturityDate: v.newMaturityDate?.format('YYYY-MM-DD'),
      ...(v.remarks?.trim() ? { remarks: v.remarks.trim() } : {}),
    } as TExtendLoan;
    if (!validateAll(form, ZExtendLoan, body, lang)) return;
    setBusy(true);
    try {
      const r = await extendLoan(loan.id, body);
      message.success(pick(L.extended));
      await saved(r);
      onClose();
    } catch (e) {
      const rest = applyFieldErrors(form, e);
      setError(rest.length ? rest.join('；') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const required = (label: string) => ({
    required: true,
    message: lang === 'en' ? `${label} is required` : `${label}为必填项`,
  });

  return (
    <Modal
      title={pick(L.extendTitle)}
      open={open}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={busy}
      okText={pick(L.extend)}
      destroyOnHidden
      width={520}
    >
      <Alert
        type="info"
        showIcon
        title={fill(pick(L.extendIntro), {
          current: loan.maturityDate,
          cap: PURPOSE_RULES[loan.purpose].maxTermMonths,
        })}
        style={{ marginBottom: 16 }}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="agreementNo" label={pick(L.agreementNo)} rules={[zodRule(X.agreementNo, 'agreementNo', lang)]}>
          <Input maxLength={maxLengthOf(X.agreementNo)} />
        </Form.Item>
        <Form.Item name="agreementDate" label={pick(L.agreementDate)} rules={[required(pick(L.agreementDate))]}>
          <DatePicker style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="newMaturityDate" label={pick(L.newMaturityDate)} rules={[required(pick(L.newMaturityDate))]}>
          <DatePicker style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="remarks" label={pick(L.remarks)}>
          <Input.TextArea maxLength={200} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// ---- history ----

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  return String(v);
}

export function LoanHistory({ loan }: { loan: TLoanDetail }) {
  const { pick } = useI18n();
  return (
    <>
      <Card title={pick(L.extensions)} style={{ marginTop: 16 }} data-testid="loan-extensions">
        <Table<TLoanExtension>
          rowKey="id"
          dataSource={loan.extensions}
          pagination={false}
          size="small"
          locale={{ emptyText: pick(L.noExtensions) }}
          scroll={{ x: 800 }}
          columns={[
            { title: '#', dataIndex: 'seq', width: 50 },
            { title: pick(L.agreementNo), dataIndex: 'agreementNo' },
            { title: pick(L.agreementDate), dataIndex: 'agreementDate' },
            { title: pick(L.previousMaturity), dataIndex: 'previousMaturityDate' },
            { title: pick(L.newMaturityDate), dataIndex: 'newMaturityDate' },
            { title: pick(L.termAfter), dataIndex: 'termMonthsAfter', align: 'right' },
            { title: pick(L.by), dataIndex: 'byName', render: (v: string | null) => show(v) },
            { title: pick(L.at), dataIndex: 'at', render: (v: string) => when(v) },
          ]}
        />
      </Card>
      <Card title={pick(L.corrections)} style={{ marginTop: 16 }} data-testid="loan-corrections">
        <Table<TLoanCorrection>
          rowKey="id"
          dataSource={loan.corrections}
          pagination={false}
          size="small"
          locale={{ emptyText: pick(L.noCorrections) }}
          scroll={{ x: 800 }}
          columns={[
            { title: pick(L.at), dataIndex: 'at', width: 150, render: (v: string) => when(v) },
            {
              title: pick(L.changes),
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
            { title: pick(L.reasonCol), dataIndex: 'reason' },
            { title: pick(L.by), dataIndex: 'byName', render: (v: string | null) => show(v) },
          ]}
        />
      </Card>
    </>
  );
}
