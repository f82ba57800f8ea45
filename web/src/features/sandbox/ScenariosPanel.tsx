/**
 * Saved scenarios of the sandbox: save the scenario just computed under a name, tick two or more saved ones to
 * compare them side by side beside the live outcome, and download the comparison as Excel.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Space, Typography } from 'antd';
import { useState } from 'react';
import {
  type TSandboxScenario,
  type TSavedScenario,
  type TScenarioComparison,
  ZSaveScenario,
} from '../../../../src/contracts/sandbox';
import { api, downloadFile, errorMessage } from '../../api/client';
import { TextField } from '../../components/FormFields';
import { FormModal } from '../../components/FormModal';
import { SmallTable } from '../../components/SmallTable';
import { useI18n } from '../../i18n';
import { yuan } from '../../shared/money';
import { formatInstant } from '../../shared/time';

type Column = TScenarioComparison['columns'][number];
type Row = TScenarioComparison['byDistrict'][number];

/** The save button: shown once a scenario has been computed. */
export function SaveScenarioButton({
  campaignId,
  scenario,
}: {
  campaignId: string;
  scenario: TSandboxScenario | null;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ name: string }>();
  return (
    <>
      <Button disabled={!scenario} onClick={() => setOpen(true)} data-testid="sandbox-save">
        {t('sandbox.save')}
      </Button>
      <FormModal
        form={form}
        name="scenario"
        open={open}
        title={t('sandbox.saveTitle')}
        onClose={() => setOpen(false)}
        onSubmit={async (v) => {
          await api.post(`/api/v1/subsidy/campaigns/${campaignId}/sandbox/scenarios`, { name: v.name, scenario });
          await qc.invalidateQueries({ queryKey: ['sandbox-scenarios', campaignId] });
          setOpen(false);
        }}
      >
        <TextField schema={ZSaveScenario.shape.name} name="name" label={t('sandbox.scenarioName')} />
      </FormModal>
    </>
  );
}

export function ScenariosPanel({ campaignId }: { campaignId: string }) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['sandbox-scenarios', campaignId],
    queryFn: () => api.get<{ items: TSavedScenario[] }>(`/api/v1/subsidy/campaigns/${campaignId}/sandbox/scenarios`),
  });
  const [selected, setSelected] = useState<string[]>([]);
  const [comparison, setComparison] = useState<TScenarioComparison | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const items = q.data?.items ?? [];

  async function compare() {
    setError(null);
    setBusy(true);
    try {
      setComparison(
        await api.post<TScenarioComparison>(`/api/v1/subsidy/campaigns/${campaignId}/sandbox/comparison`, {
          scenarioIds: selected,
        }),
      );
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }
  async function exportXlsx() {
    setError(null);
    try {
      await downloadFile(
        `/api/v1/subsidy/campaigns/${campaignId}/sandbox/comparison/xlsx`,
        { query: { ids: selected.join(',') } },
        'sandbox-comparison.xlsx',
      );
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const c = comparison;
  const metric = (label: string, pick: (x: Column) => string | number, money = false) => ({
    key: label,
    label,
    values: (c?.columns ?? []).map((x) => (money ? yuan(String(pick(x))) : String(pick(x)))),
  });
  const summaryRows = c
    ? [
        metric(t('sandbox.budget'), (x) => x.budget, true),
        metric(t('sandbox.funded'), (x) => x.funded),
        metric(t('sandbox.awarded'), (x) => x.awarded, true),
        metric(t('sandbox.remaining'), (x) => x.remaining, true),
        metric(t('sandbox.losers'), (x) => `${x.losers}（${yuan(x.lost)}）`),
        metric(t('sandbox.gainers'), (x) => `${x.gainers}（${yuan(x.gained)}）`),
      ]
    : [];
  const table = (title: string, rows: readonly Row[], money: boolean) => (
    <SmallTable<Row>
      rowKey="key"
      dataSource={[...rows]}
      columns={[
        { title, dataIndex: 'label' },
        ...(c?.columns ?? []).map((col, i) => ({
          key: col.key,
          title: col.name,
          align: 'right' as const,
          render: (_: unknown, r: Row) => (money ? yuan(r.values[i]!) : r.values[i]),
        })),
      ]}
    />
  );

  return (
    <Card size="small" title={t('sandbox.saved')} data-testid="sandbox-scenarios">
      <SmallTable<TSavedScenario>
        rowKey="id"
        loading={q.isLoading}
        dataSource={items}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        columns={[
          { title: t('sandbox.scenarioName'), dataIndex: 'name' },
          {
            title: t('sandbox.changed'),
            render: (_, s) => (s.summary.changed.length ? s.summary.changed.join('；') : t('sandbox.unchanged')),
          },
          { title: t('sandbox.funded'), render: (_, s) => s.summary.scenario.funded, align: 'right' },
          { title: t('sandbox.remaining'), render: (_, s) => yuan(s.summary.scenario.remaining), align: 'right' },
          { title: t('sandbox.savedAt'), dataIndex: 'savedAt', render: (v: string) => formatInstant(v) },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <Button
          type="primary"
          disabled={selected.length < 2}
          loading={busy}
          onClick={compare}
          data-testid="sandbox-compare"
        >
          {t('sandbox.compare')}
        </Button>
        <Button disabled={selected.length < 2} onClick={exportXlsx} data-testid="sandbox-export">
          {t('sandbox.export')}
        </Button>
        <Typography.Text type="secondary">{t('sandbox.compareHint')}</Typography.Text>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      {c && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }} data-testid="sandbox-comparison">
          {table(t('sandbox.item'), summaryRows, false)}
          {table(t('sandbox.byDistrict'), c.byDistrict, true)}
          {table(t('sandbox.byMonth'), c.byMonth, true)}
        </Space>
      )}
    </Card>
  );
}
