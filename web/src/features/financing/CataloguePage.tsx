/** The public catalogue of live financing products, searched and filtered (no sign-in). */
import { Card, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { TCatalogueQuery, TProduct } from '../../../../src/contracts/financing';
import { GUARANTEE_ZH, PRODUCT_TYPE_ZH } from '../../../../src/domain/financing/products';
import { errorMessage } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { DISTRICTS } from '../../shared/districts';
import { useCatalogue } from './api';
import { guaranteeOptions, months, percent, range, typeOptions } from './parts';

export default function CataloguePage() {
  const { t, lang } = useI18n();
  const [q, setQ] = useState<Partial<TCatalogueQuery>>({});
  const list = useCatalogue(q);
  const set = (k: keyof TCatalogueQuery, v: unknown) =>
    setQ((old) => ({ ...old, [k]: v === '' || v === undefined || v === null ? undefined : v }));
  return (
    <>
      <PageHeader title={t('fin.catalogue.title')} description={t('fin.catalogue.intro')} />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            aria-label={t('fin.search')}
            placeholder={t('fin.search')}
            allowClear
            onSearch={(v) => set('q', v)}
            style={{ width: 220 }}
          />
          <Select
            aria-label={t('fin.filter.type')}
            placeholder={t('fin.filter.type')}
            allowClear
            options={typeOptions}
            onChange={(v) => set('type', v)}
            style={{ width: 200 }}
          />
          <Select
            aria-label={t('fin.filter.guarantee')}
            placeholder={t('fin.filter.guarantee')}
            allowClear
            options={guaranteeOptions}
            onChange={(v) => set('guarantee', v)}
            style={{ width: 140 }}
          />
          <Select
            aria-label={t('fin.filter.district')}
            placeholder={t('fin.filter.district')}
            allowClear
            options={DISTRICTS.map((d) => ({ value: d.code, label: lang === 'en' ? d.en : d.zh }))}
            onChange={(v) => set('district', v)}
            style={{ width: 140 }}
          />
          <Input
            aria-label={t('fin.filter.amount')}
            placeholder={t('fin.filter.amount')}
            onBlur={(e) => set('amount', e.target.value.trim())}
            style={{ width: 160 }}
          />
          <Input
            aria-label={t('fin.filter.term')}
            placeholder={t('fin.filter.term')}
            onBlur={(e) => set('termMonths', e.target.value.trim() ? Number(e.target.value) : undefined)}
            style={{ width: 120 }}
          />
        </Space>
        {list.error && <Tag color="red">{errorMessage(list.error)}</Tag>}
        <Table<TProduct>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          expandable={{
            expandedRowRender: (p) => (
              <Space direction="vertical">
                <span>{p.live?.description}</span>
                <span>
                  {t('fin.product.materials')}：{p.live?.materials.join('、')}
                </span>
                <span>
                  {t('fin.product.promised')}：{p.live?.promisedDecisionDays} · {p.live?.contactName}{' '}
                  {p.live?.contactPhone}
                </span>
              </Space>
            ),
          }}
          columns={[
            { title: t('fin.product.name'), render: (_: unknown, p) => p.live?.name },
            { title: t('fin.product.bank'), dataIndex: 'institutionName' },
            { title: t('fin.product.type'), render: (_: unknown, p) => (p.live ? PRODUCT_TYPE_ZH[p.live.type] : '') },
            {
              title: t('fin.product.amount'),
              align: 'right',
              render: (_: unknown, p) => (p.live ? range(p.live.amountMin, p.live.amountMax) : ''),
            },
            {
              title: t('fin.product.term'),
              render: (_: unknown, p) => (p.live ? months(p.live.termMinMonths, p.live.termMaxMonths) : ''),
            },
            {
              title: t('fin.product.rate'),
              render: (_: unknown, p) => (p.live ? `${percent(p.live.rateMin)} – ${percent(p.live.rateMax)}` : ''),
            },
            {
              title: t('fin.product.guarantees'),
              render: (_: unknown, p) => p.live?.guarantees.map((g) => <Tag key={g}>{GUARANTEE_ZH[g]}</Tag>),
            },
          ]}
        />
      </Card>
    </>
  );
}
