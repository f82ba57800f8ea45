/**
 * 贷款详情: the loan's terms, repayments, extensions and corrections; the lending bank records repayments here and
 * corrects (更正), cancels (作废) or extends (登记展期) the loan.
 */
import { ArrowLeftOutlined, EditOutlined, FieldTimeOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Result, Skeleton, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { PURPOSE_RULES, type TRepayment } from '../../../../src/contracts/loans';
import { mayDo } from '../../../../src/domain/access/business';
import { formatChinaDateTime } from '../../../../src/domain/calendar/china-time';
import { ApiError, errorMessage } from '../../api/client';
import { useMe } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { yuan, yuanColumn } from '../../shared/money';
import { formatInstant } from '../../shared/time';
import { useLoan } from './api';
import { CancelLoanModal, CorrectLoanDrawer, ExtendLoanModal, LoanHistory } from './LoanLifecycle';
import { ratePercent, SourceTag, StatusTag } from './LoanTags';
import { RepaymentModal } from './RepaymentModal';

export default function LoanDetailPage() {
  const { id = '' } = useParams();
  const { t, pick } = useI18n();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const { data: loan, error, isLoading } = useLoan(id);
  const [repaying, setRepaying] = useState(false);
  const [dialog, setDialog] = useState<'correct' | 'cancel' | 'extend' | null>(null);

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
      {t('loans.detail.back')}
    </Button>
  );
  if (isLoading) return <Skeleton active />;
  if (error instanceof ApiError && error.status === 404) {
    return <Result status="404" title="404" subTitle={errorMessage(error)} extra={back} />;
  }
  if (error || !loan) return <Alert type="error" showIcon title={errorMessage(error)} />;

  // The loan as the access table sees it: only the lending bank's officers repay, correct, extend or cancel it.
  const target = { enterpriseId: loan.enterprise.id, institutionId: loan.bank.id };
  const active = loan.status !== 'cancelled';
  // The repayment dialog stays mounted while a repayment that settles the loan completes.
  const mayRepay = mayDo(me, 'loan.repay', target);
  const mayCorrect = active && mayDo(me, 'loan.correct', target);
  const mayExtend = active && mayDo(me, 'loan.extend', target);
  const mayCancel = active && mayDo(me, 'loan.cancel', target);
  const nextPeriod = loan.repayments.reduce((m, r) => Math.max(m, r.periodNo), 0) + 1;

  return (
    <>
      <PageHeader
        title={`${t('loans.detail.title')} ${loan.contractNo}`}
        extra={
          <Space>
            {back}
            {mayCorrect && (
              <Button icon={<EditOutlined />} onClick={() => setDialog('correct')} data-testid="loan-correct">
                {t('loans.correct.action')}
              </Button>
            )}
            {mayExtend && (
              <Button icon={<FieldTimeOutlined />} onClick={() => setDialog('extend')} data-testid="loan-extend">
                {t('loans.extend.action')}
              </Button>
            )}
            {mayCancel && (
              <Button danger icon={<StopOutlined />} onClick={() => setDialog('cancel')} data-testid="loan-cancel">
                {t('loans.cancel.action')}
              </Button>
            )}
            {mayRepay && loan.status === 'repaying' && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setRepaying(true)}
                data-testid="repayment-new"
              >
                {t('loans.repayment.action')}
              </Button>
            )}
          </Space>
        }
      />
      {loan.cancelled && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('loans.detail.cancelledAlert')}
          description={t('loans.detail.cancelInfo', {
            at: formatChinaDateTime(new Date(loan.cancelled.at)),
            reason: loan.cancelled.reason,
          })}
          data-testid="loan-cancelled"
        />
      )}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label={t('loans.field.contractNo')}>
            <span className="mono">{loan.contractNo}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('loans.field.enterprise')}>
            {loan.enterprise.name}
            <br />
            <span className="mono">{loan.enterprise.uscc}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('loans.field.bank')}>{loan.bank.name}</Descriptions.Item>
          <Descriptions.Item label={t('loans.field.cover')}>
            {loan.cover.name}（{t(`loans.coverKind.${loan.cover.kind}`)}）
          </Descriptions.Item>
          <Descriptions.Item label={t('loans.field.purpose')}>{pick(PURPOSE_RULES[loan.purpose])}</Descriptions.Item>
          <Descriptions.Item label={t('loans.field.project')}>
            {loan.project ? `${loan.project.projectNo ?? ''} ${loan.project.name ?? ''}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('loans.field.amount')}>{yuan(loan.amount)}</Descriptions.Item>
          <Descriptions.Item label={t('loans.field.rate')}>{ratePercent(loan.annualRate)}</Descriptions.Item>
          <Descriptions.Item label={t('loans.field.term')}>
            {loan.termMonths}
            {loan.extended && (
              <>
                {' '}
                <Tag color="orange">{t('loans.detail.extendedTag')}</Tag>
                <br />
                <span style={{ fontSize: 12, color: '#646464' }}>
                  {t('loans.detail.contractTerm', { n: loan.contractTermMonths, d: loan.contractMaturityDate })}
                </span>
              </>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('loans.field.disbursedAt')}>{formatInstant(loan.disbursedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('loans.field.maturityDate')}>{loan.maturityDate}</Descriptions.Item>
          <Descriptions.Item label={t('loans.field.status')}>
            <StatusTag status={loan.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t('loans.field.principalRepaid')}>{yuan(loan.principalRepaid)}</Descriptions.Item>
          <Descriptions.Item label={t('loans.field.interestPaid')}>{yuan(loan.interestPaid)}</Descriptions.Item>
          <Descriptions.Item label={t('loans.field.outstanding')}>{yuan(loan.outstandingPrincipal)}</Descriptions.Item>
          <Descriptions.Item label={t('loans.field.source')}>
            <SourceTag source={loan.source} />
          </Descriptions.Item>
          {loan.sourceOrderId && (
            <Descriptions.Item label={t('loans.field.sourceOrder')}>
              <span data-testid="loan-source-order">{loan.sourceOrderId.slice(0, 8)}</span>
            </Descriptions.Item>
          )}
          {loan.remarks && <Descriptions.Item label={t('loans.field.remarks')}>{loan.remarks}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card title={t('loans.repayment.list')}>
        <Table<TRepayment>
          rowKey="id"
          dataSource={loan.repayments}
          pagination={false}
          locale={{ emptyText: t('loans.repayment.none') }}
          scroll={{ x: 700 }}
          columns={[
            { title: t('loans.repayment.periodNo'), dataIndex: 'periodNo', width: 80 },
            { title: t('loans.repayment.dueDate'), dataIndex: 'dueDate' },
            { title: t('loans.repayment.paidDate'), dataIndex: 'paidDate' },
            yuanColumn(t('loans.repayment.principalPaid'), 'principalPaid'),
            yuanColumn(t('loans.repayment.interestPaid'), 'interestPaid'),
            {
              title: t('loans.field.source'),
              dataIndex: 'source',
              render: (v: TRepayment['source']) => <SourceTag source={v} />,
            },
          ]}
        />
      </Card>
      <LoanHistory loan={loan} />
      {mayRepay && (
        <RepaymentModal loanId={loan.id} nextPeriod={nextPeriod} open={repaying} onClose={() => setRepaying(false)} />
      )}
      {mayCorrect && <CorrectLoanDrawer loan={loan} open={dialog === 'correct'} onClose={() => setDialog(null)} />}
      {mayCancel && <CancelLoanModal loan={loan} open={dialog === 'cancel'} onClose={() => setDialog(null)} />}
      {mayExtend && <ExtendLoanModal loan={loan} open={dialog === 'extend'} onClose={() => setDialog(null)} />}
    </>
  );
}
