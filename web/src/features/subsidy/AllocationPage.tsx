/**
 * 预算与公示 / 资金分配: the dashboard; the campaign's allocation (dry run, then one committed run — city
 * administrator); the public notice; objections handled as cases (city staff) — an upheld one may revoke or reduce
 * the award it names; the freed budget then goes to the next in line by a 递补 run (dry run, then commit) whose
 * awards get their own 递补公示.
 */
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Switch,
  Table,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import type { TAllocationOutcome, TAward, TNotice, TObjection } from '../../../../src/contracts/subsidy';
import { mayDo } from '../../../../src/domain/access/business';
import { api, errorMessage } from '../../api/client';
import { useMe } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { validFields } from '../../components/zodRule';
import { useI18n } from '../../i18n';
import { districtName } from '../../shared/districts';
import { yuan } from '../../shared/money';
import { SubsidyDashboard } from '../dashboard/SubsidyDashboard';
import {
  runAllocation,
  runSupplementary,
  subsidyKeys,
  useAwards,
  useCampaignNotice,
  useCampaignNotices,
  useCampaigns,
  useObjections,
  useSupplementary,
} from './api';
import { AwardTag, CampaignTag, Explanation, ObjectionTag, SupplementaryTag, useL } from './common';

type Row = Omit<TAward, 'id' | 'runId'> & { id: string | null };

function OutcomeTable({
  rows,
  total,
  page,
  onPage,
}: {
  rows: Row[];
  total?: number;
  page?: number;
  onPage?(p: number): void;
}) {
  const { lang } = useI18n();
  const L = useL();
  return (
    <Table<Row>
      rowKey="applicationId"
      size="small"
      dataSource={rows}
      data-testid="allocation-rows"
      pagination={onPage ? { current: page, pageSize: 50, total, onChange: onPage } : { pageSize: 50 }}
      expandable={{ expandedRowRender: (r) => <Explanation lines={r.explanation} /> }}
      columns={[
        { title: L('顺序', 'Rank'), dataIndex: 'rank', width: 70 },
        { title: L('企业', 'Enterprise'), dataIndex: 'enterpriseName' },
        { title: L('项目', 'Project'), render: (_, r) => `${r.projectNo ?? ''} ${r.projectName ?? ''}` },
        { title: L('县区', 'District'), dataIndex: 'districtCode', render: (v: string) => districtName(v, lang) },
        { title: L('测算', 'Computed'), dataIndex: 'computed', render: (v: string) => yuan(v) },
        { title: L('上限核减后', 'After cap'), dataIndex: 'capped', render: (v: string) => yuan(v) },
        { title: L('安排', 'Awarded'), dataIndex: 'awarded', render: (v: string) => <b>{yuan(v)}</b> },
        { title: L('结果', 'Outcome'), dataIndex: 'status', render: (s: string) => <AwardTag status={s} /> },
      ]}
    />
  );
}

function Summary({ o }: { o: Omit<TAllocationOutcome, 'rows'> }) {
  const L = useL();
  return (
    <Descriptions size="small" bordered column={3} style={{ marginBottom: 12 }} data-testid="run-summary">
      <Descriptions.Item label={L('类型', 'Kind')}>
        {o.kind === 'dry_run'
          ? L('试算', 'Dry run')
          : o.kind === 'commit'
            ? L('正式分配', 'Committed')
            : o.kind === 'supplement_dry_run'
              ? L('递补试算', 'Supplementary dry run')
              : L('递补分配', 'Supplementary allocation')}
      </Descriptions.Item>
      <Descriptions.Item label={L('申请数', 'Applications')}>{o.applicationCount}</Descriptions.Item>
      <Descriptions.Item label={L('执行人', 'Run by')}>
        {o.runByName} {o.startedAt.slice(0, 16).replace('T', ' ')}
      </Descriptions.Item>
      <Descriptions.Item
        label={o.kind.startsWith('supplement') ? L('可递补预算', 'Freed budget') : L('预算', 'Budget')}
      >
        {yuan(o.budget)}
      </Descriptions.Item>
      <Descriptions.Item label={L('测算合计', 'Requested')}>{yuan(o.totalRequested)}</Descriptions.Item>
      <Descriptions.Item label={L('安排合计', 'Awarded')}>
        <b data-testid="total-awarded">{yuan(o.totalAwarded)}</b>
      </Descriptions.Item>
      <Descriptions.Item label={L('足额', 'Funded')}>{o.fundedCount}</Descriptions.Item>
      <Descriptions.Item label={L('部分', 'Partial')}>{o.partialCount}</Descriptions.Item>
      <Descriptions.Item label={L('未安排', 'Not funded')}>{o.unfundedCount}</Descriptions.Item>
    </Descriptions>
  );
}

function Objections({ noticeId }: { noticeId: string }) {
  const L = useL();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data = [] } = useObjections(noticeId);
  const [handling, setHandling] = useState<TObjection | null>(null);
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (!handling) return;
    const v = await validFields(form);
    if (!v) return;
    setError(null);
    const body = { ...v, reduceTo: v.reduceTo ? String(v.reduceTo).trim() : undefined };
    try {
      await api.post(`/api/v1/subsidy/objections/${handling.id}/handle`, body);
      message.success(L('已保存', 'Saved'));
      setHandling(null);
      await qc.invalidateQueries({ queryKey: subsidyKeys.all });
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <>
      <Table<TObjection>
        rowKey="id"
        size="small"
        dataSource={data}
        pagination={false}
        data-testid="objections"
        columns={[
          { title: L('案件号', 'Case'), dataIndex: 'caseNo' },
          {
            title: L('异议对象', 'About'),
            dataIndex: 'enterpriseName',
            render: (v: string | null) => v ?? L('（未指明）', '(none)'),
          },
          { title: L('异议人', 'By'), render: (_, o) => `${o.name}（${o.contact}）` },
          { title: L('理由', 'Reason'), dataIndex: 'reason' },
          { title: L('状态', 'Status'), render: (_, o) => <ObjectionTag status={o.status} outcome={o.outcome} /> },
          { title: L('处理说明', 'Note'), dataIndex: 'outcomeNote' },
          {
            title: '',
            render: (_, o) =>
              o.status !== 'closed' && (
                <Button
                  size="small"
                  onClick={() => {
                    setHandling(o);
                    form.setFieldsValue({
                      status: 'closed',
                      outcome: 'rejected',
                      note: '',
                      revokeAward: false,
                      reduceTo: '',
                    });
                  }}
                  data-testid="handle-objection"
                >
                  {L('处理', 'Handle')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={!!handling}
        onCancel={() => setHandling(null)}
        onOk={save}
        title={`${L('处理异议', 'Handle objection')} ${handling?.caseNo ?? ''}`}
        okButtonProps={{ 'data-testid': 'save-objection' } as never}
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" name="handleObjection">
          <Form.Item name="status" label={L('处理状态', 'Status')}>
            <Radio.Group
              options={[
                { value: 'investigating', label: L('调查核实中', 'Investigating') },
                { value: 'closed', label: L('办结', 'Close') },
              ]}
            />
          </Form.Item>
          <Form.Item name="outcome" label={L('处理结果', 'Outcome')}>
            <Select
              options={[
                { value: 'rejected', label: L('异议不成立', 'Rejected') },
                { value: 'upheld', label: L('异议成立', 'Upheld') },
                { value: 'withdrawn', label: L('异议人撤回', 'Withdrawn') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="revokeAward"
            label={L('撤销所指补贴（仅异议成立时）', 'Revoke the award (upheld only)')}
            valuePropName="checked"
          >
            <Switch data-testid="revoke-award" />
          </Form.Item>
          <Form.Item
            name="reduceTo"
            label={L('或核减为（元，仅异议成立时；释放的预算可递补）', 'Or reduce to (yuan, upheld only)')}
          >
            <Input placeholder="5000.00" data-testid="reduce-to" />
          </Form.Item>
          <Form.Item
            name="note"
            label={L('处理说明', 'Note')}
            rules={[{ required: true, min: 2, message: L('请填写处理说明', 'Write a note') }]}
          >
            <Input.TextArea rows={3} data-testid="objection-note" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function RoundAwards({ runId }: { runId: string }) {
  const [page, setPage] = useState(1);
  const { data } = useAwards(runId, page);
  if (!data) return null;
  return <OutcomeTable rows={data.items} total={data.total} page={page} onPage={setPage} />;
}

/** 递补: the freed budget, the dry run and commit of a round (city administrator), the rounds made. */
function SupplementaryCard({ campaignId, isAdmin }: { campaignId: string; isAdmin: boolean }) {
  const L = useL();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data: s } = useSupplementary(campaignId, true);
  const [outcome, setOutcome] = useState<TAllocationOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!s) return null;
  const run = async (dryRun: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const o = await runSupplementary(campaignId, dryRun);
      setOutcome(o);
      message.success(
        dryRun ? L('递补试算完成', 'Dry run done') : L('递补分配已提交', 'Supplementary allocation committed'),
      );
      await qc.invalidateQueries({ queryKey: subsidyKeys.all });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const publish = async () => {
    setError(null);
    try {
      await api.post(`/api/v1/subsidy/campaigns/${campaignId}/supplementary-notices`, {});
      message.success(L('递补公示已发布', 'Supplementary notice published'));
      await qc.invalidateQueries({ queryKey: subsidyKeys.all });
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Card
      title={
        <Space>
          {L('递补分配', 'Supplementary allocation')}
          <SupplementaryTag />
        </Space>
      }
      style={{ marginBottom: 16 }}
      data-testid="supplementary-card"
      extra={
        isAdmin && (
          <Space>
            <Button onClick={() => run(true)} loading={busy} data-testid="supplementary-dry-run">
              {L('递补试算', 'Dry run')}
            </Button>
            <Popconfirm
              title={L(
                '按先到先得顺序将释放的预算递补给原分配未安排或未足额安排的申请，确认提交？',
                'Fund the next in line from the freed budget?',
              )}
              onConfirm={() => run(false)}
              okButtonProps={{ 'data-testid': 'confirm-supplementary' } as never}
            >
              <Button type="primary" disabled={!s.canRun} loading={busy} data-testid="supplementary-commit">
                {L('提交递补', 'Commit')}
              </Button>
            </Popconfirm>
            <Button disabled={!s.pendingRunId} onClick={publish} data-testid="publish-supplementary-notice">
              {L('发布递补公示', 'Publish supplementary notice')}
            </Button>
          </Space>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        {L(
          '公示期间异议成立撤销或核减的补贴释放预算；递补按申报指南 六（四）的顺序（先比较入库申报月份，再比较贷款放款时间）和本批次分配方式，安排给原分配未安排或未足额安排的申请，单个企业累计不超过100万元、就高不重复；递补结果须另行公示（递补公示），各公示期满且异议全部办结后方可下达资金安排计划。',
          'Budget freed by upheld objections goes to the next in line, in the same order and mode; 递补 awards need their own notice before the plan.',
        )}
      </Typography.Paragraph>
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="supplementary-error" />
      )}
      <Descriptions size="small" bordered column={3} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={L('预算', 'Budget')}>{yuan(s.budget)}</Descriptions.Item>
        <Descriptions.Item label={L('仍有效的安排', 'Standing awards')}>{yuan(s.standing)}</Descriptions.Item>
        <Descriptions.Item label={L('可递补预算', 'Freed budget')}>
          <b data-testid="freed-budget">{yuan(s.freed)}</b>
        </Descriptions.Item>
        <Descriptions.Item label={L('已撤销', 'Revoked')}>{s.revokedCount}</Descriptions.Item>
        <Descriptions.Item label={L('已核减', 'Reduced')}>{s.reducedCount}</Descriptions.Item>
        <Descriptions.Item label={L('递补轮次', 'Rounds')}>
          {s.rounds.length}
          {s.pendingRunId && (
            <Typography.Text type="warning" style={{ marginLeft: 8 }}>
              {L('（最新一轮待递补公示）', '(latest round awaits its notice)')}
            </Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>
      {outcome && (
        <>
          <Summary o={outcome} />
          {outcome.kind === 'supplement_dry_run' && (
            <Alert
              type="info"
              showIcon
              title={L('递补试算结果仅供预览，未改变任何申请。', 'Dry run: nothing was changed.')}
              style={{ marginBottom: 12 }}
            />
          )}
          <OutcomeTable rows={outcome.rows} />
        </>
      )}
      {s.rounds.map((r, i) => (
        <div key={r.id} data-testid="supplementary-round">
          <Typography.Title level={5}>
            {L(`第${i + 1}轮递补`, `Round ${i + 1}`)}：{L('可递补预算', 'freed')} {yuan(r.budget)}，
            {L('递补安排', 'awarded')} {yuan(r.totalAwarded)}
          </Typography.Title>
          <RoundAwards runId={r.id} />
        </div>
      ))}
    </Card>
  );
}

function NoticeCard({ notice }: { notice: TNotice }) {
  const L = useL();
  const supplementary = notice.kind === 'supplementary';
  return (
    <Card
      title={
        <Space>
          {supplementary ? L('递补公示', 'Supplementary notice') : L('公示', 'Public notice')}：{notice.title}
          {supplementary && <SupplementaryTag notice />}
        </Space>
      }
      style={{ marginBottom: 16 }}
      data-testid={supplementary ? 'supplementary-notice' : 'original-notice'}
    >
      <Typography.Paragraph>
        {L('公示期', 'Period')}：{notice.startsOn} ～ {notice.endsOn}（
        {notice.phase === 'open'
          ? L('公示中', 'open')
          : notice.phase === 'ended'
            ? L('已结束', 'ended')
            : L('未开始', 'upcoming')}
        ）；
        {L('合计', 'Total')} {yuan(notice.totalAmount)}，{notice.entryCount} {L('项', 'entries')}。
        <a href={`/public/notices?id=${notice.id}`} target="_blank" rel="noreferrer">
          {L('查看公开页面', 'Open the public page')}
        </a>
      </Typography.Paragraph>
      <Objections noticeId={notice.id} />
    </Card>
  );
}

export default function AllocationPage() {
  const L = useL();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const isAdmin = mayDo(me, 'subsidy.allocation.run');
  const { data: campaigns = [] } = useCampaigns();
  const [campaignId, setCampaignId] = useState<string | undefined>();
  useEffect(() => {
    if (!campaignId && campaigns[0]) setCampaignId(campaigns[0].id);
  }, [campaigns, campaignId]);
  const campaign = campaigns.find((c) => c.id === campaignId);
  const [outcome, setOutcome] = useState<TAllocationOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const { data: awards } = useAwards(campaign?.committedRunId, page);
  const { data: notice } = useCampaignNotice(campaignId);
  const { data: notices = [] } = useCampaignNotices(campaignId);

  const run = async (dryRun: boolean) => {
    if (!campaignId) return;
    setBusy(true);
    setError(null);
    try {
      const o = await runAllocation(campaignId, dryRun);
      setOutcome(o);
      message.success(dryRun ? L('试算完成', 'Dry run done') : L('正式分配已提交', 'Allocation committed'));
      await qc.invalidateQueries({ queryKey: subsidyKeys.all });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const publish = async () => {
    if (!campaignId) return;
    setError(null);
    try {
      await api.post(`/api/v1/subsidy/campaigns/${campaignId}/notice`, {});
      message.success(L('公示已发布', 'Notice published'));
      await qc.invalidateQueries({ queryKey: subsidyKeys.all });
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <>
      <PageHeader
        title={L('资金分配与公示', 'Allocation and public notice')}
        description={L(
          '按“先到先得、用完即止”（申报指南 六（四））：先比较入库申报月份，再比较贷款放款时间；单个企业累计不超过100万元；公示后方可下达资金安排计划（第七条（六））。',
          'First come, first served: declaration month, then loan disbursement time; ¥1,000,000 cap per enterprise; plan after the notice.',
        )}
        extra={
          <Select
            style={{ width: 320 }}
            value={campaignId}
            onChange={(v) => {
              setCampaignId(v);
              setOutcome(null);
            }}
            options={campaigns.map((c) => ({ value: c.id, label: c.title }))}
            data-testid="campaign-select"
          />
        }
      />
      <SubsidyDashboard campaignId={campaignId} />
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="allocation-error" />
      )}
      {campaign && (
        <Card
          title={
            <Space>
              {campaign.title}
              <CampaignTag status={campaign.status} />
            </Space>
          }
          style={{ marginBottom: 16 }}
          extra={
            isAdmin && (
              <Space>
                <Button onClick={() => run(true)} loading={busy} data-testid="dry-run">
                  {L('试算', 'Dry run')}
                </Button>
                <Popconfirm
                  title={L('正式分配后不可重复执行，确认提交？', 'A committed run cannot be repeated. Commit?')}
                  onConfirm={() => run(false)}
                  okButtonProps={{ 'data-testid': 'confirm-commit' } as never}
                >
                  <Button
                    type="primary"
                    danger
                    disabled={campaign.status !== 'open'}
                    loading={busy}
                    data-testid="commit-run"
                  >
                    {L('正式分配', 'Commit')}
                  </Button>
                </Popconfirm>
                <Button disabled={campaign.status !== 'allocated'} onClick={publish} data-testid="publish-notice">
                  {L('发布公示', 'Publish notice')}
                </Button>
              </Space>
            )
          }
        >
          {outcome && (
            <>
              <Summary o={outcome} />
              {outcome.kind === 'dry_run' && (
                <Alert
                  type="info"
                  showIcon
                  title={L('试算结果仅供预览，未改变任何申请。', 'Dry run: nothing was changed.')}
                  style={{ marginBottom: 12 }}
                />
              )}
              {outcome.kind === 'dry_run' && <OutcomeTable rows={outcome.rows} />}
            </>
          )}
          {campaign.committedRunId && awards && (
            <>
              <Typography.Title level={5}>{L('正式分配结果', 'Committed allocation')}</Typography.Title>
              <OutcomeTable rows={awards.items} total={awards.total} page={page} onPage={setPage} />
            </>
          )}
        </Card>
      )}
      {notice && <NoticeCard notice={notice} />}
      {notice && campaignId && <SupplementaryCard key={campaignId} campaignId={campaignId} isAdmin={isAdmin} />}
      {notices
        .filter((n) => n.kind === 'supplementary')
        .map((n) => (
          <NoticeCard key={n.id} notice={n} />
        ))}
    </>
  );
}
