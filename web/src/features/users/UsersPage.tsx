/** 用户管理 (security administrator): staff accounts — create, disable/enable, unlock, reset password. */
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import {
  STAFF_ROLES,
  type TCreatedUser,
  type TCreateUser,
  type TUser,
  type TUserList,
  ZCreateUser,
} from '../../../../src/contracts/users';
import { ROLE_NAMES, ROLES, type Role } from '../../../../src/domain/access/actor';
import { checkPassword } from '../../../../src/domain/access/password-policy';
import { institutionKindsFor } from '../../../../src/domain/access/policy';
import { api } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { LoadError, pager } from '../../components/lists';
import { PageHeader } from '../../components/PageHeader';
import { compact, maxLengthOf, validateAll, zodRule } from '../../components/zodRule';
import { useI18n } from '../../i18n';
import { DISTRICTS, districtName } from '../../shared/districts';
import { formatInstant } from '../../shared/time';
import { isLocked, useAccountActions } from './accounts';
import { useInstitutions } from './institutions';

const C = ZCreateUser.shape;

function CreateUserDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose(): void;
  onCreated(r: TCreatedUser): void;
}) {
  const { t, lang, pick } = useI18n();
  const [form] = Form.useForm<TCreateUser>();
  const role = Form.useWatch('role', form);
  const institutions = useInstitutions();
  const kinds = role ? institutionKindsFor(role) : null;
  const wantsInstitution = kinds !== null;

  return (
    <FormModal
      form={form}
      name="createUser"
      open={open}
      title={t('users.create')}
      okText={t('common.create')}
      width={560}
      onClose={onClose}
      onSubmit={async (v) => {
        const body = compact(v);
        if (!validateAll(form, ZCreateUser, body, lang)) return;
        const created = await api.post<TCreatedUser>('/api/v1/users', body);
        form.resetFields();
        onCreated(created);
      }}
    >
      <Form.Item name="role" label={t('users.role')} rules={[{ required: true, message: t('users.roleRequired') }]}>
        <Select
          placeholder={t('common.select')}
          options={STAFF_ROLES.map((r) => ({ value: r, label: pick(ROLE_NAMES[r]) }))}
        />
      </Form.Item>
      {role === 'district_reviewer' && (
        <Form.Item
          name="districtCode"
          label={t('users.district')}
          rules={[
            { required: true, message: t('users.districtRequired') },
            zodRule(C.districtCode, 'districtCode', lang),
          ]}
        >
          <Select
            placeholder={t('common.select')}
            options={DISTRICTS.map((d) => ({ value: d.code, label: d[lang] }))}
          />
        </Form.Item>
      )}
      {wantsInstitution && (
        <Form.Item
          name="institutionId"
          label={t('users.institution')}
          rules={[{ required: true, message: t('users.institutionRequired') }]}
        >
          <Select
            placeholder={t('common.select')}
            loading={institutions.isLoading}
            options={(institutions.data ?? [])
              .filter((i) => kinds?.includes(i.kind))
              .map((i) => ({ value: i.id, label: i.name }))}
          />
        </Form.Item>
      )}
      <Form.Item name="username" label={t('field.username')} rules={[zodRule(C.username, 'username', lang)]}>
        <Input maxLength={maxLengthOf(C.username)} />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('field.displayName')}
        rules={[zodRule(C.displayName, 'displayName', lang)]}
      >
        <Input maxLength={maxLengthOf(C.displayName)} />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('users.initialPassword')}
        extra={t('users.passwordOptional')}
        dependencies={['username']}
        rules={[
          ({ getFieldValue }) => ({
            validator: async (_, value: string | undefined) => {
              const problems = value ? checkPassword(value, getFieldValue('username')) : [];
              if (problems.length) throw new Error(problems.map((p) => pick(p)).join('；'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}

export default function UsersPage() {
  const { t, lang, pick } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [filterForm] = Form.useForm<{ q?: string; role?: Role }>();
  const [query, setQuery] = useState<{
    q?: string | undefined;
    role?: Role | undefined;
    page: number;
    pageSize: number;
  }>({
    page: 1,
    pageSize: 20,
  });
  const [creating, setCreating] = useState(false);
  const { act, showOnce, passwordDialog } = useAccountActions(['users'], () => t('common.done'));

  const institutions = useInstitutions();
  const institutionName = (id: string) =>
    institutions.data?.find((i) => i.id === id)?.shortName ?? t('scope.institution');
  const list = useQuery({
    queryKey: ['users', query],
    queryFn: () => api.get<TUserList>('/api/v1/users', { query: { ...query } }),
    placeholderData: (prev) => prev,
  });

  return (
    <>
      <PageHeader
        title={t('menu.users')}
        description={t('users.intro')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('users.create')}
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Form
          form={filterForm}
          name="userFilter"
          layout="inline"
          onFinish={(v) => setQuery({ q: v.q?.trim() || undefined, role: v.role, page: 1, pageSize: query.pageSize })}
          style={{ rowGap: 12 }}
        >
          <Form.Item name="q" label={t('common.keyword')}>
            <Input allowClear placeholder={t('users.searchPlaceholder')} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="role" label={t('users.role')}>
            <Select
              allowClear
              style={{ width: 200 }}
              options={ROLES.map((r) => ({ value: r, label: pick(ROLE_NAMES[r]) }))}
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {t('common.search')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <LoadError error={list.error} />
      <Card>
        <Table<TUser>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1000 }}
          pagination={pager(
            query,
            list.data?.total,
            (pg) => setQuery({ ...query, ...pg }),
            (n) => t('common.total', { n }),
          )}
          columns={[
            {
              title: t('field.username'),
              dataIndex: 'username',
              render: (v: string) => <span className="mono">{v}</span>,
            },
            { title: t('field.displayName'), dataIndex: 'displayName' },
            { title: t('users.role'), dataIndex: 'role', render: (r: Role) => pick(ROLE_NAMES[r]) },
            {
              title: t('users.scope'),
              key: 'scope',
              render: (_, u) =>
                u.districtCode
                  ? districtName(u.districtCode, lang)
                  : u.institutionId
                    ? institutionName(u.institutionId)
                    : u.enterpriseId
                      ? t('scope.enterprise')
                      : districtName('440700', lang),
            },
            {
              title: t('users.status'),
              key: 'status',
              render: (_, u) => (
                <Space size={4}>
                  {u.active ? <Tag color="green">{t('users.active')}</Tag> : <Tag>{t('users.disabled')}</Tag>}
                  {isLocked(u) && <Tag color="red">{t('users.locked')}</Tag>}
                  {u.mustChangePassword && <Tag color="orange">{t('users.mustChange')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('users.lastLogin'),
              dataIndex: 'lastLoginAt',
              render: (v: string | null) => formatInstant(v),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              fixed: 'right',
              render: (_, u) => (
                <Space size={0} wrap>
                  {u.active ? (
                    <Popconfirm
                      title={t('users.confirmDisable', { name: u.displayName })}
                      onConfirm={() => act(u, 'disable')}
                    >
                      <Button type="link" danger size="small">
                        {t('users.disable')}
                      </Button>
                    </Popconfirm>
                  ) : (
                    <Button type="link" size="small" onClick={() => act(u, 'enable')}>
                      {t('users.enable')}
                    </Button>
                  )}
                  {isLocked(u) && (
                    <Button type="link" size="small" onClick={() => act(u, 'unlock')}>
                      {t('users.unlock')}
                    </Button>
                  )}
                  <Popconfirm
                    title={t('users.confirmReset', { name: u.displayName })}
                    onConfirm={() => act(u, 'reset-password')}
                  >
                    <Button type="link" size="small">
                      {t('users.resetPassword')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <CreateUserDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(r) => {
          setCreating(false);
          message.success(t('users.created', { username: r.user.username }));
          if (r.temporaryPassword) showOnce({ username: r.user.username, password: r.temporaryPassword });
          void qc.invalidateQueries({ queryKey: ['users'] });
        }}
      />
      {passwordDialog}
    </>
  );
}
