/**
 * 人才培养 (003 第八条（四）): the operator's yearly training programme — budget spent and left, sessions and people
 * against the targets (10 sessions, 500 people) — and the events recorded against it. Not an enterprise grant.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, Input, InputNumber, Modal, Progress, Row, Statistic, Typography } from 'antd';
import { useState } from 'react';
import type { TTrainingYear } from '../../../../src/contracts/fund';
import { api, errorMessage } from '../../api/client';
import { mayI } from '../../auth/access';
import { useMe } from '../../auth/session';
import { SmallTable } from '../../components/SmallTable';
import { useI18n } from '../../i18n';
import { yuan } from '../../shared/money';
import { fundPost } from './api';

const pct = (a: number, b: number) => (b > 0 ? Math.min(100, Math.round((a / b) * 100)) : 0);

/** One measure of the year against its budget or target; a target met shows as done. */
function Measure({ title, value, percent, met }: { title: string; value: string; percent: number; met?: boolean }) {
  return (
    <Col xs={24} md={8}>
      <Statistic title={title} value={value} />
      <Progress
        percent={percent}
        {...(met === undefined ? {} : { status: met ? 'success' : 'active' })}
        aria-label={title}
      />
    </Col>
  );
}

function YearCard({ y }: { y: TTrainingYear }) {
  const { t } = useI18n();
  const spent = Number.parseFloat(y.spent);
  const budget = Number.parseFloat(y.budget);
  return (
    <div data-testid="training-year" style={{ marginBottom: 12 }}>
      {y.operatorName && <Typography.Title level={5}>{y.operatorName}</Typography.Title>}
      <Row gutter={16}>
        <Measure
          title={t('fund.trainingSpent')}
          value={`${yuan(y.spent)} / ${yuan(y.budget)}`}
          percent={pct(spent, budget)}
        />
        <Measure
          title={t('fund.trainingSessions')}
          value={`${y.progress.sessions} / ${y.targets.sessions}`}
          percent={pct(y.progress.sessions, y.targets.sessions)}
          met={y.progress.sessionsMet}
        />
        <Measure
          title={t('fund.trainingPeople')}
          value={`${y.progress.people} / ${y.targets.people}`}
          percent={pct(y.progress.people, y.targets.people)}
          met={y.progress.peopleMet}
        />
      </Row>
      <Typography.Paragraph type="secondary">{y.basis.join('；')}</Typography.Paragraph>
      <SmallTable
        rowKey="id"
        dataSource={y.events}
        columns={[
          { title: t('fund.trainingDate'), dataIndex: 'heldOn' },
          { title: t('fund.trainingTitle'), dataIndex: 'title' },
          { title: t('fund.trainingAttendees'), dataIndex: 'attendees' },
          { title: t('fund.trainingCost'), dataIndex: 'cost', render: yuan },
        ]}
      />
    </div>
  );
}

export function TrainingCard({ year }: { year: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const q = useQuery({
    queryKey: ['fund', 'training', year],
    queryFn: () => api.get<{ items: TTrainingYear[] }>('/api/v1/fund/training', { query: { year } }),
  });
  const submit = async () => {
    const v = form.getFieldsValue(true);
    try {
      await fundPost('/training/events', {
        year,
        heldOn: v.heldOn ?? '',
        title: v.title ?? '',
        attendees: Number(v.attendees ?? 0),
        cost: String(v.cost ?? ''),
      });
      await qc.invalidateQueries({ queryKey: ['fund', 'training'] });
      message.success(t('fund.done'));
      setOpen(false);
      form.resetFields();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Card
      title={`${t('fund.training')}（${year}）`}
      style={{ marginTop: 16 }}
      data-testid="training"
      extra={
        mayI(me, 'fund.training.record') && (
          <Button data-testid="new-training-event" onClick={() => setOpen(true)}>
            {t('fund.trainingRecord')}
          </Button>
        )
      }
    >
      {q.error && <Typography.Text type="danger">{errorMessage(q.error)}</Typography.Text>}
      {(q.data?.items ?? []).map((y) => (
        <YearCard key={y.operatorInstitutionId ?? 'new'} y={y} />
      ))}
      <Modal open={open} title={t('fund.trainingRecord')} onCancel={() => setOpen(false)} onOk={submit} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="heldOn" label={t('fund.trainingDate')}>
            <Input placeholder="YYYY-MM-DD" />
          </Form.Item>
          <Form.Item name="title" label={t('fund.trainingTitle')}>
            <Input />
          </Form.Item>
          <Form.Item name="attendees" label={t('fund.trainingAttendees')}>
            <InputNumber min={1} />
          </Form.Item>
          <Form.Item name="cost" label={t('fund.trainingCost')}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
