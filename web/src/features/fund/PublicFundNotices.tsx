/**
 * The special fund's notices on the public notices page (no sign-in; 003 第十一条): the decided projects with their
 * amounts and the notice period; while a notice runs anyone may object and receives a case number, looked up on the
 * same page as the 政银保 cases (ADR 0017).
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import type { TPublicFundNotice, ZFundObjectionReceipt, ZPublicFundNoticeList } from '../../../../src/contracts/fund';
import { api, errorMessage } from '../../api/client';
import { SmallTable } from '../../components/SmallTable';
import { useI18n } from '../../i18n';
import { yuan } from '../../shared/money';
import { NoticeList, ObjectionDialog, PhaseTag } from '../public-notice/common';

interface ObjectionValues {
  applicationId?: string;
  name: string;
  contact: string;
  content: string;
}

/** The objection dialog of this scheme: form name, title, confirming button. */
const FUND_OBJECTION = { name: 'fundObjection', title: 'fund.object', okTestId: 'submit-fund-objection' } as const;

function ObjectionForm({ notice, onClose }: { notice: TPublicFundNotice; onClose(): void }) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const submit = async (v: ObjectionValues) => {
    const r = await api.post<z.infer<typeof ZFundObjectionReceipt>>(
      `/api/v1/fund/public/notices/${notice.callId}/objections`,
      { ...v, applicationId: v.applicationId ?? null },
    );
    onClose();
    modal.success({
      title: t('fund.objectionReceived'),
      content: <span data-testid="fund-case-no">{`${t('fund.caseNo')}：${r.caseNo}`}</span>,
    });
  };
  return (
    <ObjectionDialog scheme={FUND_OBJECTION} onSubmit={submit} onClose={onClose}>
      <Form.Item name="applicationId" label={t('fund.objectionAbout')}>
        <Select
          allowClear
          options={notice.items.map((i) => ({
            value: i.applicationId,
            label: `${i.enterpriseName} ${i.projectName}`,
          }))}
        />
      </Form.Item>
      <Form.Item name="name" label={t('fund.objectorName')}>
        <Input />
      </Form.Item>
      <Form.Item name="contact" label={t('fund.objectorContact')}>
        <Input />
      </Form.Item>
      <Form.Item name="content" label={t('fund.objectionContent')}>
        <Input.TextArea rows={4} />
      </Form.Item>
    </ObjectionDialog>
  );
}

function FundNotice({ callId, onBack }: { callId: string; onBack(): void }) {
  const { t } = useI18n();
  const [objecting, setObjecting] = useState(false);
  const q = useQuery({
    queryKey: ['public-fund-notice', callId],
    queryFn: () => api.get<TPublicFundNotice>(`/api/v1/fund/public/notices/${callId}`),
  });
  const n = q.data;
  return (
    <>
      <Button type="link" onClick={onBack} style={{ paddingLeft: 0 }}>
        ← {t('fund.backToList')}
      </Button>
      {q.error && <Alert type="error" showIcon title={errorMessage(q.error)} />}
      {n && (
        <Card
          data-testid="fund-notice"
          title={
            <Space>
              {n.title}
              <PhaseTag phase={n.phase} />
            </Space>
          }
          extra={
            n.phase === 'open' && (
              <Button type="primary" danger onClick={() => setObjecting(true)} data-testid="lodge-fund-objection">
                {t('fund.object')}
              </Button>
            )
          }
        >
          <Typography.Paragraph type="secondary">
            {t('notice.period')}：{n.startsOn} ～ {n.endsOn}
          </Typography.Paragraph>
          <SmallTable
            rowKey="applicationId"
            dataSource={n.items}
            columns={[
              { title: t('notice.enterprise'), dataIndex: 'enterpriseName' },
              { title: t('notice.project'), dataIndex: 'projectName' },
              { title: t('fund.direction'), dataIndex: 'direction' },
              { title: t('notice.amount'), dataIndex: 'amount', render: (v: string) => yuan(v) },
            ]}
          />
          {objecting && <ObjectionForm notice={n} onClose={() => setObjecting(false)} />}
        </Card>
      )}
    </>
  );
}

export function PublicFundNotices() {
  const { t } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const q = useQuery({
    queryKey: ['public-fund-notices'],
    queryFn: () => api.get<z.infer<typeof ZPublicFundNoticeList>>('/api/v1/fund/public/notices'),
  });
  const items = q.data?.items ?? [];
  if (open) return <FundNotice callId={open} onBack={() => setOpen(null)} />;
  if (!items.length) return null;
  return (
    <Card title={t('fund.publicNotices')} style={{ marginTop: 16 }} data-testid="fund-notices">
      <Typography.Paragraph type="secondary">{t('fund.publicNoticesIntro')}</Typography.Paragraph>
      <NoticeList
        notices={items}
        openText={t('fund.openNotice')}
        openTestId="open-fund-notice"
        onOpen={(n) => setOpen(n.callId)}
        title={(n) => n.title}
        tags={(n) => <PhaseTag phase={n.phase} />}
        description={(n) => `${n.startsOn} ～ ${n.endsOn}`}
      />
    </Card>
  );
}
