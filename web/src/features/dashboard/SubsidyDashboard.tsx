/** The city's subsidy dashboard: budget used and left, applications by district and stage, awards by month (SVG/CSS bars). */
import { Card, Col, Empty, Progress, Row, Statistic, Tooltip, Typography } from 'antd';
import type { TDashboard } from '../../../../src/contracts/subsidy';
import { useI18n } from '../../i18n';
import { yuan } from '../../shared/money';
import { useDashboard } from '../subsidy/api';

const STAGES: { key: string; zh: string; en: string; color: string }[] = [
  { key: 'district', zh: '待县区核查', en: 'District check', color: '#1677ff' },
  { key: 'city', zh: '待市级核实', en: 'City check', color: '#13c2c2' },
  { key: 'returned', zh: '退回修改', en: 'Returned', color: '#faad14' },
  { key: 'verified', zh: '待分配', en: 'Verified', color: '#722ed1' },
  { key: 'done', zh: '已分配', en: 'Allocated', color: '#52c41a' },
];

/** yuan string → number for drawing only (never for money arithmetic). */
const n = (s: string) => Number.parseFloat(s) || 0;

function StageBars({ data }: { data: TDashboard }) {
  const { lang } = useI18n();
  const max = Math.max(1, ...data.byDistrict.map((d) => d.total));
  return (
    <div data-testid="district-chart">
      {data.byDistrict.map((d) => (
        <div key={d.districtCode} style={{ display: 'flex', alignItems: 'center', marginBottom: 6 }}>
          <span style={{ width: 64 }}>{d.districtName}</span>
          <div style={{ flex: 1, display: 'flex', height: 18, background: '#f5f5f5' }}>
            {STAGES.map((s) => {
              const v = d.stages[s.key] ?? 0;
              return v ? (
                <Tooltip key={s.key} title={`${lang === 'en' ? s.en : s.zh}: ${v}`}>
                  <div style={{ width: `${(v / max) * 100}%`, background: s.color }} />
                </Tooltip>
              ) : null;
            })}
          </div>
          <span style={{ width: 40, textAlign: 'right' }}>{d.total}</span>
        </div>
      ))}
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', marginTop: 8 }}>
        {STAGES.map((s) => (
          <span key={s.key}>
            <span style={{ display: 'inline-block', width: 10, height: 10, background: s.color, marginRight: 4 }} />
            {lang === 'en' ? s.en : s.zh}
          </span>
        ))}
      </div>
    </div>
  );
}

function MonthBars({ data, empty, title }: { data: TDashboard; empty: string; title: string }) {
  const items = data.awardsByMonth;
  if (!items.length) return <Empty description={empty} />;
  const max = Math.max(...items.map((i) => n(i.amount)), 1);
  const w = 44;
  const h = 160;
  return (
    <svg
      width="100%"
      style={{ maxHeight: 240 }}
      viewBox={`0 0 ${Math.max(items.length, 12) * w + 10} ${h + 40}`}
      preserveAspectRatio="xMinYMid meet"
      role="img"
      data-testid="month-chart"
    >
      <title>{title}</title>
      {items.map((i, k) => {
        const bh = (n(i.amount) / max) * h;
        return (
          <g key={i.month} transform={`translate(${k * w + 10},0)`}>
            <title>{`${i.month}: ${yuan(i.amount)}（${i.count}）`}</title>
            <rect x={4} y={h - bh} width={w - 12} height={bh} fill="#1677ff" rx={2} />
            <text x={w / 2 - 4} y={h + 16} fontSize={10} textAnchor="middle">
              {i.month.slice(2)}
            </text>
            <text x={w / 2 - 4} y={h + 30} fontSize={9} textAnchor="middle" fill="#888">
              {i.count}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function SubsidyDashboard({ campaignId }: { campaignId?: string | undefined }) {
  const { lang: l } = useI18n();
  const L = (zh: string, en: string) => (l === 'en' ? en : zh);
  const { data } = useDashboard(campaignId);
  if (!data) return null;
  const pct = n(data.budget) > 0 ? Math.round((n(data.used) / n(data.budget)) * 1000) / 10 : 0;
  return (
    <Row gutter={16} style={{ marginBottom: 16 }}>
      <Col xs={24} lg={8}>
        <Card title={L('预算执行', 'Budget')} size="small" style={{ height: '100%' }}>
          <Statistic title={L('年度预算', 'Budget')} value={yuan(data.budget)} />
          <Statistic title={L('已安排', 'Used')} value={yuan(data.used)} data-testid="budget-used" />
          <Statistic title={L('剩余', 'Left')} value={yuan(data.remaining)} />
          <Progress percent={pct} />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card
          title={L('各县（市、区）申请及环节', 'Applications by district and stage')}
          size="small"
          style={{ height: '100%' }}
        >
          <StageBars data={data} />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card
          title={L('按入库申报月份的补贴金额', 'Awards by declaration month')}
          size="small"
          style={{ height: '100%' }}
        >
          <MonthBars
            data={data}
            empty={L('暂无分配结果', 'No awards yet')}
            title={L('按入库申报月份的补贴金额', 'Awards by declaration month')}
          />
          <Typography.Text type="secondary">{L('月份下方为获安排企业数', 'Counts below each month')}</Typography.Text>
        </Card>
      </Col>
    </Row>
  );
}
