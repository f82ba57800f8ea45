/**
 * 公示 (public, no sign-in): the notices; one notice lists enterprise names, projects and amounts with the notice
 * period, and anyone may lodge an objection (name, contact, reason) while it is open. The API rate-limits both.
 */
import { Alert, App, Button, Card, Empty, Form, Input, List, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { type TLodgeObjection, type TNotice, ZLodgeObjection } from '../../../../src/contracts/subsidy';
import { api, applyFieldErrors, errorMessage } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { validFields, zodRule } from '../../components/zodRule';
import { useI18n } from '../../i18n';
import { yuan } from '../../shared/money';
import { usePublicNotice, usePublicNotices } from '../subsidy/api';

const O = ZLodgeObjection.shape;

function PhaseTag({ phase }: { phase: TNotice['phase'] }) {
  const { lang } = useI18n();
  const L = (zh: string, en: string) => (lang === 'en' ? en : zh);
  return phase === 'open' ? (
    <Tag color="green">{L('公示中', 'Open')}</Tag>
  ) : phase === 'ended' ? (
    <Tag>{L('已结束', 'Ended')}</Tag>
  ) : (
    <Tag color="blue">{L('未开始', 'Upcoming')}</Tag>
  );
}

/** 递补公示: a supplementary round's new awards (budget freed during the first notice). */
function KindTag({ kind }: { kind: TNotice['kind'] }) {
  const { lang } = useI18n();
  return kind === 'supplementary' ? (
    <Tag color="orange" data-testid="notice-kind-supplementary">
      {lang === 'en' ? 'Supplementary' : '递补公示'}
    </Tag>
  ) : null;
}

function ObjectionForm({ notice, onClose }: { notice: TNotice; onClose(): void }) {
  const { lang } = useI18n();
  const L = (zh: string, en: string) => (lang === 'en' ? en : zh);
  const { modal } = App.useApp();
  const [form] = Form.useForm<TLodgeObjection>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { data } = usePublicNotice(notice.id, 1);
  const submit = async () => {
    const v = await validFields(form);
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<{ caseNo: string }>(`/api/v1/public/notices/${notice.id}/objections`, v);
      onClose();
      modal.success({
        title: L('异议已受理', 'Objection received'),
        content: `${L('案件号', 'Case number')}：${r.caseNo}`,
      });
    } catch (e) {
      const rest = applyFieldErrors(form, e);
      setError(rest.length ? rest.join('；') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      onCancel={onClose}
      onOk={submit}
      confirmLoading={busy}
      title={L('提出异议', 'Lodge an objection')}
      okButtonProps={{ 'data-testid': 'submit-objection' } as never}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" name="objection">
        <Form.Item name="awardId" label={L('异议对象（可选）', 'About (optional)')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            data-testid="objection-target"
            options={(data?.entries ?? []).map((e) => ({ value: e.awardId, label: `${e.seq}. ${e.enterpriseName}` }))}
          />
        </Form.Item>
        <Form.Item name="name" label={L('姓名或单位', 'Name')} rules={[zodRule(O.name, 'name', lang)]}>
          <Input data-testid="objection-name" />
        </Form.Item>
        <Form.Item
          name="contact"
          label={L('联系方式（电话或邮箱）', 'Contact (phone or e-mail)')}
          rules={[zodRule(O.contact, 'contact', lang)]}
        >
          <Input data-testid="objection-contact" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={L('异议理由及事实依据', 'Reason and facts')}
          rules={[zodRule(O.reason, 'reason', lang)]}
        >
          <Input.TextArea rows={4} data-testid="objection-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function NoticeDetail({ notice }: { notice: TNotice }) {
  const { lang } = useI18n();
  const L = (zh: string, en: string) => (lang === 'en' ? en : zh);
  const [page, setPage] = useState(1);
  const { data, error } = usePublicNotice(notice.id, page);
  const [objecting, setObjecting] = useState(false);
  return (
    <Card
      title={
        <Space>
          {notice.title}
          <KindTag kind={notice.kind} />
          <PhaseTag phase={notice.phase} />
        </Space>
      }
      extra={
        notice.phase === 'open' && (
          <Button type="primary" danger onClick={() => setObjecting(true)} data-testid="lodge-objection">
            {L('提出异议', 'Object')}
          </Button>
        )
      }
    >
      {notice.kind === 'supplementary' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={L(
            '本公示为递补公示：仅列出公示期间释放的预算按申报指南 六（四）顺序递补安排的企业及金额，公示期单独计算。',
            'Supplementary notice: only the awards made from budget freed during the first notice, with their own period.',
          )}
        />
      )}
      <Typography.Paragraph>{notice.body}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {L('公示期', 'Period')}：{notice.startsOn} ～ {notice.endsOn}（{notice.noticeDays}
        {L('天', ' days')}）· {L('合计', 'Total')} {yuan(notice.totalAmount)} · {notice.entryCount}
        {L('家', ' entries')}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={errorMessage(error)} />}
      <Table
        rowKey="awardId"
        size="small"
        dataSource={data?.entries ?? []}
        data-testid="notice-entries"
        pagination={{ current: page, pageSize: 50, total: data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: L('序号', 'No.'), dataIndex: 'seq', width: 70 },
          { title: L('企业名称', 'Enterprise'), dataIndex: 'enterpriseName' },
          { title: L('项目编号', 'Project no.'), dataIndex: 'projectNo' },
          { title: L('项目名称', 'Project'), dataIndex: 'projectName' },
          { title: L('县（市、区）', 'District'), dataIndex: 'districtName' },
          { title: L('拟安排金额', 'Amount'), dataIndex: 'amount', render: (v: string) => yuan(v) },
        ]}
      />
      {objecting && <ObjectionForm notice={notice} onClose={() => setObjecting(false)} />}
    </Card>
  );
}

export default function NoticesPage() {
  const { lang } = useI18n();
  const L = (zh: string, en: string) => (lang === 'en' ? en : zh);
  const [params, setParams] = useSearchParams();
  const { data = [], error } = usePublicNotices();
  const selected = data.find((n) => n.id === params.get('id'));
  return (
    <>
      <PageHeader
        title={L('公示', 'Public notices')}
        description={L(
          '“政银保”融资项目促进制造业数字化转型补贴拟安排名单公示（江工信工业互联网〔2023〕33号 第七条（六））。公示期内任何单位或个人均可实名提出异议。',
          'Lists of proposed subsidies. Anyone may object during the notice period.',
        )}
      />
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />}
      {selected ? (
        <>
          <Button type="link" onClick={() => setParams({})} style={{ paddingLeft: 0 }}>
            ← {L('返回公示列表', 'All notices')}
          </Button>
          <NoticeDetail notice={selected} />
        </>
      ) : data.length ? (
        <Card>
          <List
            dataSource={data}
            renderItem={(n) => (
              <List.Item
                actions={[
                  <Button key="open" type="link" onClick={() => setParams({ id: n.id })} data-testid="open-notice">
                    {L('查看', 'Open')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={
                    <Space>
                      {n.title}
                      <KindTag kind={n.kind} />
                      <PhaseTag phase={n.phase} />
                    </Space>
                  }
                  description={`${n.startsOn} ～ ${n.endsOn} · ${yuan(n.totalAmount)} · ${n.entryCount}`}
                />
              </List.Item>
            )}
          />
        </Card>
      ) : (
        <Empty description={L('暂无公示', 'No notices')} />
      )}
    </>
  );
}
