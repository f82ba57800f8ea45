/**
 * What every filtered, paged list shares: the search/reset buttons, the pager, the banner when loading fails, and
 * the Excel export of the list as filtered.
 */
import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  type FormInstance,
  type FormProps,
  Input,
  Select,
  type SelectProps,
  Space,
  Table,
  type TablePaginationConfig,
  type TableProps,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { downloadFile, errorMessage, type RequestOptions } from '../api/client';
import { useI18n } from '../i18n';

/** 查询 (submits the filter form) and, given `onReset`, 重置 (which clears it). */
export function FilterActions({ onReset }: { onReset?: () => void }) {
  const { t } = useI18n();
  return (
    <Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          {t('common.search')}
        </Button>
        {onReset && <Button onClick={onReset}>{t('common.reset')}</Button>}
      </Space>
    </Form.Item>
  );
}

/**
 * A list's filter form in its card, one line of fields followed by 查询 and, given `onReset`, 重置 (which clears the
 * fields first).
 */
export function FilterCard<V>({
  form,
  onSearch,
  onReset,
  children,
  ...rest
}: {
  form: FormInstance<V>;
  onSearch(values: V): void;
  onReset?: () => void;
  children: ReactNode;
} & Pick<FormProps<V>, 'name' | 'style'>) {
  return (
    <Card style={{ marginBottom: 16 }}>
      <Form form={form} layout="inline" onFinish={onSearch} {...rest}>
        {children}
        <FilterActions
          {...(onReset
            ? {
                onReset: () => {
                  form.resetFields();
                  onReset();
                },
              }
            : {})}
        />
      </Form>
    </Card>
  );
}

export interface Paging {
  page: number;
  pageSize: number;
}

/** A table's pager over the server's pages: `paging` is the current page, `onPage` asks for another one. */
export function pager(
  paging: Paging,
  total: number | undefined,
  onPage: (page: Paging) => void,
  showTotal: (n: number) => string,
  sizes?: number[],
): TablePaginationConfig {
  return {
    current: paging.page,
    pageSize: paging.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    ...(sizes ? { pageSizeOptions: sizes } : {}),
    showTotal,
    onChange: (page, pageSize) => onPage({ page, pageSize }),
  };
}

/** A list's free-text filter (`q`), clearable, `width` pixels wide. */
export function KeywordFilter({
  label,
  placeholder,
  width,
}: {
  label?: ReactNode;
  placeholder: string;
  width: number;
}) {
  return (
    <Form.Item name="q" label={label}>
      <Input allowClear placeholder={placeholder} style={{ width }} />
    </Form.Item>
  );
}

/** A filter field picking one of `options` (clearable), `width` pixels wide. */
export function FilterSelect({
  name,
  label,
  width,
  ...select
}: { name: string; label?: ReactNode; width: number } & Omit<SelectProps, 'style' | 'allowClear'>) {
  return (
    <Form.Item name={name} label={label}>
      <Select allowClear style={{ width }} {...select} />
    </Form.Item>
  );
}

/**
 * A list's filters and page as one state: `search` starts again from the first page with new filters, `reset` drops
 * them, the table turns the pages; the page size stays as chosen.
 */
export function usePagedFilters<F extends object>(pageSize = 20) {
  const [filters, setFilters] = useState<F & Paging>({ page: 1, pageSize } as F & Paging);
  return {
    filters,
    search: (f: F) => setFilters({ ...f, page: 1, pageSize: filters.pageSize }),
    reset: () => setFilters({ page: 1, pageSize: filters.pageSize } as F & Paging),
    /** The table's side, spread onto `PagedTable`: the page shown and the turning to another one. */
    pages: { paging: filters, onPage: (pg: Paging) => setFilters({ ...filters, ...pg }) },
  };
}

/** What a paged list's query answers: a page of items and the total. */
interface PagedQuery<T> {
  data?: { items: T[]; total: number } | undefined;
  isFetching: boolean;
  error: unknown;
}

/**
 * A list's table of the server's pages in its card, under the banner shown when loading fails; rows keyed by `id`
 * unless `rowKey` says otherwise.
 */
export function PagedTable<T extends object>({
  query,
  paging,
  onPage,
  showTotal,
  sizes,
  ...table
}: {
  query: PagedQuery<T>;
  paging: Paging;
  onPage(page: Paging): void;
  showTotal(n: number): string;
  sizes?: number[];
} & Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination'>) {
  return (
    <>
      <LoadError error={query.error} />
      <Card>
        <Table<T>
          rowKey="id"
          loading={query.isFetching}
          dataSource={query.data?.items ?? []}
          pagination={pager(paging, query.data?.total, onPage, showTotal, sizes)}
          {...table}
        />
      </Card>
    </>
  );
}

/** The banner a list shows when it could not be loaded. */
export function LoadError({ error }: { error: unknown }) {
  return error ? <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} /> : null;
}

/**
 * 导出 Excel: downloads the list the page shows (the same filter, every row, the reader's own scope) as the server
 * writes it — A4 landscape, Chinese headers, dates as date cells.
 */
export function ExportButton({
  url,
  query,
  fileName,
  testId = 'export-xlsx',
}: {
  url: string;
  query?: RequestOptions['query'];
  /** Used when the answer names no file. */
  fileName: string;
  testId?: string;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await downloadFile(url, query ? { query } : {}, fileName);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={run} data-testid={testId}>
      {t('common.exportXlsx')}
    </Button>
  );
}
