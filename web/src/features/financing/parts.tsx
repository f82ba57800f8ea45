/** Pieces the financing pages share: labels, the criterion-by-criterion match table, the order table. */
import { type App, Input, Space, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { TOrder, TProductMatchList } from '../../../../src/contracts/financing';
import { districtName } from '../../../../src/domain/enterprise/districts';
import { micros } from '../../../../src/domain/financing/decimal';
import {
  GUARANTEE_MODES,
  GUARANTEE_ZH,
  PRODUCT_TYPE_ZH,
  PRODUCT_TYPES,
  PURPOSE_ZH,
  PURPOSES,
} from '../../../../src/domain/financing/products';
import { useI18n } from '../../i18n';
import { yuan } from '../../shared/money';

export const typeOptions = PRODUCT_TYPES.map((v) => ({ value: v, label: PRODUCT_TYPE_ZH[v] }));
export const guaranteeOptions = GUARANTEE_MODES.map((v) => ({ value: v, label: GUARANTEE_ZH[v] }));
export const purposeOptions = PURPOSES.map((v) => ({ value: v, label: PURPOSE_ZH[v] }));

export function range(min: string | null, max: string | null): string {
  if (min && max) return min === max ? yuan(min) : `${yuan(min)} – ${yuan(max)}`;
  return yuan(max ?? min);
}

export function months(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return min === max ? `${min}` : `${min} – ${max}`;
  return String(max ?? min ?? '—');
}

/** "0.0345" → "3.45%", exactly (rounded half up to the hundredth of a percent). */
export function percent(rate: string | null): string {
  if (!rate) return '—';
  const h = (micros(rate) * 10_000n + 500_000n) / 1_000_000n;
  return `${h / 100n}.${(h % 100n).toString().padStart(2, '0')}%`;
}

const STATUS_COLOR = { pass: 'green', fail: 'red', unknown: 'gold', info: 'blue' } as const;

export function MatchTable({ match }: { match: TProductMatchList['items'][number]['match'] }) {
  const { t } = useI18n();
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="criterion"
      dataSource={match.criteria}
      columns={[
        { title: t('fin.match.criterion'), dataIndex: 'label', width: 120 },
        {
          title: t('fin.match.result'),
          dataIndex: 'status',
          width: 90,
          render: (s: keyof typeof STATUS_COLOR) => <Tag color={STATUS_COLOR[s]}>{t(`fin.match.${s}`)}</Tag>,
        },
        { title: t('fin.match.reason'), dataIndex: 'reasonZh' },
      ]}
    />
  );
}

export function NeedSummary({ need }: { need: TOrder['need'] }) {
  const { t } = useI18n();
  return (
    <Space direction="vertical" size={0}>
      <Typography.Text>
        {range(need.amountMin, need.amountMax)} · {months(need.termMinMonths, need.termMaxMonths)} 个月 ·{' '}
        {PURPOSE_ZH[need.purpose]}
        {need.guarantee ? ` · ${GUARANTEE_ZH[need.guarantee]}` : ''}
        {need.greenChannel && (
          <Tag color="green" style={{ marginLeft: 8 }}>
            {t('fin.city.green')}
          </Tag>
        )}
      </Typography.Text>
      <Typography.Text type="secondary">
        {need.profile
          ? `${need.profile.name}（${districtName(need.profile.districtCode) ?? '—'}）`
          : t('fin.order.noProfile')}
      </Typography.Text>
      {need.project && (
        <Typography.Text type="secondary" data-testid="need-project">
          {t('fin.need.project')}：{need.project.libraryNumber} {need.project.name}
        </Typography.Text>
      )}
    </Space>
  );
}

export function OrderTable({
  orders,
  actions,
  testId,
}: {
  orders: TOrder[];
  actions?: (o: TOrder) => ReactNode;
  testId?: string;
}) {
  const { t } = useI18n();
  return (
    <Table<TOrder>
      data-testid={testId}
      size="small"
      rowKey="id"
      dataSource={orders}
      pagination={{ pageSize: 20 }}
      columns={[
        { title: t('fin.product.bank'), dataIndex: 'institutionName' },
        { title: t('fin.product.name'), dataIndex: 'productName', render: (v: string | null) => v ?? '—' },
        { title: t('fin.order.enterprise'), render: (_: unknown, o) => <NeedSummary need={o.need} /> },
        {
          title: t('fin.order.status'),
          render: (_: unknown, o) => (
            <Space direction="vertical" size={0}>
              <span>{o.statusZh}</span>
              {o.declineReason && <Typography.Text type="secondary">{o.declineReason}</Typography.Text>}
              {o.refuseReason && <Typography.Text type="secondary">{o.refuseReason}</Typography.Text>}
              {o.approvedAmount && (
                <Typography.Text type="secondary">
                  {yuan(o.approvedAmount)} · {percent(o.approvedRate)} · {o.approvedTermMonths} 个月
                </Typography.Text>
              )}
              {o.loan && (
                <Link to={`/loans/${o.loan.id}`} data-testid={`order-loan-${o.id}`}>
                  <Tag color="blue">
                    {t('fin.order.loan')} {o.loan.contractNo}
                  </Tag>
                </Link>
              )}
            </Space>
          ),
        },
        {
          title: t('fin.order.due'),
          render: (_: unknown, o) =>
            o.dueOn ? (
              <Space direction="vertical" size={0}>
                <span>{o.dueOn}</span>
                {o.overdue ? <Tag color="red">{t('fin.order.overdue')}</Tag> : <Tag>{t('fin.order.onTime')}</Tag>}
              </Space>
            ) : (
              '—'
            ),
        },
        ...(actions ? [{ title: '', key: 'actions', render: (_: unknown, o: TOrder) => actions(o) }] : []),
      ]}
    />
  );
}

/** Asks for a reason in a confirm dialog (a decline, a refusal) and passes it on. */
export function askReason(
  modal: ReturnType<typeof App.useApp>['modal'],
  title: string,
  label: string,
  onOk: (reason: string) => Promise<unknown>,
) {
  let reason = '';
  modal.confirm({
    title,
    content: (
      <Input.TextArea
        aria-label={label}
        placeholder={label}
        onChange={(e) => {
          reason = e.target.value;
        }}
      />
    ),
    onOk: () => onOk(reason),
  });
}
