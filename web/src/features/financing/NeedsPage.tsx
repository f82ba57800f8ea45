/**
 * The enterprise's financing needs: type the need in one sentence, see what the platform read (and how sure it is,
 * and which figures it left out), correct the form, choose who may see the profile, post; then the matched
 * products with the reason for each criterion, applying, the orders and their answers.
 */
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  List,
  Radio,
  Rate,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { TNeed, TNeedReading } from '../../../../src/contracts/financing';
import { ZNeedInput } from '../../../../src/contracts/financing';
import { mayDo } from '../../../../src/domain/access/business';
import { GUARANTEE_ZH, PURPOSE_ZH } from '../../../../src/domain/financing/products';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { useMe } from '../../auth/session';
import { MoneyInput } from '../../components/forms';
import { PageHeader } from '../../components/PageHeader';
import { zodRule } from '../../components/zodRule';
import { useI18n } from '../../i18n';
import {
  applyProduct,
  parseNeedText,
  postNeed,
  rateOrder,
  setConsent,
  useBanks,
  useMatches,
  useNeeds,
  useOrders,
  useOwnProjects,
} from './api';
import { guaranteeOptions, MatchTable, months, OrderTable, purposeOptions, range } from './parts';

const pct = (c: number) => `${Math.round(c * 100)}%`;

function Reading({ r }: { r: TNeedReading }) {
  const { t } = useI18n();
  const row = (
    label: string,
    value: string | null,
    reading: { evidence: string; confidence: number; noteZh: string } | null,
  ) => (
    <Descriptions.Item label={label}>
      {reading ? (
        <Space direction="vertical" size={0}>
          <span>
            {value} <Tag>{`${t('fin.need.confidence')} ${pct(reading.confidence)}`}</Tag>
          </span>
          <Typography.Text type="secondary">
            {t('fin.need.evidence')}：“{reading.evidence}”{reading.noteZh ? `；${reading.noteZh}` : ''}
          </Typography.Text>
        </Space>
      ) : (
        <Typography.Text type="warning">{t('fin.need.notFound')}</Typography.Text>
      )}
    </Descriptions.Item>
  );
  return (
    <Card
      size="small"
      title={`${t('fin.need.understood')}（${t('fin.need.confidence')} ${pct(r.confidence)}）`}
      extra={<Typography.Text type="secondary">{t(`fin.need.reader.${r.reader}`)}</Typography.Text>}
      data-testid="need-reading"
    >
      <Descriptions column={1} size="small">
        {row(t('fin.product.amount'), range(r.amountMin, r.amountMax), r.readings.amount)}
        {row(t('fin.product.term'), months(r.termMonthsMin, r.termMonthsMax), r.readings.term)}
        {row(t('fin.need.purpose'), r.purpose ? PURPOSE_ZH[r.purpose] : null, r.readings.purpose)}
        {row(t('fin.need.guarantee'), r.guarantee ? GUARANTEE_ZH[r.guarantee] : null, r.readings.guarantee)}
      </Descriptions>
      {r.ignored.length > 0 && (
        <Alert
          type="info"
          showIcon
          title={`${t('fin.need.ignored')}：${r.ignored.map((i) => `“${i.text}”（${i.reasonZh}）`).join('；')}`}
        />
      )}
    </Card>
  );
}

function MatchesDrawer({ need, onClose }: { need: TNeed | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const matches = useMatches(need?.id ?? null);
  async function apply(productId: string) {
    try {
      const r = await applyProduct(need!.id, productId);
      message.success(`${t('fin.order.due')}：${r.contactDueOn}`);
      await qc.invalidateQueries({ queryKey: ['financing'] });
    } catch (e) {
      message.error(errorMessage(e));
    }
  }
  return (
    <Drawer open={!!need} onClose={onClose} width={820} title={t('fin.need.matches')} destroyOnHidden>
      <Alert type="info" showIcon title={t('fin.need.shareProfile')} style={{ marginBottom: 12 }} />
      <List
        loading={matches.isLoading}
        dataSource={matches.data?.items ?? []}
        renderItem={(m) => (
          <List.Item key={m.productId} data-testid={`match-${m.productName}`}>
            <Card
              size="small"
              style={{ width: '100%' }}
              title={
                <Space>
                  <span>{m.productName}</span>
                  <Typography.Text type="secondary">{m.institutionName}</Typography.Text>
                  <Tag color={m.match.fits ? 'green' : 'red'}>
                    {m.match.fits ? t('fin.match.fits') : t('fin.match.fails')}
                  </Tag>
                  <Tag>{`${t('fin.match.score')} ${m.match.score}`}</Tag>
                </Space>
              }
              extra={
                m.match.fits && (
                  <Button type="primary" size="small" onClick={() => apply(m.productId)}>
                    {t('fin.need.apply')}
                  </Button>
                )
              }
            >
              <Typography.Paragraph>{m.match.summaryZh}</Typography.Paragraph>
              <MatchTable match={m.match} />
            </Card>
          </List.Item>
        )}
      />
    </Drawer>
  );
}

export default function NeedsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const needs = useNeeds();
  const orders = useOrders();
  const banks = useBanks();
  const projects = useOwnProjects(mayDo(me, 'financing.need.post'));
  const [form] = Form.useForm();
  const [sentence, setSentence] = useState('');
  const [reading, setReading] = useState<TNeedReading | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [matchesOf, setMatchesOf] = useState<TNeed | null>(null);
  const consentScope = Form.useWatch(['consent', 'scope'], form);
  const refresh = () => qc.invalidateQueries({ queryKey: ['financing'] });

  async function read() {
    try {
      const r = await parseNeedText(sentence);
      setReading(r);
      form.setFieldsValue({
        amountMin: r.amountMin ?? undefined,
        amountMax: r.amountMax ?? undefined,
        termMinMonths: r.termMonthsMin ?? undefined,
        termMaxMonths: r.termMonthsMax ?? undefined,
        purpose: r.purpose ?? undefined,
        guarantee: r.guarantee ?? undefined,
        wantedBy: r.wantedBy ?? undefined,
        description: sentence,
      });
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  async function post() {
    setFormError(null);
    const v = form.getFieldsValue(true);
    const body = {
      amountMin: v.amountMin?.trim() ? v.amountMin.trim() : null,
      amountMax: v.amountMax?.trim() ? v.amountMax.trim() : null,
      termMinMonths: v.termMinMonths ?? null,
      termMaxMonths: v.termMaxMonths ?? null,
      purpose: v.purpose,
      guarantee: v.guarantee ?? null,
      wantedBy: v.wantedBy?.trim() ? v.wantedBy.trim() : null,
      projectId: v.projectId ?? null,
      description: v.description ?? '',
      sourceText: sentence.trim() ? sentence.trim() : null,
      exclusive: !!v.exclusive,
      consent: { scope: v.consent?.scope ?? 'none', banks: v.consent?.banks ?? [] },
    };
    try {
      await postNeed(body);
      message.success(t('common.saved'));
      form.resetFields();
      setReading(null);
      setSentence('');
      await refresh();
    } catch (e) {
      const rest = applyFieldErrors(form, e);
      setFormError(rest.length ? rest.join('；') : errorMessage(e));
    }
  }

  async function revoke(id: string) {
    try {
      await setConsent(id, { scope: 'none', banks: [] });
      await refresh();
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  return (
    <>
      <PageHeader title={t('fin.need.title')} description={t('fin.need.intro')} />
      {mayDo(me, 'financing.need.post') && (
        <Card style={{ marginBottom: 16 }}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Input.TextArea
              aria-label={t('fin.need.sentence')}
              placeholder={t('fin.need.sentence')}
              rows={2}
              value={sentence}
              onChange={(e) => setSentence(e.target.value)}
            />
            <Button onClick={read} disabled={!sentence.trim()}>
              {t('fin.need.read')}
            </Button>
            {reading && <Reading r={reading} />}
          </Space>
          {formError && <Alert type="error" showIcon title={formError} style={{ margin: '12px 0' }} />}
          <Form
            form={form}
            layout="vertical"
            style={{ marginTop: 16 }}
            initialValues={{ consent: { scope: 'none', banks: [] } }}
          >
            <Space wrap>
              <Form.Item name="amountMin" label={t('fin.need.amountMin')}>
                <MoneyInput style={{ width: 180 }} />
              </Form.Item>
              <Form.Item name="amountMax" label={t('fin.need.amountMax')}>
                <MoneyInput style={{ width: 180 }} />
              </Form.Item>
              <Form.Item name="termMinMonths" label={t('fin.need.termMin')}>
                <InputNumber min={1} max={360} />
              </Form.Item>
              <Form.Item name="termMaxMonths" label={t('fin.need.termMax')}>
                <InputNumber min={1} max={360} />
              </Form.Item>
              <Form.Item name="purpose" label={t('fin.need.purpose')} rules={[zodRule(ZNeedInput, 'purpose', lang)]}>
                <Select options={purposeOptions} style={{ width: 180 }} aria-label={t('fin.need.purpose')} />
              </Form.Item>
              <Form.Item name="guarantee" label={t('fin.need.guarantee')}>
                <Select
                  allowClear
                  options={guaranteeOptions}
                  style={{ width: 160 }}
                  aria-label={t('fin.need.guarantee')}
                />
              </Form.Item>
              <Form.Item name="wantedBy" label={t('fin.need.wantedBy')}>
                <Input placeholder="YYYY-MM-DD" style={{ width: 140 }} />
              </Form.Item>
            </Space>
            <Form.Item name="projectId" label={t('fin.need.project')}>
              <Select
                allowClear
                placeholder={t('fin.need.noProject')}
                aria-label={t('fin.need.project')}
                style={{ maxWidth: 480 }}
                options={(projects.data?.items ?? []).map((p) => ({
                  value: p.id,
                  label: `${p.libraryNumber} ${p.name}`,
                }))}
              />
            </Form.Item>
            <Form.Item name="description" label={t('fin.need.description')}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item name="exclusive" valuePropName="checked">
              <Checkbox>{t('fin.need.exclusive')}</Checkbox>
            </Form.Item>
            <Space wrap align="start">
              <Form.Item name={['consent', 'scope']} label={t('fin.need.consent')}>
                <Radio.Group
                  options={(['none', 'named', 'all'] as const).map((s) => ({
                    value: s,
                    label: t(`fin.need.consent.${s}`),
                  }))}
                />
              </Form.Item>
              {consentScope === 'named' && (
                <Form.Item name={['consent', 'banks']} label={t('fin.need.banks')}>
                  <Select
                    mode="multiple"
                    aria-label={t('fin.need.banks')}
                    style={{ minWidth: 280 }}
                    options={(banks.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
                  />
                </Form.Item>
              )}
            </Space>
            <Button type="primary" onClick={post}>
              {t('fin.need.post')}
            </Button>
          </Form>
        </Card>
      )}
      <Card title={t('fin.need.mine')} style={{ marginBottom: 16 }}>
        {needs.error && <Alert type="error" showIcon title={errorMessage(needs.error)} />}
        <Table<TNeed>
          rowKey="id"
          size="small"
          dataSource={needs.data?.items ?? []}
          columns={[
            { title: t('fin.product.amount'), render: (_: unknown, n) => range(n.amountMin, n.amountMax) },
            { title: t('fin.product.term'), render: (_: unknown, n) => months(n.termMinMonths, n.termMaxMonths) },
            { title: t('fin.need.purpose'), render: (_: unknown, n) => PURPOSE_ZH[n.purpose] },
            {
              title: t('fin.need.project'),
              render: (_: unknown, n) => (n.project ? `${n.project.libraryNumber} ${n.project.name}` : '—'),
            },
            {
              title: t('fin.need.consent'),
              render: (_: unknown, n) => (
                <Space>
                  <Tag>{t(`fin.need.consent.${n.consent.scope}`)}</Tag>
                  {n.greenChannel && <Tag color="green">{t('fin.city.green')}</Tag>}
                </Space>
              ),
            },
            {
              title: '',
              key: 'actions',
              render: (_: unknown, n) => (
                <Space>
                  <Button size="small" type="primary" onClick={() => setMatchesOf(n)}>
                    {t('fin.need.matches')}
                  </Button>
                  {n.consent.scope !== 'none' && (
                    <Button size="small" onClick={() => revoke(n.id)}>
                      {t('fin.need.revoke')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('fin.need.orders')}>
        <OrderTable
          testId="enterprise-orders"
          orders={orders.data?.items ?? []}
          actions={(o) =>
            o.status !== 'pending' &&
            mayDo(me, 'financing.order.rate', { enterpriseId: o.enterpriseId }) && (
              <Rate
                aria-label={t('fin.order.rate')}
                value={o.rating ?? 0}
                onChange={async (v) => {
                  await rateOrder(o.id, v);
                  await refresh();
                }}
              />
            )
          }
        />
      </Card>
      <MatchesDrawer need={matchesOf} onClose={() => setMatchesOf(null)} />
    </>
  );
}
