/** 审计日志 (audit administrator): search the tamper-evident trail, see changes, export, verify the hash chain. */
import { FileExcelOutlined, FileProtectOutlined, FileTextOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Modal,
  Result,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_OBJECT_LABELS,
  auditActionLabel,
  type TAuditEvent,
  type TAuditFilters,
  type TAuditPage,
  type TAuditVerifyResult,
} from '../../../../src/contracts/audit';
import { ROLE_NAMES, ROLES } from '../../../../src/domain/access/actor';
import { api, downloadFile, errorMessage } from '../../api/client';
import { FilterActions, LoadError, pager } from '../../components/lists';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { formatInstant } from '../../shared/time';
import { DiffDrawer, roleLabel } from './DiffDrawer';

interface FilterValues {
  range?: [Dayjs | null, Dayjs | null] | null;
  actorId?: string;
  actorRole?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  q?: string;
}

function toFilters(v: FilterValues): TAuditFilters {
  const f: TAuditFilters = {};
  const [from, to] = v.range ?? [];
  if (from) f.from = from.format('YYYY-MM-DD');
  if (to) f.to = to.format('YYYY-MM-DD');
  for (const k of ['actorId', 'actorRole', 'action', 'objectType', 'objectId', 'q'] as const) {
    const s = v[k]?.trim();
    if (s) f[k] = s;
  }
  return f;
}

/** One filter of the search form, a third of the row on a wide screen. */
function FilterCol({ name, label, children }: { name: keyof FilterValues; label: string; children: ReactNode }) {
  return (
    <Col xs={24} md={12} xl={8}>
      <Form.Item name={name} label={label}>
        {children}
      </Form.Item>
    </Col>
  );
}

export default function AuditPage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<TAuditFilters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 50 });
  const [selected, setSelected] = useState<TAuditEvent | null>(null);
  const [exporting, setExporting] = useState<'xlsx' | 'csv' | 'jsonl' | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [verify, setVerify] = useState<TAuditVerifyResult | null>(null);

  const events = useQuery({
    queryKey: ['audit', filters, page],
    queryFn: () => api.get<TAuditPage>('/api/v1/audit/events', { query: { ...filters, ...page } }),
    placeholderData: (prev) => prev,
  });

  const doExport = async (format: 'xlsx' | 'csv' | 'jsonl') => {
    setExporting(format);
    try {
      // The verifiable file covers a whole period: only the time filters apply to it.
      const query = format === 'jsonl' ? { from: filters.from, to: filters.to, format } : { ...filters, format };
      await downloadFile('/api/v1/audit/events/export', { query }, `audit-events.${format}`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(null);
    }
  };

  const doVerify = async () => {
    setVerifying(true);
    try {
      setVerify(await api.get<TAuditVerifyResult>('/api/v1/audit/verify'));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setVerifying(false);
    }
  };

  const actionOptions = Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({
    value,
    label: `${label}（${value}）`,
  }));
  const objectOptions = Object.entries(AUDIT_OBJECT_LABELS).map(([value, label]) => ({
    value,
    label: `${label}（${value}）`,
  }));

  return (
    <>
      <PageHeader
        title={t('menu.auditLog')}
        description={t('audit.intro')}
        extra={
          <Space wrap>
            <Button icon={<FileExcelOutlined />} loading={exporting === 'xlsx'} onClick={() => doExport('xlsx')}>
              {t('audit.exportXlsx')}
            </Button>
            <Button icon={<FileTextOutlined />} loading={exporting === 'csv'} onClick={() => doExport('csv')}>
              {t('audit.exportCsv')}
            </Button>
            <Tooltip title={t('audit.exportChainHint')}>
              <Button icon={<FileProtectOutlined />} loading={exporting === 'jsonl'} onClick={() => doExport('jsonl')}>
                {t('audit.exportChain')}
              </Button>
            </Tooltip>
            <Button type="primary" icon={<SafetyCertificateOutlined />} loading={verifying} onClick={doVerify}>
              {t('audit.verify')}
            </Button>
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Form
          form={form}
          name="auditFilter"
          layout="vertical"
          onFinish={(v) => {
            setFilters(toFilters(v));
            setPage({ ...page, page: 1 });
          }}
        >
          <Row gutter={16}>
            <FilterCol name="range" label={t('audit.timeRange')}>
              <DatePicker.RangePicker style={{ width: '100%' }} allowEmpty={[true, true]} />
            </FilterCol>
            <FilterCol name="action" label={t('audit.action')}>
              <AutoComplete
                allowClear
                options={actionOptions}
                placeholder={t('audit.actionPlaceholder')}
                filterOption={(input, o) =>
                  String(o?.label ?? '')
                    .toLowerCase()
                    .includes(input.toLowerCase())
                }
              />
            </FilterCol>
            <FilterCol name="actorRole" label={t('audit.actorRole')}>
              <Select
                allowClear
                options={[
                  ...ROLES.map((r) => ({ value: r, label: pick(ROLE_NAMES[r]) })),
                  { value: 'public', label: t('audit.public') },
                  { value: 'system', label: t('audit.system') },
                ]}
              />
            </FilterCol>
            <FilterCol name="actorId" label={t('audit.actorId')}>
              <Input allowClear />
            </FilterCol>
            <FilterCol name="objectType" label={t('audit.objectType')}>
              <AutoComplete allowClear options={objectOptions} />
            </FilterCol>
            <FilterCol name="objectId" label={t('audit.objectId')}>
              <Input allowClear />
            </FilterCol>
            <FilterCol name="q" label={t('audit.freeText')}>
              <Input allowClear placeholder={t('audit.freeTextPlaceholder')} />
            </FilterCol>
            <Col xs={24} md={12} xl={16} style={{ display: 'flex', alignItems: 'flex-end' }}>
              <FilterActions
                onReset={() => {
                  form.resetFields();
                  setFilters({});
                  setPage({ ...page, page: 1 });
                }}
              />
            </Col>
          </Row>
        </Form>
      </Card>
      <LoadError error={events.error} />
      <Card>
        <Table<TAuditEvent>
          rowKey="seq"
          size="middle"
          loading={events.isFetching}
          dataSource={events.data?.items ?? []}
          scroll={{ x: 1100 }}
          onRow={(r) => ({ onDoubleClick: () => setSelected(r) })}
          pagination={pager(page, events.data?.total, setPage, (n) => t('common.total', { n }), [20, 50, 100, 200])}
          columns={[
            { title: '#', dataIndex: 'seq', width: 80 },
            {
              title: t('audit.time'),
              dataIndex: 'occurredAt',
              width: 190,
              render: (v: string) => formatInstant(v),
            },
            {
              title: t('audit.actor'),
              key: 'actor',
              render: (_, e) => (
                <Space size={4} wrap>
                  <span>{e.actorName ?? '—'}</span>
                  <Tag>{roleLabel(e.actorRole, pick, t)}</Tag>
                </Space>
              ),
            },
            {
              title: t('audit.action'),
              dataIndex: 'action',
              render: (v: string) => (
                <span title={v} data-testid="audit-action">
                  {auditActionLabel(v)}
                </span>
              ),
            },
            {
              title: t('audit.object'),
              key: 'object',
              render: (_, e) => (
                <Space size={4} wrap>
                  <span>{AUDIT_OBJECT_LABELS[e.objectType] ?? e.objectType}</span>
                  {e.objectId && <span className="mono">{e.objectId.slice(0, 8)}</span>}
                </Space>
              ),
            },
            { title: t('audit.clientIp'), dataIndex: 'clientIp', width: 130, render: (v: string | null) => v ?? '—' },
            {
              title: t('common.actions'),
              key: 'open',
              width: 100,
              fixed: 'right',
              render: (_, e) => (
                <Button type="link" size="small" onClick={() => setSelected(e)}>
                  {t('audit.details')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <DiffDrawer event={selected} onClose={() => setSelected(null)} />
      <Modal
        open={!!verify}
        onCancel={() => setVerify(null)}
        onOk={() => setVerify(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
        title={t('audit.verify')}
        width={640}
      >
        {verify && (
          <>
            <Result
              status={verify.intact ? 'success' : 'error'}
              title={verify.intact ? t('audit.intact') : t('audit.broken', { n: verify.problemCount })}
              subTitle={t('audit.verifySummary', { n: verify.checked, last: verify.lastSeq, ms: verify.durationMs })}
            />
            {!verify.intact && (
              <ul className="problem-list">
                {verify.problems.map((p) => (
                  <li key={`${p.kind}-${p.seq}`}>
                    <Tag color="red">#{p.seq}</Tag> {p.message}
                  </li>
                ))}
              </ul>
            )}
            {verify.pending.events > 0 && (
              <Alert
                type="info"
                showIcon
                style={{ marginTop: 12 }}
                title={t('audit.pending', {
                  n: verify.pending.events,
                  seq: verify.pending.oldestSeq ?? '',
                  age: verify.pending.oldestAgeSeconds ?? 0,
                })}
              />
            )}
            <div className="mono" style={{ marginTop: 12, color: '#667085' }}>
              {t('audit.lastHash')}: {verify.lastHash}
            </div>
          </>
        )}
      </Modal>
    </>
  );
}
