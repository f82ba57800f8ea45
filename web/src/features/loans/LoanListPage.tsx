/**
 * Loans in the actor's scope: the bank's own loans (with 登记贷款), the loans an insurer/guarantor covers, an
 * enterprise's own loans, or a reviewer's district/city. The API filters by scope; this page only shows.
 */
import { Form } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { PURPOSE_RULES, type TLoan } from '../../../../src/contracts/loans';
import { loanScopeOf } from '../../../../src/domain/access/scope';
import { LOAN_STATUS_LABELS } from '../../../../src/domain/loans/labels';
import { actorOf, mayI } from '../../auth/access';
import { useMe } from '../../auth/session';
import { AddButton } from '../../components/AddButton';
import { FilterCard, FilterSelect, KeywordFilter, PagedTable, usePagedFilters } from '../../components/lists';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { yuanColumn } from '../../shared/money';
import { formatInstant } from '../../shared/time';
import { type LoanFilters, useLoanList } from './api';
import { LoanFormDrawer } from './LoanFormDrawer';
import { ratePercent, StatusTag } from './LoanTags';

type Filters = Omit<LoanFilters, 'page' | 'pageSize'>;

export default function LoanListPage() {
  const { t, pick } = useI18n();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const [form] = Form.useForm<Filters>();
  const { filters, search, reset, pages } = usePagedFilters<Filters>();
  const [recording, setRecording] = useState(false);
  const list = useLoanList(filters);
  // The title and the columns follow which loans the list holds: a column every row would repeat is left out.
  const scope = loanScopeOf(me ? actorOf(me) : null).kind;
  const mayRecord = mayI(me, 'loan.record');
  const [title, intro] =
    scope === 'lender'
      ? (['loans.list.titleBank', 'loans.list.introBank'] as const)
      : scope === 'cover'
        ? (['loans.list.titleInsurer', 'loans.list.introInsurer'] as const)
        : scope === 'enterprise'
          ? (['loans.list.titleEnterprise', 'loans.list.introEnterprise'] as const)
          : (['loans.list.titleReviewer', 'loans.list.introReviewer'] as const);

  return (
    <>
      <PageHeader
        title={t(title)}
        description={t(intro)}
        extra={
          mayRecord && (
            <AddButton onClick={() => setRecording(true)} data-testid="loan-new">
              {t('loans.record.action')}
            </AddButton>
          )
        }
      />
      <FilterCard
        form={form}
        onSearch={(v) => search({ q: v.q?.trim() || undefined, status: v.status })}
        onReset={reset}
      >
        <KeywordFilter placeholder={t('loans.list.searchPlaceholder')} width={260} />
        <FilterSelect
          name="status"
          width={140}
          data-testid="loan-status-filter"
          aria-label={t('loans.field.status')}
          placeholder={t('loans.list.allStatuses')}
          options={(['repaying', 'settled', 'cancelled'] as const).map((k) => ({
            value: k,
            label: pick(LOAN_STATUS_LABELS[k]),
          }))}
        />
      </FilterCard>
      <PagedTable<TLoan>
        {...pages}
        query={list}
        showTotal={(n) => t('loans.list.total', { n })}
        scroll={{ x: 1200 }}
        columns={[
          {
            title: t('loans.field.contractNo'),
            dataIndex: 'contractNo',
            fixed: 'left',
            render: (v: string, l) => (
              <Link to={`/loans/${l.id}`} className="mono">
                {v}
              </Link>
            ),
          },
          ...(scope === 'enterprise'
            ? []
            : [
                {
                  title: t('loans.field.enterprise'),
                  key: 'enterprise',
                  render: (_: unknown, l: TLoan) => l.enterprise.name,
                },
              ]),
          ...(scope === 'lender'
            ? []
            : [{ title: t('loans.field.bank'), key: 'bank', render: (_: unknown, l: TLoan) => l.bank.name }]),
          ...(scope === 'cover'
            ? []
            : [{ title: t('loans.field.cover'), key: 'cover', render: (_: unknown, l: TLoan) => l.cover.name }]),
          {
            title: t('loans.field.purpose'),
            dataIndex: 'purpose',
            render: (v: TLoan['purpose']) => pick(PURPOSE_RULES[v]),
          },
          yuanColumn(t('loans.field.amount'), 'amount'),
          {
            title: t('loans.field.rate'),
            dataIndex: 'annualRate',
            align: 'right',
            render: (v: string) => ratePercent(v),
          },
          { title: t('loans.field.term'), dataIndex: 'termMonths', align: 'right' },
          {
            title: t('loans.field.disbursedAt'),
            dataIndex: 'disbursedAt',
            render: (v: string) => formatInstant(v),
          },
          yuanColumn(t('loans.field.interestPaid'), 'interestPaid'),
          yuanColumn(t('loans.field.outstanding'), 'outstandingPrincipal'),
          {
            title: t('loans.field.status'),
            dataIndex: 'status',
            render: (v: TLoan['status']) => <StatusTag status={v} />,
          },
        ]}
      />
      {mayRecord && (
        <LoanFormDrawer
          open={recording}
          onClose={() => setRecording(false)}
          onRecorded={(id) => {
            setRecording(false);
            navigate(`/loans/${id}`);
          }}
        />
      )}
    </>
  );
}
