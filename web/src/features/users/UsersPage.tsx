/** 用户管理 (security administrator): staff accounts — create, disable/enable, unlock, reset password. */
import { Form, Input, Select } from 'antd';
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
import { usePagedList } from '../../api/lists';
import { AddButton } from '../../components/AddButton';
import { TextField } from '../../components/FormFields';
import { FormModal } from '../../components/FormModal';
import { FilterCard, FilterSelect, KeywordFilter, PagedTable, usePagedFilters } from '../../components/lists';
import { PageHeader } from '../../components/PageHeader';
import { compact, validateAll, zodRule } from '../../components/zodRule';
import { useI18n } from '../../i18n';
import { DISTRICTS, districtName } from '../../shared/districts';
import { type NewAccountDialog, useAccountActions, useAccountColumns } from './accounts';
import { useInstitutions } from './institutions';

const C = ZCreateUser.shape;

function CreateUserDialog({ open, onClose, onCreated }: NewAccountDialog) {
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
      <TextField schema={C.username} name="username" label={t('field.username')} />
      <TextField schema={C.displayName} name="displayName" label={t('field.displayName')} />
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

type Filters = { q?: string | undefined; role?: Role | undefined };

export default function UsersPage() {
  const { t, lang, pick } = useI18n();
  const [filterForm] = Form.useForm<Filters>();
  const { filters, search, pages } = usePagedFilters<Filters>();
  const [creating, setCreating] = useState(false);
  const { act, created, passwordDialog } = useAccountActions(['users'], () => t('common.done'));
  const account = useAccountColumns(act, { disable: 'users.confirmDisable', reset: 'users.confirmReset' }, true);

  const institutions = useInstitutions();
  const institutionName = (id: string) =>
    institutions.data?.find((i) => i.id === id)?.shortName ?? t('scope.institution');
  const list = usePagedList<TUserList>(['users', filters], '/api/v1/users', { ...filters });

  return (
    <>
      <PageHeader
        title={t('menu.users')}
        description={t('users.intro')}
        extra={<AddButton onClick={() => setCreating(true)}>{t('users.create')}</AddButton>}
      />
      <FilterCard
        form={filterForm}
        name="userFilter"
        onSearch={(v) => search({ q: v.q?.trim() || undefined, role: v.role })}
        style={{ rowGap: 12 }}
      >
        <KeywordFilter label={t('common.keyword')} placeholder={t('users.searchPlaceholder')} width={220} />
        <FilterSelect
          name="role"
          label={t('users.role')}
          width={200}
          options={ROLES.map((r) => ({ value: r, label: pick(ROLE_NAMES[r]) }))}
        />
      </FilterCard>
      <PagedTable<TUser>
        {...pages}
        query={list}
        showTotal={(n) => t('common.total', { n })}
        scroll={{ x: 1000 }}
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
          account.status,
          account.lastLogin,
          { title: t('common.actions'), key: 'actions', fixed: 'right', render: (_, u) => account.actions(u) },
        ]}
      />
      <CreateUserDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(r) => {
          setCreating(false);
          created(r, t('users.created', { username: r.user.username }));
        }}
      />
      {passwordDialog}
    </>
  );
}
