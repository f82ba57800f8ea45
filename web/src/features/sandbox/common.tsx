/** What the sandbox tables share: the live amount, the scenario's and their difference, right-aligned in yuan. */
import type { TableColumnType } from 'antd';
import { useI18n } from '../../i18n';
import { yuan } from '../../shared/money';

export function useDifferenceColumns<T>(): TableColumnType<T>[] {
  const { t } = useI18n();
  return [
    { title: t('sandbox.live'), dataIndex: 'live', align: 'right', render: yuan },
    { title: t('sandbox.scenario'), dataIndex: 'scenario', align: 'right', render: yuan },
    { title: t('sandbox.difference'), dataIndex: 'difference', align: 'right', render: yuan },
  ];
}
