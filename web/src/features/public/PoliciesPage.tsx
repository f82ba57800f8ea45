/** 政策库: every policy the platform applies — validity, dated parameters and rules, each with its document and article. */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Collapse, Empty, Input, Segmented, Skeleton, Space, Tag, Typography } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import type { TPolicyListResult } from '../../../../src/contracts/calculators';
import { SOURCE_DOCS } from '../../../../src/domain/policies/sources/index';
import { api, errorMessage } from '../../api/client';
import { AsOfInput, useAsOf } from '../../components/AsOfInput';
import { todayIso } from '../../components/forms';
import { PageHeader } from '../../components/PageHeader';
import { SmallTable } from '../../components/SmallTable';
import { useI18n } from '../../i18n';
import { usePublicInterpretations } from '../interpretations/api';
import { InterpretationList } from '../interpretations/InterpretationList';
import { usePublicVersions } from '../policy-versions/api';
import { VersionTable } from '../policy-versions/VersionTable';
import { Citation } from './common';

type Policy = TPolicyListResult['policies'][number];

/** The source document id ("000") of a document number, to open its text. */
function docIdOf(docNumber: string): string | undefined {
  return Object.entries(SOURCE_DOCS).find(([, d]) => d.number === docNumber)?.[0];
}

function validityTag(p: Policy, today: string, t: ReturnType<typeof useI18n>['t']) {
  const { from, to } = p.validity;
  if (from > today) return <Tag color="blue">{t('policies.notYet')}</Tag>;
  if (to && to < today) return <Tag>{t('policies.expired')}</Tag>;
  return <Tag color="green">{t('policies.inForce')}</Tag>;
}

export default function PoliciesPage() {
  const { t } = useI18n();
  const today = todayIso();
  const [category, setCategory] = useState<string>('all');
  const [q, setQ] = useState('');
  const list = useQuery({ queryKey: ['policies'], queryFn: () => api.get<TPolicyListResult>('/api/v1/policies') });

  const categories = useMemo(() => [...new Set((list.data?.policies ?? []).map((p) => p.category))], [list.data]);
  const shown = (list.data?.policies ?? []).filter(
    (p) =>
      (category === 'all' || p.category === category) &&
      (!q.trim() || `${p.name}${p.summary}${p.docNumber}${p.docTitle}`.includes(q.trim())),
  );

  return (
    <>
      <PageHeader title={t('menu.policyLibrary')} description={t('policies.intro')} />
      <Card style={{ marginBottom: 16 }}>
        <Space wrap size={16}>
          <Segmented
            value={category}
            onChange={(v) => setCategory(String(v))}
            options={[{ value: 'all', label: t('policies.all') }, ...categories.map((c) => ({ value: c, label: c }))]}
          />
          <Input.Search
            allowClear
            placeholder={t('policies.search')}
            aria-label={t('policies.search')}
            onSearch={setQ}
            onChange={(e) => setQ(e.target.value)}
            style={{ width: 280 }}
          />
          <Typography.Text type="secondary">{t('common.total', { n: shown.length })}</Typography.Text>
        </Space>
      </Card>
      {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} />}
      {list.isLoading && <Skeleton active />}
      {list.data && shown.length === 0 && <Empty />}
      <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="policy-list">
        {shown.map((p) => (
          <Card
            key={p.id}
            size="small"
            title={
              <Space wrap>
                <span>{p.name}</span>
                <Tag color="geekblue">{p.category}</Tag>
                {validityTag(p, today, t)}
              </Space>
            }
          >
            <Typography.Paragraph style={{ marginBottom: 8 }}>{p.summary}</Typography.Paragraph>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t('policies.document')}：
              <Citation label={`${p.docNumber}《${p.docTitle}》`} doc={docIdOf(p.docNumber)} />
              <span style={{ marginLeft: 16 }}>
                {t('policies.validity')}：{p.validity.from} ~ {p.validity.to ?? t('policies.noEnd')}（
                {p.validity.citation}）
              </span>
            </Typography.Paragraph>
            <Collapse
              size="small"
              items={[
                {
                  key: 'params',
                  label: t('policies.params', { n: p.params.length }),
                  children: (
                    <SmallTable
                      rowKey="key"
                      dataSource={p.params}
                      columns={[
                        { title: t('policies.param'), dataIndex: 'label' },
                        { title: t('policies.value'), dataIndex: 'value' },
                        {
                          title: t('policies.period'),
                          key: 'period',
                          render: (_, r) => `${r.from} ~ ${r.to ?? t('policies.noEnd')}`,
                        },
                        { title: t('policies.basis'), dataIndex: 'citation' },
                      ]}
                    />
                  ),
                },
                {
                  key: 'rules',
                  label: t('policies.rules', { n: p.rules.length }),
                  children: (
                    <ol className="explanation">
                      {p.rules.map((r) => (
                        <li key={r.code}>
                          {r.title} <Typography.Text type="secondary">（{r.citation}）</Typography.Text>
                        </li>
                      ))}
                    </ol>
                  ),
                },
              ]}
            />
          </Card>
        ))}
      </Space>
      <DatedRegister title={t('versions.publicTitle')} intro={t('versions.publicIntro')} asOfLabel={t('versions.asOf')}>
        {(day) => <ZybVersions day={day} />}
      </DatedRegister>
      <DatedRegister title={t('interp.publicTitle')} intro={t('interp.publicIntro')} asOfLabel={t('interp.asOf')}>
        {(day) => <Interpretations day={day} />}
      </DatedRegister>
    </>
  );
}

/** A public register read on a chosen date: its title and date, a line of introduction, then the register. */
function DatedRegister({
  title,
  intro,
  asOfLabel,
  children,
}: {
  title: string;
  intro: string;
  asOfLabel: string;
  children: (day: string) => ReactNode;
}) {
  const { asOf, setAsOf, day } = useAsOf();
  return (
    <Card
      title={title}
      style={{ marginTop: 16 }}
      extra={<AsOfInput label={asOfLabel} value={asOf} onChange={setAsOf} />}
    >
      <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>
      {children(day)}
    </Card>
  );
}

/** The versions of the 政银保 rules, with their status on the day and what each changed. */
function ZybVersions({ day }: { day: string }) {
  const q = usePublicVersions(day);
  return (
    <>
      {q.error && <Alert type="error" showIcon title={errorMessage(q.error)} />}
      <VersionTable versions={q.data?.versions ?? []} />
    </>
  );
}

/** The register of interpretations: each ambiguous clause's readings and the one in force on the day. */
function Interpretations({ day }: { day: string }) {
  const q = usePublicInterpretations(day);
  return (
    <>
      {q.error && <Alert type="error" showIcon title={errorMessage(q.error)} />}
      <InterpretationList items={q.data?.interpretations ?? []} />
    </>
  );
}
