/**
 * 风险预警 for its recipients: a bank the warnings sent to it (it has a loan or an open order), a district those of
 * its enterprises, the city all; each recipient acknowledges a warning and records what it did.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { type TAcknowledgeInput, type TCreditWarning, ZAcknowledgeInput } from '../../../../src/contracts/credit';
import { mayDo } from '../../../../src/domain/access/business';
import { useMe } from '../../auth/session';
import { TextField } from '../../components/FormFields';
import { FormModal } from '../../components/FormModal';
import { LoadError } from '../../components/lists';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { formatInstant } from '../../shared/time';
import { acknowledge, useWarnings } from './api';

const LEVEL_COLOR = { high: 'red', medium: 'orange', low: 'blue' } as const;

function AckDialog({ w, onClose }: { w: TCreditWarning | null; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<TAcknowledgeInput>();
  return (
    <FormModal
      form={form}
      name="acknowledge"
      open={!!w}
      title={`${t('credit.warn.ack')}：${w?.enterpriseName ?? ''} ${w?.kindName ?? ''}`}
      hint={w?.reason}
      onClose={onClose}
      onSubmit={async (v) => {
        await acknowledge(w!, v);
        await qc.invalidateQueries({ queryKey: ['credit'] });
        message.success(t('credit.warn.acked'));
        onClose();
      }}
    >
      <TextField
        schema={ZAcknowledgeInput.shape.actionTaken}
        name="actionTaken"
        label={t('credit.warn.action')}
        rows={3}
      />
    </FormModal>
  );
}

export default function WarningsPage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const [status, setStatus] = useState<'open' | 'closed' | 'all'>('open');
  const [acking, setAcking] = useState<TCreditWarning | null>(null);
  const q = useWarnings(status);
  const mayAck = !!me && mayDo(me, 'credit.warning.acknowledge');
  return (
    <>
      <PageHeader title={t('credit.warn.title')} description={t('credit.warn.intro')} />
      <Card size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Segmented
            value={status}
            onChange={(v) => setStatus(v as typeof status)}
            options={[
              { value: 'open', label: t('credit.warn.open') },
              { value: 'closed', label: t('credit.warn.closed') },
              { value: 'all', label: t('credit.warn.all') },
            ]}
          />
          {q.error ? <LoadError error={q.error} /> : null}
          <Table
            size="small"
            rowKey="id"
            loading={q.isLoading}
            locale={{ emptyText: t('credit.warn.none') }}
            dataSource={q.data?.items ?? []}
            pagination={{ pageSize: 20 }}
            columns={[
              {
                title: t('credit.warn.level'),
                dataIndex: 'level',
                width: 70,
                render: (_l: string, w: TCreditWarning) => <Tag color={LEVEL_COLOR[w.level]}>{w.levelName}</Tag>,
              },
              { title: t('credit.warn.enterprise'), dataIndex: 'enterpriseName' },
              { title: t('credit.warn.kind'), dataIndex: 'kindName' },
              {
                title: t('credit.warn.reason'),
                dataIndex: 'reason',
                render: (r: string, w: TCreditWarning) => (
                  <>
                    <div>{r}</div>
                    {w.closeReason && (
                      <div>
                        {t('credit.warn.closeReason')}：{w.closeReason}
                      </div>
                    )}
                  </>
                ),
              },
              {
                title: t('credit.warn.raisedAt'),
                dataIndex: 'raisedAt',
                width: 140,
                render: (v: string) => formatInstant(v),
              },
              {
                title: t('credit.warn.recipients'),
                key: 'deliveries',
                render: (_v: unknown, w: TCreditWarning) =>
                  w.deliveries.map((d) => (
                    <div key={`${d.audience}-${d.recipient}`}>
                      {d.recipient}
                      {d.exposure ? `（${d.exposure}）` : ''}：
                      {d.acknowledgedAt
                        ? `${t('credit.warn.acked')} ${formatInstant(d.acknowledgedAt)} ${d.acknowledgedByName ?? ''}，${d.actionTaken ?? ''}`
                        : '—'}
                    </div>
                  )),
              },
              {
                title: t('credit.warn.status'),
                key: 'act',
                width: 120,
                render: (_v: unknown, w: TCreditWarning) =>
                  mayAck && w.mine && !w.mine.acknowledged ? (
                    <Button size="small" type="primary" onClick={() => setAcking(w)}>
                      {t('credit.warn.ack')}
                    </Button>
                  ) : (
                    <Tag>{w.status === 'open' ? t('credit.warn.open') : t('credit.warn.closed')}</Tag>
                  ),
              },
            ]}
          />
          {q.data && <Alert type="info" title={q.data.reading} />}
        </Space>
      </Card>
      <AckDialog w={acking} onClose={() => setAcking(null)} />
    </>
  );
}
