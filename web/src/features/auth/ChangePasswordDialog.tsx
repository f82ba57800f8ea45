import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ZChangePassword } from '../../../../src/contracts/auth';
import { checkPassword } from '../../../../src/domain/access/password-policy';
import { api, applyFieldErrors, errorMessage } from '../../api/client';
import { validFields, zodRule } from '../../components/zodRule';
import { useI18n } from '../../i18n';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordDialog({
  open,
  onClose,
  username,
}: {
  open: boolean;
  onClose(): void;
  username: string;
}) {
  const { t, lang, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const v = await validFields(form);
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/v1/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      message.success(t('password.changed'));
      form.resetFields();
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
      open={open}
      title={t('password.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={submit}
      onCancel={() => {
        setError(null);
        form.resetFields();
        onClose();
      }}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} name="changePassword" layout="vertical" autoComplete="off" preserve={false}>
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[zodRule(ZChangePassword.shape.currentPassword, 'currentPassword', lang)]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={t('password.policy')}
          rules={[
            zodRule(ZChangePassword.shape.newPassword, 'newPassword', lang),
            {
              validator: async (_, value: string | undefined) => {
                const problems = value ? checkPassword(value, username) : [];
                if (problems.length) throw new Error(problems.map((p) => pick(p)).join('；'));
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue('newPassword') === value
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
