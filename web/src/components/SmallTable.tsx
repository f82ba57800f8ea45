/** A short table shown whole inside a card or a dialog: small rows and no pager. */
import { Table, type TableProps } from 'antd';

export function SmallTable<T extends object>(props: TableProps<T>) {
  return <Table<T> size="small" pagination={false} {...props} />;
}
