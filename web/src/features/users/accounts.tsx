/**
 * What the security administrator's 用户管理 and an enterprise administrator's 企业账号管理 share: the actions on an
 * account (disable, enable, unlock, reset password) and the dialog that shows a temporary password once.
 */
import { CopyOutlined } from '@ant-design/icons';
import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import type { TResetPasswordResult, TUser } from '../../../../src/contracts/users';
import { api, errorMessage } from '../../api/client';
import { useI18n } from '../../i18n';

export interface OneTime {
  username: string;
  password: string;
}

/** Shows a temporary password once, with a copy button; closing it loses the password for good. */
export function OneTimePassword({ info, onClose }: { info: OneTime | null; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const copy = async () => {
    if (!info) return;
    try {
      await navigator.clipboard.writeText(info.password);
      message.success(t('colleagues.copied'));
    } catch {
      message.info(info.password);
    }
  };
  return (
    <Modal
      open={!!info}
      title={t('colleagues.tempTitle')}
      okText={t('colleagues.closeSaved')}
      onOk={onClose}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      cancelButtonProps={{ style: { display: 'none' } }}
    >
      {info && (
        <>
          <Typography.Paragraph>{t('colleagues.tempIntro', { username: info.username })}</Typography.Paragraph>
          <Space align="center" style={{ marginBottom: 16 }}>
            <Typography.Text className="mono" style={{ fontSize: 20 }} data-testid="temp-password">
              {info.password}
            </Typography.Text>
            <Button icon={<CopyOutlined />} onClick={copy}>
              {t('colleagues.copy')}
            </Button>
          </Space>
          <Alert type="warning" showIcon title={t('colleagues.tempWarn')} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('users.tempPasswordForced')}
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}

export type AccountAction = 'disable' | 'enable' | 'unlock' | 'reset-password';

/** Is the account locked out at this moment? */
export function isLocked(u: TUser): boolean {
  return !!u.lockedUntil && new Date(u.lockedUntil) > new Date();
}

/**
 * Runs an action on an account and refreshes the list under `listKey`; a password reset opens the one-time dialog
 * (render `passwordDialog`), the other actions say `done(user, action)`.
 */
export function useAccountActions(listKey: QueryKey, done: (u: TUser, action: AccountAction) => string) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [oneTime, setOneTime] = useState<OneTime | null>(null);
  const act = async (u: TUser, action: AccountAction) => {
    try {
      if (action === 'reset-password') {
        const r = await api.post<TResetPasswordResult>(`/api/v1/users/${u.id}/reset-password`, {});
        if (r.temporaryPassword) setOneTime({ username: u.username, password: r.temporaryPassword });
      } else {
        await api.post(`/api/v1/users/${u.id}/${action}`, {});
        message.success(done(u, action));
      }
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      await qc.invalidateQueries({ queryKey: listKey });
    }
  };
  return {
    act,
    showOnce: setOneTime,
    passwordDialog: <OneTimePassword info={oneTime} onClose={() => setOneTime(null)} />,
  };
}
