/** One audit event in full: who, what, scope, and its before/after values side by side with changes marked. */
import { Descriptions, Drawer, Empty, Table, Tag, Typography } from 'antd';
import { AUDIT_OBJECT_LABELS, auditActionLabel, type TAuditEvent } from '../../../../src/contracts/audit';
import { ROLE_NAMES, type Role } from '../../../../src/domain/access/actor';
import { useI18n } from '../../i18n';
import { formatInstant } from '../../shared/time';

interface DiffRow {
  key: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

function show(v: unknown): string {
  if (v === undefined) return '—';
  if (v === null) return 'null';
  if (typeof v === 'string') return v;
  return JSON.stringify(v, null, 1);
}

export function diffRows(before: unknown, after: unknown): DiffRow[] {
  const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
  if (!isObj(before) && !isObj(after)) {
    if (before === null && after === null) return [];
    if (before === undefined && after === undefined) return [];
    return [{ key: '(value)', before, after, changed: show(before) !== show(after) }];
  }
  const b = isObj(before) ? before : {};
  const a = isObj(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.map((key) => ({ key, before: b[key], after: a[key], changed: show(b[key]) !== show(a[key]) }));
}

export function roleLabel(
  role: string,
  pick: (t: { zh: string; en: string }) => string,
  t: (k: 'audit.public' | 'audit.system') => string,
): string {
  if (role in ROLE_NAMES) return pick(ROLE_NAMES[role as Role]);
  if (role === 'public' || role === 'anonymous') return t('audit.public');
  if (role === 'system') return t('audit.system');
  return role;
}

export function DiffDrawer({ event, onClose }: { event: TAuditEvent | null; onClose(): void }) {
  const { t, pick } = useI18n();
  const rows = event ? diffRows(event.before, event.after) : [];
  return (
    <Drawer
      open={!!event}
      onClose={onClose}
      size={720}
      title={event ? `#${event.seq} ${auditActionLabel(event.action)}` : ''}
    >
      {event && (
        <>
          <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('audit.time')}>{formatInstant(event.occurredAt)}</Descriptions.Item>
            <Descriptions.Item label={t('audit.actor')}>
              {event.actorName ?? '—'} <Tag>{roleLabel(event.actorRole, pick, t)}</Tag>
              {event.actorId && <span className="mono">{event.actorId}</span>}
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.action')}>
              {auditActionLabel(event.action)} <span className="mono">{event.action}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.object')}>
              {AUDIT_OBJECT_LABELS[event.objectType] ?? event.objectType}{' '}
              <span className="mono">{event.objectId ?? ''}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.scope')}>
              <span className="mono">{JSON.stringify(event.scope)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.clientIp')}>{event.clientIp ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('audit.requestId')}>
              <span className="mono">{event.requestId ?? '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.hash')}>
              <span className="mono">{event.hash ?? t('audit.hashPending')}</span>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>{t('audit.diff')}</Typography.Title>
          {rows.length === 0 ? (
            <Empty description={t('audit.noDiff')} />
          ) : (
            <Table<DiffRow>
              className="diff-table"
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={rows}
              rowClassName={(r) => (r.changed ? 'diff-changed' : '')}
              columns={[
                {
                  title: t('audit.field'),
                  dataIndex: 'key',
                  width: 160,
                  render: (v: string) => <span className="mono">{v}</span>,
                },
                {
                  title: t('audit.before'),
                  dataIndex: 'before',
                  render: (v: unknown) => <span className="mono">{show(v)}</span>,
                },
                {
                  title: t('audit.after'),
                  dataIndex: 'after',
                  render: (v: unknown) => <span className="mono">{show(v)}</span>,
                },
              ]}
            />
          )}
        </>
      )}
    </Drawer>
  );
}
