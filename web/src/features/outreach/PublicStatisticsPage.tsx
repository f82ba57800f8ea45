/** The public summary of the financing zone's results and the credit target's progress (002 二、1). */
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { Statistics } from './OutreachPage';

export default function PublicStatisticsPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('out.pub.title')} description={t('out.pub.intro')} />
      <Statistics publicView />
    </>
  );
}
