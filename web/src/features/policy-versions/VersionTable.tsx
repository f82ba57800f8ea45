/** The versions of the 政银保 rules: validity, status on a date, what changed; actions when the API allows them. */
import { Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { TPolicyVersion } from '../../../../src/contracts/policy-versions';
import { SmallTable } from '../../components/SmallTable';
import { useI18n } from '../../i18n';

const ON_COLOR: Record<string, string> = {
  in_force: 'green',
  not_yet: 'blue',
  expired: 'default',
  superseded: 'orange',
};

export function VersionTable({
  versions,
  actions,
  showRecord = false,
}: {
  versions: readonly TPolicyVersion[];
  actions?: (v: TPolicyVersion) => ReactNode;
  showRecord?: boolean;
}) {
  const { t } = useI18n();
  return (
    <SmallTable<TPolicyVersion>
      rowKey="id"
      dataSource={[...versions]}
      data-testid="policy-versions"
      columns={[
        {
          title: t('versions.docNumber'),
          key: 'doc',
          render: (_, v) => (
            <Space orientation="vertical" size={0}>
              <Typography.Text strong>{v.docNumber}</Typography.Text>
              <Typography.Text type="secondary">{v.builtIn ? t('versions.builtIn') : v.title}</Typography.Text>
            </Space>
          ),
        },
        {
          title: t('versions.validity'),
          key: 'validity',
          render: (_, v) => `${v.validFrom} ~ ${v.validTo ?? '—'}`,
        },
        {
          title: t('versions.statusOn'),
          key: 'statusOn',
          render: (_, v) =>
            v.statusOn ? (
              <Tag color={ON_COLOR[v.statusOn]}>{t(`versions.on.${v.statusOn}`)}</Tag>
            ) : (
              <Tag color="gold">{t('versions.status.draft')}</Tag>
            ),
        },
        {
          title: t('versions.changed'),
          key: 'changes',
          render: (_, v) =>
            v.changes.length === 0 ? (
              t('versions.none')
            ) : (
              <ul style={{ margin: 0, paddingLeft: 16 }}>
                {v.changes.map((c) => (
                  <li key={c.key}>
                    {c.label}：{c.before ?? '—'} → <b>{c.after}</b>
                    <Typography.Text type="secondary">（{c.citation}）</Typography.Text>
                  </li>
                ))}
              </ul>
            ),
        },
        ...(showRecord
          ? [
              {
                title: t('versions.status'),
                key: 'status',
                render: (_: unknown, v: TPolicyVersion) => t(`versions.status.${v.status}`),
              },
            ]
          : []),
        ...(actions
          ? [{ title: t('common.actions'), key: 'actions', render: (_: unknown, v: TPolicyVersion) => actions(v) }]
          : []),
      ]}
    />
  );
}
