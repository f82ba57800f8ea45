/**
 * The expert's reviews (第十一条 专家评审): each assignment asks first for the conflict declaration; only after
 * "no conflict" does the application show, with the call's scoring template. Other experts' scores never show.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, Space, Tag } from 'antd';
import { errorMessage } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { yuan } from '../../shared/money';
import { fundPost, useExpertQueue } from './api';

export default function ExpertReviewsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useExpertQueue();
  const run = async (p: Promise<unknown>) => {
    try {
      await p;
      await qc.invalidateQueries({ queryKey: ['fund'] });
      message.success(t('fund.done'));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <>
      <PageHeader title={t('menu.fundReviews')} />
      {(q.data?.items ?? []).length === 0 && <Empty />}
      {(q.data?.items ?? []).map((item, n) => (
        <Card
          key={item.assignmentId}
          style={{ marginBottom: 12 }}
          data-testid={`review-${n}`}
          title={item.application?.projectName ?? t('fund.waitingDeclaration')}
          extra={
            <Space>
              <Tag color={item.purpose === 'acceptance' ? 'purple' : 'blue'} data-testid={`purpose-${n}`}>
                {t(`fund.purpose.${item.purpose}`)}
              </Tag>
              <Tag>{item.status}</Tag>
            </Space>
          }
        >
          {item.purpose === 'acceptance' && (
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('fund.acceptanceTask')} />
          )}
          {item.status === 'drawn' && (
            <Space>
              <Button
                type="primary"
                data-testid={`clear-${n}`}
                onClick={() => run(fundPost(`/reviews/${item.assignmentId}/declaration`, { conflict: false }))}
              >
                {t('fund.declareClear')}
              </Button>
              <Button
                danger
                data-testid={`conflict-${n}`}
                onClick={() => run(fundPost(`/reviews/${item.assignmentId}/declaration`, { conflict: true }))}
              >
                {t('fund.declareConflict')}
              </Button>
            </Space>
          )}
          {item.application && (
            <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
              <Descriptions.Item label={t('fund.enterprise')}>{item.application.enterpriseName}</Descriptions.Item>
              <Descriptions.Item label={t('fund.invoiceTotal')}>
                {yuan(item.application.invoiceTotal)}
              </Descriptions.Item>
            </Descriptions>
          )}
          {item.status === 'declared_clear' && item.purpose === 'review' && (
            <Form
              layout="inline"
              onFinish={(v: Record<string, string>) => {
                const { comment, ...scores } = v;
                return run(
                  fundPost(`/reviews/${item.assignmentId}/scores`, { scores, ...(comment ? { comment } : {}) }),
                );
              }}
            >
              {item.criteria.map((c) => (
                <Form.Item key={c.id} name={c.id} label={`${c.name}（${c.weight}%）`}>
                  <Input style={{ width: 80 }} data-testid={`score-${n}-${c.id}`} />
                </Form.Item>
              ))}
              <Form.Item name="comment" label={t('fund.comment')}>
                <Input />
              </Form.Item>
              <Button htmlType="submit" type="primary" data-testid={`submit-${n}`}>
                {t('fund.submitScores')}
              </Button>
            </Form>
          )}
        </Card>
      ))}
    </>
  );
}
