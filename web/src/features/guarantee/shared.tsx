/** What the guarantee pages share: running an action with its message, the one-field prompt, the explanation. */
import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { type MessageKey, useI18n } from '../../i18n';
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
