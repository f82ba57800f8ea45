/**
 * Outreach (002 三（一） and 二): white lists (the city builds and publishes; a bank records its visits), match-making
 * events (meetings scheduled from wishes, each party's timetable) and the financing statistics with the target bar.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Form, Input, Progress, Select, Space, Table, Tabs, Tag } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useState } from 'react';
import type {
  TEvent,
  TStatistics,
  TTimetable,
  TWhitelist,
  TWhitelistSummary,
} from '../../../../src/contracts/outreach';
import { mayDo } from '../../../../src/domain/access/business';
import { api, downloadFile, errorMessage } from '../../api/client';
import { useMe } from '../../auth/session';
import { Chart, echarts } from '../../components/Chart';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);
const O = '/api/v1/outreach';

function WhitelistDetail({ id, canVisit }: { id: string; canVisit: boolean }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [form] = Form.useForm<{
    visitedOn: string;
    method: string;
    outcome: string;
    note: string;
  }>();
  const [entry, setEntry] = useState<string | null>(null);
  const q = useQuery({ queryKey: ['outreach', 'wl', id], queryFn: () => api.get<TWhitelist>(`${O}/whitelists/${id}`) });
  const l = q.data;
  if (!l) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert type={l.coverage.meetsGoal ? 'success' : 'info'} title={l.coverage.explanation} />
      <div>{l.schedule}</div>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={l.items}
        columns={[
          { title: t('out.wl.enterprise'), dataIndex: 'enterpriseName' },
          { title: t('out.wl.reason'), dataIndex: 'reason' },
          {
            title: t('out.wl.visits'),
            render: (_, e) =>
              e.visits.map((v) => <Tag key={v.id}>{`${v.institutionName} ${v.visitedOn} ${v.outcomeZh}`}</Tag>),
          },
          ...(canVisit
            ? [
                {
                  title: '',
                  render: (_: unknown, e: TWhitelist['items'][number]) => (
                    <Button size="small" data-testid={`visit-${e.enterpriseName}`} onClick={() => setEntry(e.id)}>
                      {t('out.wl.recordVisit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal
        form={form}
        name="visit"
        open={entry !== null}
        title={t('out.wl.recordVisit')}
        initialValues={{ method: 'onsite', outcome: 'intention', note: '' }}
        onClose={() => setEntry(null)}
        onSubmit={async (v) => {
          await api.put(`${O}/whitelists/${id}/entries/${entry}/visit`, {
            visitedOn: v.visitedOn.trim(),
            method: v.method,
            outcome: v.outcome,
            intentionAmount: null,
            note: v.note ?? '',
          });
          setEntry(null);
          await qc.invalidateQueries({ queryKey: ['outreach'] });
        }}
      >
        <Form.Item name="visitedOn" label={t('out.visit.date')} rules={[{ required: true }]}>
          <Input placeholder="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="method" label={t('out.visit.method')}>
          <Select
            options={[
              { value: 'onsite', label: t('out.method.onsite') },
              { value: 'phone', label: t('out.method.phone') },
              { value: 'online', label: t('out.method.online') },
            ]}
          />
        </Form.Item>
        <Form.Item name="outcome" label={t('out.visit.outcome')}>
          <Select
            options={[
              { value: 'intention', label: t('out.result.intention') },
              { value: 'applied', label: t('out.result.applied') },
              { value: 'no_need', label: t('out.result.no_need') },
              { value: 'not_reached', label: t('out.result.not_reached') },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label={t('out.visit.note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}

function Whitelists() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const manage = !!me && mayDo(me, 'outreach.whitelist.manage');
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{
    title: string;
    periodOf: string;
    bankIds: string[];
    flags: string[];
  }>();
  const q = useQuery({
    queryKey: ['outreach', 'wls'],
    queryFn: () => api.get<{ items: TWhitelistSummary[]; nextDue: string | null; reading: string }>(`${O}/whitelists`),
  });
  const banks = useQuery({
    queryKey: ['reference', 'institutions'],
    enabled: manage,
    queryFn: () => api.get<{ id: string; name: string; kind: string }[]>('/api/v1/reference/institutions'),
  });
  const publish = async (id: string) => {
    try {
      await api.post(`${O}/whitelists/${id}/publish`);
      await qc.invalidateQueries({ queryKey: ['outreach'] });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {q.data && <Alert type="info" title={q.data.reading} />}
      {manage && (
        <Button type="primary" onClick={() => setOpen(true)}>
          {t('out.wl.new')}
        </Button>
      )}
      <Table
        rowKey="id"
        size="small"
        dataSource={q.data?.items ?? []}
        expandable={{
          expandedRowRender: (r) => (
            <WhitelistDetail
              id={r.id}
              canVisit={!!me && mayDo(me, 'outreach.visit.record') && r.status === 'published'}
            />
          ),
        }}
        columns={[
          { title: t('out.wl.title'), dataIndex: 'title' },
          { title: t('out.wl.period'), dataIndex: 'periodLabel' },
          { title: t('out.wl.banks'), render: (_, r) => r.banks.map((b) => b.name).join('、') },
          { title: t('out.wl.entries'), dataIndex: 'entries' },
          {
            title: t('out.wl.coverage'),
            render: (_, r) =>
              r.coverage.percent === null ? (
                '—'
              ) : (
                <Tag color={r.coverage.meetsGoal ? 'green' : 'orange'}>{`${r.coverage.percent}%`}</Tag>
              ),
          },
          {
            title: '',
            render: (_, r) => (
              <Space>
                <Tag>{t(r.status === 'draft' ? 'out.wl.status.draft' : 'out.wl.status.published')}</Tag>
                {manage && r.status === 'draft' && (
                  <Button size="small" type="primary" onClick={() => publish(r.id)}>
                    {t('out.wl.publish')}
                  </Button>
                )}
                <Button size="small" onClick={() => downloadFile(`${O}/whitelists/${r.id}/xlsx`, {}, 'whitelist.xlsx')}>
                  {t('out.wl.excel')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <FormModal
        form={form}
        name="whitelist"
        open={open}
        title={t('out.wl.new')}
        initialValues={{ flags: ['resourcePool', 'creditGood'], bankIds: [] }}
        onClose={() => setOpen(false)}
        onSubmit={async (v) => {
          const f = new Set(v.flags ?? []);
          await api.post(`${O}/whitelists`, {
            title: v.title,
            periodOf: v.periodOf.trim(),
            bankIds: v.bankIds,
            criteria: {
              libraryProject: f.has('libraryProject'),
              resourcePool: f.has('resourcePool'),
              creditGood: f.has('creditGood'),
              smeOnly: f.has('smeOnly'),
              districts: [],
              minDigitalLevel: null,
            },
          });
          setOpen(false);
          await qc.invalidateQueries({ queryKey: ['outreach'] });
        }}
      >
        <Form.Item name="title" label={t('out.wl.title')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="periodOf" label={t('out.wl.periodOf')} rules={[{ required: true }]}>
          <Input placeholder="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="bankIds" label={t('out.wl.banks')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            options={(banks.data ?? []).filter((b) => b.kind === 'bank').map((b) => ({ value: b.id, label: b.name }))}
          />
        </Form.Item>
        <Form.Item name="flags">
          <Checkbox.Group
            options={(['libraryProject', 'resourcePool', 'creditGood', 'smeOnly'] as const).map((k) => ({
              value: k,
              label: t(`out.wl.${k}`),
            }))}
          />
        </Form.Item>
      </FormModal>
    </Space>
  );
}

function RegisterForm({ e, onClose }: { e: TEvent; onClose(): void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const [form] = Form.useForm<{ wishes: string[]; contactName: string }>();
  const institutionSide = !!me?.institutionId;
  const inst = useQuery({
    queryKey: ['reference', 'institutions'],
    enabled: !institutionSide,
    queryFn: () => api.get<{ id: string; name: string; kind: string }[]>('/api/v1/reference/institutions'),
  });
  const options = institutionSide
    ? e.registrations.filter((r) => r.side === 'enterprise').map((r) => ({ value: r.partyId, label: r.name }))
    : (inst.data ?? [])
        .filter((i) => ['bank', 'guarantor', 'insurer'].includes(i.kind))
        .map((i) => ({ value: i.id, label: i.name }));
  return (
    <FormModal
      form={form}
      name="register"
      open
      title={t('out.ev.register')}
      initialValues={{ wishes: [] }}
      onClose={onClose}
      onSubmit={async (v) => {
        await api.post(`${O}/events/${e.id}/registrations`, {
          institutionId: null,
          enterpriseId: null,
          wishes: v.wishes ?? [],
          contactName: v.contactName,
        });
        onClose();
        await qc.invalidateQueries({ queryKey: ['outreach'] });
      }}
    >
      <Form.Item name="contactName" label={t('out.ev.contact')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="wishes" label={t('out.ev.wishes')}>
        <Select mode="multiple" options={options} />
      </Form.Item>
    </FormModal>
  );
}

function OutcomeForm({ eventId, meetingId, onClose }: { eventId: string; meetingId: string; onClose(): void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ intentionAmount: string; signed: boolean; note: string }>();
  return (
    <FormModal
      form={form}
      name="outcome"
      open
      title={t('out.ev.outcome')}
      initialValues={{ signed: false, note: '' }}
      onClose={onClose}
      onSubmit={async (v) => {
        await api.put(`${O}/events/${eventId}/meetings/${meetingId}/outcome`, {
          intentionAmount: v.intentionAmount ? v.intentionAmount : null,
          signed: !!v.signed,
          followUpOrderId: null,
          note: v.note ?? '',
        });
        onClose();
        await qc.invalidateQueries({ queryKey: ['outreach'] });
      }}
    >
      <Form.Item name="intentionAmount" label={t('out.ev.intention')}>
        <Input />
      </Form.Item>
      <Form.Item name="signed" valuePropName="checked">
        <Checkbox>{t('out.ev.signed')}</Checkbox>
      </Form.Item>
      <Form.Item name="note" label={t('out.visit.note')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}

function EventDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const [registering, setRegistering] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  const q = useQuery({ queryKey: ['outreach', 'ev', id], queryFn: () => api.get<TEvent>(`${O}/events/${id}`) });
  const tt = useQuery({
    queryKey: ['outreach', 'tt', id, q.data?.status],
    enabled: !!q.data?.mine,
    queryFn: () => api.get<TTimetable>(`${O}/events/${id}/timetable`),
  });
  const e = q.data;
  if (!e) return null;
  const act = async (url: string) => {
    try {
      await api.post(url);
      await qc.invalidateQueries({ queryKey: ['outreach'] });
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const city = !!me && mayDo(me, 'outreach.event.checkin');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        {me && mayDo(me, 'outreach.event.manage') && (
          <Button type="primary" onClick={() => act(`${O}/events/${id}/schedule`)}>
            {t('out.ev.schedule')}
          </Button>
        )}
        {me && mayDo(me, 'outreach.event.register') && !e.mine && e.status === 'open' && (
          <Button type="primary" onClick={() => setRegistering(true)}>
            {t('out.ev.register')}
          </Button>
        )}
      </Space>
      <div>
        {`${t('out.ev.registrations')}：`}
        {e.registrations.map((r) => (
          <Tag key={r.id} color={r.checkedInAt ? 'green' : undefined}>
            {`${r.name}（${r.kindZh}）`}
            {city && e.status !== 'open' && !r.checkedInAt && (
              <Button size="small" type="link" onClick={() => act(`${O}/events/${id}/registrations/${r.id}/check-in`)}>
                {t('out.ev.checkIn')}
              </Button>
            )}
          </Tag>
        ))}
      </div>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        data-testid="meetings"
        dataSource={e.meetings}
        columns={[
          { title: t('out.ev.slot'), render: (_, m) => `${m.start}–${m.end}` },
          { title: t('out.ev.institution'), dataIndex: 'institutionName' },
          { title: t('out.ev.enterprise'), dataIndex: 'enterpriseName' },
          {
            title: t('out.ev.intention'),
            render: (_, m) =>
              m.outcomeRecordedAt ? `${m.intentionAmount ?? '—'}${m.signed ? `（${t('out.ev.signed')}）` : ''}` : '',
          },
          {
            title: '',
            render: (_, m) =>
              me?.institutionId === m.institutionId && me && mayDo(me, 'outreach.meeting.outcome') ? (
                <Button size="small" onClick={() => setOutcome(m.id)}>
                  {t('out.ev.outcome')}
                </Button>
              ) : null,
          },
        ]}
      />
      {e.unmet.length > 0 && (
        <Alert
          type="warning"
          title={t('out.ev.unmet')}
          description={e.unmet.map((u) => `${u.institutionName}—${u.enterpriseName}：${u.reason}`).join('；')}
        />
      )}
      {tt.data && (
        <Card size="small" title={t('out.ev.timetable')} data-testid="timetable">
          {tt.data.rows.map((r) => (
            <div key={r.slot}>{`${r.start}–${r.end}　${r.counterpart ?? '—'}`}</div>
          ))}
        </Card>
      )}
      {registering && <RegisterForm e={e} onClose={() => setRegistering(false)} />}
      {outcome && <OutcomeForm eventId={id} meetingId={outcome} onClose={() => setOutcome(null)} />}
    </Space>
  );
}

function Events() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{
    theme: string;
    heldOn: string;
    mode: 'onsite' | 'online';
    place: string;
    slots: string;
  }>();
  const q = useQuery({
    queryKey: ['outreach', 'evs'],
    queryFn: () => api.get<{ items: TEvent[]; cadence: string }>(`${O}/events`),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {q.data && <Alert type="info" title={q.data.cadence} />}
      {me && mayDo(me, 'outreach.event.manage') && (
        <Button type="primary" onClick={() => setOpen(true)}>
          {t('out.ev.new')}
        </Button>
      )}
      <Table
        rowKey="id"
        size="small"
        dataSource={q.data?.items ?? []}
        expandable={{ expandedRowRender: (r) => <EventDetail id={r.id} /> }}
        columns={[
          { title: t('out.ev.theme'), dataIndex: 'theme' },
          { title: t('out.ev.date'), dataIndex: 'heldOn' },
          { title: t('out.ev.place'), dataIndex: 'place' },
          { title: t('out.ev.registrations'), dataIndex: 'registrations' },
          { title: t('out.ev.meetings'), dataIndex: 'meetings' },
        ]}
      />
      <FormModal
        form={form}
        name="event"
        open={open}
        title={t('out.ev.new')}
        initialValues={{ mode: 'onsite', slots: '09:30-09:50, 10:00-10:20, 10:30-10:50, 11:00-11:20' }}
        onClose={() => setOpen(false)}
        onSubmit={async (v) => {
          const slots = v.slots
            .split(/[,，;；\s]+/)
            .filter(Boolean)
            .map((x) => {
              const [start = '', end = ''] = x.split(/[-–~]/);
              return { start: start.trim(), end: end.trim() };
            });
          await api.post(`${O}/events`, {
            theme: v.theme,
            heldOn: v.heldOn.trim(),
            mode: v.mode,
            place: v.place,
            slots,
          });
          setOpen(false);
          await qc.invalidateQueries({ queryKey: ['outreach'] });
        }}
      >
        <Form.Item name="theme" label={t('out.ev.theme')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="heldOn" label={t('out.ev.date')} rules={[{ required: true }]}>
          <Input placeholder="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="mode" label={t('out.ev.mode')}>
          <Select
            options={[
              { value: 'onsite', label: t('out.mode.onsite') },
              { value: 'online', label: t('out.mode.online') },
            ]}
          />
        </Form.Item>
        <Form.Item name="place" label={t('out.ev.place')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="slots" label={t('out.ev.slots')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
      </FormModal>
    </Space>
  );
}

type Row = TStatistics['byDistrict'][number];

export function Statistics({ publicView = false }: { publicView?: boolean }) {
  const { t } = useI18n();
  const url = publicView ? `${O}/public/statistics` : `${O}/statistics`;
  const q = useQuery({ queryKey: ['outreach', 'stats', publicView], queryFn: () => api.get<TStatistics>(url) });
  const s = q.data;
  if (!s) return null;
  const cols = [
    { title: t('out.st.label'), dataIndex: 'label' },
    { title: t('out.st.posted'), dataIndex: 'posted', render: (v: number | null) => v ?? '—' },
    { title: t('out.st.matched'), dataIndex: 'matched' },
    { title: t('out.st.taken'), dataIndex: 'taken' },
    { title: t('out.st.approved'), dataIndex: 'approved' },
    { title: t('out.st.granted'), dataIndex: 'granted' },
  ];
  const table = (title: string, rows: Row[]) => (
    <Card size="small" title={title}>
      <Table rowKey="key" size="small" pagination={false} dataSource={rows} columns={cols} />
    </Card>
  );
  const option = {
    tooltip: {},
    legend: {},
    xAxis: { type: 'category', data: s.byMonth.map((m) => m.label) },
    yAxis: { type: 'value' },
    series: [
      { name: t('out.st.posted'), type: 'bar', data: s.byMonth.map((m) => m.posted) },
      { name: t('out.st.matched'), type: 'bar', data: s.byMonth.map((m) => m.matched) },
      { name: t('out.st.approved'), type: 'bar', data: s.byMonth.map((m) => m.approved) },
    ],
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('out.st.target')}>
        <Progress percent={Math.min(100, Number(s.target.percent))} format={() => `${s.target.percent}%`} />
        <div>{s.target.explanation}</div>
      </Card>
      <Button onClick={() => downloadFile(`${url}/xlsx`, {}, 'statistics.xlsx')}>{t('out.st.excel')}</Button>
      <Chart option={option} style={{ height: 260 }} />
      {s.byBank && (
        <Card size="small" title={t('out.st.byBank')}>
          <Table
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={s.byBank}
            columns={[
              ...cols.filter((c) => c.dataIndex !== 'posted'),
              { title: t('out.st.avgDays'), dataIndex: 'avgAnswerWorkingDays' },
            ]}
          />
        </Card>
      )}
      {table(t('out.st.byDistrict'), s.byDistrict)}
      {table(t('out.st.byType'), s.byProductType)}
      {table(t('out.st.byMonth'), s.byMonth)}
    </Space>
  );
}

export default function OutreachPage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const tabs = [
    ...(me && mayDo(me, 'outreach.whitelist.read')
      ? [{ key: 'wl', label: t('out.tab.whitelists'), children: <Whitelists /> }]
      : []),
    ...(me && mayDo(me, 'outreach.event.read')
      ? [{ key: 'ev', label: t('out.tab.events'), children: <Events /> }]
      : []),
    ...(me && mayDo(me, 'outreach.statistics.read')
      ? [{ key: 'st', label: t('out.tab.stats'), children: <Statistics /> }]
      : []),
  ];
  return (
    <>
      <PageHeader title={t('out.title')} description={t('out.intro')} />
      <Tabs items={tabs} />
    </>
  );
}
