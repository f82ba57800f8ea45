/**
 * 批量导入: download a template, upload a filled file, see the check (row errors in a table, or the counts),
 * then confirm. The confirm re-sends the same file; the server checks it again and imports it in one go.
 */
import { CloudUploadOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Result, Space, Steps, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { TImportError, TImportResult } from '../../../../src/contracts/loans';
import { downloadFile, errorMessage } from '../../api/client';
import { useMe } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { loanKeys, uploadImport } from './api';

export default function LoanImportPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<TImportResult | null>(null);
  const [done, setDone] = useState<TImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const reset = () => {
    setFile(null);
    setCheck(null);
    setDone(null);
    setError(null);
  };

  const run = async (dryRun: boolean) => {
    if (!file || !me) return;
    setBusy(true);
    setError(null);
    try {
      const r = await uploadImport(file, { dryRun });
      if (dryRun || r.status === 'rejected') setCheck(r);
      else {
        setDone(r);
        await qc.invalidateQueries({ queryKey: loanKeys.all });
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const download = async (format: 'xlsx' | 'csv', kind: 'loans' | 'repayments' = 'loans') => {
    try {
      await downloadFile(`/api/v1/loans/import/template?format=${format}&kind=${kind}`, {}, `template.${format}`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const counts = (r: TImportResult) =>
    t('loans.import.counts', {
      lc: r.loansCreated,
      rc: r.repaymentsCreated,
      lu: r.loansUnchanged,
      ru: r.repaymentsUnchanged,
    });

  const step = done ? 2 : check && check.status !== 'rejected' ? 2 : file ? 1 : 0;

  return (
    <>
      <PageHeader title={t('loans.import.title')} description={t('loans.import.intro')} />
      <Card style={{ marginBottom: 16 }}>
        <Steps
          current={step}
          items={[
            { title: t('loans.import.step1') },
            { title: t('loans.import.step2') },
            { title: t('loans.import.step3') },
          ]}
          style={{ marginBottom: 24 }}
        />
        <Space wrap>
          <Button icon={<DownloadOutlined />} onClick={() => download('xlsx')} data-testid="template-xlsx">
            {t('loans.import.xlsxTemplate')}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => download('csv', 'loans')}>
            {t('loans.import.csvLoans')}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => download('csv', 'repayments')}>
            {t('loans.import.csvRepayments')}
          </Button>
        </Space>
      </Card>

      {done ? (
        <Card>
          <Result
            status="success"
            title={t(done.status === 'already_imported' ? 'loans.import.already' : 'loans.import.done')}
            subTitle={`${done.fileName} · ${counts(done)}`}
            extra={[
              <Button key="again" onClick={reset}>
                {t('loans.import.again')}
              </Button>,
              <Link key="list" to="/bank/loans">
                <Button type="primary">{t('loans.import.viewLoans')}</Button>
              </Link>,
            ]}
          />
        </Card>
      ) : (
        <Card>
          <Upload.Dragger
            accept=".xlsx,.csv"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              setCheck(null);
              setError(null);
              return false;
            }}
            onRemove={() => reset()}
            fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('loans.import.chooseFile')}</p>
            <p className="ant-upload-hint">{t('loans.import.dragHint')}</p>
          </Upload.Dragger>
          <Flex gap={12} style={{ marginTop: 16 }}>
            <Button disabled={!file} loading={busy && !check} onClick={() => run(true)} data-testid="import-check">
              {t('loans.import.check')}
            </Button>
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              disabled={!file || !check || check.status === 'rejected'}
              loading={busy && !!check}
              onClick={() => run(false)}
              data-testid="import-confirm"
            >
              {t('loans.import.confirm')}
            </Button>
          </Flex>
          {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
          {check && check.status !== 'rejected' && (
            <Alert
              type={check.status === 'already_imported' ? 'info' : 'success'}
              showIcon
              style={{ marginTop: 16 }}
              title={t(check.status === 'already_imported' ? 'loans.import.already' : 'loans.import.checkedOk')}
              description={counts(check)}
            />
          )}
          {check?.status === 'rejected' && (
            <div style={{ marginTop: 16 }} data-testid="import-errors">
              <Alert
                type="error"
                showIcon
                title={t('loans.import.rejected')}
                description={
                  check.errorCount > check.errors.length
                    ? t('loans.import.moreErrors', { shown: check.errors.length, n: check.errorCount })
                    : t('loans.import.errorCount', { n: check.errorCount })
                }
                style={{ marginBottom: 12 }}
              />
              <Table<TImportError>
                rowKey={(e) => `${e.sheet}-${e.row}-${e.column}-${e.reason}`}
                size="small"
                dataSource={check.errors}
                pagination={{ pageSize: 50, hideOnSinglePage: true }}
                columns={[
                  { title: t('loans.import.sheet'), dataIndex: 'sheet', width: 90 },
                  {
                    title: t('loans.import.row'),
                    dataIndex: 'row',
                    width: 80,
                    render: (v: number) => (v > 0 ? v : '—'),
                  },
                  {
                    title: t('loans.import.column'),
                    dataIndex: 'column',
                    width: 200,
                    render: (v: string | null) => v ?? '—',
                  },
                  { title: t('loans.import.reason'), dataIndex: 'reason' },
                ]}
              />
            </div>
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
            {t('loans.import.apiHint')}
          </Typography.Paragraph>
        </Card>
      )}
    </>
  );
}
