/** Small shared pieces: status and source tags, rate display. */
import { Tag } from 'antd';
import type { TLoan } from '../../../../src/contracts/loans';
import { LOAN_SOURCE_LABELS, LOAN_STATUS_LABELS } from '../../../../src/domain/loans/labels';
import { formatRatePercent } from '../../../../src/domain/loans/values';
import { useI18n } from '../../i18n';

export function StatusTag({ status }: { status: TLoan['status'] }) {
  const { pick } = useI18n();
  const color = status === 'settled' ? 'green' : status === 'cancelled' ? 'default' : 'blue';
  return <Tag color={color}>{pick(LOAN_STATUS_LABELS[status])}</Tag>;
}

export function SourceTag({ source }: { source: TLoan['source'] }) {
  const { pick } = useI18n();
  return <Tag>{pick(LOAN_SOURCE_LABELS[source])}</Tag>;
}

/** "0.0385" → "3.85%". */
export function ratePercent(rate: string): string {
  const [int = '0', frac = ''] = rate.split('.');
  return formatRatePercent(`${int}.${frac.padEnd(6, '0').slice(0, 6)}`);
}
