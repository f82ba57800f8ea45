/**
 * 公示 (public, no sign-in): the notices; one notice lists enterprise names, projects and amounts with the notice
 * period, and anyone may lodge an objection (name, contact, reason) while it is open. The API rate-limits both.
 */
import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  type TLodgeObjection,
  type TNotice,
  type TNoticeDetail,
  type TObjectionCase,
  type TObjectionLookup,
  ZLodgeObjection,
  ZObjectionLookup,
} from '../../../../src/contracts/subsidy';
import { api, errorMessage } from '../../api/client';
import { useFormSubmit } from '../../components/FormModal';
import { LoadError } from '../../components/lists';
import { PageHeader } from '../../components/PageHeader';
import { zodRule } from '../../components/zodRule';
import { useI18n } from '../../i18n';
import { capitals, documentDate, ISSUING_AUTHORITY } from '../../shared/documents';
import { yuan } from '../../shared/money';
import { formatInstant } from '../../shared/time';
import { PublicFundNotices } from '../fund/PublicFundNotices';
import { usePublicNotice, usePublicNotices } from '../subsidy/api';
import { NoticeList, ObjectionDialog, PhaseTag } from './common';

const O = ZLodgeObjection.shape;
const L = ZObjectionLookup.shape;

/** The objector looks a case up by its number and the contact given, and sees its progress and outcome. */
function ObjectionLookup() {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<TObjectionLookup>();
  const [found, setFound] = useState<TObjectionCase | null>(null);
  const { busy, error, submit: run } = useFormSubmit(form);
  const submit = () =>
    run(async (v) => {
      setFound(null);
      setFound(await api.post<TObjectionCase>('/api/v1/public/notices/objection-lookup', v));
    });
  return (
    <Card title={t('notice.lookup.title')} style={{ marginTop: 16 }} data-testid="objection-lookup">
      <Typography.Paragraph type="secondary">{t('notice.lookup.intro')}</Typography.Paragraph>
      <Form form={form} layout="inline" name="objectionLookup" onFinish={submit}>
        <Form.Item name="caseNo" label={t('notice.lookup.caseNo')} rules={[zodRule(L.caseNo, 'caseNo', lang)]}>
          <Input style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="contact" label={t('notice.lookup.contact')} rules={[zodRule(L.contact, 'contact', lang)]}>
          <Input style={{ width: 220 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="lookup-objection">
            {t('notice.lookup.submit')}
          </Button>
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      {found && (
        <Descriptions size="small" bordered column={1} style={{ marginTop: 12 }} data-testid="objection-case">
          <Descriptions.Item label={t('notice.lookup.caseNo')}>{found.caseNo}</Descriptions.Item>
          <Descriptions.Item label={t('notice.lookup.notice')}>{found.noticeTitle}</Descriptions.Item>
          <Descriptions.Item label={t('notice.lookup.lodgedAt')}>{formatInstant(found.lodgedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('notice.lookup.status')}>
            {t(`subsidy.objectionStatus.${found.status}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('notice.lookup.outcome')}>
            {found.outcome ? t(`subsidy.objectionOutcome.${found.outcome}`) : t('notice.lookup.pending')}
          </Descriptions.Item>
          {found.outcomeNote && (
            <Descriptions.Item label={t('notice.lookup.note')}>{found.outcomeNote}</Descriptions.Item>
          )}
          {found.closedAt && (
            <Descriptions.Item label={t('notice.lookup.closedAt')}>{formatInstant(found.closedAt)}</Descriptions.Item>
          )}
        </Descriptions>
      )}
    </Card>
  );
}

/** 递补公示: a supplementary round's new awards (budget freed during the first notice). */
function KindTag({ kind }: { kind: TNotice['kind'] }) {
  const { t } = useI18n();
  return kind === 'supplementary' ? (
    <Tag color="orange" data-testid="notice-kind-supplementary">
      {t('notice.supplementary')}
    </Tag>
  ) : null;
}

/** The objection dialog of this scheme: form name, title, confirming button. */
const OBJECTION = { name: 'objection', title: 'notice.lodgeAnObjection', okTestId: 'submit-objection' } as const;

function ObjectionForm({ notice, onClose }: { notice: TNotice; onClose(): void }) {
  const { t, lang } = useI18n();
  const { modal } = App.useApp();
  const { data } = usePublicNotice(notice.id, 1);
  const submit = async (v: TLodgeObjection) => {
    const r = await api.post<{ caseNo: string }>(`/api/v1/public/notices/${notice.id}/objections`, v);
    onClose();
    modal.success({
      title: t('notice.objectionReceived'),
      content: `${t('notice.caseNumber')}：${r.caseNo}`,
    });
  };
  return (
    <ObjectionDialog scheme={OBJECTION} onSubmit={submit} onClose={onClose}>
      <Form.Item name="awardId" label={t('notice.aboutOptional')}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          data-testid="objection-target"
          options={(data?.entries ?? []).map((e) => ({ value: e.awardId, label: `${e.seq}. ${e.enterpriseName}` }))}
        />
      </Form.Item>
      <Form.Item name="name" label={t('notice.name')} rules={[zodRule(O.name, 'name', lang)]}>
        <Input data-testid="objection-name" />
      </Form.Item>
      <Form.Item name="contact" label={t('notice.contactPhoneOrE')} rules={[zodRule(O.contact, 'contact', lang)]}>
        <Input data-testid="objection-contact" />
      </Form.Item>
      <Form.Item name="reason" label={t('notice.reasonAndFacts')} rules={[zodRule(O.reason, 'reason', lang)]}>
        <Input.TextArea rows={4} data-testid="objection-reason" />
      </Form.Item>
    </ObjectionDialog>
  );
}

/** Every line of a notice (the screen pages through them; a printed notice lists them all). */
function useAllEntries(id: string) {
  return useQuery({
    queryKey: ['public-notice-all', id],
    queryFn: async () => {
      const entries: TNoticeDetail['entries'] = [];
      for (let page = 1; ; page++) {
        const d = await api.get<TNoticeDetail>(`/api/v1/public/notices/${id}`, { query: { page, pageSize: 200 } });
        entries.push(...d.entries);
        if (d.entries.length === 0 || entries.length >= d.total) return entries;
      }
    },
  });
}

const CELL = { border: '1px solid #999', padding: 4 } as const;

/**
 * The notice as the bureau publishes it on paper or as PDF: its text, every line with the amount in figures and in
 * capitals, the total, and the authority and date at the foot. Shown only when printing.
 */
function PrintableNotice({ notice }: { notice: TNotice }) {
  const { data: entries } = useAllEntries(notice.id);
  if (!entries) return null;
  return (
    <div className="print-only print-document" data-testid="notice-print">
      <h2 className="document-title">{notice.title}</h2>
      <p>{notice.body}</p>
      <p>
        公示期：{notice.startsOn} 至 {notice.endsOn}（{notice.noticeDays}天）。单位：元
      </p>
      <table className="document-table">
        <thead>
          <tr>
            {['序号', '企业名称', '项目编号', '项目名称', '县（市、区）', '拟安排金额（元）', '大写金额'].map((h) => (
              <th key={h} style={CELL}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.awardId}>
              <td style={{ ...CELL, textAlign: 'center' }}>{e.seq}</td>
              <td style={CELL}>{e.enterpriseName}</td>
              <td style={CELL}>{e.projectNo ?? '—'}</td>
              <td style={CELL}>{e.projectName ?? '—'}</td>
              <td style={CELL}>{e.districtName}</td>
              <td style={{ ...CELL, textAlign: 'right' }}>{yuan(e.amount).replace('¥', '')}</td>
              <td style={CELL}>{capitals(e.amount)}</td>
            </tr>
          ))}
          <tr>
            <td style={CELL} colSpan={5}>
              合计（{notice.entryCount}家）
            </td>
            <td style={{ ...CELL, textAlign: 'right' }}>
              <b>{yuan(notice.totalAmount).replace('¥', '')}</b>
            </td>
            <td style={CELL}>
              <b>{capitals(notice.totalAmount)}</b>
            </td>
          </tr>
        </tbody>
      </table>
      <div className="document-signature" data-testid="notice-signature">
        <div>{ISSUING_AUTHORITY}</div>
        <div>{documentDate(notice.publishedAt)}</div>
      </div>
    </div>
  );
}

function NoticeDetail({ notice }: { notice: TNotice }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const { data, error } = usePublicNotice(notice.id, page);
  const [objecting, setObjecting] = useState(false);
  return (
    <>
      <PrintableNotice notice={notice} />
      <Card
        className="screen-only"
        title={
          <Space>
            {notice.title}
            <KindTag kind={notice.kind} />
            <PhaseTag phase={notice.phase} />
          </Space>
        }
        extra={
          <Space>
            <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="notice-print-button">
              {t('subsidy.print')}
            </Button>
            {notice.phase === 'open' && (
              <Button type="primary" danger onClick={() => setObjecting(true)} data-testid="lodge-objection">
                {t('notice.object')}
              </Button>
            )}
          </Space>
        }
      >
        {notice.kind === 'supplementary' && (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('notice.supplementaryNoticeOnlyThe')} />
        )}
        <Typography.Paragraph>{notice.body}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">
          {t('notice.period')}：{notice.startsOn} ～ {notice.endsOn}（{notice.noticeDays}
          {t('notice.days')}）· {t('notice.total')} {yuan(notice.totalAmount)} · {notice.entryCount}
          {t('notice.entries')}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={errorMessage(error)} />}
        <Table
          rowKey="awardId"
          size="small"
          dataSource={data?.entries ?? []}
          data-testid="notice-entries"
          pagination={{ current: page, pageSize: 50, total: data?.total ?? 0, onChange: setPage }}
          columns={[
            { title: t('notice.no'), dataIndex: 'seq', width: 70 },
            { title: t('notice.enterprise'), dataIndex: 'enterpriseName' },
            { title: t('notice.projectNo'), dataIndex: 'projectNo' },
            { title: t('notice.project'), dataIndex: 'projectName' },
            { title: t('notice.district'), dataIndex: 'districtName' },
            { title: t('notice.amount'), dataIndex: 'amount', render: (v: string) => yuan(v) },
          ]}
        />
        {objecting && <ObjectionForm notice={notice} onClose={() => setObjecting(false)} />}
      </Card>
    </>
  );
}

export default function NoticesPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const { data = [], error } = usePublicNotices();
  const selected = data.find((n) => n.id === params.get('id'));
  return (
    <>
      <PageHeader title={t('notice.publicNotices')} description={t('notice.listsOfProposedSubsidies')} />
      <LoadError error={error} />
      {selected ? (
        <>
          <Button type="link" onClick={() => setParams({})} style={{ paddingLeft: 0 }}>
            ← {t('notice.allNotices')}
          </Button>
          <NoticeDetail notice={selected} />
        </>
      ) : data.length ? (
        <Card>
          <NoticeList
            notices={data}
            openText={t('notice.open2')}
            openTestId="open-notice"
            onOpen={(n) => setParams({ id: n.id })}
            title={(n) => n.title}
            tags={(n) => (
              <>
                <KindTag kind={n.kind} />
                <PhaseTag phase={n.phase} />
              </>
            )}
            description={(n) => `${n.startsOn} ～ ${n.endsOn} · ${yuan(n.totalAmount)} · ${n.entryCount}`}
          />
        </Card>
      ) : (
        <Empty description={t('notice.noNotices')} />
      )}
      {!selected && <PublicFundNotices />}
      {!selected && <ObjectionLookup />}
    </>
  );
}
