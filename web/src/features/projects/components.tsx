/** Pieces shared by the project-library pages: state tags, the window banner, checks, checklist, timeline, diff. */
import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  PaperClipOutlined,
  QuestionCircleOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, List, Space, Tag, Timeline, Typography, Upload } from 'antd';
import type {
  TAttachmentRef,
  TChange,
  TCheckResult,
  TCitedFinding,
  TDeclarationDetail,
  TEligibilityView,
  TTimelineEntry,
  TWindowView,
} from '../../../../src/contracts/projects';
import type { DeclarationState } from '../../../../src/domain/workflow/declaration';
import { errorMessage } from '../../api/client';
import { SmallTable } from '../../components/SmallTable';
import { type MessageKey, type Translate, useI18n } from '../../i18n';
import { formatInstant } from '../../shared/time';
import { downloadUrl, projectKeys, uploadFile, useCurrentWindows } from './api';

const STATE_COLORS: Record<DeclarationState, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  district_verified: 'cyan',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
  lapsed: 'error',
};

export function StateTag({ state }: { state: DeclarationState }) {
  const { t } = useI18n();
  return (
    <Tag color={STATE_COLORS[state]} data-testid="declaration-state">
      {t(`projects.declarationState.${state}`)}
    </Tag>
  );
}

export function DueTag({ status, due }: { status: 'overdue' | 'due_today' | 'pending' | null; due: string | null }) {
  const { t } = useI18n();
  if (!due) return <>—</>;
  return (
    <Space size={4}>
      <span>{due}</span>
      {status === 'overdue' && (
        <Tag color="error" data-testid="overdue-tag">
          {t('projects.review.overdue')}
        </Tag>
      )}
      {status === 'due_today' && <Tag color="warning">{t('projects.review.dueToday')}</Tag>}
    </Space>
  );
}

export function windowText(w: TWindowView, t: Translate): string {
  const adj =
    w.adjustment !== 'none' ? `（${t(`projects.adjustment.${w.adjustment}`)}${w.reason ? `：${w.reason}` : ''}）` : '';
  return `${w.opens} — ${w.closes}${adj}`;
}

export function WindowBanner() {
  const { t } = useI18n();
  const { data } = useCurrentWindows();
  if (!data) return null;
  if (data.open)
    return (
      <Alert
        type="success"
        showIcon
        data-testid="window-banner"
        style={{ marginBottom: 16 }}
        title={`${t('projects.window.windowOpen')}：${windowText(data.open, t)}`}
        description={`${t('projects.window.verifyDue')}：${data.open.verifyDueOn}`}
      />
    );
  return (
    <Alert
      type="info"
      showIcon
      data-testid="window-banner"
      style={{ marginBottom: 16 }}
      title={t('projects.window.windowClosed')}
      description={data.next ? `${t('projects.window.nextWindow')}：${windowText(data.next, t)}` : undefined}
    />
  );
}

function Finding({ f }: { f: TCitedFinding }) {
  const { t } = useI18n();
  return (
    <List.Item style={{ padding: '6px 0' }}>
      <Space align="start">
        {f.status === 'fail' ? (
          <CloseCircleOutlined style={{ color: '#cf1322' }} />
        ) : f.status === 'unknown' ? (
          <QuestionCircleOutlined style={{ color: '#d48806' }} />
        ) : (
          <CheckCircleOutlined style={{ color: '#389e0d' }} />
        )}
        <div>
          <div>{f.message}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('projects.common.basis')}：{f.citation}
          </Typography.Text>
        </div>
      </Space>
    </List.Item>
  );
}

export function EligibilityList({ view }: { view: TEligibilityView }) {
  const { t } = useI18n();
  return (
    <>
      {view.failures.length > 0 && (
        <>
          <Typography.Text strong type="danger">
            {t('projects.check.failures')}
          </Typography.Text>
          <List
            size="small"
            dataSource={view.failures}
            renderItem={(f) => <Finding f={f} />}
            data-testid="eligibility-failures"
          />
        </>
      )}
      {view.unknowns.length > 0 && (
        <>
          <Typography.Text strong>{t('projects.check.unknowns')}</Typography.Text>
          <List size="small" dataSource={view.unknowns} renderItem={(f) => <Finding f={f} />} />
        </>
      )}
      {view.failures.length === 0 && view.unknowns.length === 0 && (
        <Typography.Text type="success">
          {t('projects.check.allMet', { n: view.conditions.filter((c) => c.status === 'pass').length })}
        </Typography.Text>
      )}
    </>
  );
}

/** The live check while drafting: blockers first, then every failed or unknown condition with its citation. */
export function CheckPanel({
  result,
  loading,
  error = null,
}: {
  result: TCheckResult | undefined;
  loading: boolean;
  /** The check refused the current input: the reason replaces the previous (stale) answer. */
  error?: string | null;
}) {
  const { t } = useI18n();
  return (
    <Card
      title={t('projects.check.check')}
      size="small"
      loading={loading && !result && !error}
      data-testid="check-panel"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('projects.check.checkIntro')}
      </Typography.Paragraph>
      {error && !result && (
        <Alert
          type="warning"
          showIcon
          title={t('projects.check.cannotCheck')}
          description={error}
          data-testid="check-error"
          style={{ marginBottom: 12 }}
        />
      )}
      {result && (
        <>
          <Alert
            type={result.canSubmit ? 'success' : 'warning'}
            showIcon
            title={result.canSubmit ? t('projects.check.canSubmit') : t('projects.check.cannotSubmit')}
            description={
              result.blockers.length > 0 ? (
                <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="check-blockers">
                  {result.blockers.map((b) => (
                    <li key={b.code}>{b.message}</li>
                  ))}
                </ul>
              ) : undefined
            }
            style={{ marginBottom: 12 }}
          />
          {result.resourcePoolLed && (
            <Tag color="gold" style={{ marginBottom: 8 }}>
              {t('projects.common.priority')}
            </Tag>
          )}
          <EligibilityList view={result.eligibility} />
        </>
      )}
    </Card>
  );
}

const REQ: Record<TDeclarationDetail['materials']['lines'][number]['requirement'], MessageKey> = {
  required: 'projects.materials.required',
  if_loan: 'projects.materials.ifLoan',
  optional: 'projects.materials.optional',
};

/** The checklist with each item's files; the enterprise uploads while the declaration is editable. */
export function ChecklistCard({ d, editable }: { d: TDeclarationDetail; editable: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const filesOf = (kind: string) => d.attachments.filter((a) => a.kind === kind);
  return (
    <Card title={t('projects.materials.materials')} size="small" data-testid="materials-card">
      <SmallTable
        rowKey="code"
        dataSource={d.materials.lines}
        columns={[
          {
            title: t('projects.materials.materials'),
            dataIndex: 'name',
            render: (name: string, l) => (
              <Space direction="vertical" size={0}>
                <span>
                  {name} <Tag>{t(REQ[l.requirement])}</Tag>
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {l.citation}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('projects.common.uploaded'),
            key: 'files',
            render: (_: unknown, l) => (
              <Space direction="vertical" size={2}>
                {(l.code === 'service_contract'
                  ? d.contracts.map((c) => c.attachment).filter((a): a is TAttachmentRef => !!a)
                  : filesOf(l.code)
                ).map((f) => (
                  <a key={f.id} href={downloadUrl(f.id)} target="_blank" rel="noreferrer">
                    <PaperClipOutlined /> {f.fileName}
                  </a>
                ))}
                {l.needed && !l.satisfied && <Tag color="error">{t('projects.common.missing')}</Tag>}
                {l.missingContracts && l.missingContracts.length > 0 && (
                  <Typography.Text type="danger" style={{ fontSize: 12 }}>
                    {l.missingContracts.join('、')}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          ...(editable
            ? [
                {
                  title: t('common.actions'),
                  key: 'upload',
                  width: 110,
                  render: (_: unknown, l: { code: string }) =>
                    l.code === 'service_contract' ? null : (
                      <Upload
                        showUploadList={false}
                        customRequest={async ({ file, onSuccess, onError }) => {
                          try {
                            await uploadFile(file as File, {
                              ownerType: 'project_declaration',
                              ownerId: d.id,
                              kind: l.code,
                            });
                            onSuccess?.({});
                            message.success(t('projects.common.uploaded'));
                            await qc.invalidateQueries({ queryKey: projectKeys.declaration(d.id) });
                          } catch (e) {
                            onError?.(e as Error);
                            message.error(errorMessage(e));
                          }
                        }}
                      >
                        <Button size="small" icon={<UploadOutlined />} data-testid={`upload-${l.code}`}>
                          {t('projects.common.upload')}
                        </Button>
                      </Upload>
                    ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

export function TimelineCard({ entries }: { entries: TTimelineEntry[] }) {
  const { t } = useI18n();
  return (
    <Card title={t('projects.history.timeline')} size="small" data-testid="timeline">
      <Timeline
        items={entries.map((e) => ({
          color: /return|reject|lapse/.test(e.event) ? 'red' : e.event === 'city_approve' ? 'green' : 'blue',
          children: (
            <div>
              <Typography.Text strong>{e.eventName}</Typography.Text>{' '}
              <Typography.Text type="secondary">{formatInstant(e.occurredAt)}</Typography.Text>
              <div style={{ fontSize: 12 }}>{[e.actorOrg, e.actorName].filter(Boolean).join(' · ')}</div>
              {e.reason && (
                <div>
                  {t('projects.common.reason')}：{e.reason}
                </div>
              )}
              {e.deadline && (
                <div>
                  {t('projects.common.deadline')}：{e.deadline}
                </div>
              )}
              {typeof e.details?.libraryNumber === 'string' && (
                <Tag color="success">{String(e.details.libraryNumber)}</Tag>
              )}
            </div>
          ),
        }))}
      />
    </Card>
  );
}

export function ChangesCard({ changes }: { changes: TChange[] }) {
  const { t } = useI18n();
  return (
    <Card title={t('projects.history.changes')} size="small" data-testid="changes">
      <SmallTable
        rowKey="path"
        dataSource={changes}
        columns={[
          { title: t('projects.form.investmentItem'), dataIndex: 'label' },
          { title: t('projects.history.before'), dataIndex: 'before', render: (v: string | null) => v ?? '—' },
          { title: t('projects.history.after'), dataIndex: 'after', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </Card>
  );
}
