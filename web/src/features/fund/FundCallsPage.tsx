/**
 * The competitive programmes for the operator (受托机构), the city bureau and the external auditor: calls, their
 * applications, formal review, expert draws, ranking and proposal, deliberation, notice, objections, the plan,
 * acceptance and spot checks. Each button shows exactly when the API would allow it (`mayI`) at the call's stage.
 */

import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Tag,
  Upload,
} from 'antd';
import { useState } from 'react';
import type { TApplication, TCallSummary } from '../../../../src/contracts/fund';
import { DIRECTION_ZH, PROGRAMME_DIRECTIONS, PROGRAMME_KIND_ZH } from '../../../../src/domain/fund/standards';
import { APPLICATION_STATE_ZH, CALL_STATE_ZH } from '../../../../src/domain/fund/workflow';
import { uploadFile } from '../../api/attachments';
import { errorMessage } from '../../api/client';
import { mayI } from '../../auth/access';
import { useMe } from '../../auth/session';
import { namedColumn } from '../../components/columns';
import { PageHeader } from '../../components/PageHeader';
import { SmallTable } from '../../components/SmallTable';
import { type MessageKey, useI18n } from '../../i18n';
import { yuan } from '../../shared/money';
import { todayInBeijing } from '../../shared/time';
import { fundPost, useApplications, useAssignments, useCalls, useObjections, usePlan, useProposal } from './api';
import { FundDashboard } from './FundDashboard';
import { InvoiceFields, invoiceOf } from './InvoiceFields';
import { TrainingCard } from './TrainingCard';

/** This year in Beijing time (the training programme's year when no call is selected). */
const beijingYear = () => Number(todayInBeijing().slice(0, 4));

/** The meeting minutes (会议纪要) of the deliberation, uploaded through the attachment module before it is recorded. */
function MinutesUpload({ callId, onUploaded }: { callId: string; onUploaded: (id: string) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [name, setName] = useState<string | null>(null);
  return (
    <Form.Item label={t('fund.minutes')}>
      <Space>
        <Upload
          showUploadList={false}
          customRequest={async ({ file, onSuccess, onError }) => {
            try {
              const up = await uploadFile(file as File, {
                ownerType: 'fund_deliberation',
                ownerId: callId,
                kind: 'minutes',
              });
              onUploaded(up.id);
              setName(up.fileName);
              onSuccess?.({});
            } catch (e) {
              onError?.(e as Error);
              message.error(errorMessage(e));
            }
          }}
        >
          <Button icon={<UploadOutlined />} data-testid="upload-minutes">
            {t('fund.uploadMinutes')}
          </Button>
        </Upload>
        {name && <span data-testid="minutes-name">{name}</span>}
      </Space>
    </Form.Item>
  );
}

/** The city closes an objection case: its finding (as for the 政银保 objections) and the explanation. */
function CloseObjection({ id, run }: { id: string; run: (p: Promise<unknown>) => Promise<void> }) {
  const { t } = useI18n();
  const [result, setResult] = useState<'upheld' | 'rejected' | 'withdrawn'>('rejected');
  const [outcome, setOutcome] = useState('');
  return (
    <Space wrap>
      <Radio.Group
        aria-label={t('fund.outcome')}
        value={result}
        onChange={(e) => setResult(e.target.value)}
        options={(['upheld', 'rejected', 'withdrawn'] as const).map((v) => ({
          value: v,
          label: t(`fund.result.${v}`),
        }))}
      />
      <Input
        aria-label={t('fund.outcomeText')}
        placeholder={t('fund.outcomeText')}
        data-testid="objection-outcome"
        value={outcome}
        onChange={(e) => setOutcome(e.target.value)}
        style={{ width: 320 }}
      />
      <Button
        data-testid="close-objection"
        onClick={() => run(fundPost(`/objections/${id}/close`, { result, outcome }))}
      >
        {t('fund.closeObjection')}
      </Button>
    </Space>
  );
}

const TEMPLATE = [
  { id: 'innovation', name: '创新性与技术先进性', weight: '30' },
  { id: 'benefit', name: '经济与社会效益', weight: '40' },
  { id: 'feasibility', name: '实施条件与可行性', weight: '30' },
];

function Assignments({ applicationId }: { applicationId: string }) {
  const { t } = useI18n();
  const q = useAssignments(applicationId);
  return (
    <SmallTable
      rowKey="id"
      dataSource={q.data?.items ?? []}
      columns={[
        {
          title: t('fund.purpose'),
          dataIndex: 'purpose',
          render: (p: 'review' | 'acceptance') => t(`fund.purpose.${p}`),
        },
        { title: t('fund.expert'), dataIndex: 'expertName' },
        { title: t('fund.state'), dataIndex: 'status' },
        { title: t('fund.seed'), dataIndex: 'seed' },
        { title: t('fund.total'), dataIndex: 'total', render: (v: string | null) => v ?? t('fund.hiddenUntilAll') },
      ]}
    />
  );
}

export default function FundCallsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const calls = useCalls();
  const [selected, setSelected] = useState<string | null>(null);
  const call = calls.data?.items.find((c) => c.id === selected) ?? calls.data?.items[0] ?? null;
  const apps = useApplications(call?.id);
  const staged = (s: string[]) => !!call && s.includes(call.state);
  const proposal = useProposal(
    call?.id ?? '',
    !!call && staged(['proposed', 'deliberated', 'notice', 'planned', 'filed']) && mayI(me, 'fund.ranking.read'),
  );
  const objections = useObjections(
    call?.id ?? '',
    !!call && staged(['notice', 'planned', 'filed']) && mayI(me, 'fund.ranking.read'),
  );
  const plan = usePlan(call?.id ?? '', !!call && staged(['planned', 'filed']));
  const [modal, setModal] = useState<null | 'call' | 'return' | 'deliberate' | 'notice' | 'accept' | 'spot'>(null);
  const [target, setTarget] = useState<TApplication | null>(null);
  const [form] = Form.useForm();
  const refresh = () => qc.invalidateQueries({ queryKey: ['fund'] });

  async function run(p: Promise<unknown>, done?: () => void) {
    try {
      await p;
      await refresh();
      message.success(t('fund.done'));
      done?.();
    } catch (e) {
      message.error(errorMessage(e));
    }
  }
  const close = () => {
    setModal(null);
    form.resetFields();
  };

  async function submitModal() {
    const v = form.getFieldsValue(true);
    if (!call && modal !== 'call') return;
    const id = call?.id ?? '';
    if (modal === 'call') {
      const programme = v.programme ?? 'special_fund';
      return run(
        fundPost('/calls', {
          programme,
          year: Number(v.year ?? 2026),
          title: v.title ?? '',
          opensOn: v.opensOn ?? '',
          closesOn: v.closesOn ?? '',
          materials: ['申报书', '发票', '承诺书'],
          directions: [
            {
              direction: v.direction ?? PROGRAMME_DIRECTIONS[programme as 'special_fund'][0],
              budget: String(v.budget ?? ''),
            },
          ],
          criteria: TEMPLATE,
          method: 'mean',
          minReviews: 3,
          expertsPerApplication: 3,
          threshold: '60.00',
        }),
        close,
      );
    }
    if (modal === 'return' && target)
      return run(
        fundPost(`/applications/${target.id}/formal-review`, {
          decision: 'return',
          reasons: v.reasons,
          dueOn: v.dueOn,
        }),
        close,
      );
    if (modal === 'accept' && target)
      return run(
        fundPost(`/applications/${target.id}/acceptance`, {
          outcome: v.outcome ?? 'pass',
          finalInvoices: [invoiceOf(v)],
          ...(v.rectifyBy ? { rectifyBy: v.rectifyBy } : {}),
        }),
        close,
      );
    if (modal === 'notice')
      return run(fundPost(`/calls/${id}/notice`, { startsOn: v.startsOn, days: Number(v.days) }), close);
    if (modal === 'spot')
      return run(fundPost(`/calls/${id}/spot-checks`, { size: Number(v.size ?? 1), seed: v.seed ?? '' }), close);
    if (modal === 'deliberate')
      return run(
        fundPost(`/calls/${id}/deliberation`, {
          meetingOn: v.meetingOn,
          ...(v.minutesAttachmentId ? { minutesAttachmentId: v.minutesAttachmentId } : {}),
          attendees: String(v.attendees ?? '')
            .split(/[,，]/)
            .map((x: string) => x.trim())
            .filter(Boolean),
          decisions: (proposal.data?.items ?? []).map((i) => ({
            applicationId: i.applicationId,
            amount: String(v[`amount_${i.applicationId}`] ?? i.proposed),
            reason: v[`reason_${i.applicationId}`] || undefined,
          })),
        }),
        close,
      );
  }

  const step = (
    label: string,
    action: Parameters<typeof mayI>[1],
    states: string[],
    onClick: () => void,
    testId: string,
  ) =>
    mayI(me, action) && staged(states) ? (
      <Button key={testId} data-testid={testId} onClick={onClick}>
        {label}
      </Button>
    ) : null;

  return (
    <>
      <PageHeader
        title={t('fund.title')}
        description={t('fund.intro')}
        extra={
          mayI(me, 'fund.call.create') && (
            <Button type="primary" data-testid="new-call" onClick={() => setModal('call')}>
              {t('fund.newCall')}
            </Button>
          )
        }
      />
      {calls.error && <Alert type="error" showIcon title={errorMessage(calls.error)} />}
      <Card style={{ marginBottom: 16 }}>
        <SmallTable<TCallSummary>
          rowKey="id"
          dataSource={calls.data?.items ?? []}
          rowClassName={(r) => (r.id === call?.id ? 'ant-table-row-selected' : '')}
          onRow={(r) => ({ onClick: () => setSelected(r.id) })}
          columns={[
            { title: t('fund.callTitle'), dataIndex: 'title' },
            namedColumn(t('fund.programme'), 'programme', PROGRAMME_KIND_ZH),
            namedColumn(t('fund.state'), 'state', CALL_STATE_ZH, (name) => <Tag>{name}</Tag>),
            { title: t('fund.policyVersion'), dataIndex: 'policyVersion' },
          ]}
        />
      </Card>
      {call && (
        <Card title={call.title} data-testid="call-detail">
          <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('fund.state')}>{CALL_STATE_ZH[call.state]}</Descriptions.Item>
            <Descriptions.Item label={t('fund.opensOn')}>{`${call.opensOn} — ${call.closesOn}`}</Descriptions.Item>
            <Descriptions.Item label={t('fund.noticeStart')}>
              {call.noticeStartsOn ? `${call.noticeStartsOn} — ${call.noticeEndsOn}` : '—'}
            </Descriptions.Item>
          </Descriptions>
          <SmallTable
            rowKey="direction"
            dataSource={call.directions}
            columns={[
              { title: t('fund.direction'), dataIndex: 'name' },
              { title: t('fund.budget'), dataIndex: 'budget', render: yuan },
              { title: t('fund.committed'), dataIndex: 'committed', render: yuan },
              { title: t('fund.standard'), dataIndex: 'standard' },
            ]}
          />
          <Space wrap style={{ margin: '12px 0' }}>
            {step(
              t('fund.approve'),
              'fund.call.approve',
              ['draft'],
              () => run(fundPost(`/calls/${call.id}/approve`, {})),
              'approve-call',
            )}
            {step(
              t('fund.close'),
              'fund.call.close',
              ['approved'],
              () => run(fundPost(`/calls/${call.id}/close`)),
              'close-call',
            )}
            {step(
              t('fund.propose'),
              'fund.proposal.make',
              ['reviewing'],
              () => run(fundPost(`/calls/${call.id}/proposal`)),
              'propose',
            )}
            {step(
              t('fund.deliberate'),
              'fund.deliberation.record',
              ['proposed'],
              () => setModal('deliberate'),
              'deliberate',
            )}
            {step(t('fund.publish'), 'fund.notice.publish', ['deliberated'], () => setModal('notice'), 'publish')}
            {step(
              t('fund.issuePlan'),
              'fund.plan.issue',
              ['notice'],
              () => run(fundPost(`/calls/${call.id}/plan`, {})),
              'issue-plan',
            )}
            {step(
              t('fund.filePlan'),
              'fund.plan.file',
              ['planned'],
              () => run(fundPost(`/calls/${call.id}/plan/filing`)),
              'file-plan',
            )}
            {step(
              t('fund.spotCheck'),
              'fund.spot_check.run',
              ['planned', 'filed'],
              () => setModal('spot'),
              'spot-check',
            )}
            {mayI(me, 'fund.records.export') && (
              <Button href={`/api/v1/fund/calls/${call.id}/export`} data-testid="export">
                {t('fund.export')}
              </Button>
            )}
          </Space>
          <SmallTable<TApplication>
            rowKey="id"
            dataSource={apps.data?.items ?? []}
            expandable={
              mayI(me, 'fund.ranking.read')
                ? { expandedRowRender: (a) => <Assignments applicationId={a.id} /> }
                : undefined
            }
            columns={[
              { title: t('fund.enterprise'), dataIndex: 'enterpriseName' },
              { title: t('fund.project'), dataIndex: 'projectName' },
              namedColumn(t('fund.direction'), 'direction', DIRECTION_ZH),
              namedColumn(t('fund.state'), 'state', APPLICATION_STATE_ZH),
              { title: t('fund.invoiceTotal'), dataIndex: 'invoiceTotal', render: yuan },
              { title: t('fund.score'), dataIndex: 'score' },
              { title: t('fund.awarded'), dataIndex: 'awarded', render: (v: string | null) => (v ? yuan(v) : '—') },
              { title: t('fund.final'), dataIndex: 'finalAmount', render: (v: string | null) => (v ? yuan(v) : '—') },
              {
                title: '',
                key: 'ops',
                render: (_: unknown, a: TApplication) => {
                  /** A row's button; its test id names the step and the project. */
                  const op = (step: string, label: MessageKey, onClick: () => void) => (
                    <Button size="small" data-testid={`${step}-${a.projectName}`} onClick={onClick}>
                      {t(label)}
                    </Button>
                  );
                  const ask = (m: 'return' | 'accept') => () => {
                    setTarget(a);
                    setModal(m);
                  };
                  const accepting = a.state === 'awarded' || a.state === 'rectify';
                  return (
                    <Space>
                      {mayI(me, 'fund.application.formal_review') && a.state === 'submitted' && (
                        <>
                          {op('pass', 'fund.pass', () =>
                            run(fundPost(`/applications/${a.id}/formal-review`, { decision: 'pass' })),
                          )}
                          {op('return', 'fund.return', ask('return'))}
                        </>
                      )}
                      {mayI(me, 'fund.expert.draw') &&
                        a.state === 'formal_passed' &&
                        staged(['approved', 'reviewing']) &&
                        op('draw', 'fund.drawExperts', () => run(fundPost(`/applications/${a.id}/experts`)))}
                      {mayI(me, 'fund.expert.draw') &&
                        accepting &&
                        op('panel', 'fund.drawPanel', () => run(fundPost(`/applications/${a.id}/acceptance-panel`)))}
                      {mayI(me, 'fund.acceptance.record') && accepting && op('accept', 'fund.accept', ask('accept'))}
                    </Space>
                  );
                },
              },
            ]}
          />
          {proposal.data && (
            <Card size="small" title={t('fund.propose')} style={{ marginTop: 12 }}>
              <SmallTable
                rowKey="applicationId"
                dataSource={proposal.data.items}
                columns={[
                  { title: t('fund.rank'), dataIndex: 'rank' },
                  { title: t('fund.enterprise'), dataIndex: 'enterpriseName' },
                  { title: t('fund.score'), dataIndex: 'score' },
                  { title: t('fund.proposed'), dataIndex: 'proposed', render: yuan },
                  { title: t('fund.decided'), dataIndex: 'decided', render: (v: string | null) => (v ? yuan(v) : '—') },
                  { title: t('fund.reason'), dataIndex: 'changeReason' },
                  { title: t('fund.explanation'), dataIndex: 'explanation', render: (e: string[]) => e.join('；') },
                ]}
              />
            </Card>
          )}
          {objections.data && objections.data.items.length > 0 && (
            <Card size="small" title={t('fund.objections')} style={{ marginTop: 12 }}>
              {objections.data.items.map((o) => (
                <Space key={o.id} wrap style={{ display: 'flex', marginBottom: 8 }} data-testid="fund-objection">
                  {o.caseNo && <Tag>{o.caseNo}</Tag>}
                  <span>{`${o.name}：${o.content}`}</span>
                  <Tag>
                    {o.status === 'open'
                      ? '办理中'
                      : `已办结${o.result ? `（${t(`fund.result.${o.result}`)}）` : ''}：${o.outcome}`}
                  </Tag>
                  {o.status === 'open' && mayI(me, 'fund.objection.handle') && <CloseObjection id={o.id} run={run} />}
                </Space>
              ))}
            </Card>
          )}
          {mayI(me, 'fund.dashboard.read') && <FundDashboard callId={call.id} />}
          {plan.data && (
            <Card
              size="small"
              title={t('fund.plan')}
              style={{ marginTop: 12 }}
              data-testid="plan"
              extra={
                <Space>
                  <Button href={`/api/v1/fund/calls/${call.id}/plan/xlsx`}>{t('fund.planXlsx')}</Button>
                  <Button onClick={() => window.print()}>{t('fund.print')}</Button>
                </Space>
              }
            >
              <SmallTable
                rowKey="applicationId"
                dataSource={plan.data.items}
                columns={[
                  { title: t('fund.enterprise'), dataIndex: 'enterpriseName' },
                  { title: t('fund.project'), dataIndex: 'projectName' },
                  { title: t('fund.awarded'), dataIndex: 'amount', render: yuan },
                  { title: t('fund.amountInWords'), dataIndex: 'amountInWords' },
                ]}
              />
              <p>{`合计 ${yuan(plan.data.total)}（${plan.data.totalInWords}）`}</p>
            </Card>
          )}
        </Card>
      )}
      {mayI(me, 'fund.training.read') && <TrainingCard year={call?.year ?? beijingYear()} />}
      <Modal
        open={modal !== null}
        title={modal ? t(MODAL_TITLE[modal]) : ''}
        onCancel={close}
        onOk={submitModal}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          {modal === 'call' && (
            <>
              <Form.Item name="title" label={t('fund.callTitle')}>
                <Input />
              </Form.Item>
              <Form.Item name="programme" label={t('fund.programme')} initialValue="special_fund">
                <Select options={Object.entries(PROGRAMME_KIND_ZH).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
              <Form.Item name="direction" label={t('fund.direction')} initialValue="benchmark_app">
                <Select options={Object.entries(DIRECTION_ZH).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
              <Form.Item name="budget" label={t('fund.budget')}>
                <Input />
              </Form.Item>
              <Form.Item name="year" label={t('fund.year')} initialValue={2026}>
                <InputNumber />
              </Form.Item>
              <Form.Item name="opensOn" label={t('fund.opensOn')}>
                <Input placeholder="YYYY-MM-DD" />
              </Form.Item>
              <Form.Item name="closesOn" label={t('fund.closesOn')}>
                <Input placeholder="YYYY-MM-DD" />
              </Form.Item>
            </>
          )}
          {modal === 'return' && (
            <>
              <Form.Item name="reasons" label={t('fund.returnReasons')}>
                <Input.TextArea />
              </Form.Item>
              <Form.Item name="dueOn" label={t('fund.dueOn')}>
                <Input placeholder="YYYY-MM-DD" />
              </Form.Item>
            </>
          )}
          {modal === 'accept' && (
            <>
              <Form.Item name="outcome" label={t('fund.outcome')} initialValue="pass">
                <Select
                  options={[
                    { value: 'pass', label: '通过' },
                    { value: 'rectify', label: '限期整改' },
                    { value: 'fail', label: '不通过' },
                  ]}
                />
              </Form.Item>
              <InvoiceFields />
            </>
          )}
          {modal === 'notice' && (
            <>
              <Form.Item name="startsOn" label={t('fund.noticeStart')}>
                <Input placeholder="YYYY-MM-DD" />
              </Form.Item>
              <Form.Item name="days" label={t('fund.noticeDays')} initialValue={7}>
                <InputNumber min={1} />
              </Form.Item>
            </>
          )}
          {modal === 'spot' && (
            <>
              <Form.Item name="size" label={t('fund.spotSize')} initialValue={1}>
                <InputNumber min={1} />
              </Form.Item>
              <Form.Item name="seed" label={t('fund.seed')}>
                <Input />
              </Form.Item>
            </>
          )}
          {modal === 'deliberate' && (
            <>
              <Form.Item name="meetingOn" label={t('fund.meetingOn')}>
                <Input placeholder="YYYY-MM-DD" />
              </Form.Item>
              <Form.Item name="attendees" label={t('fund.attendees')}>
                <Input />
              </Form.Item>
              {call && (
                <MinutesUpload callId={call.id} onUploaded={(id) => form.setFieldValue('minutesAttachmentId', id)} />
              )}
              {(proposal.data?.items ?? []).map((i) => (
                <Space key={i.applicationId} wrap>
                  <Form.Item
                    name={`amount_${i.applicationId}`}
                    label={`${i.enterpriseName} ${t('fund.decided')}`}
                    initialValue={i.proposed}
                  >
                    <Input />
                  </Form.Item>
                  <Form.Item name={`reason_${i.applicationId}`} label={t('fund.reason')}>
                    <Input />
                  </Form.Item>
                </Space>
              ))}
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}

const MODAL_TITLE = {
  call: 'fund.newCall',
  return: 'fund.return',
  deliberate: 'fund.deliberate',
  notice: 'fund.publish',
  accept: 'fund.accept',
  spot: 'fund.spotCheck',
} as const;
