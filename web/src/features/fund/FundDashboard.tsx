/**
 * A call's dashboard (charts drawn by ECharts through components/Chart, only the parts used imported): applications
 * by direction and stage, budget committed and left, the distribution of final scores, the experts' workload and
 * the acceptance status. Each chart has its figures in a table for screen readers.
 */
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row } from 'antd';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, ToolboxComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { TFundDashboard } from '../../../../src/contracts/fund';
import { APPLICATION_STATE_ZH } from '../../../../src/domain/fund/workflow';
import { api } from '../../api/client';
import { echarts } from '../../components/Chart';
import { BAR_AXIS, ChartWithFigures, useSaveAsImage } from '../../components/ChartFigures';
import { useI18n } from '../../i18n';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, ToolboxComponent, CanvasRenderer]);

/** yuan string → number for drawing only (never for money arithmetic). */
const n = (s: string) => Number.parseFloat(s) || 0;
const stateName = (s: string) => APPLICATION_STATE_ZH[s as keyof typeof APPLICATION_STATE_ZH] ?? s;

/** One chart of the dashboard under its heading, its figures for screen readers. */
function Panel({
  title,
  lg,
  option,
  head,
  rows,
}: {
  title: string;
  lg: number;
  option: Record<string, unknown>;
  head: string[];
  rows: (string | number)[][];
}) {
  return (
    <Col xs={24} lg={lg}>
      <h4>{title}</h4>
      <ChartWithFigures option={option} height={240} caption={title} head={head} rows={rows} />
    </Col>
  );
}

export function FundDashboard({ callId }: { callId: string }) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['fund', 'dashboard', callId],
    queryFn: () => api.get<TFundDashboard>(`/api/v1/fund/calls/${callId}/dashboard`),
  });
  const save = useSaveAsImage();
  const d = q.data;
  if (!d) return null;
  const grid = { left: 8, right: 24, top: 28, bottom: 36, containLabel: true };
  const states = [...new Set(d.byDirection.flatMap((x) => Object.keys(x.stages)))];
  const names = d.byDirection.map((x) => x.name);
  const stageOption = {
    ...BAR_AXIS,
    toolbox: save,
    grid,
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: names },
    series: states.map((s) => ({
      name: stateName(s),
      type: 'bar',
      stack: 'stage',
      data: d.byDirection.map((x) => x.stages[s] ?? 0),
    })),
  };
  const budgetOption = {
    ...BAR_AXIS,
    toolbox: save,
    grid,
    xAxis: { type: 'value', name: t('fund.yuan') },
    yAxis: { type: 'category', data: names },
    series: [
      {
        name: t('fund.committed'),
        type: 'bar',
        stack: 'b',
        color: '#1677ff',
        data: d.byDirection.map((x) => n(x.committed)),
      },
      { name: t('fund.left'), type: 'bar', stack: 'b', color: '#d9d9d9', data: d.byDirection.map((x) => n(x.left)) },
    ],
  };
  const scoreOption = {
    tooltip: { trigger: 'axis' },
    toolbox: save,
    grid,
    xAxis: { type: 'category', data: d.scoreBands.map((b) => b.band) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: t('fund.applications'), type: 'bar', color: '#722ed1', data: d.scoreBands.map((b) => b.count) }],
  };
  const workOption = {
    ...BAR_AXIS,
    toolbox: save,
    grid,
    xAxis: { type: 'category', data: d.workload.map((w) => w.expert) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('fund.assigned'), type: 'bar', data: d.workload.map((w) => w.assigned) },
      { name: t('fund.scored'), type: 'bar', data: d.workload.map((w) => w.scored) },
      { name: t('fund.conflicts'), type: 'bar', data: d.workload.map((w) => w.conflicts) },
      { name: t('fund.acceptancePanels'), type: 'bar', data: d.workload.map((w) => w.acceptance) },
    ],
  };
  const acceptance = Object.entries(d.acceptance);
  const acceptanceOption = {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    toolbox: save,
    series: [
      {
        name: t('fund.acceptanceStatus'),
        type: 'pie',
        radius: ['35%', '65%'],
        data: acceptance.map(([k, v]) => ({ name: stateName(k), value: v })),
      },
    ],
  };
  return (
    <Card size="small" title={t('fund.dashboard')} style={{ marginTop: 12 }} data-testid="fund-dashboard">
      <Row gutter={[16, 16]}>
        <Panel
          title={t('fund.byDirectionStage')}
          lg={12}
          option={stageOption}
          head={[t('fund.direction'), ...states.map(stateName)]}
          rows={d.byDirection.map((x) => [x.name, ...states.map((s) => x.stages[s] ?? 0)])}
        />
        <Panel
          title={t('fund.budgetUse')}
          lg={12}
          option={budgetOption}
          head={[t('fund.direction'), t('fund.budget'), t('fund.committed'), t('fund.left')]}
          rows={d.byDirection.map((x) => [x.name, x.budget, x.committed, x.left])}
        />
        <Panel
          title={t('fund.scoreBands')}
          lg={8}
          option={scoreOption}
          head={[t('fund.score'), t('fund.applications')]}
          rows={d.scoreBands.map((b) => [b.band, b.count])}
        />
        <Panel
          title={t('fund.workload')}
          lg={8}
          option={workOption}
          head={[
            t('fund.expert'),
            t('fund.assigned'),
            t('fund.scored'),
            t('fund.conflicts'),
            t('fund.acceptancePanels'),
          ]}
          rows={d.workload.map((w) => [w.expert, w.assigned, w.scored, w.conflicts, w.acceptance])}
        />
        <Panel
          title={t('fund.acceptanceStatus')}
          lg={8}
          option={acceptanceOption}
          head={[t('fund.state'), t('fund.applications')]}
          rows={acceptance.map(([k, v]) => [stateName(k), v])}
        />
      </Row>
    </Card>
  );
}
