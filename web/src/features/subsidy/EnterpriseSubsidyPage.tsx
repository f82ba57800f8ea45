/** 贴息申请 (enterprise): its ¥1,000,000 cap and what is left, its awards with explanations, its applications. */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Collapse, Empty, Progress, Row, Statistic, Table } from 'antd';
import { useState } from 'react';
import type { TApplicationSummary } from '../../../../src/contracts/subsidy';
import { errorMessage } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { yuan } from '../../shared/money';
import { ApplicationDetail } from './ApplicationDetail';
import { ApplyDrawer } from './ApplyDrawer';
import { useApplication, useApplications, useCampaigns, useMySubsidy } from './api';
import { AwardTag, Explanation, StatusTag, useL } from './common';

function percent(used: string, cap: string): number {
  const u = Number.parseFloat(used);
  const c = Number.parseFloat(cap);
  return c > 0 ? Math.min(100, Math.round((u / c) * 1000) / 10) : 0;
}

export default function EnterpriseSubsidyPage() {
  const L = useL();
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
        title={L('贴息申请', 'Interest subsidy')}
        description={L(
          '按《江门市“政银保”融资项目促进制造业数字化转型实施细则》（江工信工业互联网〔2023〕33号）申请贷款贴息：S = I × R × C，单个企业有效期内累计不超过100万元。',
          'Apply for the 政银保 interest subsidy: S = I × R × C, at most ¥1,000,000 per enterprise.',
        )}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!canApply}
            onClick={() => setApplyOpen(true)}
            data-testid="new-application"
          >
            {L('新建申请', 'New application')}
          </Button>
        }
      />
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />}
      {mine && (
        <Card style={{ marginBottom: 16 }}>
          <Row gutter={24}>
            <Col xs={24} md={6}>
              <Statistic title={L('累计补助上限（第五条）', 'Cap (Art. 5)')} value={yuan(mine.cap)} />
            </Col>
            <Col xs={24} md={6}>
              <Statistic title={L('已获补助', 'Received')} value={yuan(mine.used)} />
            </Col>
            <Col xs={24} md={6}>
              <Statistic
                title={L('剩余额度', 'Remaining')}
                value={yuan(mine.remaining)}
                valueStyle={{ color: '#389e0d' }}
              />
            </Col>
            <Col xs={24} md={6}>
              <Progress type="dashboard" percent={percent(mine.used, mine.cap)} size={90} />
            </Col>
          </Row>
        </Card>
      )}
      <Card title={L('我的补贴', 'My awards')} style={{ marginBottom: 16 }}>
        {mine?.awards.length ? (
          <Collapse
            items={mine.awards.map((a) => ({
              key: a.id,
              label: (
                <span data-testid="my-award">
                  {a.campaignYear}年度 · {a.projectNo} {a.projectName} · {L('安排', 'awarded')} <b>{yuan(a.awarded)}</b>{' '}
                  <AwardTag status={a.status} />
                  {a.planDocumentNumber ? ` · ${L('资金计划', 'plan')} ${a.planDocumentNumber}` : ''}
                </span>
              ),
              children: <Explanation lines={a.explanation} />,
            }))}
          />
        ) : (
          <Empty description={L('暂无补贴安排', 'No awards yet')} />
        )}
      </Card>
      <Card title={L('我的申请', 'My applications')}>
        <Table<TApplicationSummary>
          rowKey="id"
          dataSource={apps?.items ?? []}
          pagination={false}
          onRow={(r) => ({ onClick: () => setDetailId(r.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: L('年度', 'Year'), dataIndex: 'campaignYear' },
            { title: L('项目', 'Project'), render: (_, r) => `${r.projectNo ?? ''} ${r.projectName ?? ''}` },
            { title: L('申报利息', 'Claimed'), dataIndex: 'claimedInterest', render: (v: string) => yuan(v) },
            { title: L('银行记录', 'Bank record'), dataIndex: 'bankInterest', render: (v: string) => yuan(v) },
            { title: L('状态', 'Status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
            { title: L('提交时间', 'Submitted'), dataIndex: 'submittedAt', render: (v: string) => v.slice(0, 10) },
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
