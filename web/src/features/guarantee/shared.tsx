/** What the guarantee pages share: running an action with its message, the one-field prompt, the explanation. */
import { useQueryClient } from '@tanstack/react-query';
import { App, Form, type FormInstance, Input, Modal, Select, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { type MessageKey, useI18n } from '../../i18n';
import { useLoanList } from '../loans/api';
import { guaranteeKeys } from './api';

/** Runs an API call, refreshes the module's lists and says how it went. */
export function useRun() {
  const { message } = App.useApp();
  const { t } = useI18n();
  const qc = useQueryClient();
  return async (call: () => Promise<unknown>): Promise<boolean> => {
    try {
      await call();
      await qc.invalidateQueries({ queryKey: guaranteeKeys.all });
      message.success(t('common.done'));
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    }
  };
}

interface Ask {
  title: MessageKey;
  label: MessageKey;
  onOk: (value: string) => Promise<boolean>;
}

/** A small dialog asking for one text (a reason, a payment reference). */
export function useAsk() {
  const { t } = useI18n();
  const [ask, setAsk] = useState<Ask | null>(null);
  const [form] = Form.useForm<{ value: string }>();
  const modal = (
    <Modal
      open={!!ask}
      title={ask ? t(ask.title) : ''}
      onCancel={() => setAsk(null)}
      onOk={async () => {
        const v = form.getFieldValue('value') ?? '';
        if (ask && (await ask.onOk(String(v)))) setAsk(null);
      }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="value" label={ask ? t(ask.label) : ''}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
  return { open: (a: Ask) => setAsk(a), modal };
}

export function Explanation({ lines }: { lines: readonly string[] }) {
  return (
    <div>
      {lines.map((l) => (
        <Typography.Paragraph key={l} style={{ margin: '0 0 4px' }}>
          {l}
        </Typography.Paragraph>
      ))}
    </div>
  );
}

/** "a,b，c" → ["a","b","c"] */
export const listOf = (s: unknown) =>
  String(s ?? '')
    .split(/[,，\n]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * A claim form in a dialog: submits the form's values, refreshes the lists and closes; field refusals land on their
 * fields, anything else is said under the form.
 */
export function FormDialog({
  open,
  title,
  form,
  onClose,
  submit,
  children,
}: {
  open: boolean;
  title: string;
  form: FormInstance;
  onClose: () => void;
  submit: (values: Record<string, unknown>) => Promise<unknown>;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const run = useRun();
  const [error, setError] = useState<string | null>(null);
  async function onOk() {
    setError(null);
    try {
      await submit(form.getFieldsValue(true));
      await run(async () => undefined);
      onClose();
    } catch (e) {
      const rest = applyFieldErrors(form, e);
      setError(rest.length ? rest.join('；') : errorMessage(e));
    }
  }
  return (
    <Modal open={open} title={title} onCancel={onClose} onOk={onOk} okText={t('guarantee.submit')} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false}>
        {children}
        {error && (
          <div role="alert" style={{ color: '#cf1322' }}>
            {error}
          </div>
        )}
      </Form>
    </Modal>
  );
}

/** The loans in the actor's scope to choose from (contract number · enterprise). */
export function LoanSelectItem() {
  const { t } = useI18n();
  const loans = useLoanList({ page: 1, pageSize: 200 });
  return (
    <Form.Item name="loanId" label={t('guarantee.loan')} required>
      <Select
        options={(loans.data?.items ?? []).map((l) => ({
          value: l.id,
          label: `${l.contractNo} · ${l.enterprise.name}`,
        }))}
      />
    </Form.Item>
  );
}
