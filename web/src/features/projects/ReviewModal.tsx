/** The reviewer's decision on one or many declarations: a reason where it refuses, a deadline for a return. */
import { useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import { type TBatchResult, ZCityReview, ZDistrictReview } from '../../../../src/contracts/projects';
import { FormError, useFormSubmit } from '../../components/FormModal';
import { dateProps } from '../../components/forms';
import { maxLengthOf, requiredIn } from '../../components/zodRule';
import { type MessageKey, useI18n } from '../../i18n';
import { projectKeys, reviewCity, reviewDistrict } from './api';

export type Decision = 'verify' | 'return' | 'approve' | 'reject';

const TITLES: Record<Decision, MessageKey> = {
  verify: 'projects.review.verify',
  return: 'projects.review.return',
  approve: 'projects.review.approve',
  reject: 'projects.review.reject',
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
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ reason?: string; returnDeadline?: string }>();
  const { busy, error, submit } = useFormSubmit(form);
  const refusing = decision === 'return' || decision === 'reject';
  const schema = decision === 'approve' || decision === 'reject' ? ZCityReview : ZDistrictReview;
  // The contract says which fields the decision needs (a reason to refuse, a deadline to return).
  const required = (field: 'reason' | 'returnDeadline') => !!decision && requiredIn(schema, field, { ids, decision });

  const ok = () =>
    submit(async (v) => {
      if (!decision) return;
      const reason = v.reason?.trim() || undefined;
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
      const msg = t('projects.review.batchDone', { ok: r.succeeded, bad: r.failed });
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
    });

  return (
    <Modal
      open={!!decision}
      title={decision ? `${t(TITLES[decision])}（${t('projects.review.selected', { n: ids.length })}）` : ''}
      okText={t('projects.common.ok')}
      cancelText={t('common.cancel')}
      onOk={ok}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ danger: refusing, 'data-testid': 'review-ok' } as never}
    >
      <FormError error={error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ returnDeadline: dayjs().add(7, 'day').format('YYYY-MM-DD') }}
      >
        <Form.Item
          name="reason"
          label={refusing ? t('projects.common.reason') : t('projects.review.opinion')}
          rules={[{ required: required('reason'), message: t('projects.common.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={maxLengthOf(ZDistrictReview.shape.reason)} data-testid="review-reason" />
        </Form.Item>
        {decision === 'return' && (
          <Form.Item
            name="returnDeadline"
            label={t('projects.common.deadline')}
            {...dateProps}
            rules={[{ required: required('returnDeadline') }]}
          >
            <DatePicker style={{ width: '100%' }} data-testid="review-deadline" />
          </Form.Item>
        )}
        {decision === 'approve' && (
          <Typography.Paragraph type="secondary">{t('projects.review.approveNote')}</Typography.Paragraph>
        )}
      </Form>
    </Modal>
  );
}
