/**
 * 补贴核查 (district) and 补贴核实 (city): the applications in the reviewer's scope, by stage; opening one shows
 * the interest check, the vouchers and the engine's decision, with pass / return.
 */
import { Card, Form, Space, Tag } from 'antd';
import { useState } from 'react';
import type { TApplicationSummary } from '../../../../src/contracts/subsidy';
import { dataScopeOf } from '../../../../src/domain/access/scope';
import { APPLICATION_STATUS_ZH, APPLICATION_STATUSES } from '../../../../src/domain/workflow/application';
import { actorOf } from '../../auth/access';
import { useMe } from '../../auth/session';
import { FilterSelect } from '../../components/FilterSelect';
import { ExportButton, LoadError } from '../../components/lists';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { DISTRICTS, districtName } from '../../shared/districts';
import { yuan } from '../../shared/money';
import { ApplicationDetail } from './ApplicationDetail';
import { useApplications, useCampaigns } from './api';
import { StatusTag } from './common';

export default function ReviewPage() {
  const { t, lang } = useI18n();
  const { data: me } = useMe();
  // The stage follows the reviewer's scope: one district checks, the city verifies.
  const district = !!me && dataScopeOf(actorOf(me)).kind === 'district';
  const { data: campaigns = [] } = useCampaigns();
  const [campaignId, setCampaignId] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>(district ? 'submitted' : 'district_passed');
  const [districtCode, setDistrictCode] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const { data, error, isFetching } = useApplications({ campaignId, status, districtCode, page, pageSize: 20 });
  const [detailId, setDetailId] = useState<string | null>(null);

  return (
    <>
      <PageHeader
        title={district ? t('subsidy.subsidyChecks') : t('subsidy.subsidyVerification')}
        description={district ? t('subsidy.districtCheckArt7') : t('subsidy.cityVerificationArt7')}
        extra={
          <ExportButton
            url="/api/v1/subsidy/applications/xlsx"
            query={{ campaignId, status, districtCode }}
            fileName="applications.xlsx"
          />
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" style={{ rowGap: 12 }}>
          <FilterSelect
            label={t('subsidy.campaign2')}
            width={220}
            value={campaignId}
            onChange={setCampaignId}
            options={campaigns.map((c) => ({ value: c.id, label: c.title }))}
          />
          <FilterSelect
            label={t('subsidy.status')}
            width={240}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={APPLICATION_STATUSES.map((s) => ({ value: s, label: APPLICATION_STATUS_ZH[s] }))}
            data-testid="status-filter"
          />
          {!district && (
            <FilterSelect
              label={t('subsidy.district2')}
              width={140}
              value={districtCode}
              onChange={setDistrictCode}
              options={DISTRICTS.map((d) => ({ value: d.code, label: d[lang] }))}
            />
          )}
        </Form>
      </Card>
      <LoadError error={error} />
      <Card>
        <PagedTable<TApplicationSummary>
          result={data}
          page={page}
          onPage={setPage}
          loading={isFetching}
          onRow={(r) => ({ onClick: () => setDetailId(r.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('subsidy.enterprise'), dataIndex: 'enterpriseName' },
            {
              title: t('subsidy.project'),
              render: (_, r) => (
                <Space direction="vertical" size={0}>
                  <span>{r.projectNo}</span>
                  <span>{r.projectName}</span>
                </Space>
              ),
            },
            { title: t('subsidy.district'), dataIndex: 'districtCode', render: (v: string) => districtName(v, lang) },
            { title: t('subsidy.declared2'), dataIndex: 'declarationMonth' },
            { title: t('subsidy.claimed'), dataIndex: 'claimedInterest', render: (v: string) => yuan(v) },
            {
              title: t('subsidy.interestCheck'),
              dataIndex: 'interestDifference',
              render: (v: string) =>
                v === '0.00' ? (
                  <Tag color="green">{t('subsidy.ok')}</Tag>
                ) : (
                  <Tag color="red">
                    {t('subsidy.diff')} {yuan(v.replace('-', ''))}
                  </Tag>
                ),
            },
            { title: t('subsidy.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
          ]}
        />
      </Card>
      <ApplicationDetail id={detailId} onClose={() => setDetailId(null)} />
    </>
  );
}
