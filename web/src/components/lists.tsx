/** What every filtered, paged list shares: the search/reset buttons, the pager, and the banner when loading fails. */
import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Space, type TablePaginationConfig } from 'antd';
import { errorMessage } from '../api/client';
import { useI18n } from '../i18n';

/** 查询 (submits the filter form) and 重置 (`onReset` clears it). */
export function FilterActions({ onReset }: { onReset(): void }) {
  const { t } = useI18n();
  return (
    <Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          {t('common.search')}
        </Button>
        <Button onClick={onReset}>{t('common.reset')}</Button>
      </Space>
    </Form.Item>
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

/** The banner a list shows when it could not be loaded. */
export function LoadError({ error }: { error: unknown }) {
  return error ? <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} /> : null;
}
