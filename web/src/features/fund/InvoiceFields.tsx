/** One invoice's fields (第八条 以相关发票金额为准): item, number, amount, date, seller — applications and acceptance. */
import { Form, Input, Space } from 'antd';
import { useI18n } from '../../i18n';

export function invoiceOf(v: Record<string, string>) {
  return {
    item: v.item ?? '',
    invoiceNo: v.invoiceNo ?? '',
    amount: v.amount ?? '',
    issuedOn: v.issuedOn ?? '',
    seller: v.seller ?? '',
  };
}

export function InvoiceFields() {
  const { t } = useI18n();
  return (
    <Space wrap>
      <Form.Item name="item" label={t('fund.invoiceItem')}>
        <Input />
      </Form.Item>
      <Form.Item name="invoiceNo" label={t('fund.invoiceNo')}>
        <Input />
      </Form.Item>
      <Form.Item name="amount" label={t('fund.invoiceAmount')}>
        <Input />
      </Form.Item>
      <Form.Item name="issuedOn" label={t('fund.invoiceDate')}>
        <Input placeholder="YYYY-MM-DD" />
      </Form.Item>
      <Form.Item name="seller" label={t('fund.seller')}>
        <Input />
      </Form.Item>
    </Space>
  );
}
