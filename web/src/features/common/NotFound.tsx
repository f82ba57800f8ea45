import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n';

/** Shown for unknown addresses and for objects outside the user's scope (the API answers 404 for both). */
export default function NotFound({ message }: { message?: string | undefined }) {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      subTitle={message ?? t('notFound.subtitle')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.home')}</Button>
        </Link>
      }
    />
  );
}
