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
import { Chart, echarts } from '../../components/Chart';
import { useI18n } from '../../i18n';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, ToolboxComponent, CanvasRenderer]);

/** yuan string → number for drawing only (never for money arithmetic). */
const n = (s: string) => Number.parseFloat(s) || 0;
const stateName = (s: string) => APPLICATION_STATE_ZH[s as keyof typeof APPLICATION_STATE_ZH] ?? s;

const srOnly = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/** The figures a chart draws, as a table only screen readers read. */
function Figures({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <table style={srOnly}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={String(r[0])}>
            {r.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the columns of one row are fixed
              <td key={i}>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function FundDashboard({ callId }: { callId: string }) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['fund', 'dashboard', callId],
    queryFn: () => api.get<TFundDashboard>(`/api/v1/fund/calls/${callId}/dashboard`),
  });
  const d = q.data;
  if (!d) return null;
  const save = { feature: { saveAsImage: { title: t('dashboard.saveImage') } } };
  const grid = { left: 8, right: 24, top: 28, bottom: 36, containLabel: true };
  const states = [...new Set(d.byDirection.flatMap((x) => Object.keys(x.stages)))];
  const names = d.byDirection.map((x) => x.name);
  const stageOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
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
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
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
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
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
        <Col xs={24} lg={12}>
          <h4>{t('fund.byDirectionStage')}</h4>
          <Chart option={stageOption} style={{ height: 240 }} />
          <Figures
            caption={t('fund.byDirectionStage')}
            head={[t('fund.direction'), ...states.map(stateName)]}
            rows={d.byDirection.map((x) => [x.name, ...states.map((s) => x.stages[s] ?? 0)])}
          />
        </Col>
        <Col xs={24} lg={12}>
          <h4>{t('fund.budgetUse')}</h4>
          <Chart option={budgetOption} style={{ height: 240 }} />
          <Figures
            caption={t('fund.budgetUse')}
            head={[t('fund.direction'), t('fund.budget'), t('fund.committed'), t('fund.left')]}
            rows={d.byDirection.map((x) => [x.name, x.budget, x.committed, x.left])}
          />
        </Col>
        <Col xs={24} lg={8}>
          <h4>{t('fund.scoreBands')}</h4>
          <Chart option={scoreOption} style={{ height: 240 }} />
          <Figures
            caption={t('fund.scoreBands')}
            head={[t('fund.score'), t('fund.applications')]}
            rows={d.scoreBands.map((b) => [b.band, b.count])}
          />
        </Col>
        <Col xs={24} lg={8}>
          <h4>{t('fund.workload')}</h4>
          <Chart option={workOption} style={{ height: 240 }} />
          <Figures
            caption={t('fund.workload')}
            head={[
              t('fund.expert'),
              t('fund.assigned'),
              t('fund.scored'),
              t('fund.conflicts'),
              t('fund.acceptancePanels'),
            ]}
            rows={d.workload.map((w) => [w.expert, w.assigned, w.scored, w.conflicts, w.acceptance])}
          />
        </Col>
        <Col xs={24} lg={8}>
          <h4>{t('fund.acceptanceStatus')}</h4>
          <Chart option={acceptanceOption} style={{ height: 240 }} />
          <Figures
            caption={t('fund.acceptanceStatus')}
            head={[t('fund.state'), t('fund.applications')]}
            rows={acceptance.map(([k, v]) => [stateName(k), v])}
          />
        </Col>
      </Row>
    </Card>
  );
}
