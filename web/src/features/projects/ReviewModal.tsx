/** The reviewer's decision on one or many declarations: a reason where it refuses, a deadline for a return. */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { TBatchResult } from '../../../../src/contracts/projects';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { dateProps } from '../../components/forms';
import { useI18n } from '../../i18n';
import { projectKeys, reviewCity, reviewDistrict } from './api';
import { fill, T } from './text';

export type Decision = 'verify' | 'return' | 'approve' | 'reject';

const TITLES: Record<Decision, { zh: string; en: string }> = {
  verify: T.verify,
  return: T.return,
  approve: T.approve,
  reject: T.reject,
};

export function ReviewModal({
  ids,
  decision,
  onClose,
  onDone,
}: {
  ids: string[];
  decision: Decision | null;
  onClose: () => void;
  onDone?: (r: TBatchResult) => void;
}) {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ reason?: string; returnDeadline?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refusing = decision === 'return' || decision === 'reject';

  async function ok() {
    if (!decision) return;
    setBusy(true);
    setError(null);
    const v = form.getFieldsValue();
    const reason = v.reason?.trim() || undefined;
    try {
      const r =
        decision === 'verify' || decision === 'return'
          ? await reviewDistrict({
              ids,
              decision,
              reason,
              ...(decision === 'return' ? { returnDeadline: v.returnDeadline } : {}),
            } as never)
          : await reviewCity({ ids, decision, reason } as never);
      await qc.invalidateQueries({ queryKey: projectKeys.all });
      const msg = fill(pick(T.batchDone), { ok: r.succeeded, bad: r.failed });
      if (r.failed > 0)
        message.warning(
          `${msg}：${r.results
            .filter((x) => !x.ok)
            .map((x) => x.error?.message)
            .join('；')}`,
        );
      else message.success(msg);
      form.resetFields();
      onDone?.(r);
      onClose();
    } catch (e) {
      const rest = applyFieldErrors(form, e);
      setError(rest.length ? rest.join('；') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={!!decision}
      title={decision ? `${pick(TITLES[decision])}（${fill(pick(T.selected), { n: ids.length })}）` : ''}
      okText={pick(T.ok)}
      cancelText={pick(T.cancel)}
      onOk={ok}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ danger: refusing, 'data-testid': 'review-ok' } as never}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ returnDeadline: dayjs().add(7, 'day').format('YYYY-MM-DD') }}
      >
        <Form.Item
          name="reason"
          label={refusing ? pick(T.reason) : pick(T.opinion)}
          rules={refusing ? [{ required: true, message: `${pick(T.reason)}（reason）` }] : []}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="review-reason" />
        </Form.Item>
        {decision === 'return' && (
          <Form.Item name="returnDeadline" label={pick(T.deadline)} {...dateProps} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} data-testid="review-deadline" />
          </Form.Item>
        )}
        {decision === 'approve' && (
          <Typography.Paragraph type="secondary">
            通过的项目获得编号（江工信工业互联网〔2023〕33号 第七条（二））：JMSZ-年份-序号，年内连续不重复。
          </Typography.Paragraph>
        )}
      </Form>
    </Modal>
  );
}
