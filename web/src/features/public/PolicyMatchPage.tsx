/**
 * 政策匹配: which policies the enterprise may claim, with an estimate and the conditions still to prove.
 * The enterprise's registered facts are filled in from its profile; the rest are asked here.
 */
import { FileSearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Form, Row, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import {
  type TPolicyMatch,
  type TPolicyMatchInput,
  type TPolicyMatchResult,
  ZPolicyMatchInput,
} from '../../../../src/contracts/calculators';
import { EVENT_LABELS, type EventCode } from '../../../../src/domain/policies/facts';
import { FormError } from '../../components/FormModal';
import { dateProps, TriState, todayIso } from '../../components/forms';
import { PageHeader } from '../../components/PageHeader';
import { type MessageKey, useI18n } from '../../i18n';
import { yuan } from '../../shared/money';
import { useMyEnterprise } from '../enterprise/api';
import { ReadingsInForce } from '../interpretations/ReadingsInForce';
import { ConditionList, useCalculation } from './common';

interface Values {
  asOf: string;
  registeredInJiangmen?: boolean | null;
  operatingInJiangmen?: boolean | null;
  isSme?: boolean | null;
  creditGood?: boolean | null;
  inResourcePool?: boolean | null;
  events?: EventCode[];
  includeIneligible?: boolean;
}

const FACTS: [keyof Values, MessageKey][] = [
  ['registeredInJiangmen', 'eligibility.registeredInJiangmen'],
  ['operatingInJiangmen', 'eligibility.operatingInJiangmen'],
  ['isSme', 'eligibility.isSme'],
  ['creditGood', 'eligibility.creditGood'],
  ['inResourcePool', 'eligibility.inResourcePool'],
];

const OUTCOME_COLOR: Record<TPolicyMatch['outcome'], string> = {
  eligible: 'green',
  to_prove: 'orange',
  ineligible: 'red',
};

export default function PolicyMatchPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const mine = useMyEnterprise();

  useEffect(() => {
    const e = mine.data;
    if (!e) return;
    form.setFieldsValue({
      registeredInJiangmen: !e.outsideCity,
      isSme: e.isSme,
      creditGood: e.creditStatus === 'good',
      inResourcePool: e.inResourcePool,
    });
  }, [mine.data, form]);

  const { busy, error, ask, result } = useCalculation<Values, TPolicyMatchInput, TPolicyMatchResult>(
    form,
    ZPolicyMatchInput,
    '/api/v1/calculators/policy-match',
    (v) => {
      const e = mine.data;
      return {
        asOf: v.asOf,
        enterprise: {
          registeredInJiangmen: v.registeredInJiangmen ?? null,
          operatingInJiangmen: v.operatingInJiangmen ?? null,
          isSme: v.isSme ?? null,
          creditGood: v.creditGood ?? null,
          inResourcePool: v.inResourcePool ?? null,
          ...(e ? { applicantType: e.type, establishedOn: e.establishedOn } : {}),
        },
        events: Object.fromEntries((v.events ?? []).map((code) => [code, true])),
        includeIneligible: v.includeIneligible ?? false,
      };
    },
  );

  // Only measures in force are claimable; expired or not yet effective ones are named apart, without amounts.
  const claimable = (result?.policies ?? []).filter((p) => p.validity.status === 'in_force');
  const closed = (result?.policies ?? []).filter((p) => p.validity.status !== 'in_force');

  const outcomeLabel = (o: TPolicyMatch['outcome']) =>
    o === 'eligible' ? t('match.eligible') : o === 'to_prove' ? t('match.toProve') : t('match.ineligible');

  return (
    <>
      <PageHeader title={t('menu.policyMatch')} description={t('match.intro')} />
      <Card style={{ marginBottom: 16 }}>
        <FormError error={error} />
        <Form<Values>
          form={form}
          name="policyMatch"
          layout="vertical"
          initialValues={{ asOf: todayIso(), includeIneligible: false, events: [] }}
          onFinish={ask}
        >
          <Row gutter={16}>
            {FACTS.map(([name, label]) => (
              <Col key={name} xs={24} sm={12} lg={8} xl={6}>
                <Form.Item name={name} label={t(label)}>
                  <TriState />
                </Form.Item>
              </Col>
            ))}
            <Col xs={24} sm={12} lg={8} xl={6}>
              <Form.Item name="asOf" label={t('match.asOf')} {...dateProps}>
                <DatePicker style={{ width: '100%' }} allowClear={false} />
              </Form.Item>
            </Col>
            <Col xs={24} lg={16} xl={18}>
              <Form.Item name="events" label={t('match.events')} extra={t('match.eventsHelp')}>
                <Select
                  mode="multiple"
                  allowClear
                  placeholder={t('common.select')}
                  optionFilterProp="label"
                  options={Object.entries(EVENT_LABELS).map(([value, label]) => ({ value, label }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} lg={8} xl={6}>
              <Form.Item name="includeIneligible" label={t('match.includeIneligible')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" icon={<FileSearchOutlined />} loading={busy}>
            {t('match.run')}
          </Button>
        </Form>
      </Card>
      {result && (
        <Card title={t('match.result', { n: claimable.length, asOf: result.asOf })}>
          {closed.length > 0 && (
            <Alert
              type="info"
              showIcon
              data-testid="match-closed"
              style={{ marginBottom: 12 }}
              title={t('match.closed', {
                n: closed.length,
                asOf: result.asOf,
                names: closed.map((p) => `${p.name}（${p.validity.statusText}）`).join('、'),
              })}
            />
          )}
          <Table<TPolicyMatch>
            rowKey="id"
            size="middle"
            dataSource={claimable}
            pagination={{ pageSize: 20, showTotal: (n) => t('common.total', { n }) }}
            scroll={{ x: 900 }}
            expandable={{
              expandedRowRender: (p) => (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {p.estimate.note && <Typography.Text type="secondary">{p.estimate.note}</Typography.Text>}
                  {p.estimate.explanation.length > 0 && (
                    <ol className="explanation">
                      {p.estimate.explanation.map((l) => (
                        <li key={l}>{l}</li>
                      ))}
                    </ol>
                  )}
                  {p.failures.length > 0 && <ConditionList items={p.failures} />}
                  {p.toProve.length > 0 && <ConditionList items={p.toProve} />}
                  {p.notes.map((n) => (
                    <Typography.Text key={n} type="secondary">
                      {n}
                    </Typography.Text>
                  ))}
                </Space>
              ),
            }}
            columns={[
              {
                title: t('match.policy'),
                key: 'name',
                render: (_, p) => (
                  <Space orientation="vertical" size={0}>
                    <span>{p.name}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {p.docNumber} · {p.validity.statusText}
                    </Typography.Text>
                  </Space>
                ),
              },
              { title: t('match.category'), dataIndex: 'category', width: 100, render: (c: string) => <Tag>{c}</Tag> },
              {
                title: t('match.outcome'),
                dataIndex: 'outcome',
                width: 120,
                render: (o: TPolicyMatch['outcome']) => <Tag color={OUTCOME_COLOR[o]}>{outcomeLabel(o)}</Tag>,
              },
              {
                title: t('match.estimate'),
                key: 'estimate',
                width: 220,
                render: (_, p) => (
                  <span>
                    {p.estimate.kindText}
                    {p.estimate.amount ? ` ${yuan(p.estimate.amount)}` : ''}
                  </span>
                ),
              },
              {
                title: t('match.toProveCount'),
                key: 'toProve',
                width: 110,
                render: (_, p) => p.toProve.length + p.failures.length,
              },
            ]}
          />
          <ReadingsInForce readings={result.readingsInForce} asOf={result.asOf} />
        </Card>
      )}
    </>
  );
}
