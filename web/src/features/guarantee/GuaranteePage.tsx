/**
 * Guarantee-fee subsidies and risk compensation (方案 三（五）) in one workspace page: each tab shows exactly when the
 * API would allow its reads — the claimant's claims, the reviewers' queues, the city's budgets and pool ledger.
 */
import { Card, Tabs } from 'antd';
import { mayI } from '../../auth/access';
import { useMe } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { FeeTab } from './FeeTab';
import { PoolTab } from './PoolTab';
import { RiskTab } from './RiskTab';

export default function GuaranteePage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const items = [
    ...(mayI(me, 'guarantee.fee.read') ? [{ key: 'fee', label: t('guarantee.tab.fee'), children: <FeeTab /> }] : []),
    ...(mayI(me, 'guarantee.risk.read')
      ? [{ key: 'risk', label: t('guarantee.tab.risk'), children: <RiskTab /> }]
      : []),
    ...(mayI(me, 'guarantee.pool.read')
      ? [{ key: 'pool', label: t('guarantee.tab.pool'), children: <PoolTab /> }]
      : []),
  ];
  // A bank claims compensation only: its page opens on the risk tab.
  const first = mayI(me, 'guarantee.risk.claim') && !mayI(me, 'guarantee.fee.claim') ? 'risk' : items[0]?.key;
  return (
    <>
      <PageHeader title={t('guarantee.title')} description={t('guarantee.intro')} />
      <Card>
        <Tabs items={items} defaultActiveKey={first} />
      </Card>
    </>
  );
}
