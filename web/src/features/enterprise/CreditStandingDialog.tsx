/** 变更信用状况 (city administrator): records a new credit standing with its source and date. */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import {
  CREDIT_STATUSES,
  type TEnterprise,
  type TSetCreditStanding,
  ZSetCreditStanding,
} from '../../../../src/contracts/enterprises';
import { api, applyFieldErrors, errorMessage } from '../../api/client';
import { dateProps, todayIso } from '../../components/forms';
import { compact, maxLengthOf, validFields, zodRule } from '../../components/zodRule';
import { useI18n } from '../../i18n';
import { enterpriseKeys } from './api';
import { creditHistoryKey } from './CreditHistory';

const S = ZSetCreditStanding.shape;

export function CreditStandingDialog({ e, open, onClose }: { e: TEnterprise; open: boolean; onClose(): void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<TSetCreditStanding>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setError(null);
    const v = await validFields(form);
    if (!v) return;
    setBusy(true);
    try {
      const updated = await api.post<TEnterprise>(
        `/api/v1/enterprises/${encodeURIComponent(e.id)}/credit-standing`,
        compact(v),
      );
      qc.setQueryData(enterpriseKeys.one(e.id), updated);
      await qc.invalidateQueries({ queryKey: creditHistoryKey(e.id) });
      void qc.invalidateQueries({ queryKey: ['enterprises', 'list'] });
      message.success(t('credit.saved', { status: t(`enterprise.creditStatus.${updated.creditStatus}`) }));
      onClose();
    } catch (err) {
      const rest = applyFieldErrors(form, err);
      setError(rest.length ? rest.join('；') : errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('credit.setTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={submit}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      destroyOnHidden
      width={560}
    >
      <Typography.Paragraph type="secondary">{t('credit.setHint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        name="creditStanding"
        layout="vertical"
        preserve={false}
        initialValues={{ status: e.creditStatus, asOf: todayIso() }}
      >
        <Form.Item name="status" label={t('credit.standing')} rules={[zodRule(S.status, 'status', lang)]}>
          <Select options={CREDIT_STATUSES.map((s) => ({ value: s, label: t(`enterprise.creditStatus.${s}`) }))} />
        </Form.Item>
        <Form.Item name="source" label={t('credit.source')} rules={[zodRule(S.source, 'source', lang)]}>
          <Input maxLength={maxLengthOf(S.source)} placeholder={t('credit.sourcePlaceholder')} />
        </Form.Item>
        <Form.Item name="asOf" label={t('credit.asOf')} rules={[zodRule(S.asOf, 'asOf', lang)]} {...dateProps}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('credit.note')} rules={[zodRule(S.note, 'note', lang)]}>
          <Input.TextArea maxLength={maxLengthOf(S.note)} rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
