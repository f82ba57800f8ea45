/**
 * 资源池与信用 (city administrator's landing page): the supply resource pool's members and the enterprises whose
 * credit standing needs attention, with the count of each standing; each row opens the enterprise page where the
 * pool membership and the credit standing are kept (the same API as 企业管理).
 */
import { Alert, Card, Col, Row, Statistic, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { CREDIT_STATUSES, type TEnterprise } from '../../../../src/contracts/enterprises';
import { errorMessage } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { districtName } from '../../shared/districts';
import { useEnterpriseList } from './api';
import { CreditTag } from './EnterpriseInfo';

const PAGE_SIZE = 20;

function useCount(filters: { inResourcePool?: string; creditStatus?: string }) {
  return useEnterpriseList({ ...filters, page: 1, pageSize: 1 }).data?.total;
}

export default function ResourcePoolPage() {
  const { t, lang } = useI18n();
  const [poolPage, setPoolPage] = useState(1);
  const [creditPage, setCreditPage] = useState(1);
  const [creditStatus, setCreditStatus] = useState<'abnormal' | 'dishonest'>('abnormal');
  const pool = useEnterpriseList({ inResourcePool: 'true', page: poolPage, pageSize: PAGE_SIZE });
  const credit = useEnterpriseList({ creditStatus, page: creditPage, pageSize: PAGE_SIZE });
  const inPool = useCount({ inResourcePool: 'true' });
  const counts = {
    good: useCount({ creditStatus: 'good' }),
    abnormal: useCount({ creditStatus: 'abnormal' }),
    dishonest: useCount({ creditStatus: 'dishonest' }),
  };
  const error = pool.error ?? credit.error;
  const nameColumn = {
    title: t('field.enterpriseName'),
    dataIndex: 'name',
    render: (name: string, e: TEnterprise) => <Link to={`/enterprises/${e.id}`}>{name}</Link>,
  };
  const districtColumn = {
    title: t('field.district'),
    dataIndex: 'districtCode',
    render: (v: string | null, e: TEnterprise) => (e.outsideCity ? t('register.outsideCity') : districtName(v, lang)),
  };
  return (
    <>
      <PageHeader title={t('menu.resourcePool')} description={t('pool.intro')} />
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />}
      <Row gutter={16} style={{ marginBottom: 16 }} data-testid="pool-counts">
        <Col span={6}>
          <Card>
            <Statistic title={t('pool.inPool')} value={inPool ?? '—'} />
          </Card>
        </Col>
        {CREDIT_STATUSES.map((s) => (
          <Col span={6} key={s}>
            <Card>
              <Statistic title={t(`enterprise.creditStatus.${s}`)} value={counts[s] ?? '—'} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card title={t('pool.members')} style={{ marginBottom: 16 }} data-testid="pool-members">
        <Table<TEnterprise>
          rowKey="id"
          size="small"
          loading={pool.isFetching}
          dataSource={pool.data?.items ?? []}
          pagination={{
            current: poolPage,
            pageSize: PAGE_SIZE,
            total: pool.data?.total ?? 0,
            showTotal: (n) => t('common.total', { n }),
            onChange: setPoolPage,
          }}
          columns={[
            nameColumn,
            { title: t('field.uscc'), dataIndex: 'uscc', render: (v: string) => <span className="mono">{v}</span> },
            districtColumn,
            {
              title: t('field.enterpriseType'),
              dataIndex: 'type',
              render: (v: TEnterprise['type']) => t(`enterprise.type.${v}`),
            },
            { title: t('pool.since'), dataIndex: 'resourcePoolSince', render: (v: string | null) => v ?? '—' },
          ]}
        />
      </Card>
      <Card
        title={t('pool.creditTitle')}
        data-testid="credit-attention"
        tabList={(['abnormal', 'dishonest'] as const).map((s) => ({
          key: s,
          label: `${t(`enterprise.creditStatus.${s}`)}（${counts[s] ?? 0}）`,
        }))}
        activeTabKey={creditStatus}
        onTabChange={(k) => {
          setCreditStatus(k as 'abnormal' | 'dishonest');
          setCreditPage(1);
        }}
      >
        <Alert type="info" showIcon title={t('pool.creditIntro')} style={{ marginBottom: 12 }} />
        <Table<TEnterprise>
          rowKey="id"
          size="small"
          loading={credit.isFetching}
          dataSource={credit.data?.items ?? []}
          pagination={{
            current: creditPage,
            pageSize: PAGE_SIZE,
            total: credit.data?.total ?? 0,
            showTotal: (n) => t('common.total', { n }),
            onChange: setCreditPage,
          }}
          columns={[
            nameColumn,
            districtColumn,
            {
              title: t('enterprise.credit'),
              dataIndex: 'creditStatus',
              render: (v: TEnterprise['creditStatus']) => <CreditTag status={v} />,
            },
            { title: t('pool.creditSource'), dataIndex: 'creditSource', render: (v: string | null) => v ?? '—' },
            { title: t('pool.creditAsOf'), dataIndex: 'creditAsOf', render: (v: string | null) => v ?? '—' },
          ]}
        />
      </Card>
    </>
  );
}
