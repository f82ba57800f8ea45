/**
 * 企业账号管理: the enterprise's administrator opens accounts for colleagues (a temporary password shown once),
 * disables and enables them and resets their passwords. The API scopes everything to the administrator's own
 * enterprise; anyone else gets 403, which this page explains instead of a bare error.
 */
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Popconfirm, Result, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { type TCreatedUser, type TUser, type TUserList, ZCreateUser } from '../../../../src/contracts/users';
import { ApiError, api } from '../../api/client';
import { mayI } from '../../auth/access';
import { useMe } from '../../auth/session';
import { FormModal } from '../../components/FormModal';
import { LoadError, pager } from '../../components/lists';
import { PageHeader } from '../../components/PageHeader';
import { maxLengthOf, zodRule } from '../../components/zodRule';
import { useI18n } from '../../i18n';
import { formatInstant } from '../../shared/time';
import { isLocked, useAccountActions } from '../users/accounts';

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
  return (
    <FormModal
      form={form}
      name="addColleague"
      open={open}
      title={t('colleagues.addTitle')}
      okText={t('common.create')}
      hint={t('colleagues.addHint')}
      onClose={onClose}
      onSubmit={async (v) => {
        // Role and enterprise are the administrator's own; no password: the server generates a temporary one.
        const created = await api.post<TCreatedUser>('/api/v1/users', {
          username: v.username.trim(),
          displayName: v.displayName.trim(),
        });
        form.resetFields();
        onCreated(created);
      }}
    >
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
    </FormModal>
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
  const { act, showOnce, passwordDialog } = useAccountActions(KEY, (u, action) =>
    t(action === 'disable' ? 'colleagues.disabledDone' : 'colleagues.enabledDone', { name: u.displayName }),
  );
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
      <LoadError error={list.error} />
      <Card>
        <Table<TUser>
          rowKey="id"
          data-testid="colleagues"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 900 }}
          pagination={pager(
            query,
            list.data?.total,
            (pg) => setQuery({ ...query, ...pg }),
            (n) => t('colleagues.total', { n }),
          )}
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
                  {isLocked(u) && <Tag color="red">{t('colleagues.locked')}</Tag>}
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
          if (r.temporaryPassword) showOnce({ username: r.user.username, password: r.temporaryPassword });
          void qc.invalidateQueries({ queryKey: KEY });
        }}
      />
      {passwordDialog}
    </>
  );
}
