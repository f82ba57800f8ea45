/**
 * The sandbox of a draft policy version, opened from the policy versions page: pick a campaign, run its real
 * verified applications under the draft's parameters, and see the difference against the versions in force.
 */
import { Alert, Button, Modal, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { TSandboxResult } from '../../../../src/contracts/sandbox';
import { api } from '../../api/client';
import { useAction } from '../../components/useAction';
import { useI18n } from '../../i18n';
import { yuan } from '../../shared/money';
import { useCampaignChoice } from '../subsidy/common';
import { useDifferenceColumns } from './common';

export function DraftSandboxModal({ versionId, onClose }: { versionId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const { campaigns, campaignId, setCampaignId } = useCampaignChoice();
  const [result, setResult] = useState<TSandboxResult | null>(null);
  const { busy, error, setError, run: act } = useAction();
  const differences = useDifferenceColumns<TSandboxResult['changes'][number]>();
  useEffect(() => {
    if (versionId === null) {
      setResult(null);
      setError(null);
    }
  }, [versionId, setError]);

  async function run() {
    if (!versionId || !campaignId) return;
    await act(async () =>
      setResult(await api.post<TSandboxResult>(`/api/v1/policy-versions/${versionId}/sandbox`, { campaignId })),
    );
  }

  const r = result;
  return (
    <Modal open={versionId !== null} title={t('sandbox.draftTitle')} width={900} footer={null} onCancel={onClose}>
      <Typography.Paragraph type="secondary">{t('sandbox.draftHint')}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('sandbox.campaign')}
          style={{ width: 300 }}
          value={campaignId}
          onChange={(v) => {
            setCampaignId(v);
            setResult(null);
          }}
          options={campaigns.map((c) => ({ value: c.id, label: c.title }))}
        />
        <Button type="primary" loading={busy} disabled={!campaignId} onClick={run}>
          {t('sandbox.run')}
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {r && (
        <div data-testid="draft-sandbox-result">
          <Typography.Paragraph>
            {t('sandbox.changed')}：{r.changed.join('；')}
          </Typography.Paragraph>
          <Typography.Paragraph>
            {t('sandbox.funded')}：{r.live.funded} → {r.scenario.funded}；{t('sandbox.awarded')}：{yuan(r.live.awarded)}{' '}
            → {yuan(r.scenario.awarded)}；{t('sandbox.remaining')}：{yuan(r.live.remaining)} →{' '}
            {yuan(r.scenario.remaining)}
          </Typography.Paragraph>
          <Table
            rowKey="applicationId"
            size="small"
            pagination={{ pageSize: 10 }}
            dataSource={[...r.changes]}
            columns={[
              { title: t('sandbox.enterprise'), dataIndex: 'enterpriseName' },
              { title: t('sandbox.district'), dataIndex: 'district' },
              ...differences,
            ]}
          />
        </div>
      )}
    </Modal>
  );
}
