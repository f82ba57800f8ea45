/**
 * What every filtered, paged list shares: the search/reset buttons, the pager, the banner when loading fails, and
 * the Excel export of the list as filtered.
 */
import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Space, type TablePaginationConfig } from 'antd';
import { useState } from 'react';
import { downloadFile, errorMessage, type RequestOptions } from '../api/client';
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
