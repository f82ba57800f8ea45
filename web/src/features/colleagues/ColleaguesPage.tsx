/**
 * 企业账号管理: the enterprise's administrator opens accounts for colleagues (a temporary password shown once),
 * disables and enables them and resets their passwords. The API scopes everything to the administrator's own
 * enterprise; anyone else gets 403, which this page explains instead of a bare error.
 */
import { CopyOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Result, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  type TCreatedUser,
  type TResetPasswordResult,
  type TUser,
  type TUserList,
  ZCreateUser,
} from '../../../../src/contracts/users';
import { ApiError, api, applyFieldErrors, errorMessage } from '../../api/client';
import { mayI } from '../../auth/access';
import { useMe } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { maxLengthOf, validFields, zodRule } from '../../components/zodRule';
import { useI18n } from '../../i18n';
import { formatInstant } from '../../shared/time';

const C = ZCreateUser.shape;
const KEY = ['colleagues'] as const;

interface NewColleague {
  displayName: string;
  username: string;
}

function AddColleagueDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose(): void;
  onCreated(r: TCreatedUser): void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<NewColleague>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setError(null);
    const v = await validFields(form);
    if (!v) return;
    setBusy(true);
    try {
      // Role and enterprise are the administrator's own; no password: the server generates a temporary one.
      const created = await api.post<TCreatedUser>('/api/v1/users', {
        username: v.username.trim(),
        displayName: v.displayName.trim(),
      });
      form.resetFields();
      onCreated(created);
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
      title={t('colleagues.addTitle')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={submit}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      destroyOnHidden
      width={520}
    >
      <Typography.Paragraph type="secondary">{t('colleagues.addHint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} name="addColleague" layout="vertical" autoComplete="off" preserve={false}>
        <Form.Item
          name="displayName"
          label={t('colleagues.displayName')}
          rules={[zodRule(C.displayName, 'displayName', lang)]}
        >
          <Input maxLength={maxLengthOf(C.displayName)} />
        </Form.Item>
        <Form.Item
          name="username"
          label={t('colleagues.username')}
          extra={t('colleagues.usernameExtra')}
          rules={[zodRule(C.username, 'username', lang)]}
        >
          <Input maxLength={maxLengthOf(C.username)} autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Shows a temporary password once, with a copy button; closing it loses the password for good. */
function OneTimePassword({ info, onClose }: { info: { username: string; password: string } | null; onClose(): void }) {
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
        </>
      )}
    </Modal>
  );
}

export default function ColleaguesPage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [query, setQuery] = useState<{ q?: string | undefined; page: number; pageSize: number }>({
    page: 1,
    pageSize: 20,
  });
  const [adding, setAdding] = useState(false);
  const [oneTime, setOneTime] = useState<{ username: string; password: string } | null>(null);
  const mayManage = mayI(me, 'user.list');

  const list = useQuery({
    queryKey: [...KEY, query],
    queryFn: () => api.get<TUserList>('/api/v1/users', { query: { ...query, role: 'enterprise' } }),
    placeholderData: (prev) => prev,
    enabled: mayManage,
    retry: false,
  });

  const forbidden = !mayManage || (list.error instanceof ApiError && list.error.status === 403);
  if (forbidden) {
    return (
      <>
        <PageHeader title={t('colleagues.title')} />
        <Card>
          <Result
            status="403"
            title={t('colleagues.notAdmin')}
            subTitle={
              list.error instanceof ApiError && list.error.status === 403
                ? `${list.error.message}。${t('colleagues.notAdminDetail')}`
                : t('colleagues.notAdminDetail')
            }
          />
        </Card>
      </>
    );
  }

  const act = async (u: TUser, action: 'disable' | 'enable' | 'reset-password') => {
    try {
      if (action === 'reset-password') {
        const r = await api.post<TResetPasswordResult>(`/api/v1/users/${u.id}/reset-password`, {});
        if (r.temporaryPassword) setOneTime({ username: u.username, password: r.temporaryPassword });
      } else {
        await api.post(`/api/v1/users/${u.id}/${action}`, {});
        message.success(
          t(action === 'disable' ? 'colleagues.disabledDone' : 'colleagues.enabledDone', { name: u.displayName }),
        );
      }
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      await qc.invalidateQueries({ queryKey: KEY });
    }
  };

  const locked = (u: TUser) => !!u.lockedUntil && new Date(u.lockedUntil) > new Date();

  return (
    <>
      <PageHeader
        title={t('colleagues.title')}
        description={t('colleagues.intro')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('colleagues.add')}
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          enterButton={<SearchOutlined />}
          placeholder={t('colleagues.search')}
          style={{ maxWidth: 320 }}
          aria-label={t('colleagues.search')}
          onSearch={(v) => setQuery({ ...query, q: v.trim() || undefined, page: 1 })}
        />
      </Card>
      {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 16 }} />}
      <Card>
        <Table<TUser>
          rowKey="id"
          data-testid="colleagues"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 900 }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: list.data?.total ?? 0,
            showTotal: (n) => t('colleagues.total', { n }),
            onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }),
          }}
          columns={[
            { title: t('colleagues.displayName'), dataIndex: 'displayName' },
            {
              title: t('colleagues.username'),
              dataIndex: 'username',
              render: (v: string, u) => (
                <Space size={4}>
                  <span className="mono">{v}</span>
                  {u.isEnterpriseAdmin && <Tag color="gold">{t('colleagues.admin')}</Tag>}
                  {u.id === me?.id && <Tag>{t('colleagues.self')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('colleagues.status'),
              key: 'status',
              render: (_, u) => (
                <Space size={4}>
                  {u.active ? <Tag color="green">{t('colleagues.active')}</Tag> : <Tag>{t('colleagues.disabled')}</Tag>}
                  {locked(u) && <Tag color="red">{t('colleagues.locked')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('colleagues.lastLogin'),
              dataIndex: 'lastLoginAt',
              render: (v: string | null) => formatInstant(v),
            },
            { title: t('colleagues.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatInstant(v) },
            {
              title: t('colleagues.actions'),
              key: 'actions',
              fixed: 'right',
              render: (_, u) =>
                u.id === me?.id ? null : (
                  <Space size={0} wrap>
                    {u.active ? (
                      <Popconfirm
                        title={t('colleagues.confirmDisable', { name: u.displayName })}
                        onConfirm={() => act(u, 'disable')}
                      >
                        <Button type="link" danger size="small">
                          {t('colleagues.disable')}
                        </Button>
                      </Popconfirm>
                    ) : (
                      <Popconfirm
                        title={t('colleagues.confirmEnable', { name: u.displayName })}
                        onConfirm={() => act(u, 'enable')}
                      >
                        <Button type="link" size="small">
                          {t('colleagues.enable')}
                        </Button>
                      </Popconfirm>
                    )}
                    <Popconfirm
                      title={t('colleagues.confirmReset', { name: u.displayName })}
                      onConfirm={() => act(u, 'reset-password')}
                    >
                      <Button type="link" size="small">
                        {t('colleagues.resetPassword')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <AddColleagueDialog
        open={adding}
        onClose={() => setAdding(false)}
        onCreated={(r) => {
          setAdding(false);
          message.success(t('colleagues.created', { name: r.user.displayName, username: r.user.username }));
          if (r.temporaryPassword) setOneTime({ username: r.user.username, password: r.temporaryPassword });
          void qc.invalidateQueries({ queryKey: KEY });
        }}
      />
      <OneTimePassword info={oneTime} onClose={() => setOneTime(null)} />
    </>
  );
}
