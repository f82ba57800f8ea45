/** 贴息申请 (enterprise): its ¥1,000,000 cap and what is left, its awards with explanations, its applications. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Collapse, Empty, Progress, Row, Statistic, Table } from 'antd';
import { useState } from 'react';
import type { TApplicationSummary } from '../../../../src/contracts/subsidy';
import { LoadError } from '../../components/lists';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { yuan } from '../../shared/money';
import { formatInstantDate } from '../../shared/time';
import { ApplicationDetail } from './ApplicationDetail';
import { ApplyDrawer } from './ApplyDrawer';
import { useApplication, useApplications, useCampaigns, useMySubsidy } from './api';
import { AwardTag, Explanation, StatusTag } from './common';

function percent(used: string, cap: string): number {
  const u = Number.parseFloat(used);
  const c = Number.parseFloat(cap);
  return c > 0 ? Math.min(100, Math.round((u / c) * 1000) / 10) : 0;
}

export default function EnterpriseSubsidyPage() {
  const { t } = useI18n();
  const { data: mine, error } = useMySubsidy();
  const { data: campaigns = [] } = useCampaigns();
  const { data: apps } = useApplications({ pageSize: 100 });
  const [applyOpen, setApplyOpen] = useState(false);
  const [detailId, setDetailId] = useState<string | null>(null);
  const [correctId, setCorrectId] = useState<string | null>(null);
  const { data: returned } = useApplication(correctId);
  const canApply = campaigns.some((c) => c.acceptingApplications);

  return (
    <>
      <PageHeader
        title={t('subsidy.interestSubsidy')}
        description={t('subsidy.applyForTheInterest')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!canApply}
            onClick={() => setApplyOpen(true)}
            data-testid="new-application"
          >
            {t('subsidy.newApplication')}
          </Button>
        }
      />
      <LoadError error={error} />
      {mine && (
        <Card style={{ marginBottom: 16 }}>
          <Row gutter={24}>
            <Col xs={24} md={6}>
              <Statistic title={t('subsidy.capArt5')} value={yuan(mine.cap)} />
            </Col>
            <Col xs={24} md={6}>
              <Statistic title={t('subsidy.received')} value={yuan(mine.used)} />
            </Col>
            <Col xs={24} md={6}>
              <Statistic
                title={t('subsidy.remaining')}
                value={yuan(mine.remaining)}
                valueStyle={{ color: '#389e0d' }}
              />
            </Col>
            <Col xs={24} md={6}>
              <Progress
                type="dashboard"
                percent={percent(mine.used, mine.cap)}
                size={90}
                aria-label={t('subsidy.capUsedShare')}
              />
            </Col>
          </Row>
        </Card>
      )}
      <Card title={t('subsidy.myAwards')} style={{ marginBottom: 16 }}>
        {mine?.awards.length ? (
          <Collapse
            items={mine.awards.map((a) => ({
              key: a.id,
              label: (
                <span data-testid="my-award">
                  {a.campaignYear}年度 · {a.projectNo} {a.projectName} · {t('subsidy.awarded4')}{' '}
                  <b>{yuan(a.awarded)}</b> <AwardTag status={a.status} />
                  {a.planDocumentNumber ? ` · ${t('subsidy.plan')} ${a.planDocumentNumber}` : ''}
                </span>
              ),
              children: <Explanation lines={a.explanation} />,
            }))}
          />
        ) : (
          <Empty description={t('subsidy.noAwardsYet')} />
        )}
      </Card>
      <Card title={t('subsidy.myApplications')}>
        <Table<TApplicationSummary>
          rowKey="id"
          dataSource={apps?.items ?? []}
          pagination={false}
          onRow={(r) => ({ onClick: () => setDetailId(r.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('subsidy.year'), dataIndex: 'campaignYear' },
            { title: t('subsidy.project'), render: (_, r) => `${r.projectNo ?? ''} ${r.projectName ?? ''}` },
            { title: t('subsidy.claimed'), dataIndex: 'claimedInterest', render: (v: string) => yuan(v) },
            { title: t('subsidy.bankRecord2'), dataIndex: 'bankInterest', render: (v: string) => yuan(v) },
            { title: t('subsidy.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
            { title: t('subsidy.submitted'), dataIndex: 'submittedAt', render: (v: string) => formatInstantDate(v) },
          ]}
        />
      </Card>
      {applyOpen && <ApplyDrawer open onClose={() => setApplyOpen(false)} campaigns={campaigns} />}
      {correctId && returned && (
        <ApplyDrawer open onClose={() => setCorrectId(null)} campaigns={campaigns} returned={returned} />
      )}
      <ApplicationDetail
        id={detailId}
        onClose={() => setDetailId(null)}
        onCorrect={() => {
          setCorrectId(detailId);
          setDetailId(null);
        }}
      />
    </>
  );
}
