/** 变更信用状况 (city administrator): records a new credit standing with its source and date. */
import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Select } from 'antd';
import {
  CREDIT_STATUSES,
  type TEnterprise,
  type TSetCreditStanding,
  ZSetCreditStanding,
} from '../../../../src/contracts/enterprises';
import { api } from '../../api/client';
import { DateField, TextField } from '../../components/FormFields';
import { FormModal } from '../../components/FormModal';
import { todayIso } from '../../components/forms';
import { compact, zodRule } from '../../components/zodRule';
import { useI18n } from '../../i18n';
import { enterpriseKeys } from './api';
import { creditHistoryKey } from './CreditHistory';

const S = ZSetCreditStanding.shape;

export function CreditStandingDialog({ e, open, onClose }: { e: TEnterprise; open: boolean; onClose(): void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<TSetCreditStanding>();
  return (
    <FormModal
      form={form}
      name="creditStanding"
      open={open}
      title={t('credit.setTitle')}
      width={560}
      hint={t('credit.setHint')}
      initialValues={{ status: e.creditStatus, asOf: todayIso() }}
      onClose={onClose}
      onSubmit={async (v) => {
        const updated = await api.post<TEnterprise>(
          `/api/v1/enterprises/${encodeURIComponent(e.id)}/credit-standing`,
          compact(v),
        );
        qc.setQueryData(enterpriseKeys.one(e.id), updated);
        await qc.invalidateQueries({ queryKey: creditHistoryKey(e.id) });
        void qc.invalidateQueries({ queryKey: ['enterprises', 'list'] });
        message.success(t('credit.saved', { status: t(`enterprise.creditStatus.${updated.creditStatus}`) }));
        onClose();
      }}
    >
      <Form.Item name="status" label={t('credit.standing')} rules={[zodRule(S.status, 'status', lang)]}>
        <Select options={CREDIT_STATUSES.map((s) => ({ value: s, label: t(`enterprise.creditStatus.${s}`) }))} />
      </Form.Item>
      <TextField
        schema={S.source}
        name="source"
        label={t('credit.source')}
        placeholder={t('credit.sourcePlaceholder')}
      />
      <DateField schema={S.asOf} name="asOf" label={t('credit.asOf')} />
      <TextField schema={S.note} name="note" label={t('credit.note')} rows={3} />
    </FormModal>
  );
}
