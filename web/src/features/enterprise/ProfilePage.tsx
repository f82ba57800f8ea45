/** 企业信息: the signed-in enterprise's own profile; its administrator can edit the editable facts. */
import { EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Row, Skeleton } from 'antd';
import { useState } from 'react';
import {
  type TEnterprise,
  type TUpdateEnterpriseInput,
  ZUpdateEnterprise,
} from '../../../../src/contracts/enterprises';
import { mayDo } from '../../../../src/domain/access/business';
import { ApiError, errorMessage } from '../../api/client';
import { useMe } from '../../auth/session';
import { DateField, TextField } from '../../components/FormFields';
import { FormDrawer } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import NotFound from '../common/NotFound';
import { enterpriseKeys, updateEnterprise, useMyEnterprise } from './api';
import { CreditHistory } from './CreditHistory';
import { EnterpriseContactFields, EnterpriseKindFields } from './EnterpriseFields';
import { EnterpriseInfo } from './EnterpriseInfo';

const U = ZUpdateEnterprise.shape;

type EditValues = Omit<TUpdateEnterpriseInput, 'version'>;

function EditDrawer({ e, open, onClose }: { e: TEnterprise; open: boolean; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<EditValues>();
  return (
    <FormDrawer
      form={form}
      name="editEnterprise"
      open={open}
      title={t('enterprise.edit')}
      okText={t('common.save')}
      size={640}
      initialValues={{
        name: e.name,
        registeredAddress: e.registeredAddress,
        operatingAddress: e.operatingAddress,
        type: e.type,
        isSme: e.isSme,
        establishedOn: e.establishedOn,
        contactName: e.contactName,
        legalRepName: e.legalRepName ?? '',
      }}
      onClose={onClose}
      onSubmit={async (v) => {
        const body: TUpdateEnterpriseInput = { version: e.version };
        for (const [k, val] of Object.entries(v) as [keyof EditValues, unknown][]) {
          if (val === undefined) continue;
          if (k === 'contactPhone' || k === 'legalRepIdNumber') {
            if (val === '' || val === null) continue; // masked: only sent when re-entered
          }
          (body as Record<string, unknown>)[k] = val === '' ? null : val;
        }
        const updated = await updateEnterprise(e.id, body);
        qc.setQueryData(enterpriseKeys.me, updated);
        message.success(t('common.saved'));
        onClose();
      }}
    >
      <TextField schema={U.name} name="name" label={t('field.enterpriseName')} />
      <Row gutter={16}>
        <EnterpriseKindFields shape={U} />
      </Row>
      <DateField schema={U.establishedOn} name="establishedOn" label={t('field.establishedOn')} />
      <TextField schema={U.registeredAddress} name="registeredAddress" label={t('field.registeredAddress')} />
      <TextField schema={U.operatingAddress} name="operatingAddress" label={t('field.operatingAddress')} />
      <EnterpriseContactFields
        shape={U}
        phoneExtra={t('enterprise.keepMasked', { value: e.contactPhoneMasked })}
        idExtra={e.legalRepIdNumberMasked ? t('enterprise.keepMasked', { value: e.legalRepIdNumberMasked }) : undefined}
      />
    </FormDrawer>
  );
}

export default function ProfilePage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const { data, error, isLoading } = useMyEnterprise();
  const [editing, setEditing] = useState(false);

  if (error instanceof ApiError && error.status === 404) return <NotFound message={error.message} />;
  return (
    <>
      <PageHeader
        title={t('menu.enterpriseProfile')}
        description={t('enterprise.profileIntro')}
        extra={
          data &&
          mayDo(me, 'enterprise.update', { enterpriseId: data.id }) && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('enterprise.edit')}
            </Button>
          )
        }
      />
      <Card>
        {isLoading && <Skeleton active />}
        {error && !(error instanceof ApiError && error.status === 404) && (
          <Alert type="error" showIcon title={errorMessage(error)} />
        )}
        {data && <EnterpriseInfo e={data} />}
      </Card>
      {data && <CreditHistory enterpriseId={data.id} />}
      {data && (
        <Flex>
          <EditDrawer e={data} open={editing} onClose={() => setEditing(false)} />
        </Flex>
      )}
    </>
  );
}
