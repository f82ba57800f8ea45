/**
 * What the guarantee pages share: running an action with its message, the one-field prompt, the explanation, a
 * claim's files and its history.
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, type FormInstance, Input, Modal, Select, Space, Typography, Upload } from 'antd';
import { type ReactNode, useState } from 'react';
import type { TAttachmentList } from '../../../../src/contracts/attachments';
import { uploadFile } from '../../api/attachments';
import { api, applyFieldErrors, downloadFile, errorMessage } from '../../api/client';
import { type MessageKey, useI18n } from '../../i18n';
import { formatInstant } from '../../shared/time';
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
  initialValues,
  children,
}: {
  open: boolean;
  title: string;
  form: FormInstance;
  onClose: () => void;
  submit: (values: Record<string, unknown>) => Promise<unknown>;
  /** A correction starts from what was filed. */
  initialValues?: Record<string, unknown> | undefined;
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
      <Form form={form} layout="vertical" preserve={false} initialValues={initialValues}>
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

/**
 * A claim's files through the platform's attachments module: listed within the actor's scope, downloaded (each
 * download audited), and uploaded by kind while the claim is open for files (the API checks the content and the
 * rule; the button shows only when it would allow it).
 */
export function ClaimFiles({
  ownerType,
  ownerId,
  kinds,
  canUpload,
}: {
  ownerType: string;
  ownerId: string;
  kinds: Readonly<Record<string, string>>;
  canUpload: boolean;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const key = ['guarantee', 'files', ownerType, ownerId];
  const files = useQuery({
    queryKey: key,
    queryFn: () =>
      api.get<TAttachmentList>(
        `/api/v1/attachments?ownerType=${encodeURIComponent(ownerType)}&ownerId=${encodeURIComponent(ownerId)}`,
      ),
  });
  return (
    <div data-testid={`files-${ownerId}`}>
      <Typography.Text strong>{t('guarantee.files')}</Typography.Text>
      <ul style={{ margin: '4px 0 8px', paddingLeft: 20 }}>
        {(files.data?.items ?? []).map((f) => (
          <li key={f.id}>
            {kinds[f.kind] ?? f.kind}：
            <Button
              type="link"
              size="small"
              icon={<DownloadOutlined />}
              onClick={() => downloadFile(`/api/v1/attachments/${f.id}/download`, {}, f.fileName)}
            >
              {f.fileName}
            </Button>
          </li>
        ))}
        {files.data?.items.length === 0 && <li>{t('guarantee.noFiles')}</li>}
      </ul>
      {canUpload && (
        <Space wrap>
          {Object.entries(kinds).map(([kind, label]) => (
            <Upload
              key={kind}
              showUploadList={false}
              customRequest={async ({ file, onSuccess, onError }) => {
                try {
                  await uploadFile(file as File, { ownerType, ownerId, kind });
                  onSuccess?.({});
                  message.success(t('guarantee.uploaded'));
                  await qc.invalidateQueries({ queryKey: key });
                } catch (e) {
                  onError?.(e as Error);
                  message.error(errorMessage(e));
                }
              }}
            >
              <Button size="small" icon={<UploadOutlined />}>
                {t('guarantee.upload')}
                {label}
              </Button>
            </Upload>
          ))}
        </Space>
      )}
    </div>
  );
}

/** A claim's steps in order — returns with their reasons, resubmissions — by whom and when (Beijing time). */
export function ClaimHistory({
  steps,
  names,
}: {
  steps: readonly { action: string; reasons: readonly string[]; byName: string; at: string }[];
  names: Readonly<Record<string, string>>;
}) {
  const { t } = useI18n();
  if (steps.length === 0) return null;
  return (
    <div data-testid="claim-history">
      <Typography.Text strong>{t('guarantee.history')}</Typography.Text>
      <ul style={{ margin: '4px 0 8px', paddingLeft: 20 }}>
        {steps.map((s) => (
          <li key={`${s.action}-${s.at}`}>
            {formatInstant(s.at)} {s.byName}：{names[s.action] ?? s.action}
            {s.reasons.length > 0 && `（${s.reasons.join('；')}）`}
          </li>
        ))}
      </ul>
    </div>
  );
}
