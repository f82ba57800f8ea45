/** Numbered projects in the actor's scope: the enterprise's own, a district's, or the whole library. */
import { Card, Form, Input, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { TProjectSummary } from '../../../../src/contracts/projects';
import { dataScopeOf } from '../../../../src/domain/access/scope';
import { actorOf } from '../../auth/access';
import { useMe } from '../../auth/session';
import { LoadError } from '../../components/lists';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { yuan } from '../../shared/money';
import { useProjects } from './api';
import { workspaceOf } from './workspace';

const TRACKING_COLORS: Record<TProjectSummary['trackingState'], string> = {
  active: 'processing',
  completed: 'success',
  terminated: 'default',
};

export default function ProjectsPage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const [q, setQ] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const { data, isFetching, error } = useProjects({ q, page, pageSize: 20 });
  const base = workspaceOf(me);
  // An enterprise's list holds only its own projects: no enterprise column.
  const ownOnly = !!me && dataScopeOf(actorOf(me)).kind === 'enterprise';
  return (
    <>
      <PageHeader title={t('projects.project.projects')} description={t('projects.project.projectsIntro')} />
      <LoadError error={error} />
      <Card>
        <Form
          layout="inline"
          onFinish={(v: { q?: string }) => setQ(v.q?.trim() || undefined)}
          style={{ marginBottom: 16 }}
        >
          <Form.Item name="q">
            <Input.Search
              allowClear
              placeholder={`${t('projects.field.name')} / ${t('projects.field.number')}`}
              style={{ width: 300 }}
              onSearch={(v) => setQ(v.trim() || undefined)}
            />
          </Form.Item>
        </Form>
        <PagedTable<TProjectSummary>
          result={data}
          page={page}
          onPage={setPage}
          loading={isFetching}
          columns={[
            {
              title: t('projects.field.number'),
              dataIndex: 'libraryNumber',
              render: (n: string, r) => <Link to={`${base}/projects/${r.id}`}>{n}</Link>,
            },
            { title: t('projects.field.name'), dataIndex: 'name' },
            ...(ownOnly ? [] : [{ title: t('projects.field.enterprise'), dataIndex: 'enterpriseName' }]),
            { title: t('projects.field.month'), dataIndex: 'declarationMonth' },
            {
              title: t('projects.project.investmentAtDeclaration'),
              dataIndex: 'investmentAtDeclaration',
              render: (v: string) => yuan(v),
            },
            {
              title: t('projects.project.investmentToDate'),
              dataIndex: 'investmentToDate',
              render: (v: string) => yuan(v),
            },
            {
              title: t('projects.project.tracking'),
              dataIndex: 'trackingState',
              render: (s: TProjectSummary['trackingState'], r) => (
                <>
                  <Tag color={TRACKING_COLORS[s]}>{t(`projects.trackingState.${s}`)}</Tag>
                  {r.reportOverdue && <Tag color="error">{t('projects.project.reportOverdue')}</Tag>}
                  {r.resourcePoolLed && <Tag color="gold">{t('projects.common.priority')}</Tag>}
                </>
              ),
            },
            {
              title: t('projects.project.nextReport'),
              dataIndex: 'nextReportDue',
              render: (v: string | null) => v ?? '—',
            },
          ]}
        />
      </Card>
    </>
  );
}
