/** The enterprise's declarations: the current filing window, its drafts and submissions, and what happened to each. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { TDeclarationSummary } from '../../../../src/contracts/projects';
import { LoadError } from '../../components/lists';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { yuan } from '../../shared/money';
import { formatInstant } from '../../shared/time';
import { useDeclarations } from './api';
import { StateTag, WindowBanner } from './components';

export default function DeclarationsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const { data, isFetching, error } = useDeclarations({ page, pageSize: 20 });
  return (
    <>
      <PageHeader
        title={t('projects.declarations.myDeclarations')}
        description={t('projects.declarations.myDeclarationsIntro')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => navigate('/enterprise/declarations/new')}
            data-testid="declaration-new"
          >
            {t('projects.declarations.newDeclaration')}
          </Button>
        }
      />
      <WindowBanner />
      <LoadError error={error} />
      <Card>
        <PagedTable<TDeclarationSummary>
          result={data}
          page={page}
          onPage={setPage}
          loading={isFetching}
          columns={[
            {
              title: t('projects.field.name'),
              dataIndex: 'name',
              render: (name: string | null, r) => (
                <Link to={`/enterprise/declarations/${r.id}`}>{name || t('projects.declarations.untitled')}</Link>
              ),
            },
            {
              title: t('projects.field.state'),
              dataIndex: 'state',
              render: (s, r) => (
                <Space>
                  <StateTag state={s} />
                  {r.resourcePoolLed && <Tag color="gold">{t('projects.common.priority')}</Tag>}
                </Space>
              ),
            },
            { title: t('projects.field.month'), dataIndex: 'declarationMonth', render: (v: string | null) => v ?? '—' },
            { title: t('projects.field.plannedTotal'), dataIndex: 'plannedTotal', render: (v: string) => yuan(v) },
            {
              title: t('projects.field.number'),
              dataIndex: 'libraryNumber',
              render: (v: string | null, r) =>
                v && r.projectId ? <Link to={`/enterprise/projects/${r.projectId}`}>{v}</Link> : '—',
            },
            {
              title: t('projects.common.deadline'),
              dataIndex: 'returnDeadline',
              render: (v: string | null) => v ?? '—',
            },
            {
              title: t('projects.field.updatedAt'),
              dataIndex: 'updatedAt',
              render: (v: string) => formatInstant(v),
            },
          ]}
        />
      </Card>
    </>
  );
}
