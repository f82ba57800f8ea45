/**
 * The city's subsidy dashboard: budget used and left, applications by district and stage, awards by month.
 * The charts are drawn by ECharts (through components/Chart) (axes, labels, tooltips, legend, export as image); only the parts used are
 * imported (echarts/core) to keep the bundle lean. Each chart has its figures in a table for screen readers.
 */
import { Card, Col, Empty, Progress, Row, Statistic } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, ToolboxComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { TDashboard } from '../../../../src/contracts/subsidy';
import { echarts } from '../../components/Chart';
import { BAR_AXIS, ChartWithFigures, useSaveAsImage } from '../../components/ChartFigures';
import { ExportButton } from '../../components/lists';
import { type MessageKey, useI18n } from '../../i18n';
import { yuan } from '../../shared/money';
import { useDashboard } from '../subsidy/api';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, ToolboxComponent, CanvasRenderer]);

const STAGES: { key: string; label: MessageKey; color: string }[] = [
  { key: 'district', label: 'dashboard.stage.district', color: '#1677ff' },
  { key: 'city', label: 'dashboard.stage.city', color: '#13c2c2' },
  { key: 'returned', label: 'dashboard.stage.returned', color: '#faad14' },
  { key: 'verified', label: 'dashboard.stage.verified', color: '#722ed1' },
  { key: 'done', label: 'dashboard.stage.done', color: '#52c41a' },
];

/** yuan string → number for drawing only (never for money arithmetic). */
const n = (s: string) => Number.parseFloat(s) || 0;

function StageChart({ data }: { data: TDashboard }) {
  const { t } = useI18n();
  const toolbox = useSaveAsImage();
  const districts = data.byDistrict.map((d) => d.districtName);
  const option = {
    ...BAR_AXIS,
    toolbox,
    grid: { left: 8, right: 24, top: 28, bottom: 36, containLabel: true },
    xAxis: { type: 'value', name: t('dashboard.applications'), minInterval: 1 },
    yAxis: { type: 'category', data: districts, inverse: true },
    series: STAGES.map((s) => ({
      name: t(s.label),
      type: 'bar',
      stack: 'stage',
      color: s.color,
      emphasis: { focus: 'series' },
      data: data.byDistrict.map((d) => d.stages[s.key] ?? 0),
    })),
  };
  return (
    <div data-testid="district-chart">
      <ChartWithFigures
        option={option}
        height={Math.max(220, districts.length * 28 + 80)}
        caption={t('dashboard.byDistrict')}
        head={[t('dashboard.district'), ...STAGES.map((s) => t(s.label)), t('dashboard.total')]}
        rows={data.byDistrict.map((d) => [d.districtName, ...STAGES.map((s) => d.stages[s.key] ?? 0), d.total])}
      />
    </div>
  );
}

function MonthChart({ data }: { data: TDashboard }) {
  const { t } = useI18n();
  const toolbox = useSaveAsImage();
  const items = data.awardsByMonth;
  if (!items.length) return <Empty description={t('dashboard.noAwards')} />;
  const option = {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: { dataIndex: number }[]) => {
        const i = items[params[0]?.dataIndex ?? 0];
        return i
          ? `${i.month}<br/>${t('dashboard.amount')}：${yuan(i.amount)}<br/>${t('dashboard.count')}：${i.count}`
          : '';
      },
    },
    legend: { bottom: 0 },
    toolbox,
    grid: { left: 8, right: 8, top: 28, bottom: 36, containLabel: true },
    xAxis: { type: 'category', data: items.map((i) => i.month), name: t('dashboard.month') },
    yAxis: [
      { type: 'value', name: t('dashboard.amount') },
      { type: 'value', name: t('dashboard.count'), minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      { name: t('dashboard.amount'), type: 'bar', color: '#1677ff', data: items.map((i) => n(i.amount)) },
      {
        name: t('dashboard.count'),
        type: 'bar',
        yAxisIndex: 1,
        color: '#52c41a',
        barMaxWidth: 12,
        label: { show: true, position: 'top' },
        data: items.map((i) => i.count),
      },
    ],
  };
  return (
    <div data-testid="month-chart">
      <ChartWithFigures
        option={option}
        height={260}
        caption={t('dashboard.byMonth')}
        head={[t('dashboard.month'), t('dashboard.amount'), t('dashboard.count')]}
        rows={items.map((i) => [i.month, yuan(i.amount), i.count])}
      />
    </div>
  );
}

export function SubsidyDashboard({ campaignId }: { campaignId?: string | undefined }) {
  const { t } = useI18n();
  const { data } = useDashboard(campaignId);
  if (!data) return null;
  const pct = n(data.budget) > 0 ? Math.round((n(data.used) / n(data.budget)) * 1000) / 10 : 0;
  return (
    <Row gutter={16} style={{ marginBottom: 16 }}>
      <Col xs={24} lg={6}>
        <Card
          title={t('dashboard.budgetTitle')}
          size="small"
          style={{ height: '100%' }}
          extra={
            <ExportButton
              url="/api/v1/dashboard/subsidy/xlsx"
              query={{ campaignId }}
              fileName="dashboard.xlsx"
              testId="dashboard-export"
            />
          }
        >
          <Statistic title={t('dashboard.budget')} value={yuan(data.budget)} />
          <Statistic title={t('dashboard.used')} value={yuan(data.used)} data-testid="budget-used" />
          <Statistic title={t('dashboard.left')} value={yuan(data.remaining)} />
          <Progress percent={pct} aria-label={t('dashboard.usedShare')} />
        </Card>
      </Col>
      <Col xs={24} lg={9}>
        <Card title={t('dashboard.byDistrict')} size="small" style={{ height: '100%' }}>
          <StageChart data={data} />
        </Card>
      </Col>
      <Col xs={24} lg={9}>
        <Card title={t('dashboard.byMonth')} size="small" style={{ height: '100%' }}>
          <MonthChart data={data} />
        </Card>
      </Col>
    </Row>
  );
}
