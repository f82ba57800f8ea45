/**
 * Changing one's own password. With `forced` (a password set by an administrator, `mustChangePassword`) the dialog
 * cannot be dismissed: the only ways out are a successful change or signing out.
 */

import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ZChangePassword } from '../../../../src/contracts/auth';
import { checkPassword } from '../../../../src/domain/access/password-policy';
import { api, applyFieldErrors, errorMessage } from '../../api/client';
import { ME_KEY, type Me } from '../../auth/session';
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
  forced = false,
  onLogout,
}: {
  open: boolean;
  /** After a successful change (and, unless forced, on cancel). */
  onClose(): void;
  username: string;
  /** The password must be changed before anything else: no cancel, no close button, no Esc, no mask click. */
  forced?: boolean;
  /** Offered instead of "cancel" when forced. */
  onLogout?(): void;
}) {
  const { t, lang, pick } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
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
      // The obligation to change a temporary password ends with the change (the server cleared it too).
      qc.setQueryData<Me | null>(ME_KEY, (m) => (m ? { ...m, mustChangePassword: false } : m));
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
      title={forced ? t('password.forcedTitle') : t('password.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={submit}
      onCancel={() => {
        if (forced) return;
        setError(null);
        form.resetFields();
        onClose();
      }}
      closable={!forced}
      mask={{ closable: !forced }}
      keyboard={!forced}
      footer={
        forced
          ? (_, { OkBtn }) => (
              <>
                {onLogout && <Button onClick={onLogout}>{t('header.logout')}</Button>}
                <OkBtn />
              </>
            )
          : undefined
      }
      destroyOnHidden
    >
      {forced && <Alert type="warning" showIcon title={t('password.forcedIntro')} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} name="changePassword" layout="vertical" autoComplete="off" preserve={false}>
        <Form.Item
          name="currentPassword"
          label={forced ? t('password.forcedCurrent') : t('password.current')}
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
