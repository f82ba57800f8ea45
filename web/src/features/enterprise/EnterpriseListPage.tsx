import { Card, Form, Input, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { CREDIT_STATUSES, ENTERPRISE_TYPES, type TEnterprise } from '../../../../src/contracts/enterprises';
import { dataScopeOf } from '../../../../src/domain/access/scope';
import { actorOf } from '../../auth/access';
import { useMe } from '../../auth/session';
import { FilterActions, LoadError, pager } from '../../components/lists';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { DISTRICTS, districtName } from '../../shared/districts';
import { type EnterpriseFilters, useEnterpriseList } from './api';
import { CreditTag } from './EnterpriseInfo';

type Filters = Omit<EnterpriseFilters, 'page' | 'pageSize'>;

export default function EnterpriseListPage() {
  const { t, lang } = useI18n();
  const { data: me } = useMe();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<EnterpriseFilters>({ page: 1, pageSize: 20 });
  const { data, isFetching, error } = useEnterpriseList(filters);
  // A district reviewer's scope is one district: no district filter.
  const cityWide = !me || dataScopeOf(actorOf(me)).kind !== 'district';

  return (
    <>
      <PageHeader title={t('menu.enterprises')} description={t('enterprise.listIntro')} />
      <Card style={{ marginBottom: 16 }}>
        <Form
          form={form}
          name="enterpriseFilter"
          layout="inline"
          onFinish={(v) => setFilters({ ...v, q: v.q?.trim() || undefined, page: 1, pageSize: filters.pageSize })}
          style={{ rowGap: 12 }}
        >
          <Form.Item name="q" label={t('common.keyword')}>
            <Input allowClear placeholder={t('enterprise.searchPlaceholder')} style={{ width: 240 }} />
          </Form.Item>
          {cityWide && (
            <Form.Item name="districtCode" label={t('field.district')}>
              <Select
                allowClear
                style={{ width: 140 }}
                options={DISTRICTS.map((d) => ({ value: d.code, label: d[lang] }))}
              />
            </Form.Item>
          )}
          <Form.Item name="type" label={t('field.enterpriseType')}>
            <Select
              allowClear
              style={{ width: 170 }}
              options={ENTERPRISE_TYPES.map((v) => ({ value: v, label: t(`enterprise.type.${v}`) }))}
            />
          </Form.Item>
          <Form.Item name="creditStatus" label={t('enterprise.credit')}>
            <Select
              allowClear
              style={{ width: 170 }}
              options={CREDIT_STATUSES.map((v) => ({ value: v, label: t(`enterprise.creditStatus.${v}`) }))}
            />
          </Form.Item>
          <Form.Item name="inResourcePool" label={t('enterprise.resourcePool')}>
            <Select
              allowClear
              style={{ width: 110 }}
              options={[
                { value: 'true', label: t('common.yes') },
                { value: 'false', label: t('common.no') },
              ]}
            />
          </Form.Item>
          <FilterActions
            onReset={() => {
              form.resetFields();
              setFilters({ page: 1, pageSize: filters.pageSize });
            }}
          />
        </Form>
      </Card>
      <LoadError error={error} />
      <Card>
        <Table<TEnterprise>
          rowKey="id"
          loading={isFetching}
          dataSource={data?.items ?? []}
          scroll={{ x: 900 }}
          pagination={pager(
            filters,
            data?.total,
            (pg) => setFilters({ ...filters, ...pg }),
            (n) => t('common.total', { n }),
          )}
          columns={[
            {
              title: t('field.enterpriseName'),
              dataIndex: 'name',
              render: (name: string, e) => <Link to={`/enterprises/${e.id}`}>{name}</Link>,
            },
            { title: t('field.uscc'), dataIndex: 'uscc', render: (v: string) => <span className="mono">{v}</span> },
            {
              title: t('field.district'),
              dataIndex: 'districtCode',
              render: (v: string | null, e) => (e.outsideCity ? t('register.outsideCity') : districtName(v, lang)),
            },
            {
              title: t('field.enterpriseType'),
              dataIndex: 'type',
              render: (v: TEnterprise['type']) => t(`enterprise.type.${v}`),
            },
            {
              title: t('enterprise.resourcePool'),
              dataIndex: 'inResourcePool',
              render: (v: boolean) => (v ? <Tag color="blue">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>),
            },
            {
              title: t('enterprise.credit'),
              dataIndex: 'creditStatus',
              render: (v: TEnterprise['creditStatus']) => <CreditTag status={v} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
