import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useI18n } from '../../i18n';

/** Shown for unknown addresses and for objects outside the user's scope (the API answers 404 for both). */
export default function NotFound({ message }: { message?: string | undefined }) {
  const { t } = useI18n();
  useDocumentTitle(t('notFound.title'));
  return (
    <Result
      status="404"
      title={<h1 className="result-title">{t('notFound.title')}</h1>}
      subTitle={message ?? t('notFound.subtitle')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.home')}</Button>
        </Link>
      }
    />
  );
}
