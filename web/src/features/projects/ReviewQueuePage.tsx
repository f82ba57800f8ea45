/**
 * Reviewers' queues. District: declarations of the district awaiting verification, by due date (5 working days
 * after the window closes), overdue ones marked and counted. City: declarations the districts verified,
 * resource-pool-led first. Select one or many and decide; refusals need a reason.
 */
import { Button, Card, Checkbox, Space, Statistic, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { TDeclarationSummary } from '../../../../src/contracts/projects';
import { mayDo } from '../../../../src/domain/access/business';
import { useMe } from '../../auth/session';
import { ExportButton, LoadError } from '../../components/lists';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { yuan } from '../../shared/money';
import { useReviewQueue } from './api';
import { DueTag, StateTag } from './components';
import { type Decision, ReviewModal } from './ReviewModal';

export default function ReviewQueuePage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const district = mayDo(me, 'project.review_queue.district');
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
        title={t(district ? 'projects.review.districtQueue' : 'projects.review.cityQueue')}
        description={t(district ? 'projects.review.districtQueueIntro' : 'projects.review.cityQueueIntro')}
        extra={
          <ExportButton
            url="/api/v1/declarations/review-queue/xlsx"
            query={{ overdueOnly: overdueOnly ? 'true' : undefined }}
            fileName="review-queue.xlsx"
          />
        }
      />
      <LoadError error={error} />
      <Card style={{ marginBottom: 16 }}>
        <Space size={48} wrap>
          <Statistic title={t('projects.review.pending')} value={data?.total ?? 0} data-testid="queue-total" />
          {district && (
            <>
              <Statistic
                title={t('projects.review.overdue')}
                value={data?.overdueCount ?? 0}
                valueStyle={{ color: (data?.overdueCount ?? 0) > 0 ? '#cf1322' : undefined }}
                data-testid="overdue-count"
              />
              <Statistic title={t('projects.review.dueToday')} value={data?.dueTodayCount ?? 0} />
              <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)}>
                {t('projects.review.overdueOnly')}
              </Checkbox>
            </>
          )}
        </Space>
      </Card>
      <Card
        title={t('projects.review.selected', { n: selected.length })}
        extra={
          canAct && (
            <Space>
              {(district ? (['verify', 'return'] as const) : (['approve', 'reject'] as const)).map((d, i) => (
                <Button
                  key={d}
                  type={i === 0 ? 'primary' : undefined}
                  danger={i === 1}
                  disabled={!selected.length}
                  onClick={() => setDecision(d)}
                  data-testid={`batch-${d}`}
                >
                  {t(`projects.review.${d}`)}
                </Button>
              ))}
            </Space>
          )
        }
      >
        <PagedTable<TDeclarationSummary>
          result={data}
          page={page}
          pageSize={50}
          onPage={setPage}
          loading={isFetching}
          rowSelection={canAct ? { selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]) } : undefined}
          columns={[
            {
              title: t('projects.field.name'),
              dataIndex: 'name',
              render: (n: string, r) => (
                <Space>
                  <Link to={`${base}/declarations/${r.id}`}>{n}</Link>
                  {r.resourcePoolLed && <Tag color="gold">{t('projects.common.priority')}</Tag>}
                  {r.submissionCount > 1 && <Tag>{t('projects.review.resubmittedTag')}</Tag>}
                </Space>
              ),
            },
            { title: t('projects.field.enterprise'), dataIndex: 'enterpriseName' },
            ...(district ? [] : [{ title: t('projects.field.district'), dataIndex: 'districtName' }]),
            { title: t('projects.field.month'), dataIndex: 'declarationMonth' },
            { title: t('projects.field.plannedTotal'), dataIndex: 'plannedTotal', render: (v: string) => yuan(v) },
            { title: t('projects.field.state'), dataIndex: 'state', render: (s) => <StateTag state={s} /> },
            ...(district
              ? [
                  {
                    title: t('projects.review.due'),
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
