/** Numbered projects in the actor's scope: the enterprise's own, a district's, or the whole library. */
import { Alert, Card, Form, Input, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { TProjectSummary } from '../../../../src/contracts/projects';
import { errorMessage } from '../../api/client';
import { useMe } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { yuan } from '../../shared/money';
import { useProjects } from './api';
import { basePath } from './DeclarationDetailPage';
import { T } from './text';

const TRACKING: Record<string, { zh: string; en: string; color: string }> = {
  active: { zh: '跟踪中', en: 'Tracked', color: 'processing' },
  completed: { zh: '已建成', en: 'Completed', color: 'success' },
  terminated: { zh: '已终止', en: 'Terminated', color: 'default' },
};

export default function ProjectsPage() {
  const { pick } = useI18n();
  const { data: me } = useMe();
  const [q, setQ] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const { data, isFetching, error } = useProjects({ q, page, pageSize: 20 });
  const base = basePath(me?.role);
  return (
    <>
      <PageHeader title={pick(T.projects)} description={pick(T.projectsIntro)} />
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />}
      <Card>
        <Form
          layout="inline"
          onFinish={(v: { q?: string }) => setQ(v.q?.trim() || undefined)}
          style={{ marginBottom: 16 }}
        >
          <Form.Item name="q">
            <Input.Search
              allowClear
              placeholder={`${pick(T.name)} / ${pick(T.number)}`}
              style={{ width: 300 }}
              onSearch={(v) => setQ(v.trim() || undefined)}
            />
          </Form.Item>
        </Form>
        <Table<TProjectSummary>
          rowKey="id"
          loading={isFetching}
          dataSource={data?.items ?? []}
          pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage }}
          columns={[
            {
              title: pick(T.number),
              dataIndex: 'libraryNumber',
              render: (n: string, r) => <Link to={`${base}/projects/${r.id}`}>{n}</Link>,
            },
            { title: pick(T.name), dataIndex: 'name' },
            ...(me?.role === 'enterprise' ? [] : [{ title: pick(T.enterprise), dataIndex: 'enterpriseName' }]),
            { title: pick(T.month), dataIndex: 'declarationMonth' },
            {
              title: pick(T.investmentAtDeclaration),
              dataIndex: 'investmentAtDeclaration',
              render: (v: string) => yuan(v),
            },
            { title: pick(T.investmentToDate), dataIndex: 'investmentToDate', render: (v: string) => yuan(v) },
            {
              title: pick(T.tracking),
              dataIndex: 'trackingState',
              render: (s: string, r) => (
                <>
                  <Tag color={TRACKING[s]?.color}>{pick(TRACKING[s] ?? { zh: s, en: s })}</Tag>
                  {r.reportOverdue && <Tag color="error">{pick(T.reportOverdue)}</Tag>}
                  {r.resourcePoolLed && <Tag color="gold">{pick(T.priority)}</Tag>}
                </>
              ),
            },
            { title: pick(T.nextReport), dataIndex: 'nextReportDue', render: (v: string | null) => v ?? '—' },
          ]}
        />
      </Card>
    </>
  );
}
