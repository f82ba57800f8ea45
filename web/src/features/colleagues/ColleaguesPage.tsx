/**
 * 企业账号管理: the enterprise's administrator opens accounts for colleagues (a temporary password shown once),
 * disables and enables them and resets their passwords. The API scopes everything to the administrator's own
 * enterprise; anyone else gets 403, which this page explains instead of a bare error.
 */
import { SearchOutlined } from '@ant-design/icons';
import { Card, Form, Input, Result, Space, Tag } from 'antd';
import { useState } from 'react';
import { type TCreatedUser, type TUser, type TUserList, ZCreateUser } from '../../../../src/contracts/users';
import { ApiError, api } from '../../api/client';
import { usePagedList } from '../../api/lists';
import { mayI } from '../../auth/access';
import { useMe } from '../../auth/session';
import { AddButton } from '../../components/AddButton';
import { TextField } from '../../components/FormFields';
import { FormModal } from '../../components/FormModal';
import { PagedTable, usePagedFilters } from '../../components/lists';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { formatInstant } from '../../shared/time';
import { type NewAccountDialog, useAccountActions, useAccountColumns } from '../users/accounts';

const C = ZCreateUser.shape;
const KEY = ['colleagues'] as const;

interface NewColleague {
  displayName: string;
  username: string;
}

function AddColleagueDialog({ open, onClose, onCreated }: NewAccountDialog) {
  const { t } = useI18n();
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
      <TextField schema={C.displayName} name="displayName" label={t('colleagues.displayName')} />
      <TextField
        schema={C.username}
        name="username"
        label={t('colleagues.username')}
        extra={t('colleagues.usernameExtra')}
        autoComplete="off"
      />
    </FormModal>
  );
}

export default function ColleaguesPage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const { filters: query, search, pages } = usePagedFilters<{ q?: string | undefined }>();
  const [adding, setAdding] = useState(false);
  const { act, created, passwordDialog } = useAccountActions(KEY, (u, action) =>
    t(action === 'disable' ? 'colleagues.disabledDone' : 'colleagues.enabledDone', { name: u.displayName }),
  );
  const account = useAccountColumns(
    act,
    { disable: 'colleagues.confirmDisable', enable: 'colleagues.confirmEnable', reset: 'colleagues.confirmReset' },
    false,
  );
  const mayManage = mayI(me, 'user.list');

  const list = usePagedList<TUserList>(
    [...KEY, query],
    '/api/v1/users',
    { ...query, role: 'enterprise' },
    { enabled: mayManage, retry: false },
  );

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
        extra={<AddButton onClick={() => setAdding(true)}>{t('colleagues.add')}</AddButton>}
      />
      <Card style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          enterButton={<SearchOutlined />}
          placeholder={t('colleagues.search')}
          style={{ maxWidth: 320 }}
          aria-label={t('colleagues.search')}
          onSearch={(v) => search({ q: v.trim() || undefined })}
        />
      </Card>
      <PagedTable<TUser>
        data-testid="colleagues"
        {...pages}
        query={list}
        showTotal={(n) => t('colleagues.total', { n })}
        scroll={{ x: 900 }}
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
          account.status,
          account.lastLogin,
          { title: t('colleagues.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatInstant(v) },
          {
            title: t('colleagues.actions'),
            key: 'actions',
            fixed: 'right',
            render: (_, u) => (u.id === me?.id ? null : account.actions(u)),
          },
        ]}
      />
      <AddColleagueDialog
        open={adding}
        onClose={() => setAdding(false)}
        onCreated={(r) => {
          setAdding(false);
          created(r, t('colleagues.created', { name: r.user.displayName, username: r.user.username }));
        }}
      />
      {passwordDialog}
    </>
  );
}
