/**
 * What the security administrator's 用户管理 and an enterprise administrator's 企业账号管理 share: the actions on an
 * account (disable, enable, unlock, reset password) and the dialog that shows a temporary password once.
 */
import { CopyOutlined } from '@ant-design/icons';
import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Popconfirm, Space, type TableColumnType, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { TCreatedUser, TResetPasswordResult, TUser } from '../../../../src/contracts/users';
import { api, errorMessage } from '../../api/client';
import { type MessageKey, useI18n } from '../../i18n';
import { formatInstant } from '../../shared/time';

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

/** The props of a dialog that opens an account: `onCreated` gets the account and its temporary password. */
export interface NewAccountDialog {
  open: boolean;
  onClose(): void;
  onCreated(r: TCreatedUser): void;
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
  /** An account was opened: says `text`, shows its temporary password once and refreshes the list. */
  const created = (r: TCreatedUser, text: string) => {
    message.success(text);
    if (r.temporaryPassword) setOneTime({ username: r.user.username, password: r.temporaryPassword });
    void qc.invalidateQueries({ queryKey: listKey });
  };
  return {
    act,
    created,
    passwordDialog: <OneTimePassword info={oneTime} onClose={() => setOneTime(null)} />,
  };
}

/** A confirming link button (停用, 启用, 重置密码) on an account's row. */
function Confirmed({
  title,
  label,
  danger,
  onConfirm,
}: {
  title: string;
  label: string;
  danger?: boolean;
  onConfirm(): void;
}) {
  return (
    <Popconfirm title={title} onConfirm={onConfirm}>
      <Button type="link" danger={danger} size="small">
        {label}
      </Button>
    </Popconfirm>
  );
}

/**
 * The columns both account tables show — 状态, 最近登录 and the row's actions — worded by `confirm` (each table asks
 * its own question). Staff accounts also show 须改密 and 解锁; enabling one needs no confirmation.
 */
export function useAccountColumns(
  act: (u: TUser, action: AccountAction) => void,
  confirm: { disable: MessageKey; enable?: MessageKey; reset: MessageKey },
  staff: boolean,
) {
  const { t } = useI18n();
  const status: TableColumnType<TUser> = {
    title: t('users.status'),
    key: 'status',
    render: (_, u) => (
      <Space size={4}>
        {u.active ? <Tag color="green">{t('users.active')}</Tag> : <Tag>{t('users.disabled')}</Tag>}
        {isLocked(u) && <Tag color="red">{t('users.locked')}</Tag>}
        {staff && u.mustChangePassword && <Tag color="orange">{t('users.mustChange')}</Tag>}
      </Space>
    ),
  };
  const lastLogin: TableColumnType<TUser> = {
    title: t('users.lastLogin'),
    dataIndex: 'lastLoginAt',
    render: (v: string | null) => formatInstant(v),
  };
  const enable = (u: TUser) =>
    confirm.enable ? (
      <Confirmed
        title={t(confirm.enable, { name: u.displayName })}
        label={t('users.enable')}
        onConfirm={() => act(u, 'enable')}
      />
    ) : (
      <Button type="link" size="small" onClick={() => act(u, 'enable')}>
        {t('users.enable')}
      </Button>
    );
  const actions = (u: TUser) => (
    <Space size={0} wrap>
      {u.active ? (
        <Confirmed
          title={t(confirm.disable, { name: u.displayName })}
          label={t('users.disable')}
          danger
          onConfirm={() => act(u, 'disable')}
        />
      ) : (
        enable(u)
      )}
      {staff && isLocked(u) && (
        <Button type="link" size="small" onClick={() => act(u, 'unlock')}>
          {t('users.unlock')}
        </Button>
      )}
      <Confirmed
        title={t(confirm.reset, { name: u.displayName })}
        label={t('users.resetPassword')}
        onConfirm={() => act(u, 'reset-password')}
      />
    </Space>
  );
  return { status, lastLogin, actions };
}
