/** The register: each clause with its readings, the one in force on the date and its rulings; actions when allowed. */
import { Card, Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { TInterpretation, TRuling } from '../../../../src/contracts/interpretations';
import { useI18n } from '../../i18n';

export function InterpretationList({
  items,
  actions,
  rulingActions,
}: {
  items: readonly TInterpretation[];
  actions?: (i: TInterpretation) => ReactNode;
  rulingActions?: (r: TRuling) => ReactNode;
}) {
  const { t } = useI18n();
  if (items.length === 0) return <Empty />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="interpretations">
      {items.map((i) => (
        <Card key={i.id} size="small" title={i.title} extra={actions?.(i)} data-testid={`interpretation-${i.id}`}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('interp.clause')}>
              {i.citation}
              {i.quote ? `：“${i.quote}”` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('interp.question')}>{i.question}</Descriptions.Item>
            <Descriptions.Item label={t('interp.inForce')}>
              <Space wrap>
                <Typography.Text strong data-testid={`in-force-${i.id}`}>
                  {i.inForce.optionLabel}
                </Typography.Text>
                {i.inForce.rulingId ? <Tag color="blue">{t('interp.byRuling')}</Tag> : <Tag>{t('interp.default')}</Tag>}
                {!i.engineSwitches && <Tag color="orange">{t('interp.documented')}</Tag>}
              </Space>
            </Descriptions.Item>
          </Descriptions>
          {i.rulings.length === 0 ? (
            <Typography.Text>
              {t('interp.history')}：{t('interp.noRulings')}
            </Typography.Text>
          ) : (
            <List<TRuling>
              size="small"
              header={<Typography.Text>{t('interp.history')}</Typography.Text>}
              dataSource={[...i.rulings]}
              renderItem={(r) => (
                <List.Item extra={rulingActions?.(r)}>
                  <Space wrap>
                    <Tag color={r.status === 'approved' ? 'green' : 'default'}>{t(`interp.status.${r.status}`)}</Tag>
                    <Typography.Text>{r.optionLabel}</Typography.Text>
                    <Typography.Text>
                      {r.notice}（{r.noticeDate}），{t('interp.effectiveFrom')} {r.effectiveFrom}
                    </Typography.Text>
                    <Typography.Text>{r.reason}</Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          )}
        </Card>
      ))}
    </Space>
  );
}
