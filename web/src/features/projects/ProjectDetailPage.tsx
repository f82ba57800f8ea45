/**
 * A numbered project: its figures, the enterprise's quarterly progress reports (investment to date with vouchers,
 * milestones, status — 第七条（七）) and the district's spot checks (第九条).
 */
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Result,
  Row,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Upload,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { TProgressReport, TSpotCheck } from '../../../../src/contracts/projects';
import {
  SPOT_CHECK_OUTCOME_NAMES,
  SPOT_CHECK_OUTCOMES,
  TRACKED_STATUS_NAMES,
  TRACKED_STATUSES,
} from '../../../../src/domain/projects/tracking';
import { ApiError, applyFieldErrors, errorMessage } from '../../api/client';
import { useMe } from '../../auth/session';
import { dateProps, MoneyInput } from '../../components/forms';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { yuan } from '../../shared/money';
import {
  closeSpotCheck,
  createReport,
  downloadUrl,
  openSpotCheck,
  projectKeys,
  submitReport,
  updateReport,
  uploadFile,
  useProject,
} from './api';
import { basePath } from './DeclarationDetailPage';
import { T } from './text';

interface ReportValues {
  period?: string;
  investmentToDate?: string;
  status?: string;
  milestones?: { name?: string; plannedOn?: string; achievedOn?: string; note?: string }[];
  narrative?: string;
}

function ReportDrawer({
  projectId,
  open,
  onClose,
  periods,
  draft,
}: {
  projectId: string;
  open: boolean;
  onClose: () => void;
  periods: string[];
  draft: TProgressReport | null;
}) {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<ReportValues>();
  const [report, setReport] = useState<TProgressReport | null>(draft);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save(): Promise<TProgressReport | null> {
    setError(null);
    const v = form.getFieldsValue(true) as ReportValues;
    const body = {
      period: v.period,
      investmentToDate: v.investmentToDate?.trim(),
      status: v.status,
      milestones: (v.milestones ?? [])
        .filter((m) => m?.name?.trim())
        .map((m) => ({
          name: m.name!.trim(),
          plannedOn: m.plannedOn ?? null,
          achievedOn: m.achievedOn ?? null,
          note: m.note?.trim() || null,
        })),
      narrative: v.narrative?.trim() || null,
    };
    try {
      const r = report ? await updateReport(projectId, report.id, body) : await createReport(projectId, body);
      setReport(r);
      await qc.invalidateQueries({ queryKey: projectKeys.project(projectId) });
      return r;
    } catch (e) {
      const rest = applyFieldErrors(form, e);
      setError(rest.length ? rest.join('；') : errorMessage(e));
      return null;
    }
  }

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={640}
      title={pick(T.newReport)}
      destroyOnHidden
      extra={
        <Space>
          <Button
            loading={busy}
            onClick={async () => {
              setBusy(true);
              if (await save()) message.success(pick(T.saved));
              setBusy(false);
            }}
            data-testid="report-save"
          >
            {pick(T.saveReport)}
          </Button>
          <Button
            type="primary"
            loading={busy}
            disabled={!report}
            onClick={async () => {
              setBusy(true);
              const r = await save();
              if (r) {
                try {
                  await submitReport(projectId, r.id);
                  await qc.invalidateQueries({ queryKey: projectKeys.all });
                  message.success(pick(T.reportSubmitted));
                  onClose();
                } catch (e) {
                  const rest = applyFieldErrors(form, e);
                  setError(rest.length ? rest.join('；') : errorMessage(e));
                }
              }
              setBusy(false);
            }}
            data-testid="report-submit"
          >
            {pick(T.submitReport)}
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="report-error" />}
      <Form<ReportValues>
        form={form}
        layout="vertical"
        initialValues={
          draft
            ? {
                period: draft.period,
                investmentToDate: draft.investmentToDate,
                status: draft.status,
                milestones: draft.milestones.map((m) => ({
                  ...m,
                  plannedOn: m.plannedOn ?? undefined,
                  achievedOn: m.achievedOn ?? undefined,
                  note: m.note ?? undefined,
                })),
                narrative: draft.narrative ?? undefined,
              }
            : { period: periods[periods.length - 1], status: 'in_progress', milestones: [{}] }
        }
      >
        <Form.Item name="period" label={pick(T.period)}>
          <Select
            options={periods.map((p) => ({ value: p, label: p }))}
            disabled={!!report}
            data-testid="report-period"
          />
        </Form.Item>
        <Form.Item name="investmentToDate" label={`${pick(T.investmentToDate)}（元）`}>
          <MoneyInput data-testid="report-investment" />
        </Form.Item>
        <Form.Item name="status" label={pick(T.projectStatus)}>
          <Select options={TRACKED_STATUSES.map((s) => ({ value: s, label: pick(TRACKED_STATUS_NAMES[s]) }))} />
        </Form.Item>
        <Form.List name="milestones">
          {(fields, { add }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'name']} label={f.name === 0 ? pick(T.milestones) : undefined}>
                    <Input style={{ width: 220 }} data-testid={`milestone-${f.name}-name`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'achievedOn']} label={f.name === 0 ? '完成日期' : undefined} {...dateProps}>
                    <DatePicker />
                  </Form.Item>
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({})} size="small" style={{ marginBottom: 16 }}>
                {pick(T.addMilestone)}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="narrative" label={pick(T.narrative)}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
      <Card size="small" title={pick(T.vouchers)}>
        {report ? (
          <Space direction="vertical">
            {report.vouchers.map((v) => (
              <a key={v.id} href={downloadUrl(v.id)} target="_blank" rel="noreferrer">
                {v.fileName}
              </a>
            ))}
            <Upload
              showUploadList={false}
              customRequest={async ({ file, onSuccess, onError }) => {
                try {
                  await uploadFile(file as File, {
                    ownerType: 'project_progress_report',
                    ownerId: report.id,
                    kind: 'voucher',
                  });
                  onSuccess?.({});
                  const fresh = await save();
                  if (fresh) setReport(fresh);
                  message.success(pick(T.uploaded));
                } catch (e) {
                  onError?.(e as Error);
                  message.error(errorMessage(e));
                }
              }}
            >
              <Button icon={<UploadOutlined />} data-testid="voucher-upload">
                {pick(T.upload)}
              </Button>
            </Upload>
          </Space>
        ) : (
          <Alert type="info" showIcon title="保存报告后上传投资凭证。" />
        )}
      </Card>
    </Drawer>
  );
}

function SpotCheckModals({
  projectId,
  opening,
  closing,
  onClose,
}: {
  projectId: string;
  opening: boolean;
  closing: TSpotCheck | null;
  onClose: () => void;
}) {
  const { pick } = useI18n();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  async function ok() {
    setError(null);
    const v = form.getFieldsValue();
    try {
      if (closing) await closeSpotCheck(projectId, closing.id, { ...v, rectifyBy: v.rectifyBy ?? null });
      else await openSpotCheck(projectId, { reason: v.reason, plannedOn: v.plannedOn ?? null });
      await qc.invalidateQueries({ queryKey: projectKeys.project(projectId) });
      form.resetFields();
      onClose();
    } catch (e) {
      const rest = applyFieldErrors(form, e);
      setError(rest.length ? rest.join('；') : errorMessage(e));
    }
  }
  return (
    <Modal
      open={opening || !!closing}
      title={closing ? pick(T.closeCheck) : pick(T.openCheck)}
      onOk={ok}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'spot-ok' } as never}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        {closing ? (
          <>
            <Form.Item name="outcome" label={pick(T.outcome)}>
              <Select
                options={SPOT_CHECK_OUTCOMES.map((o) => ({ value: o, label: pick(SPOT_CHECK_OUTCOME_NAMES[o]) }))}
              />
            </Form.Item>
            <Form.Item name="findings" label={pick(T.findings)}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item name="rectifyBy" label={pick(T.rectifyBy)} {...dateProps}>
              <DatePicker />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="reason" label={pick(T.checkReason)}>
              <Input.TextArea rows={2} data-testid="spot-reason" />
            </Form.Item>
            <Form.Item name="plannedOn" label={pick(T.plannedOn)} {...dateProps}>
              <DatePicker />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

export default function ProjectDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { pick } = useI18n();
  const { data: me } = useMe();
  const { data: p, isLoading, error } = useProject(id);
  const [reporting, setReporting] = useState(false);
  const [opening, setOpening] = useState(false);
  const [closing, setClosing] = useState<TSpotCheck | null>(null);
  if (isLoading) return <Spin />;
  if (error || !p)
    return (
      <Result
        status={error instanceof ApiError && error.status === 404 ? '404' : 'error'}
        title={errorMessage(error)}
      />
    );
  const isEnterprise = me?.role === 'enterprise';
  const isDistrict = me?.role === 'district_reviewer';
  const draft = p.reports.find((r) => r.state === 'draft') ?? null;
  const periods = draft ? [draft.period] : p.reportablePeriods;
  return (
    <>
      <PageHeader
        title={
          <Space>
            <Tag color="success" data-testid="project-number">
              {p.libraryNumber}
            </Tag>
            {p.name}
          </Space>
        }
        description={`${p.enterpriseName} · ${p.districtName ?? ''}`}
        extra={
          <Space>
            {isEnterprise && p.trackingState === 'active' && periods.length > 0 && (
              <Button type="primary" onClick={() => setReporting(true)} data-testid="report-new">
                {pick(T.newReport)}
              </Button>
            )}
            {isDistrict && (
              <Button onClick={() => setOpening(true)} data-testid="spot-open">
                {pick(T.openCheck)}
              </Button>
            )}
          </Space>
        }
      />
      {p.pendingReport && (
        <Alert
          type={p.pendingReport.overdue ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          title={`${p.pendingReport.period} ${pick(T.reports)}：${pick(T.nextReport)} ${p.pendingReport.dueOn}${p.pendingReport.overdue ? `（${pick(T.reportOverdue)}）` : ''}`}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={pick(T.number)}>{p.libraryNumber}</Descriptions.Item>
              <Descriptions.Item label={pick(T.month)}>{p.declarationMonth}</Descriptions.Item>
              <Descriptions.Item label={pick(T.declaredOn)}>{p.declaredOn}</Descriptions.Item>
              <Descriptions.Item label="入库日期">{p.approvedOn}</Descriptions.Item>
              <Descriptions.Item label={pick(T.plannedTotal)}>{yuan(p.plannedTotal)}</Descriptions.Item>
              <Descriptions.Item label={pick(T.investmentAtDeclaration)}>
                {yuan(p.investmentAtDeclaration)}
              </Descriptions.Item>
              <Descriptions.Item label={pick(T.investmentToDate)}>
                <span data-testid="project-investment">{yuan(p.investmentToDate)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={pick(T.projectStatus)}>{p.currentStatusName}</Descriptions.Item>
              <Descriptions.Item label={`${pick(T.startDate)} — ${pick(T.endDate)}`}>
                {p.startDate} — {p.endDate}
              </Descriptions.Item>
              <Descriptions.Item label={pick(T.priority)}>
                {p.resourcePoolLed ? pick(T.yes) : pick(T.no)}
              </Descriptions.Item>
              <Descriptions.Item label="入库申报">
                <Link to={`${basePath(me?.role)}/declarations/${p.declarationId}`}>{pick(T.view)}</Link>
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title={pick(T.reports)} style={{ marginBottom: 16 }}>
            <Table<TProgressReport>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={p.reports}
              data-testid="reports-table"
              columns={[
                { title: pick(T.period), dataIndex: 'period' },
                { title: pick(T.investmentToDate), dataIndex: 'investmentToDate', render: (v: string) => yuan(v) },
                { title: pick(T.projectStatus), dataIndex: 'statusName' },
                {
                  title: pick(T.milestones),
                  dataIndex: 'milestones',
                  render: (m: TProgressReport['milestones']) => m.map((x) => x.name).join('、'),
                },
                {
                  title: pick(T.vouchers),
                  dataIndex: 'vouchers',
                  render: (vs: TProgressReport['vouchers']) =>
                    vs.map((v) => (
                      <a
                        key={v.id}
                        href={downloadUrl(v.id)}
                        target="_blank"
                        rel="noreferrer"
                        style={{ marginRight: 8 }}
                      >
                        {v.fileName}
                      </a>
                    )),
                },
                {
                  title: pick(T.state),
                  dataIndex: 'state',
                  render: (s: string) => (s === 'submitted' ? <Tag color="success">已报送</Tag> : <Tag>草稿</Tag>),
                },
              ]}
            />
          </Card>
          <Card size="small" title={pick(T.spotChecks)}>
            <Table<TSpotCheck>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={p.spotChecks}
              columns={[
                { title: pick(T.checkReason), dataIndex: 'reason' },
                { title: pick(T.plannedOn), dataIndex: 'plannedOn', render: (v: string | null) => v ?? '—' },
                { title: pick(T.outcome), dataIndex: 'outcomeName', render: (v: string | null) => v ?? '进行中' },
                { title: pick(T.findings), dataIndex: 'findings', render: (v: string | null) => v ?? '—' },
                { title: pick(T.rectifyBy), dataIndex: 'rectifyBy', render: (v: string | null) => v ?? '—' },
                ...(isDistrict
                  ? [
                      {
                        title: pick(T.actions),
                        key: 'a',
                        render: (_: unknown, c: TSpotCheck) =>
                          c.state === 'open' ? (
                            <Button size="small" onClick={() => setClosing(c)}>
                              {pick(T.closeCheck)}
                            </Button>
                          ) : null,
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </Col>
      </Row>
      {reporting && (
        <ReportDrawer
          projectId={p.id}
          open={reporting}
          onClose={() => setReporting(false)}
          periods={periods}
          draft={draft}
        />
      )}
      <SpotCheckModals
        projectId={p.id}
        opening={opening}
        closing={closing}
        onClose={() => {
          setOpening(false);
          setClosing(null);
        }}
      />
    </>
  );
}
