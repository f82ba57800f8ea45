/** A table over the server's pages of a list: `result` is the page shown, `onPage` asks for another. */
import { Table, type TableProps } from 'antd';

export function PagedTable<T extends object>({
  result,
  page,
  pageSize = 20,
  onPage,
  ...table
}: Omit<TableProps<T>, 'dataSource' | 'pagination'> & {
  result: { items: T[]; total: number } | undefined;
  page: number;
  pageSize?: number;
  onPage(page: number): void;
}) {
  return (
    <Table<T>
      rowKey="id"
      dataSource={result?.items ?? []}
      pagination={{ current: page, pageSize, total: result?.total ?? 0, onChange: onPage }}
      {...table}
    />
  );
}
