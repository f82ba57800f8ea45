import { useI18n } from '../../i18n';
import { ResultPage } from './ResultPage';

/** Shown for unknown addresses and for objects outside the user's scope (the API answers 404 for both). */
export default function NotFound({ message }: { message?: string | undefined }) {
  const { t } = useI18n();
  return <ResultPage status="404" title={t('notFound.title')} subTitle={message ?? t('notFound.subtitle')} />;
}
