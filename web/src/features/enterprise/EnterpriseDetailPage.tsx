/**
 * One enterprise, for reviewers: its facts and its credit-standing history; the city administrator records a new
 * credit standing here. Outside the reviewer's scope the API answers 404 and so does this page.
 */
import { ArrowLeftOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Skeleton } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { mayDo } from '../../../../src/domain/access/business';
import { ApiError, errorMessage } from '../../api/client';
import { useMe } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import NotFound from '../common/NotFound';
import { useEnterprise } from './api';
import { CreditHistory } from './CreditHistory';
import { CreditStandingDialog } from './CreditStandingDialog';
import { EnterpriseInfo } from './EnterpriseInfo';

export default function EnterpriseDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const { data, error, isLoading } = useEnterprise(id);
  const [settingCredit, setSettingCredit] = useState(false);

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
      {data && (
        <CreditHistory
          enterpriseId={data.id}
          extra={
            mayDo(me, 'enterprise.credit_standing.set') && (
              <Button icon={<SafetyCertificateOutlined />} onClick={() => setSettingCredit(true)}>
                {t('credit.setStanding')}
              </Button>
            )
          }
        />
      )}
      {data && <CreditStandingDialog e={data} open={settingCredit} onClose={() => setSettingCredit(false)} />}
    </>
  );
}
