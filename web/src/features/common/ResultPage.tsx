import { Button, Result, type ResultProps } from 'antd';
import { Link } from 'react-router-dom';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useI18n } from '../../i18n';

/** A page that only says why nothing is shown (403, 404): its heading, the reason, and the way home. */
export function ResultPage({
  status,
  title,
  subTitle,
}: {
  status: ResultProps['status'];
  title: string;
  subTitle: string;
}) {
  const { t } = useI18n();
  useDocumentTitle(title);
  return (
    <Result
      status={status}
      title={<h1 className="result-title">{title}</h1>}
      subTitle={subTitle}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.home')}</Button>
        </Link>
      }
    />
  );
}
