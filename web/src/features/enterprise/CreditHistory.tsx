/**
 * An enterprise's credit-standing history (GET /api/v1/enterprises/:id/credit-history), as a table or a timeline:
 * standing before → after, source and date of the information, who recorded it and when. Shown wherever the
 * reader may read the enterprise (the API answers 404 outside the reader's scope).
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Segmented, Space, Table, Timeline, Typography } from 'antd';
import { useState } from 'react';
import type { TCreditChange, TCreditHistory } from '../../../../src/contracts/enterprises';
import { api, errorMessage } from '../../api/client';
import { useI18n } from '../../i18n';
import { formatInstant } from '../../shared/time';
import { CreditTag } from './EnterpriseInfo';

export const creditHistoryKey = (id: string) => ['enterprises', 'credit-history', id] as const;

export function useCreditHistory(id: string | undefined) {
  return useQuery({
    queryKey: creditHistoryKey(id ?? ''),
    queryFn: () => api.get<TCreditHistory>(`/api/v1/enterprises/${encodeURIComponent(id!)}/credit-history`),
    enabled: !!id,
  });
}

const TIMELINE_COLOR: Record<TCreditChange['toStatus'], string> = {
  good: 'green',
  abnormal: 'orange',
  dishonest: 'red',
};

export function CreditHistory({ enterpriseId, extra }: { enterpriseId: string; extra?: React.ReactNode }) {
  const { t } = useI18n();
  const [view, setView] = useState<'table' | 'timeline'>('table');
  const { data, error, isLoading } = useCreditHistory(enterpriseId);
  const items = data?.items ?? [];

  return (
    <Card
      title={t('credit.historyTitle')}
      style={{ marginTop: 16 }}
      data-testid="credit-history"
      extra={
        <Space>
          {extra}
          <Segmented<'table' | 'timeline'>
            size="small"
            value={view}
            onChange={setView}
            options={[
              { value: 'table', label: t('credit.view') },
              { value: 'timeline', label: t('credit.timeline') },
            ]}
          />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('credit.historyIntro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={errorMessage(error)} />}
      {!error && view === 'table' && (
        <Table<TCreditChange>
          rowKey="id"
          size="middle"
          loading={isLoading}
          dataSource={items}
          pagination={items.length > 10 ? { pageSize: 10 } : false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty description={t('credit.empty')} /> }}
          columns={[
            {
              title: t('credit.standing'),
              key: 'standing',
              render: (_, c) => (
                <Space size={4}>
                  <CreditTag status={c.fromStatus} />→<CreditTag status={c.toStatus} />
                </Space>
              ),
            },
            { title: t('credit.source'), dataIndex: 'source' },
            { title: t('credit.asOf'), dataIndex: 'asOf', width: 110 },
            { title: t('credit.note'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
            { title: t('credit.recordedBy'), dataIndex: 'changedByName', width: 120 },
            {
              title: t('credit.recordedAt'),
              dataIndex: 'changedAt',
              width: 170,
              render: (v: string) => formatInstant(v),
            },
          ]}
        />
      )}
      {!error &&
        view === 'timeline' &&
        (items.length === 0 ? (
          <Empty description={t('credit.empty')} />
        ) : (
          <Timeline
            items={items.map((c) => ({
              key: c.id,
              color: TIMELINE_COLOR[c.toStatus],
              children: (
                <>
                  <Space size={4} wrap>
                    <Typography.Text strong>{c.asOf}</Typography.Text>
                    <CreditTag status={c.fromStatus} />→<CreditTag status={c.toStatus} />
                  </Space>
                  <div>
                    {t('credit.source')}：{c.source}
                    {c.note ? `；${t('credit.note')}：${c.note}` : ''}
                  </div>
                  <Typography.Text type="secondary">
                    {c.changedByName} · {formatInstant(c.changedAt)}
                  </Typography.Text>
                </>
              ),
            }))}
          />
        ))}
    </Card>
  );
}
