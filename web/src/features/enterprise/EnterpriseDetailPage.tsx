/** One enterprise, for reviewers. Outside the reviewer's scope the API answers 404 and so does this page. */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Skeleton } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import NotFound from '../common/NotFound';
import { useEnterprise } from './api';
import { EnterpriseInfo } from './EnterpriseInfo';

export default function EnterpriseDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const { data, error, isLoading } = useEnterprise(id);

  if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
    return <NotFound message={error.status === 404 ? error.message : t('enterprise.notFound')} />;
  }
  return (
    <>
      <PageHeader
        title={data?.name ?? t('enterprise.detail')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
            {t('common.back')}
          </Button>
        }
      />
      <Card>
        {isLoading && <Skeleton active />}
        {error && <Alert type="error" showIcon title={errorMessage(error)} />}
        {data && <EnterpriseInfo e={data} />}
      </Card>
    </>
  );
}
