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
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import {
  type TAllocationOutcome,
  type TAward,
  type TNotice,
  type TObjection,
  ZHandleObjection,
} from '../../../../src/contracts/subsidy';
import { mayDo } from '../../../../src/domain/access/business';
import { api } from '../../api/client';
import { useMe } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { SmallTable } from '../../components/SmallTable';
import { useAction } from '../../components/useAction';
import { maxLengthOf, requiredOf, validFields } from '../../components/zodRule';
import { useI18n } from '../../i18n';
import { districtName } from '../../shared/districts';
import { yuan } from '../../shared/money';
import { formatInstant } from '../../shared/time';
import { SubsidyDashboard } from '../dashboard/SubsidyDashboard';
import {
  runAllocation,
  runSupplementary,
  subsidyKeys,
  useAwards,
  useCampaignNotice,
  useCampaignNotices,
  useObjections,
  useSupplementary,
} from './api';
import {
  AwardTag,
  CampaignSelect,
  CampaignTitle,
  Explanation,
  ObjectionTag,
  SupplementaryTag,
  useCampaignChoice,
} from './common';

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
  const { t, lang } = useI18n();
  return (
    <Table<Row>
      rowKey="applicationId"
      size="small"
      dataSource={rows}
      data-testid="allocation-rows"
      pagination={onPage ? { current: page, pageSize: 50, total, onChange: onPage } : { pageSize: 50 }}
      expandable={{ expandedRowRender: (r) => <Explanation lines={r.explanation} /> }}
      columns={[
        { title: t('subsidy.rank'), dataIndex: 'rank', width: 70 },
        { title: t('subsidy.enterprise'), dataIndex: 'enterpriseName' },
        { title: t('subsidy.project'), render: (_, r) => `${r.projectNo ?? ''} ${r.projectName ?? ''}` },
        { title: t('subsidy.district'), dataIndex: 'districtCode', render: (v: string) => districtName(v, lang) },
        { title: t('subsidy.computed'), dataIndex: 'computed', render: (v: string) => yuan(v) },
        { title: t('subsidy.afterCap'), dataIndex: 'capped', render: (v: string) => yuan(v) },
        { title: t('subsidy.awarded'), dataIndex: 'awarded', render: (v: string) => <b>{yuan(v)}</b> },
        { title: t('subsidy.outcome'), dataIndex: 'status', render: (s: string) => <AwardTag status={s} /> },
      ]}
    />
  );
}

function Summary({ o }: { o: Omit<TAllocationOutcome, 'rows'> }) {
  const { t } = useI18n();
  return (
    <Descriptions size="small" bordered column={3} style={{ marginBottom: 12 }} data-testid="run-summary">
      <Descriptions.Item label={t('subsidy.kind')}>
        {o.kind === 'dry_run'
          ? t('subsidy.dryRun')
          : o.kind === 'commit'
            ? t('subsidy.committed')
            : o.kind === 'supplement_dry_run'
              ? t('subsidy.supplementaryDryRun')
              : t('subsidy.supplementaryAllocation')}
      </Descriptions.Item>
      <Descriptions.Item label={t('subsidy.applications')}>{o.applicationCount}</Descriptions.Item>
      <Descriptions.Item label={t('subsidy.runBy')}>
        {o.runByName} {formatInstant(o.startedAt)}
      </Descriptions.Item>
      <Descriptions.Item label={o.kind.startsWith('supplement') ? t('subsidy.freedBudget') : t('subsidy.budget')}>
        {yuan(o.budget)}
      </Descriptions.Item>
      <Descriptions.Item label={t('subsidy.requested')}>{yuan(o.totalRequested)}</Descriptions.Item>
      <Descriptions.Item label={t('subsidy.awarded2')}>
        <b data-testid="total-awarded">{yuan(o.totalAwarded)}</b>
      </Descriptions.Item>
      <Descriptions.Item label={t('subsidy.funded')}>{o.fundedCount}</Descriptions.Item>
      <Descriptions.Item label={t('subsidy.partial')}>{o.partialCount}</Descriptions.Item>
      <Descriptions.Item label={t('subsidy.notFunded')}>{o.unfundedCount}</Descriptions.Item>
    </Descriptions>
  );
}

/** The objections to one notice and their handling (city staff); a guarantee-fee notice uses the same panel. */
export function Objections({ noticeId }: { noticeId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data = [] } = useObjections(noticeId);
  const [handling, setHandling] = useState<TObjection | null>(null);
  const [form] = Form.useForm();
  const { error, attempt } = useAction();
  const save = async () => {
    if (!handling) return;
    const v = await validFields(form);
    if (!v) return;
    const body = { ...v, reduceTo: v.reduceTo ? String(v.reduceTo).trim() : undefined };
    await attempt(async () => {
      await api.post(`/api/v1/subsidy/objections/${handling.id}/handle`, body);
      message.success(t('subsidy.saved'));
      setHandling(null);
      await qc.invalidateQueries({ queryKey: subsidyKeys.all });
    });
  };
  return (
    <>
      <SmallTable<TObjection>
        rowKey="id"
        dataSource={data}
        data-testid="objections"
        columns={[
          { title: t('subsidy.case'), dataIndex: 'caseNo' },
          {
            title: t('subsidy.about'),
            dataIndex: 'enterpriseName',
            render: (v: string | null) => v ?? t('subsidy.none'),
          },
          { title: t('subsidy.by'), render: (_, o) => `${o.name}（${o.contact}）` },
          { title: t('subsidy.reason'), dataIndex: 'reason' },
          { title: t('subsidy.status'), render: (_, o) => <ObjectionTag status={o.status} outcome={o.outcome} /> },
          { title: t('subsidy.note'), dataIndex: 'outcomeNote' },
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
                  {t('subsidy.handle')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={!!handling}
        onCancel={() => setHandling(null)}
        onOk={save}
        title={`${t('subsidy.handleObjection')} ${handling?.caseNo ?? ''}`}
        okButtonProps={{ 'data-testid': 'save-objection' } as never}
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" name="handleObjection">
          <Form.Item name="status" label={t('subsidy.status2')}>
            <Radio.Group
              options={[
                { value: 'investigating', label: t('subsidy.investigating') },
                { value: 'closed', label: t('subsidy.close') },
              ]}
            />
          </Form.Item>
          <Form.Item name="outcome" label={t('subsidy.outcome2')}>
            <Select
              options={[
                { value: 'rejected', label: t('subsidy.rejected') },
                { value: 'upheld', label: t('subsidy.upheld') },
                { value: 'withdrawn', label: t('subsidy.withdrawn') },
              ]}
            />
          </Form.Item>
          <Form.Item name="revokeAward" label={t('subsidy.revokeTheAwardUpheld')} valuePropName="checked">
            <Switch data-testid="revoke-award" />
          </Form.Item>
          <Form.Item name="reduceTo" label={t('subsidy.orReduceToYuan')}>
            <Input placeholder="5000.00" data-testid="reduce-to" />
          </Form.Item>
          <Form.Item
            name="note"
            label={t('subsidy.note')}
            rules={[{ required: requiredOf(ZHandleObjection.shape.note), min: 2, message: t('subsidy.writeANote') }]}
          >
            <Input.TextArea
              rows={3}
              maxLength={maxLengthOf(ZHandleObjection.shape.note)}
              data-testid="objection-note"
            />
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
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data: s } = useSupplementary(campaignId, true);
  const [outcome, setOutcome] = useState<TAllocationOutcome | null>(null);
  const { busy, error, run: act, attempt } = useAction();
  if (!s) return null;
  /** Says how it went and refreshes the subsidy lists. */
  const done = async (msg: string) => {
    message.success(msg);
    await qc.invalidateQueries({ queryKey: subsidyKeys.all });
  };
  const run = (dryRun: boolean) =>
    act(async () => {
      setOutcome(await runSupplementary(campaignId, dryRun));
      await done(dryRun ? t('subsidy.dryRunDone') : t('subsidy.supplementaryAllocationCommitted'));
    });
  const publish = () =>
    attempt(async () => {
      await api.post(`/api/v1/subsidy/campaigns/${campaignId}/supplementary-notices`, {});
      await done(t('subsidy.supplementaryNoticePublished'));
    });
  return (
    <Card
      title={
        <Space>
          {t('subsidy.supplementaryAllocation')}
          <SupplementaryTag />
        </Space>
      }
      style={{ marginBottom: 16 }}
      data-testid="supplementary-card"
      extra={
        isAdmin && (
          <Space>
            <Button onClick={() => run(true)} loading={busy} data-testid="supplementary-dry-run">
              {t('subsidy.dryRun2')}
            </Button>
            <Popconfirm
              title={t('subsidy.fundTheNextIn')}
              onConfirm={() => run(false)}
              okButtonProps={{ 'data-testid': 'confirm-supplementary' } as never}
            >
              <Button type="primary" disabled={!s.canRun} loading={busy} data-testid="supplementary-commit">
                {t('subsidy.commit')}
              </Button>
            </Popconfirm>
            <Popconfirm
              title={t('subsidy.confirm.publishTitle')}
              description={t('subsidy.confirm.publishSupplementary')}
              onConfirm={publish}
              disabled={!s.pendingRunId}
              okButtonProps={{ 'data-testid': 'confirm-publish-supplementary' } as never}
            >
              <Tooltip title={s.pendingRunId ? undefined : t('subsidy.why.noPendingRun')}>
                <Button disabled={!s.pendingRunId} data-testid="publish-supplementary-notice">
                  {t('subsidy.publishSupplementaryNotice')}
                </Button>
              </Tooltip>
            </Popconfirm>
          </Space>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('subsidy.budgetFreedByUpheld')}</Typography.Paragraph>
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="supplementary-error" />
      )}
      <Descriptions size="small" bordered column={3} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('subsidy.budget')}>{yuan(s.budget)}</Descriptions.Item>
        <Descriptions.Item label={t('subsidy.standingAwards')}>{yuan(s.standing)}</Descriptions.Item>
        <Descriptions.Item label={t('subsidy.freedBudget')}>
          <b data-testid="freed-budget">{yuan(s.freed)}</b>
        </Descriptions.Item>
        <Descriptions.Item label={t('subsidy.revoked')}>{s.revokedCount}</Descriptions.Item>
        <Descriptions.Item label={t('subsidy.reduced')}>{s.reducedCount}</Descriptions.Item>
        <Descriptions.Item label={t('subsidy.rounds')}>
          {s.rounds.length}
          {s.pendingRunId && (
            <Typography.Text type="warning" style={{ marginLeft: 8 }}>
              {t('subsidy.latestRoundAwaitsIts')}
            </Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>
      {outcome && (
        <>
          <Summary o={outcome} />
          {outcome.kind === 'supplement_dry_run' && (
            <Alert type="info" showIcon title={t('subsidy.dryRunNothingWas')} style={{ marginBottom: 12 }} />
          )}
          <OutcomeTable rows={outcome.rows} />
        </>
      )}
      {s.rounds.map((r, i) => (
        <div key={r.id} data-testid="supplementary-round">
          <Typography.Title level={5}>
            {t('subsidy.roundN', { n: i + 1 })}：{t('subsidy.freed')} {yuan(r.budget)}，{t('subsidy.awarded3')}{' '}
            {yuan(r.totalAwarded)}
          </Typography.Title>
          <RoundAwards runId={r.id} />
        </div>
      ))}
    </Card>
  );
}

function NoticeCard({ notice }: { notice: TNotice }) {
  const { t } = useI18n();
  const supplementary = notice.kind === 'supplementary';
  return (
    <Card
      title={
        <Space>
          {supplementary ? t('subsidy.supplementaryNotice') : t('subsidy.publicNotice')}：{notice.title}
          {supplementary && <SupplementaryTag notice />}
        </Space>
      }
      style={{ marginBottom: 16 }}
      data-testid={supplementary ? 'supplementary-notice' : 'original-notice'}
    >
      <Typography.Paragraph>
        {t('subsidy.period')}：{notice.startsOn} ～ {notice.endsOn}（
        {notice.phase === 'open'
          ? t('subsidy.open')
          : notice.phase === 'ended'
            ? t('subsidy.ended')
            : t('subsidy.upcoming')}
        ）；
        {t('subsidy.total')} {yuan(notice.totalAmount)}，{notice.entryCount} {t('subsidy.entries')}。
        {/* Underlined: a link inside a sentence is told apart by more than its colour. */}
        <a href={`/public/notices?id=${notice.id}`} target="_blank" rel="noreferrer" className="text-link">
          {t('subsidy.openThePublicPage')}
        </a>
      </Typography.Paragraph>
      <Objections noticeId={notice.id} />
    </Card>
  );
}

export default function AllocationPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const isAdmin = mayDo(me, 'subsidy.allocation.run');
  const { campaigns, campaignId, setCampaignId, campaign } = useCampaignChoice();
  const [outcome, setOutcome] = useState<TAllocationOutcome | null>(null);
  const { busy, error, run: act, attempt } = useAction();
  const [page, setPage] = useState(1);
  const { data: awards } = useAwards(campaign?.committedRunId, page);
  const { data: notice } = useCampaignNotice(campaignId);
  const { data: notices = [] } = useCampaignNotices(campaignId);

  /** Says how it went and refreshes the subsidy lists. */
  const done = async (msg: string) => {
    message.success(msg);
    await qc.invalidateQueries({ queryKey: subsidyKeys.all });
  };
  const run = async (dryRun: boolean) => {
    if (!campaignId) return;
    await act(async () => {
      // The confirmation named the early close; the server refuses a commit while applications are accepted otherwise.
      setOutcome(await runAllocation(campaignId, dryRun, !dryRun && campaign?.acceptingApplications === true));
      await done(dryRun ? t('subsidy.dryRunDone2') : t('subsidy.allocationCommitted'));
    });
  };
  const publish = async () => {
    if (!campaignId) return;
    await attempt(async () => {
      await api.post(`/api/v1/subsidy/campaigns/${campaignId}/notice`, {});
      await done(t('subsidy.noticePublished'));
    });
  };

  return (
    <>
      <PageHeader
        title={t('subsidy.allocationAndPublicNotice')}
        description={t('subsidy.firstComeFirstServed')}
        extra={
          <CampaignSelect
            campaigns={campaigns}
            value={campaignId}
            onChange={(v) => {
              setCampaignId(v);
              setOutcome(null);
            }}
            testId="campaign-select"
          />
        }
      />
      <SubsidyDashboard campaignId={campaignId} />
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="allocation-error" />
      )}
      {campaign && (
        <Card
          title={<CampaignTitle campaign={campaign} />}
          style={{ marginBottom: 16 }}
          extra={
            isAdmin && (
              <Space>
                <Button onClick={() => run(true)} loading={busy} data-testid="dry-run">
                  {t('subsidy.dryRun')}
                </Button>
                <Popconfirm
                  title={
                    campaign.acceptingApplications
                      ? t('subsidy.confirm.closeAndCommitTitle')
                      : t('subsidy.aCommittedRunCannot')
                  }
                  description={
                    campaign.acceptingApplications
                      ? t('subsidy.confirm.commitStillOpen', { d: campaign.applyTo })
                      : undefined
                  }
                  okText={campaign.acceptingApplications ? t('subsidy.confirm.closeAndCommit') : undefined}
                  onConfirm={() => run(false)}
                  disabled={campaign.status !== 'open'}
                  okButtonProps={{ 'data-testid': 'confirm-commit' } as never}
                >
                  <Tooltip title={campaign.status === 'open' ? undefined : t('subsidy.why.committed')}>
                    <Button
                      type="primary"
                      danger
                      disabled={campaign.status !== 'open'}
                      loading={busy}
                      data-testid="commit-run"
                    >
                      {t('subsidy.commit2')}
                    </Button>
                  </Tooltip>
                </Popconfirm>
                <Popconfirm
                  title={t('subsidy.confirm.publishTitle')}
                  description={t('subsidy.confirm.publish', { n: campaign.noticeDays })}
                  onConfirm={publish}
                  disabled={campaign.status !== 'allocated'}
                  okButtonProps={{ 'data-testid': 'confirm-publish' } as never}
                >
                  <Tooltip
                    title={
                      campaign.status === 'allocated'
                        ? undefined
                        : campaign.status === 'open'
                          ? t('subsidy.why.notAllocated')
                          : t('subsidy.why.noticePublished')
                    }
                  >
                    <Button disabled={campaign.status !== 'allocated'} data-testid="publish-notice">
                      {t('subsidy.publishNotice')}
                    </Button>
                  </Tooltip>
                </Popconfirm>
              </Space>
            )
          }
        >
          {outcome && (
            <>
              <Summary o={outcome} />
              {outcome.kind === 'dry_run' && (
                <Alert type="info" showIcon title={t('subsidy.dryRunNothingWas2')} style={{ marginBottom: 12 }} />
              )}
              {outcome.kind === 'dry_run' && <OutcomeTable rows={outcome.rows} />}
            </>
          )}
          {campaign.committedRunId && awards && (
            <>
              <Typography.Title level={5}>{t('subsidy.committedAllocation')}</Typography.Title>
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
