/** A page holding only the dashboard (city reviewers). */
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { SubsidyDashboard } from './SubsidyDashboard';

export default function DashboardPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('dashboard.title')} />
      <SubsidyDashboard />
    </>
  );
}
