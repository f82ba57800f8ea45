/**
 * The bank officer's financing zone: the bank's products (publish, change as a new version, each version's review
 * and reason), the consented needs its products fit (take), and its orders (accept, decline with a reason, report
 * the decision) with their due days.
 */
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
} from 'antd';
import { useState } from 'react';
import {
  type TOrder,
  type TProduct,
  type TProductInput,
  ZRegisterLoanInput,
} from '../../../../src/contracts/financing';
import { mayDo } from '../../../../src/domain/access/business';
import { PRODUCT_TYPE_ZH, TERM_CAP_READING } from '../../../../src/domain/financing/products';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { useMe } from '../../auth/session';
import { FormModal } from '../../components/FormModal';
import { MoneyInput, todayIso } from '../../components/forms';
import { PageHeader } from '../../components/PageHeader';
import { zodRule } from '../../components/zodRule';
import { useI18n } from '../../i18n';
import { DISTRICTS } from '../../shared/districts';
import { useCoverInstitutions } from '../loans/api';
import {
  acceptOrder,
  declineOrder,
  publishProduct,
  registerOrderLoan,
  reportOutcome,
  reviseProduct,
  takeNeed,
  useBankMatches,
  useBankProducts,
  useOrders,
} from './api';
import { askReason, guaranteeOptions, months, NeedSummary, OrderTable, percent, range, typeOptions } from './parts';

const list = (s: string | undefined) =>
  String(s ?? '')
    .split(/[,，、\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

const REVIEW_COLOR = { pending: 'gold', approved: 'green', refused: 'red' } as const;

function ProductDrawer({ product, open, onClose }: { product: TProduct | null; open: boolean; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const type = Form.useWatch('type', form);
  const covers = useCoverInstitutions(open);
  const latest = product?.versions[0]?.data ?? null;
  const initial = latest
    ? {
        ...latest,
        industries: latest.industries.join('，'),
        materials: latest.materials.join('，'),
        validTo: latest.validTo ?? '',
      }
    : { size: 'sme', poolOnly: false, guarantees: [], districts: [], promisedDecisionDays: 10, validFrom: todayIso() };
  async function save() {
    setError(null);
    const v = form.getFieldsValue(true);
    const body: TProductInput = {
      ...v,
      industries: list(v.industries),
      materials: list(v.materials),
      validTo: v.validTo?.trim() ? v.validTo.trim() : null,
      minYearsInBusiness: v.minYearsInBusiness ?? null,
      minDigitalLevel: v.minDigitalLevel ?? null,
      description: v.description ?? '',
      coverInstitutionId: v.type === 'zyb' ? (v.coverInstitutionId ?? null) : null,
    };
    try {
      const r = product ? await reviseProduct(product.id, body) : await publishProduct(body);
      message.success(`${t('common.saved')}（${t('fin.product.latest')} ${r.version}）`);
      await qc.invalidateQueries({ queryKey: ['financing'] });
      onClose();
    } catch (e) {
      const rest = applyFieldErrors(form, e);
      setError(rest.length ? rest.join('；') : errorMessage(e));
    }
  }
  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={760}
      destroyOnHidden
      title={product ? t('fin.bank.edit') : t('fin.bank.new')}
      extra={
        <Button type="primary" onClick={save}>
          {t('common.save')}
        </Button>
      }
    >
      <Alert type="info" showIcon title={TERM_CAP_READING} style={{ marginBottom: 12 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="product-error" />}
      <Form form={form} layout="vertical" initialValues={initial}>
        <Space wrap>
          <Form.Item name="name" label={t('fin.product.name')}>
            <Input style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="type" label={t('fin.product.type')}>
            <Select options={typeOptions} style={{ width: 240 }} aria-label={t('fin.product.type')} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="amountMin" label={t('fin.product.amountMin')}>
            <MoneyInput style={{ width: 170 }} />
          </Form.Item>
          <Form.Item name="amountMax" label={t('fin.product.amountMax')}>
            <MoneyInput style={{ width: 170 }} />
          </Form.Item>
          <Form.Item name="termMinMonths" label={t('fin.product.termMin')}>
            <InputNumber min={1} max={360} />
          </Form.Item>
          <Form.Item name="termMaxMonths" label={t('fin.product.termMax')}>
            <InputNumber min={1} max={360} />
          </Form.Item>
          <Form.Item name="rateMin" label={t('fin.product.rateMin')}>
            <Input style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="rateMax" label={t('fin.product.rateMax')}>
            <Input style={{ width: 130 }} />
          </Form.Item>
        </Space>
        {type === 'zyb' && (
          <Form.Item name="coverInstitutionId" label={t('fin.product.cover')}>
            <Select
              allowClear
              aria-label={t('fin.product.cover')}
              options={(covers.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
        )}
        <Form.Item name="guarantees" label={t('fin.product.guarantees')}>
          <Select mode="multiple" options={guaranteeOptions} aria-label={t('fin.product.guarantees')} />
        </Form.Item>
        <Form.Item name="districts" label={t('fin.product.districts')}>
          <Select
            mode="multiple"
            aria-label={t('fin.product.districts')}
            options={DISTRICTS.map((d) => ({ value: d.code, label: lang === 'en' ? d.en : d.zh }))}
          />
        </Form.Item>
        <Space wrap>
          <Form.Item name="industries" label={t('fin.product.industries')}>
            <Input style={{ width: 280 }} />
          </Form.Item>
          <Form.Item name="size" label={t('fin.product.size')}>
            <Radio.Group
              options={[
                { value: 'sme', label: t('fin.product.size.sme') },
                { value: 'any', label: t('fin.product.size.any') },
              ]}
            />
          </Form.Item>
          <Form.Item name="poolOnly" label={t('fin.product.poolOnly')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="minYearsInBusiness" label={t('fin.product.minYears')}>
            <InputNumber min={0} max={50} />
          </Form.Item>
          <Form.Item name="minDigitalLevel" label={t('fin.product.minDigital')}>
            <InputNumber min={1} max={4} />
          </Form.Item>
          <Form.Item name="promisedDecisionDays" label={t('fin.product.promised')}>
            <InputNumber min={1} max={30} />
          </Form.Item>
          <Form.Item name="validFrom" label={t('fin.product.validFrom')}>
            <Input placeholder="YYYY-MM-DD" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="validTo" label={t('fin.product.validTo')}>
            <Input placeholder="YYYY-MM-DD" style={{ width: 140 }} />
          </Form.Item>
        </Space>
        <Form.Item name="materials" label={t('fin.product.materials')}>
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="contactName" label={t('fin.product.contact')}>
            <Input style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="contactPhone" label={t('fin.product.phone')}>
            <Input style={{ width: 180 }} />
          </Form.Item>
        </Space>
        <Form.Item name="description" label={t('fin.product.description')}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

function OutcomeModal({ order, onClose }: { order: TOrder | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const outcome = Form.useWatch('outcome', form);
  async function save() {
    const v = form.getFieldsValue(true);
    const approved = v.outcome === 'approved';
    try {
      await reportOutcome(order!.id, {
        outcome: v.outcome,
        approvedAmount: approved ? v.approvedAmount : null,
        approvedRate: approved ? v.approvedRate : null,
        approvedTermMonths: approved ? v.approvedTermMonths : null,
        disbursedOn: approved && v.disbursedOn?.trim() ? v.disbursedOn.trim() : null,
        refuseReason: approved ? '' : (v.refuseReason ?? ''),
      });
      await qc.invalidateQueries({ queryKey: ['financing'] });
      onClose();
    } catch (e) {
      const rest = applyFieldErrors(form, e);
      if (rest.length) message.error(rest.join('；'));
    }
  }
  return (
    <Modal open={!!order} onCancel={onClose} onOk={save} title={t('fin.order.outcome')} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ outcome: 'approved' }}>
        <Form.Item name="outcome">
          <Radio.Group
            options={[
              { value: 'approved', label: t('fin.order.approved') },
              { value: 'refused', label: t('fin.order.refused') },
            ]}
          />
        </Form.Item>
        {outcome === 'refused' ? (
          <Form.Item name="refuseReason" label={t('fin.order.refuseReason')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="approvedAmount" label={t('fin.order.approvedAmount')}>
              <MoneyInput />
            </Form.Item>
            <Form.Item name="approvedRate" label={t('fin.order.approvedRate')}>
              <Input />
            </Form.Item>
            <Form.Item name="approvedTermMonths" label={t('fin.order.approvedTerm')}>
              <InputNumber min={1} max={360} />
            </Form.Item>
            <Form.Item name="disbursedOn" label={t('fin.order.disbursedOn')}>
              <Input placeholder="YYYY-MM-DD" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

/** An approved, disbursed 政银保 order into the loan register: the order's facts shown, nothing retyped. */
function RegisterLoanModal({ order, onClose }: { order: TOrder | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ contractNo: string; coverInstitutionId?: string }>();
  const covers = useCoverInstitutions(!!order);
  return (
    <FormModal
      form={form}
      name="register-loan"
      open={!!order}
      title={t('fin.order.toRegister')}
      okText={t('fin.order.toRegister')}
      banner={
        order && (
          <>
            <Alert type="info" showIcon title={t('fin.order.toRegisterIntro')} style={{ marginBottom: 12 }} />
            <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
              <Descriptions.Item label={t('fin.order.enterprise')}>
                {order.need.profile ? `${order.need.profile.name}（${order.need.profile.uscc}）` : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('fin.product.bank')}>{order.institutionName}</Descriptions.Item>
              <Descriptions.Item label={t('fin.order.approvedAmount')}>
                {range(order.approvedAmount, null)}
              </Descriptions.Item>
              <Descriptions.Item label={t('fin.product.rate')}>{percent(order.approvedRate)}</Descriptions.Item>
              <Descriptions.Item label={t('fin.order.approvedTerm')}>{order.approvedTermMonths}</Descriptions.Item>
              <Descriptions.Item label={t('fin.order.disbursedOn')}>{order.disbursedOn}</Descriptions.Item>
            </Descriptions>
          </>
        )
      }
      onClose={onClose}
      onSubmit={async (v) => {
        const r = await registerOrderLoan(order!.id, {
          contractNo: String(v.contractNo ?? '').trim(),
          coverInstitutionId: v.coverInstitutionId ?? null,
        });
        message.success(`${t('fin.order.registered')}（${r.contractNo}）`);
        await qc.invalidateQueries({ queryKey: ['financing'] });
        await qc.invalidateQueries({ queryKey: ['loans'] });
        onClose();
      }}
    >
      <Form.Item
        name="contractNo"
        label={t('fin.order.contractNo')}
        rules={[zodRule(ZRegisterLoanInput.shape.contractNo, 'contractNo', lang)]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="coverInstitutionId" label={t('fin.order.cover')} extra={t('fin.order.coverFromProduct')}>
        <Select
          allowClear
          aria-label={t('fin.order.cover')}
          options={(covers.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
      </Form.Item>
    </FormModal>
  );
}

export default function BankPage() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const products = useBankProducts();
  const matches = useBankMatches();
  const orders = useOrders();
  const [drawer, setDrawer] = useState<{ open: boolean; product: TProduct | null }>({ open: false, product: null });
  const [outcomeOf, setOutcomeOf] = useState<TOrder | null>(null);
  const [registerOf, setRegisterOf] = useState<TOrder | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: ['financing'] });
  const run = async (p: Promise<unknown>) => {
    try {
      await p;
      await refresh();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const decline = (o: TOrder) =>
    askReason(modal, t('fin.order.decline'), t('fin.order.declineReason'), (reason) => run(declineOrder(o.id, reason)));
  const orderActions = (o: TOrder) =>
    mayDo(me, 'financing.order.answer', { enterpriseId: null, institutionId: o.institutionId }) && (
      <Space>
        {o.status === 'pending' && (
          <>
            <Button size="small" type="primary" onClick={() => run(acceptOrder(o.id))}>
              {t('fin.order.accept')}
            </Button>
            <Button size="small" onClick={() => decline(o)}>
              {t('fin.order.decline')}
            </Button>
          </>
        )}
        {o.status === 'accepted' && (
          <Button size="small" type="primary" onClick={() => setOutcomeOf(o)}>
            {t('fin.order.outcome')}
          </Button>
        )}
        {o.status === 'approved' && o.productType === 'zyb' && o.disbursedOn && !o.loan && (
          <Button size="small" type="primary" onClick={() => setRegisterOf(o)}>
            {t('fin.order.toRegister')}
          </Button>
        )}
      </Space>
    );

  return (
    <>
      <PageHeader
        title={t('fin.bank.title')}
        description={t('fin.bank.intro')}
        extra={
          mayDo(me, 'financing.product.manage') && (
            <Button type="primary" onClick={() => setDrawer({ open: true, product: null })}>
              {t('fin.bank.new')}
            </Button>
          )
        }
      />
      <Card>
        <Tabs
          items={[
            {
              key: 'products',
              label: t('fin.bank.products'),
              children: (
                <Table<TProduct>
                  rowKey="id"
                  size="small"
                  loading={products.isLoading}
                  dataSource={products.data?.items ?? []}
                  columns={[
                    { title: t('fin.product.name'), render: (_: unknown, p) => p.versions[0]?.data.name },
                    {
                      title: t('fin.product.type'),
                      render: (_: unknown, p) => (p.versions[0] ? PRODUCT_TYPE_ZH[p.versions[0].data.type] : ''),
                    },
                    {
                      title: t('fin.product.amount'),
                      render: (_: unknown, p) =>
                        p.versions[0] ? range(p.versions[0].data.amountMin, p.versions[0].data.amountMax) : '',
                    },
                    {
                      title: t('fin.product.term'),
                      render: (_: unknown, p) =>
                        p.versions[0] ? months(p.versions[0].data.termMinMonths, p.versions[0].data.termMaxMonths) : '',
                    },
                    { title: t('fin.product.live'), dataIndex: 'liveVersion', render: (v: number | null) => v ?? '—' },
                    {
                      title: t('fin.product.status'),
                      render: (_: unknown, p) => (
                        <Space direction="vertical" size={0}>
                          <Tag color={REVIEW_COLOR[p.reviewStatus]}>{t(`fin.review.${p.reviewStatus}`)}</Tag>
                          {p.versions[0]?.reason && <span>{p.versions[0].reason}</span>}
                        </Space>
                      ),
                    },
                    {
                      title: '',
                      key: 'edit',
                      render: (_: unknown, p) =>
                        mayDo(me, 'financing.product.update', {
                          enterpriseId: null,
                          institutionId: p.institutionId,
                        }) && (
                          <Button size="small" onClick={() => setDrawer({ open: true, product: p })}>
                            {t('fin.bank.edit')}
                          </Button>
                        ),
                    },
                  ]}
                />
              ),
            },
            {
              key: 'matches',
              label: t('fin.bank.matches'),
              children: (
                <Table
                  rowKey={(m) => m.need.id}
                  size="small"
                  dataSource={matches.data?.items ?? []}
                  columns={[
                    { title: t('fin.order.enterprise'), render: (_: unknown, m) => <NeedSummary need={m.need} /> },
                    { title: t('fin.product.name'), dataIndex: 'productName' },
                    { title: t('fin.match.score'), render: (_: unknown, m) => m.match.score },
                    {
                      title: '',
                      key: 'take',
                      render: (_: unknown, m) =>
                        mayDo(me, 'financing.need.take') && (
                          <Button size="small" type="primary" onClick={() => run(takeNeed(m.need.id, m.productId))}>
                            {t('fin.bank.take')}
                          </Button>
                        ),
                    },
                  ]}
                />
              ),
            },
            {
              key: 'orders',
              label: t('fin.bank.orders'),
              children: <OrderTable testId="bank-orders" orders={orders.data?.items ?? []} actions={orderActions} />,
            },
          ]}
        />
      </Card>
      <ProductDrawer {...drawer} onClose={() => setDrawer({ open: false, product: null })} />
      <OutcomeModal order={outcomeOf} onClose={() => setOutcomeOf(null)} />
      <RegisterLoanModal order={registerOf} onClose={() => setRegisterOf(null)} />
    </>
  );
}
