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
  Tag,
  Upload,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  type TProgressReport,
  type TSpotCheck,
  ZCloseSpotCheck,
  ZMilestone,
  ZOpenSpotCheck,
  ZReportInput,
} from '../../../../src/contracts/projects';
import { SPOT_CHECK_OUTCOMES, TRACKED_STATUSES } from '../../../../src/domain/projects/tracking';
import { ApiError, applyFieldErrors, errorMessage } from '../../api/client';
import { mayI } from '../../auth/access';
import { useMe } from '../../auth/session';
import { dateProps, MoneyInput } from '../../components/forms';
import { PageHeader } from '../../components/PageHeader';
import { SmallTable } from '../../components/SmallTable';
import { maxLengthOf } from '../../components/zodRule';
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
import { workspaceOf } from './workspace';

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
  const { t } = useI18n();
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
      title={t('projects.report.newReport')}
      destroyOnHidden
      extra={
        <Space>
          <Button
            loading={busy}
            onClick={async () => {
              setBusy(true);
              if (await save()) message.success(t('projects.form.saved'));
              setBusy(false);
            }}
            data-testid="report-save"
          >
            {t('projects.report.saveReport')}
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
                  message.success(t('projects.report.reportSubmitted'));
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
            {t('projects.report.submitReport')}
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
        <Form.Item name="period" label={t('projects.report.period')}>
          <Select
            options={periods.map((p) => ({ value: p, label: p }))}
            disabled={!!report}
            data-testid="report-period"
          />
        </Form.Item>
        <Form.Item name="investmentToDate" label={`${t('projects.project.investmentToDate')}（元）`}>
          <MoneyInput data-testid="report-investment" />
        </Form.Item>
        <Form.Item name="status" label={t('projects.form.projectStatus')}>
          <Select options={TRACKED_STATUSES.map((s) => ({ value: s, label: t(`projects.trackedStatus.${s}`) }))} />
        </Form.Item>
        <Form.List name="milestones">
          {(fields, { add }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'name']} label={f.name === 0 ? t('projects.report.milestones') : undefined}>
                    <Input
                      style={{ width: 220 }}
                      maxLength={maxLengthOf(ZMilestone.shape.name)}
                      data-testid={`milestone-${f.name}-name`}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'achievedOn']}
                    label={f.name === 0 ? t('projects.report.achievedOn') : undefined}
                    {...dateProps}
                  >
                    <DatePicker />
                  </Form.Item>
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({})} size="small" style={{ marginBottom: 16 }}>
                {t('projects.report.addMilestone')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="narrative" label={t('projects.report.narrative')}>
          <Input.TextArea rows={3} maxLength={maxLengthOf(ZReportInput.shape.narrative)} />
        </Form.Item>
      </Form>
      <Card size="small" title={t('projects.report.vouchers')}>
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
                  message.success(t('projects.common.uploaded'));
                } catch (e) {
                  onError?.(e as Error);
                  message.error(errorMessage(e));
                }
              }}
            >
              <Button icon={<UploadOutlined />} data-testid="voucher-upload">
                {t('projects.common.upload')}
              </Button>
            </Upload>
          </Space>
        ) : (
          <Alert type="info" showIcon title={t('projects.report.saveFirst')} />
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
  const { t } = useI18n();
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
      title={closing ? t('projects.spotCheck.closeCheck') : t('projects.spotCheck.openCheck')}
      onOk={ok}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'spot-ok' } as never}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        {closing ? (
          <>
            <Form.Item name="outcome" label={t('projects.spotCheck.outcome')}>
              <Select
                options={SPOT_CHECK_OUTCOMES.map((o) => ({ value: o, label: t(`projects.spotCheckOutcome.${o}`) }))}
              />
            </Form.Item>
            <Form.Item name="findings" label={t('projects.spotCheck.findings')}>
              <Input.TextArea rows={3} maxLength={maxLengthOf(ZCloseSpotCheck.shape.findings)} />
            </Form.Item>
            <Form.Item name="rectifyBy" label={t('projects.spotCheck.rectifyBy')} {...dateProps}>
              <DatePicker />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="reason" label={t('projects.spotCheck.checkReason')}>
              <Input.TextArea rows={2} maxLength={maxLengthOf(ZOpenSpotCheck.shape.reason)} data-testid="spot-reason" />
            </Form.Item>
            <Form.Item name="plannedOn" label={t('projects.spotCheck.plannedOn')} {...dateProps}>
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
  const { t } = useI18n();
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
  const mayReport = mayI(me, 'project.report.write');
  const maySpotCheck = mayI(me, 'project.spot_check');
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
            {mayReport && p.trackingState === 'active' && periods.length > 0 && (
              <Button type="primary" onClick={() => setReporting(true)} data-testid="report-new">
                {t('projects.report.newReport')}
              </Button>
            )}
            {maySpotCheck && (
              <Button onClick={() => setOpening(true)} data-testid="spot-open">
                {t('projects.spotCheck.openCheck')}
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
          title={`${p.pendingReport.period} ${t('projects.report.reports')}：${t('projects.project.nextReport')} ${p.pendingReport.dueOn}${p.pendingReport.overdue ? `（${t('projects.project.reportOverdue')}）` : ''}`}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('projects.field.number')}>{p.libraryNumber}</Descriptions.Item>
              <Descriptions.Item label={t('projects.field.month')}>{p.declarationMonth}</Descriptions.Item>
              <Descriptions.Item label={t('projects.field.declaredOn')}>{p.declaredOn}</Descriptions.Item>
              <Descriptions.Item label={t('projects.project.approvedOn')}>{p.approvedOn}</Descriptions.Item>
              <Descriptions.Item label={t('projects.field.plannedTotal')}>{yuan(p.plannedTotal)}</Descriptions.Item>
              <Descriptions.Item label={t('projects.project.investmentAtDeclaration')}>
                {yuan(p.investmentAtDeclaration)}
              </Descriptions.Item>
              <Descriptions.Item label={t('projects.project.investmentToDate')}>
                <span data-testid="project-investment">{yuan(p.investmentToDate)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('projects.form.projectStatus')}>{p.currentStatusName}</Descriptions.Item>
              <Descriptions.Item label={`${t('projects.form.startDate')} — ${t('projects.form.endDate')}`}>
                {p.startDate} — {p.endDate}
              </Descriptions.Item>
              <Descriptions.Item label={t('projects.common.priority')}>
                {p.resourcePoolLed ? t('common.yes') : t('common.no')}
              </Descriptions.Item>
              <Descriptions.Item label={t('projects.project.declaration')}>
                <Link to={`${workspaceOf(me)}/declarations/${p.declarationId}`}>{t('projects.common.view')}</Link>
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('projects.report.reports')} style={{ marginBottom: 16 }}>
            <SmallTable<TProgressReport>
              rowKey="id"
              dataSource={p.reports}
              data-testid="reports-table"
              columns={[
                { title: t('projects.report.period'), dataIndex: 'period' },
                {
                  title: t('projects.project.investmentToDate'),
                  dataIndex: 'investmentToDate',
                  render: (v: string) => yuan(v),
                },
                { title: t('projects.form.projectStatus'), dataIndex: 'statusName' },
                {
                  title: t('projects.report.milestones'),
                  dataIndex: 'milestones',
                  render: (m: TProgressReport['milestones']) => m.map((x) => x.name).join('、'),
                },
                {
                  title: t('projects.report.vouchers'),
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
                  title: t('projects.field.state'),
                  dataIndex: 'state',
                  render: (s: string) =>
                    s === 'submitted' ? (
                      <Tag color="success">{t('projects.report.submittedTag')}</Tag>
                    ) : (
                      <Tag>{t('projects.report.draftTag')}</Tag>
                    ),
                },
              ]}
            />
          </Card>
          <Card size="small" title={t('projects.spotCheck.spotChecks')}>
            <SmallTable<TSpotCheck>
              rowKey="id"
              dataSource={p.spotChecks}
              columns={[
                { title: t('projects.spotCheck.checkReason'), dataIndex: 'reason' },
                {
                  title: t('projects.spotCheck.plannedOn'),
                  dataIndex: 'plannedOn',
                  render: (v: string | null) => v ?? '—',
                },
                {
                  title: t('projects.spotCheck.outcome'),
                  dataIndex: 'outcomeName',
                  render: (v: string | null) => v ?? t('projects.spotCheck.inProgress'),
                },
                {
                  title: t('projects.spotCheck.findings'),
                  dataIndex: 'findings',
                  render: (v: string | null) => v ?? '—',
                },
                {
                  title: t('projects.spotCheck.rectifyBy'),
                  dataIndex: 'rectifyBy',
                  render: (v: string | null) => v ?? '—',
                },
                ...(maySpotCheck
                  ? [
                      {
                        title: t('common.actions'),
                        key: 'a',
                        render: (_: unknown, c: TSpotCheck) =>
                          c.state === 'open' ? (
                            <Button size="small" onClick={() => setClosing(c)}>
                              {t('projects.spotCheck.closeCheck')}
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
