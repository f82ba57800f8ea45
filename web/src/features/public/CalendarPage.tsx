/** 申报日历: the monthly filing windows of a year, moved for public holidays, with the district verification deadline. */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { TFilingWindow, TFilingWindowsResult } from '../../../../src/contracts/calculators';
import { api } from '../../api/client';
import { todayIso } from '../../components/forms';
import { LoadError } from '../../components/lists';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';

export default function CalendarPage() {
  const { t } = useI18n();
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear);
  const today = todayIso();
  const q = useQuery({
    queryKey: ['filing-windows', year],
    queryFn: () => api.get<TFilingWindowsResult>('/api/v1/filing-windows', { query: { year } }),
  });

  const stateOf = (w: TFilingWindow) => (w.closes < today ? 'past' : w.opens <= today ? 'open' : 'future');

  return (
    <>
      <PageHeader
        title={t('menu.filingCalendar')}
        description={t('calendar.intro')}
        extra={
          <Space>
            <label htmlFor="calendar-year">{t('calendar.year')}</label>
            <Select
              id="calendar-year"
              value={year}
              onChange={setYear}
              style={{ width: 120 }}
              options={[thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((y) => ({
                value: y,
                label: `${y} 年`,
              }))}
            />
          </Space>
        }
      />
      <LoadError error={q.error} />
      {q.data && !q.data.scheduleKnown && (
        <Alert type="warning" showIcon title={t('calendar.scheduleUnknown', { year })} style={{ marginBottom: 16 }} />
      )}
      {q.data?.holidayNotice && (
        <Typography.Paragraph type="secondary">
          {t('calendar.holidayNotice', { notice: q.data.holidayNotice })}
        </Typography.Paragraph>
      )}
      <Card>
        <Table<TFilingWindow>
          rowKey="month"
          loading={q.isFetching}
          dataSource={q.data?.windows ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          rowClassName={(w) => (stateOf(w) === 'open' ? 'window-open' : '')}
          columns={[
            { title: t('calendar.month'), dataIndex: 'month', width: 110 },
            {
              title: t('calendar.window'),
              key: 'window',
              render: (_, w) => (
                <Space wrap>
                  <span data-testid={`window-${w.month}`}>
                    {w.opens} ~ {w.closes}
                  </span>
                  {stateOf(w) === 'open' && <Tag color="green">{t('calendar.open')}</Tag>}
                  {stateOf(w) === 'past' && <Tag>{t('calendar.past')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('calendar.adjustment'),
              key: 'adjustment',
              render: (_, w) =>
                w.shifted ? (
                  <Tooltip
                    title={`${t('calendar.base')}：${w.baseOpens} ~ ${w.baseCloses}${w.notice ? `；${w.notice}` : ''}`}
                  >
                    <Tag color="orange">
                      {w.adjustment === 'postponed'
                        ? t('calendar.postponed')
                        : w.adjustment === 'extended'
                          ? t('calendar.extended')
                          : t('calendar.byNotice')}
                      {w.reason ? `（${w.reason}）` : ''}
                    </Tag>
                  </Tooltip>
                ) : (
                  <Typography.Text type="secondary">{t('calendar.noAdjustment')}</Typography.Text>
                ),
            },
            { title: t('calendar.verificationDue'), dataIndex: 'verificationDue', width: 170 },
            {
              title: t('calendar.basis'),
              dataIndex: 'citation',
              render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text>,
            },
          ]}
        />
      </Card>
    </>
  );
}
