/** 企业信息: the signed-in enterprise's own profile; its administrator can edit the editable facts. */
import { EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Drawer, Flex, Form, Input, Radio, Row, Skeleton } from 'antd';
import { useState } from 'react';
import {
  ENTERPRISE_TYPES,
  type TEnterprise,
  type TUpdateEnterpriseInput,
  ZUpdateEnterprise,
} from '../../../../src/contracts/enterprises';
import { mayDo } from '../../../../src/domain/access/business';
import { ApiError, applyFieldErrors, errorMessage } from '../../api/client';
import { useMe } from '../../auth/session';
import { dateProps } from '../../components/forms';
import { PageHeader } from '../../components/PageHeader';
import { maxLengthOf, validFields, zodRule } from '../../components/zodRule';
import { useI18n } from '../../i18n';
import NotFound from '../common/NotFound';
import { enterpriseKeys, updateEnterprise, useMyEnterprise } from './api';
import { CreditHistory } from './CreditHistory';
import { EnterpriseInfo } from './EnterpriseInfo';

const U = ZUpdateEnterprise.shape;

type EditValues = Omit<TUpdateEnterpriseInput, 'version'>;

function EditDrawer({ e, open, onClose }: { e: TEnterprise; open: boolean; onClose(): void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<EditValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    const v = await validFields(form);
    if (!v) return;
    const body: TUpdateEnterpriseInput = { version: e.version };
    for (const [k, val] of Object.entries(v) as [keyof EditValues, unknown][]) {
      if (val === undefined) continue;
      if (k === 'contactPhone' || k === 'legalRepIdNumber') {
        if (val === '' || val === null) continue; // masked: only sent when re-entered
      }
      (body as Record<string, unknown>)[k] = val === '' ? null : val;
    }
    setBusy(true);
    setError(null);
    try {
      const updated = await updateEnterprise(e.id, body);
      qc.setQueryData(enterpriseKeys.me, updated);
      message.success(t('common.saved'));
      onClose();
    } catch (err) {
      const rest = applyFieldErrors(form, err);
      setError(rest.length ? rest.join('；') : errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('enterprise.edit')}
      size={640}
      destroyOnHidden
      extra={
        <Button type="primary" loading={busy} onClick={save}>
          {t('common.save')}
        </Button>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        name="editEnterprise"
        layout="vertical"
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
      >
        <Form.Item name="name" label={t('field.enterpriseName')} rules={[zodRule(U.name, 'name', lang)]}>
          <Input maxLength={maxLengthOf(U.name)} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="type" label={t('field.enterpriseType')}>
              <Radio.Group options={ENTERPRISE_TYPES.map((v) => ({ value: v, label: t(`enterprise.type.${v}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="isSme" label={t('field.isSme')}>
              <Radio.Group
                options={[
                  { value: true, label: t('common.yes') },
                  { value: false, label: t('common.no') },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="establishedOn"
          label={t('field.establishedOn')}
          rules={[zodRule(U.establishedOn, 'establishedOn', lang)]}
          {...dateProps}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="registeredAddress"
          label={t('field.registeredAddress')}
          rules={[zodRule(U.registeredAddress, 'registeredAddress', lang)]}
        >
          <Input maxLength={maxLengthOf(U.registeredAddress)} />
        </Form.Item>
        <Form.Item
          name="operatingAddress"
          label={t('field.operatingAddress')}
          rules={[zodRule(U.operatingAddress, 'operatingAddress', lang)]}
        >
          <Input maxLength={maxLengthOf(U.operatingAddress)} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="contactName"
              label={t('field.contactName')}
              rules={[zodRule(U.contactName, 'contactName', lang)]}
            >
              <Input maxLength={maxLengthOf(U.contactName)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="contactPhone"
              label={t('field.contactPhone')}
              extra={t('enterprise.keepMasked', { value: e.contactPhoneMasked })}
              rules={[zodRule(U.contactPhone, 'contactPhone', lang)]}
            >
              <Input maxLength={maxLengthOf(U.contactPhone)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="legalRepName" label={t('field.legalRepName')}>
              <Input maxLength={64} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="legalRepIdNumber"
              label={t('field.legalRepIdNumber')}
              extra={
                e.legalRepIdNumberMasked ? t('enterprise.keepMasked', { value: e.legalRepIdNumberMasked }) : undefined
              }
              rules={[zodRule(U.legalRepIdNumber, 'legalRepIdNumber', lang)]}
            >
              <Input maxLength={maxLengthOf(U.legalRepIdNumber)} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
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
