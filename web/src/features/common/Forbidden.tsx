import { useI18n } from '../../i18n';
import { ResultPage } from './ResultPage';

export default function Forbidden() {
  const { t } = useI18n();
  return <ResultPage status="403" title={t('forbidden.title')} subTitle={t('forbidden.subtitle')} />;
}
