/** 接口令牌 (security administrator): bearer tokens for the systems of cooperating banks and insurers. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import {
  API_TOKEN_DEFAULT_DAYS,
  API_TOKEN_MAX_DAYS,
  type TApiToken,
  type TApiTokenList,
  type TIssueApiToken,
  type TIssuedApiToken,
  ZIssueApiToken,
} from '../../../../src/contracts/users';
import { api, applyFieldErrors, errorMessage } from '../../api/client';
import { AddButton } from '../../components/AddButton';
import { DateField, TextField } from '../../components/FormFields';
import { PageHeader } from '../../components/PageHeader';
import { validateAll, validFields, zodRule } from '../../components/zodRule';
import { useI18n } from '../../i18n';
import { formatInstant } from '../../shared/time';
import { useInstitutions } from './institutions';

const I = ZIssueApiToken.shape;

export default function ApiTokensPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const institutions = useInstitutions();
  const [includeRevoked, setIncludeRevoked] = useState(false);
  const [issuing, setIssuing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issued, setIssued] = useState<TIssuedApiToken | null>(null);
  const [form] = Form.useForm<TIssueApiToken>();

  const list = useQuery({
    queryKey: ['api-tokens', includeRevoked],
    queryFn: () => api.get<TApiTokenList>('/api/v1/api-tokens', { query: { includeRevoked: String(includeRevoked) } }),
  });

  const issue = async () => {
    setError(null);
    const v = await validFields(form);
    if (!v) return;
    if (!validateAll(form, ZIssueApiToken, v, lang)) return;
    setBusy(true);
    try {
      const r = await api.post<TIssuedApiToken>('/api/v1/api-tokens', v);
      setIssuing(false);
      form.resetFields();
      setIssued(r);
      await qc.invalidateQueries({ queryKey: ['api-tokens'] });
    } catch (e) {
      const rest = applyFieldErrors(form, e);
      setError(rest.length ? rest.join('；') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (tok: TApiToken) => {
    try {
      await api.post(`/api/v1/api-tokens/${tok.id}/revoke`, {});
      message.success(t('tokens.revoked'));
      await qc.invalidateQueries({ queryKey: ['api-tokens'] });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      <PageHeader
        title={t('menu.apiTokens')}
        description={t('tokens.intro')}
        extra={<AddButton onClick={() => setIssuing(true)}>{t('tokens.issue')}</AddButton>}
      />
      {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 16 }} />}
      <Card
        extra={
          <Space>
            <span>{t('tokens.includeRevoked')}</span>
            <Switch checked={includeRevoked} onChange={setIncludeRevoked} aria-label={t('tokens.includeRevoked')} />
          </Space>
        }
      >
        <Table<TApiToken>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          pagination={false}
          scroll={{ x: 1050 }}
          columns={[
            { title: t('tokens.name'), dataIndex: 'name' },
            { title: t('users.institution'), dataIndex: 'institutionName' },
            {
              title: t('tokens.prefix'),
              dataIndex: 'tokenPrefix',
              render: (v: string) => <span className="mono">{v}…</span>,
            },
            { title: t('tokens.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatInstant(v) },
            {
              title: t('tokens.lastUsed'),
              dataIndex: 'lastUsedAt',
              render: (v: string | null) => formatInstant(v),
            },
            {
              title: t('tokens.expiresAt'),
              dataIndex: 'expiresAt',
              render: (v: string) => formatInstant(v),
            },
            {
              title: t('users.status'),
              dataIndex: 'status',
              render: (_, tok) =>
                tok.status === 'revoked' ? (
                  <Tag>{t('tokens.revokedAt', { at: formatInstant(tok.revokedAt) })}</Tag>
                ) : tok.status === 'expired' ? (
                  <Tag color="orange">{t('tokens.expired')}</Tag>
                ) : (
                  <Tag color="green">{t('users.active')}</Tag>
                ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, tok) =>
                !tok.revokedAt && (
                  <Popconfirm title={t('tokens.confirmRevoke', { name: tok.name })} onConfirm={() => revoke(tok)}>
                    <Button type="link" danger size="small">
                      {t('tokens.revoke')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
      <Modal
        open={issuing}
        title={t('tokens.issue')}
        okText={t('tokens.issue')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={issue}
        onCancel={() => setIssuing(false)}
        destroyOnHidden
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form form={form} name="issueToken" layout="vertical" preserve={false}>
          <Form.Item
            name="institutionId"
            label={t('users.institution')}
            rules={[zodRule(I.institutionId, 'institutionId', lang)]}
          >
            <Select
              placeholder={t('common.select')}
              loading={institutions.isLoading}
              options={(institutions.data ?? []).map((i) => ({ value: i.id, label: i.name }))}
            />
          </Form.Item>
          <TextField schema={I.name} name="name" label={t('tokens.name')} placeholder={t('tokens.namePlaceholder')} />
          <DateField
            schema={I.expiresAt}
            name="expiresAt"
            label={t('tokens.expiresAt')}
            extra={t('tokens.expiresAtExtra', { days: API_TOKEN_DEFAULT_DAYS, max: API_TOKEN_MAX_DAYS })}
            style={{ width: 200 }}
            disabledDate={(d) => !d.isAfter(dayjs(), 'day') || d.isAfter(dayjs().add(API_TOKEN_MAX_DAYS, 'day'), 'day')}
          />
        </Form>
      </Modal>
      <Modal
        open={!!issued}
        title={t('tokens.issuedTitle')}
        onOk={() => setIssued(null)}
        onCancel={() => setIssued(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        {issued && (
          <>
            <Typography.Paragraph>
              {t('tokens.issuedIntro', { name: issued.apiToken.institutionName })}
            </Typography.Paragraph>
            <Typography.Paragraph copyable={{ text: issued.token }} className="mono" data-testid="issued-token">
              {issued.token}
            </Typography.Paragraph>
            <Alert type="warning" showIcon title={t('tokens.issuedWarn')} />
          </>
        )}
      </Modal>
    </>
  );
}
