/**
 * The city's answer times (002 三（四）1 sets no number of days): the times in force (the city's setting or the
 * platform's defaults, with the reading behind them), every dated setting, and — for the city administrator — a
 * new setting from a date on.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Form, Input, InputNumber, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { type TAnswerTimes, type TAnswerTimesInput, ZAnswerTimesInput } from '../../../../src/contracts/financing';
import { mayDo } from '../../../../src/domain/access/business';
import { useMe } from '../../auth/session';
import { FormModal } from '../../components/FormModal';
import { todayIso } from '../../components/forms';
import { zodRule } from '../../components/zodRule';
import { useI18n } from '../../i18n';
import { formatInstant } from '../../shared/time';
import { setAnswerTimes, useAnswerTimes } from './api';

const DAY_FIELDS = ['firstContactDays', 'decisionDays', 'greenFirstContactDays', 'greenDecisionDays'] as const;
const LABEL = {
  firstContactDays: 'fin.times.firstContact',
  decisionDays: 'fin.times.decision',
  greenFirstContactDays: 'fin.times.greenFirstContact',
  greenDecisionDays: 'fin.times.greenDecision',
} as const;

export function AnswerTimesPanel() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const times = useAnswerTimes(mayDo(me, 'financing.answer_times.read'));
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<TAnswerTimesInput>();
  const d: TAnswerTimes | undefined = times.data;
  const shape = ZAnswerTimesInput.shape;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="answer-times">
      {d && (
        <Descriptions
          size="small"
          bordered
          column={2}
          title={
            <Space>
              {t('fin.times.inForce')}
              <Tag color={d.inForce.source === 'city' ? 'blue' : 'default'}>
                {t(`fin.times.source.${d.inForce.source}`)}
              </Tag>
            </Space>
          }
          extra={
            mayDo(me, 'financing.answer_times.set') && (
              <Button type="primary" onClick={() => setOpen(true)}>
                {t('fin.times.set')}
              </Button>
            )
          }
        >
          {DAY_FIELDS.map((f) => (
            <Descriptions.Item key={f} label={t(LABEL[f])}>
              <span data-testid={`times-${f}`}>{d.inForce[f]}</span>
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={t('fin.times.basis')} span={2}>
            {d.inForce.basisZh}
          </Descriptions.Item>
        </Descriptions>
      )}
      <Alert type="info" showIcon title={t('fin.times.note')} />
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={d?.settings ?? []}
        title={() => t('fin.times.history')}
        columns={[
          { title: t('fin.times.effectiveFrom'), dataIndex: 'effectiveFrom' },
          ...DAY_FIELDS.map((f) => ({ title: t(LABEL[f]), dataIndex: f, align: 'right' as const })),
          { title: t('fin.times.basis'), dataIndex: 'basis' },
          { title: '', dataIndex: 'createdAt', render: (v: string) => formatInstant(v) },
        ]}
      />
      <FormModal
        form={form}
        name="answer-times"
        open={open}
        title={t('fin.times.set')}
        hint={t('fin.times.note')}
        initialValues={{
          effectiveFrom: todayIso(),
          firstContactDays: d?.inForce.firstContactDays,
          decisionDays: d?.inForce.decisionDays,
          greenFirstContactDays: d?.inForce.greenFirstContactDays,
          greenDecisionDays: d?.inForce.greenDecisionDays,
        }}
        onClose={() => setOpen(false)}
        onSubmit={async (v) => {
          await setAnswerTimes({ ...v, effectiveFrom: String(v.effectiveFrom).trim(), basis: v.basis ?? '' });
          message.success(t('common.saved'));
          await qc.invalidateQueries({ queryKey: ['financing', 'answer-times'] });
          setOpen(false);
        }}
      >
        <Form.Item
          name="effectiveFrom"
          label={t('fin.times.effectiveFrom')}
          rules={[zodRule(shape.effectiveFrom, 'effectiveFrom', lang)]}
        >
          <Input placeholder="YYYY-MM-DD" style={{ width: 160 }} />
        </Form.Item>
        <Space wrap>
          {DAY_FIELDS.map((f) => (
            <Form.Item key={f} name={f} label={t(LABEL[f])} rules={[zodRule(shape[f], f, lang)]}>
              <InputNumber min={1} max={60} />
            </Form.Item>
          ))}
        </Space>
        <Form.Item name="basis" label={t('fin.times.basis')} rules={[zodRule(shape.basis, 'basis', lang)]}>
          <Input />
        </Form.Item>
      </FormModal>
    </Space>
  );
}
