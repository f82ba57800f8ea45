/** The readings of the register in force on the date a public calculator was asked about, with their rulings. */
import { Collapse, Tag, Typography } from 'antd';
import type { TReadingInForce } from '../../../../src/contracts/calculators';
import { useI18n } from '../../i18n';

export function ReadingsInForce({ readings, asOf }: { readings: readonly TReadingInForce[]; asOf?: string | null }) {
  const { t } = useI18n();
  if (readings.length === 0) return null;
  return (
    <Collapse
      size="small"
      style={{ marginTop: 16 }}
      data-testid="readings-in-force"
      items={[
        {
          key: 'readings',
          label: asOf ? t('interp.readingsInForce', { asOf }) : t('interp.readingsToday'),
          children: (
            <ul style={{ paddingLeft: 18, margin: 0 }}>
              {readings.map((r) => (
                <li key={r.interpretationId} style={{ marginBottom: 6 }}>
                  <Typography.Text strong>{r.title}</Typography.Text>（{r.citation}）：{r.optionLabel}{' '}
                  {r.isDefault ? (
                    <Tag>{t('interp.default')}</Tag>
                  ) : (
                    <Tag color="blue">
                      {t('interp.byRuling')} {r.notice}（{r.effectiveFrom}）
                    </Tag>
                  )}
                  {!r.engineSwitches && <Tag color="default">{t('interp.documented')}</Tag>}
                </li>
              ))}
            </ul>
          ),
        },
      ]}
    />
  );
}
