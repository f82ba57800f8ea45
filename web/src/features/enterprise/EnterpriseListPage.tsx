import { Form, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { CREDIT_STATUSES, ENTERPRISE_TYPES, type TEnterprise } from '../../../../src/contracts/enterprises';
import { dataScopeOf } from '../../../../src/domain/access/scope';
import { actorOf } from '../../auth/access';
import { useMe } from '../../auth/session';
import { FilterCard, FilterSelect, KeywordFilter, PagedTable, usePagedFilters } from '../../components/lists';
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
  const { filters, search, reset, pages } = usePagedFilters<Filters>();
  const list = useEnterpriseList(filters);
  // A district reviewer's scope is one district: no district filter.
  const cityWide = !me || dataScopeOf(actorOf(me)).kind !== 'district';

  return (
    <>
      <PageHeader title={t('menu.enterprises')} description={t('enterprise.listIntro')} />
      <FilterCard
        form={form}
        name="enterpriseFilter"
        onSearch={(v) => search({ ...v, q: v.q?.trim() || undefined })}
        onReset={reset}
        style={{ rowGap: 12 }}
      >
        <KeywordFilter label={t('common.keyword')} placeholder={t('enterprise.searchPlaceholder')} width={240} />
        {cityWide && (
          <FilterSelect
            name="districtCode"
            label={t('field.district')}
            width={140}
            options={DISTRICTS.map((d) => ({ value: d.code, label: d[lang] }))}
          />
        )}
        <FilterSelect
          name="type"
          label={t('field.enterpriseType')}
          width={170}
          options={ENTERPRISE_TYPES.map((v) => ({ value: v, label: t(`enterprise.type.${v}`) }))}
        />
        <FilterSelect
          name="creditStatus"
          label={t('enterprise.credit')}
          width={170}
          options={CREDIT_STATUSES.map((v) => ({ value: v, label: t(`enterprise.creditStatus.${v}`) }))}
        />
        <FilterSelect
          name="inResourcePool"
          label={t('enterprise.resourcePool')}
          width={110}
          options={[
            { value: 'true', label: t('common.yes') },
            { value: 'false', label: t('common.no') },
          ]}
        />
      </FilterCard>
      <PagedTable<TEnterprise>
        {...pages}
        query={list}
        showTotal={(n) => t('common.total', { n })}
        scroll={{ x: 900 }}
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
    </>
  );
}
