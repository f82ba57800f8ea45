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
import {
  type TCalendarYear,
  ZHolidayPeriod,
  ZHolidayScheduleInput,
  ZWindowOverrideInput,
} from '../../../../src/contracts/calendar';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { dateProps } from '../../components/forms';
import { LoadError } from '../../components/lists';
import { PageHeader } from '../../components/PageHeader';
import { maxLengthOf } from '../../components/zodRule';
import { useI18n } from '../../i18n';
import { deleteOverride, saveOverride, saveSchedule, useCalendarYear } from './api';

type WindowRow = TCalendarYear['windows'][number];

export default function CalendarAdminPage() {
  const { t } = useI18n();
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
      message.success(t('projects.form.saved'));
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
      message.success(t('projects.form.saved'));
      setScheduleOpen(false);
    } catch (e) {
      const rest = applyFieldErrors(sform, e);
      setFormError(rest.length ? rest.join('；') : errorMessage(e));
    }
  }

  return (
    <>
      <PageHeader
        title={t('projects.calendar.calendar')}
        description={t('projects.calendar.calendarIntro')}
        extra={
          <Space>
            <InputNumber
              value={year}
              min={2024}
              max={2100}
              onChange={(v) => v && setYear(v)}
              data-testid="calendar-year"
              aria-label={t('calendar.year')}
            />
            <Button icon={<PlusOutlined />} onClick={() => setScheduleOpen(true)}>
              {t('projects.calendar.addSchedule')}
            </Button>
          </Space>
        }
      />
      <LoadError error={error} />
      {data && !data.scheduleKnown && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('projects.calendar.scheduleMissing', { year })}
        />
      )}
      <Card title={t('projects.calendar.holidays')} size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          {(data?.holidays ?? []).map((h) => (
            <Tag key={`${h.name}${h.start}`}>
              {h.name} {h.start}—{h.end}
              {h.makeUpWorkdays.length
                ? t('projects.calendar.makeUpWorkdays', { days: h.makeUpWorkdays.join('、') })
                : ''}
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
            { title: t('projects.field.month'), dataIndex: 'month' },
            { title: t('projects.calendar.opens'), dataIndex: 'opens' },
            { title: t('projects.calendar.closes'), dataIndex: 'closes' },
            {
              title: t('projects.calendar.adjustment'),
              dataIndex: 'adjustment',
              render: (a: WindowRow['adjustment'], r) => (
                <Space>
                  <Tag color={a === 'notice' ? 'purple' : a === 'none' ? 'default' : 'orange'}>
                    {t(`projects.adjustment.${a}`)}
                  </Tag>
                  {r.reason}
                  {r.extensionInHoliday && <Tag color="warning">{t('projects.calendar.extensionInHoliday')}</Tag>}
                </Space>
              ),
            },
            { title: t('projects.window.verifyDue'), dataIndex: 'verifyDueOn' },
            {
              title: t('projects.calendar.inForce'),
              dataIndex: 'inForce',
              render: (v: boolean) =>
                v ? (
                  <Tag color="success">{t('projects.calendar.inForce')}</Tag>
                ) : (
                  <Tag>{t('projects.calendar.notInForce')}</Tag>
                ),
            },
            {
              title: t('common.actions'),
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
                    {t('projects.calendar.override')}
                  </Button>
                  {r.adjustment === 'notice' && (
                    <Popconfirm
                      title={t('projects.calendar.removeOverride')}
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
                        {t('projects.calendar.removeOverride')}
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
        title={`${t('projects.calendar.override')}：${editing?.month ?? ''}`}
        onOk={saveWindow}
        onCancel={() => setEditing(null)}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'override-ok' } as never}
      >
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical">
          <Form.Item name="opens" label={t('projects.calendar.opens')} {...dateProps}>
            <DatePicker style={{ width: '100%' }} data-testid="override-opens" />
          </Form.Item>
          <Form.Item name="closes" label={t('projects.calendar.closes')} {...dateProps}>
            <DatePicker style={{ width: '100%' }} data-testid="override-closes" />
          </Form.Item>
          <Form.Item name="notice" label={t('projects.calendar.notice')}>
            <Input maxLength={maxLengthOf(ZWindowOverrideInput.shape.notice)} data-testid="override-notice" />
          </Form.Item>
          <Form.Item name="reason" label={t('projects.common.reason')}>
            <Input maxLength={maxLengthOf(ZWindowOverrideInput.shape.reason)} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={scheduleOpen}
        title={`${t('projects.calendar.addSchedule')}（${year}）`}
        onOk={saveYear}
        onCancel={() => setScheduleOpen(false)}
        width={760}
        destroyOnHidden
      >
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
        <Form form={sform} layout="vertical" initialValues={{ periods: [{}] }}>
          <Form.Item name="notice" label={t('projects.calendar.notice')}>
            <Input
              placeholder={t('projects.calendar.noticePlaceholder')}
              maxLength={maxLengthOf(ZHolidayScheduleInput.shape.notice)}
            />
          </Form.Item>
          <Form.Item name="title" label={t('projects.calendar.noticeTitle')}>
            <Input maxLength={maxLengthOf(ZHolidayScheduleInput.shape.title)} />
          </Form.Item>
          <Form.Item name="issuedOn" label={t('projects.calendar.issuedOn')} {...dateProps}>
            <DatePicker />
          </Form.Item>
          <Form.List name="periods">
            {(fields, { add }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} wrap align="baseline">
                    <Form.Item name={[f.name, 'name']} label={t('projects.calendar.holidayName')}>
                      <Input style={{ width: 100 }} maxLength={maxLengthOf(ZHolidayPeriod.shape.name)} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'start']} label={t('projects.calendar.holidayStart')} {...dateProps}>
                      <DatePicker />
                    </Form.Item>
                    <Form.Item name={[f.name, 'end']} label={t('projects.calendar.holidayEnd')} {...dateProps}>
                      <DatePicker />
                    </Form.Item>
                    <Form.Item name={[f.name, 'makeUpWorkdays']} label={t('projects.calendar.makeUpWorkdaysField')}>
                      <Input style={{ width: 200 }} placeholder="2027-02-07,2027-02-20" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'clause']} label={t('projects.calendar.clause')}>
                      <Input style={{ width: 60 }} maxLength={maxLengthOf(ZHolidayPeriod.shape.clause)} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'statement']} label={t('projects.calendar.statement')}>
                      <Input style={{ width: 300 }} maxLength={maxLengthOf(ZHolidayPeriod.shape.statement)} />
                    </Form.Item>
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({})}>
                  {t('projects.calendar.addHoliday')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </>
  );
}
