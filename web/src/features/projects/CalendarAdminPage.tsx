/**
 * The city administrator's calendar: each month's filing window (computed from holidays, or fixed by notice)
 * with its district verification due date; override any month by notice; add a new year's holiday schedule.
 */
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { TCalendarYear } from '../../../../src/contracts/calendar';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { dateProps } from '../../components/forms';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { deleteOverride, saveOverride, saveSchedule, useCalendarYear } from './api';
import { ADJUSTMENT_NAMES, T } from './text';

type WindowRow = TCalendarYear['windows'][number];

export default function CalendarAdminPage() {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [year, setYear] = useState(dayjs().year());
  const { data, isFetching, error } = useCalendarYear(year);
  const [editing, setEditing] = useState<WindowRow | null>(null);
  const [scheduleOpen, setScheduleOpen] = useState(false);
  const [form] = Form.useForm();
  const [sform] = Form.useForm();
  const [formError, setFormError] = useState<string | null>(null);

  const refresh = () => qc.invalidateQueries({ queryKey: ['projects'] });

  async function saveWindow() {
    if (!editing) return;
    setFormError(null);
    try {
      const v = form.getFieldsValue();
      await saveOverride(editing.month, { ...v, reason: v.reason?.trim() || null });
      await refresh();
      message.success(pick(T.saved));
      setEditing(null);
    } catch (e) {
      const rest = applyFieldErrors(form, e);
      setFormError(rest.length ? rest.join('；') : errorMessage(e));
    }
  }

  async function saveYear() {
    setFormError(null);
    try {
      const v = sform.getFieldsValue(true);
      await saveSchedule(year, {
        ...v,
        periods: (v.periods ?? []).map((p: Record<string, unknown>) => ({
          ...p,
          makeUpWorkdays: String(p.makeUpWorkdays ?? '')
            .split(/[,，\s]+/)
            .filter(Boolean),
        })),
      });
      await refresh();
      message.success(pick(T.saved));
      setScheduleOpen(false);
    } catch (e) {
      const rest = applyFieldErrors(sform, e);
      setFormError(rest.length ? rest.join('；') : errorMessage(e));
    }
  }

  return (
    <>
      <PageHeader
        title={pick(T.calendar)}
        description={pick(T.calendarIntro)}
        extra={
          <Space>
            <InputNumber
              value={year}
              min={2024}
              max={2100}
              onChange={(v) => v && setYear(v)}
              data-testid="calendar-year"
            />
            <Button icon={<PlusOutlined />} onClick={() => setScheduleOpen(true)}>
              {pick(T.addSchedule)}
            </Button>
          </Space>
        }
      />
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />}
      {data && !data.scheduleKnown && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`尚未收录${year}年国务院节假日安排：窗口与核实截止日按周末计算，可能不准确。`}
        />
      )}
      <Card title={pick(T.holidays)} size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          {(data?.holidays ?? []).map((h) => (
            <Tag key={`${h.name}${h.start}`}>
              {h.name} {h.start}—{h.end}
              {h.makeUpWorkdays.length ? `（调休上班 ${h.makeUpWorkdays.join('、')}）` : ''}
            </Tag>
          ))}
          {data?.notice && <Tag color="blue">{data.notice}</Tag>}
        </Space>
      </Card>
      <Card size="small">
        <Table<WindowRow>
          rowKey="month"
          loading={isFetching}
          pagination={false}
          dataSource={data?.windows ?? []}
          columns={[
            { title: pick(T.month), dataIndex: 'month' },
            { title: pick(T.opens), dataIndex: 'opens' },
            { title: pick(T.closes), dataIndex: 'closes' },
            {
              title: pick(T.adjustment),
              dataIndex: 'adjustment',
              render: (a: string, r) => (
                <Space>
                  <Tag color={a === 'notice' ? 'purple' : a === 'none' ? 'default' : 'orange'}>
                    {pick(ADJUSTMENT_NAMES[a]!)}
                  </Tag>
                  {r.reason}
                  {r.extensionInHoliday && <Tag color="warning">延长日落在节假日内</Tag>}
                </Space>
              ),
            },
            { title: pick(T.verifyDue), dataIndex: 'verifyDueOn' },
            {
              title: pick(T.inForce),
              dataIndex: 'inForce',
              render: (v: boolean) =>
                v ? <Tag color="success">{pick(T.inForce)}</Tag> : <Tag>{pick(T.notInForce)}</Tag>,
            },
            {
              title: pick(T.actions),
              key: 'a',
              render: (_: unknown, r) => (
                <Space>
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => {
                      form.setFieldsValue({ opens: r.opens, closes: r.closes, notice: r.notice ?? '', reason: '' });
                      setEditing(r);
                    }}
                    data-testid={`override-${r.month}`}
                  >
                    {pick(T.override)}
                  </Button>
                  {r.adjustment === 'notice' && (
                    <Popconfirm
                      title={pick(T.removeOverride)}
                      onConfirm={async () => {
                        try {
                          await deleteOverride(r.month);
                          await refresh();
                        } catch (e) {
                          message.error(errorMessage(e));
                        }
                      }}
                    >
                      <Button size="small" danger icon={<DeleteOutlined />}>
                        {pick(T.removeOverride)}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        open={!!editing}
        title={`${pick(T.override)}：${editing?.month ?? ''}`}
        onOk={saveWindow}
        onCancel={() => setEditing(null)}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'override-ok' } as never}
      >
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical">
          <Form.Item name="opens" label={pick(T.opens)} {...dateProps}>
            <DatePicker style={{ width: '100%' }} data-testid="override-opens" />
          </Form.Item>
          <Form.Item name="closes" label={pick(T.closes)} {...dateProps}>
            <DatePicker style={{ width: '100%' }} data-testid="override-closes" />
          </Form.Item>
          <Form.Item name="notice" label={pick(T.notice)}>
            <Input data-testid="override-notice" />
          </Form.Item>
          <Form.Item name="reason" label={pick(T.reason)}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={scheduleOpen}
        title={`${pick(T.addSchedule)}（${year}）`}
        onOk={saveYear}
        onCancel={() => setScheduleOpen(false)}
        width={760}
        destroyOnHidden
      >
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
        <Form form={sform} layout="vertical" initialValues={{ periods: [{}] }}>
          <Form.Item name="notice" label={pick(T.notice)}>
            <Input placeholder="国办发明电〔2026〕X号" />
          </Form.Item>
          <Form.Item name="title" label="通知标题">
            <Input />
          </Form.Item>
          <Form.Item name="issuedOn" label="发布日期" {...dateProps}>
            <DatePicker />
          </Form.Item>
          <Form.List name="periods">
            {(fields, { add }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} wrap align="baseline">
                    <Form.Item name={[f.name, 'name']} label="节日">
                      <Input style={{ width: 100 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'start']} label="放假开始" {...dateProps}>
                      <DatePicker />
                    </Form.Item>
                    <Form.Item name={[f.name, 'end']} label="放假结束" {...dateProps}>
                      <DatePicker />
                    </Form.Item>
                    <Form.Item name={[f.name, 'makeUpWorkdays']} label="调休上班（逗号分隔）">
                      <Input style={{ width: 200 }} placeholder="2027-02-07,2027-02-20" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'clause']} label="条款">
                      <Input style={{ width: 60 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'statement']} label="原文">
                      <Input style={{ width: 300 }} />
                    </Form.Item>
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({})}>
                  添加节日
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </>
  );
}
