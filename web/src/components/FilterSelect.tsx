/** One filter of a list: a labelled, clearable choice, its label also its accessible name. */
import { Form, Select, type SelectProps } from 'antd';

export function FilterSelect<V>({
  label,
  width,
  ...select
}: { label: string; width: number } & Omit<SelectProps<V>, 'aria-label' | 'allowClear' | 'style'>) {
  return (
    <Form.Item label={label}>
      <Select<V> aria-label={label} allowClear style={{ width }} {...select} />
    </Form.Item>
  );
}
