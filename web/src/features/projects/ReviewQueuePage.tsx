/**
 * Reviewers' queues. District: declarations of the district awaiting verification, by due date (5 working days
 * after the window closes), overdue ones marked and counted. City: declarations the districts verified,
 * resource-pool-led first. Select one or many and decide; refusals need a reason.
 */
import { Alert, Button, Card, Checkbox, Space, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { TDeclarationSummary } from '../../../../src/contracts/projects';
import { mayDo } from '../../../../src/domain/access/business';
import { errorMessage } from '../../api/client';
import { useMe } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { yuan } from '../../shared/money';
import { useReviewQueue } from './api';
import { DueTag, StateTag } from './components';
import { type Decision, ReviewModal } from './ReviewModal';
import { fill, T } from './text';

export default function ReviewQueuePage() {
  const { pick } = useI18n();
  const { data: me } = useMe();
  const district = me?.role === 'district_reviewer';
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string[]>([]);
  const [decision, setDecision] = useState<Decision | null>(null);
  const { data, isFetching, error } = useReviewQueue({ overdueOnly, page, pageSize: 50 });
  const base = district ? '/district' : '/city';
  const canAct = mayDo(me, 'project.review.district') || mayDo(me, 'project.review.city');

  return (
    <>
      <PageHeader
        title={pick(district ? T.districtQueue : T.cityQueue)}
        description={pick(district ? T.districtQueueIntro : T.cityQueueIntro)}
      />
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />}
      <Card style={{ marginBottom: 16 }}>
        <Space size={48} wrap>
          <Statistic title={pick(T.pending)} value={data?.total ?? 0} data-testid="queue-total" />
          {district && (
            <>
              <Statistic
                title={pick(T.overdue)}
                value={data?.overdueCount ?? 0}
                valueStyle={{ color: (data?.overdueCount ?? 0) > 0 ? '#cf1322' : undefined }}
                data-testid="overdue-count"
              />
              <Statistic title={pick(T.dueToday)} value={data?.dueTodayCount ?? 0} />
              <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)}>
                {pick(T.overdueOnly)}
              </Checkbox>
            </>
          )}
        </Space>
      </Card>
      <Card
        title={fill(pick(T.selected), { n: selected.length })}
        extra={
          canAct && (
            <Space>
              {district ? (
                <>
                  <Button
                    type="primary"
                    disabled={!selected.length}
                    onClick={() => setDecision('verify')}
                    data-testid="batch-verify"
                  >
                    {pick(T.verify)}
                  </Button>
                  <Button
                    danger
                    disabled={!selected.length}
                    onClick={() => setDecision('return')}
                    data-testid="batch-return"
                  >
                    {pick(T.return)}
                  </Button>
                </>
              ) : (
                <>
                  <Button
                    type="primary"
                    disabled={!selected.length}
                    onClick={() => setDecision('approve')}
                    data-testid="batch-approve"
                  >
                    {pick(T.approve)}
                  </Button>
                  <Button
                    danger
                    disabled={!selected.length}
                    onClick={() => setDecision('reject')}
                    data-testid="batch-reject"
                  >
                    {pick(T.reject)}
                  </Button>
                </>
              )}
            </Space>
          )
        }
      >
        <Table<TDeclarationSummary>
          rowKey="id"
          loading={isFetching}
          dataSource={data?.items ?? []}
          rowSelection={canAct ? { selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]) } : undefined}
          pagination={{ current: page, pageSize: 50, total: data?.total ?? 0, onChange: setPage }}
          columns={[
            {
              title: pick(T.name),
              dataIndex: 'name',
              render: (n: string, r) => (
                <Space>
                  <Link to={`${base}/declarations/${r.id}`}>{n}</Link>
                  {r.resourcePoolLed && <Tag color="gold">{pick(T.priority)}</Tag>}
                  {r.submissionCount > 1 && <Tag>补正</Tag>}
                </Space>
              ),
            },
            { title: pick(T.enterprise), dataIndex: 'enterpriseName' },
            ...(district ? [] : [{ title: pick(T.district), dataIndex: 'districtName' }]),
            { title: pick(T.month), dataIndex: 'declarationMonth' },
            { title: pick(T.plannedTotal), dataIndex: 'plannedTotal', render: (v: string) => yuan(v) },
            { title: pick(T.state), dataIndex: 'state', render: (s) => <StateTag state={s} /> },
            ...(district
              ? [
                  {
                    title: pick(T.due),
                    dataIndex: 'verifyDueOn',
                    render: (v: string | null, r: TDeclarationSummary) => <DueTag due={v} status={r.dueStatus} />,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <ReviewModal
        ids={selected}
        decision={decision}
        onClose={() => setDecision(null)}
        onDone={() => setSelected([])}
      />
    </>
  );
}
