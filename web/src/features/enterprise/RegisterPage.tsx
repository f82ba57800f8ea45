/** Enterprise self-registration: the enterprise and its first (administrator) account, validated by the shared schema. */
import { Alert, Button, Card, Col, Flex, Form, Input, Result, Row, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import {
  type TRegisterEnterpriseInput,
  ZRegisterAccount,
  ZRegisterEnterprise,
} from '../../../../src/contracts/enterprises';
import { checkPassword } from '../../../../src/domain/access/password-policy';
import { OUTSIDE_CITY } from '../../../../src/domain/enterprise/districts';
import { validateUscc } from '../../../../src/domain/enterprise/uscc';
import { applyFieldErrors, errorMessage } from '../../api/client';
import { Brand } from '../../components/Brand';
import { DateField, TextField } from '../../components/FormFields';
import { LangSwitch } from '../../components/LangSwitch';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { compact, maxLengthOf, validateAll, zodRule } from '../../components/zodRule';
import { useI18n } from '../../i18n';
import { DISTRICTS } from '../../shared/districts';
import { registerEnterprise } from './api';
import { EnterpriseContactFields, EnterpriseKindFields } from './EnterpriseFields';
import { UsccHint } from './UsccInput';

type Values = TRegisterEnterpriseInput & { confirmPassword?: string };

const F = ZRegisterEnterprise.shape;
const A = ZRegisterAccount.shape;

export default function RegisterPage() {
  const { t, lang, pick } = useI18n();
  useDocumentTitle(t('register.title'));
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const uscc = Form.useWatch('uscc', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const onUsccChange = (value: string) => {
    const r = validateUscc(value);
    if (r.ok && !form.getFieldValue('districtCode') && DISTRICTS.some((d) => d.code === r.divisionCode)) {
      form.setFieldValue('districtCode', r.divisionCode);
    }
  };

  const onFinish = async (raw: Values) => {
    setError(null);
    const { confirmPassword: _c, ...rest } = raw;
    const body = compact(rest) as TRegisterEnterpriseInput;
    if (!validateAll(form, ZRegisterEnterprise, body, lang)) return;
    setBusy(true);
    try {
      await registerEnterprise(body);
      setDone(body.account.username);
    } catch (e) {
      const unmatched = applyFieldErrors(form, e);
      setError(unmatched.length ? unmatched.join('；') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="register-page">
      <div className="public-header" style={{ background: '#fff', height: 64 }}>
        <Flex justify="space-between" align="center" style={{ height: '100%' }}>
          <Brand />
          <Flex gap={12} align="center">
            <LangSwitch />
            <Link to="/login">
              <Button>{t('register.backToLogin')}</Button>
            </Link>
          </Flex>
        </Flex>
      </div>
      <main className="register-body">
        {done ? (
          <Card>
            <Result
              status="success"
              title={t('register.successTitle')}
              subTitle={t('register.successSub', { username: done })}
              extra={
                <Button
                  type="primary"
                  onClick={() => navigate(`/login?registered=1&username=${encodeURIComponent(done)}`)}
                >
                  {t('register.goLogin')}
                </Button>
              }
            />
          </Card>
        ) : (
          <>
            <Typography.Title level={1} className="page-title" style={{ marginBottom: 12 }}>
              {t('register.title')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('register.intro')}</Typography.Paragraph>
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
            <Form<Values>
              form={form}
              layout="vertical"
              onFinish={onFinish}
              initialValues={{ type: 'manufacturer', isSme: true }}
              scrollToFirstError
            >
              <Card title={t('register.section.enterprise')} style={{ marginBottom: 16 }}>
                <Row gutter={16}>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name="uscc"
                      label={t('field.uscc')}
                      rules={[zodRule(F.uscc, 'uscc', lang)]}
                      extra={<UsccHint value={uscc} />}
                    >
                      <Input
                        maxLength={maxLengthOf(F.uscc)}
                        placeholder="91440703XXXXXXXXXX"
                        onChange={(e) => onUsccChange(e.target.value)}
                        style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <TextField schema={F.name} name="name" label={t('field.enterpriseName')} />
                  </Col>
                  <EnterpriseKindFields shape={F} />
                  <Col xs={24} md={12}>
                    <Form.Item
                      name="districtCode"
                      label={t('field.district')}
                      rules={[zodRule(F.districtCode, 'districtCode', lang)]}
                    >
                      <Select
                        placeholder={t('common.select')}
                        options={[
                          ...DISTRICTS.map((d) => ({ value: d.code, label: `${d[lang]}（${d.code}）` })),
                          { value: OUTSIDE_CITY, label: t('register.outsideCity') },
                        ]}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <DateField
                      schema={F.establishedOn}
                      name="establishedOn"
                      label={t('field.establishedOn')}
                      disabledDate={(d) => d.isAfter(dayjs())}
                    />
                  </Col>
                  {(['registeredAddress', 'operatingAddress'] as const).map((a) => (
                    <Col key={a} xs={24}>
                      <TextField schema={F[a]} name={a} label={t(`field.${a}`)} />
                    </Col>
                  ))}
                </Row>
              </Card>
              <Card title={t('register.section.contact')} style={{ marginBottom: 16 }}>
                <EnterpriseContactFields
                  shape={F}
                  phonePlaceholder="13800138000 / 0750-3501234"
                  idExtra={t('register.idPrivacy')}
                />
              </Card>
              <Card title={t('register.section.account')} style={{ marginBottom: 16 }}>
                <Row gutter={16}>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name={['account', 'username']}
                      label={t('field.username')}
                      rules={[zodRule(A.username, 'account.username', lang)]}
                    >
                      <Input maxLength={64} autoComplete="username" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name={['account', 'displayName']}
                      label={t('field.displayName')}
                      rules={[zodRule(A.displayName, 'account.displayName', lang)]}
                    >
                      <Input maxLength={maxLengthOf(A.displayName)} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name={['account', 'password']}
                      label={t('field.password')}
                      extra={t('password.policy')}
                      dependencies={[['account', 'username']]}
                      rules={[
                        zodRule(A.password, 'account.password', lang),
                        ({ getFieldValue }) => ({
                          validator: async (_, value: string | undefined) => {
                            const problems = value ? checkPassword(value, getFieldValue(['account', 'username'])) : [];
                            if (problems.length) throw new Error(problems.map((p) => pick(p)).join('；'));
                          },
                        }),
                      ]}
                    >
                      <Input.Password autoComplete="new-password" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name="confirmPassword"
                      label={t('password.confirm')}
                      dependencies={[['account', 'password']]}
                      rules={[
                        { required: true, message: t('password.confirmRequired') },
                        ({ getFieldValue }) => ({
                          validator: async (_, value) => {
                            if (value && getFieldValue(['account', 'password']) !== value)
                              throw new Error(t('password.mismatch'));
                          },
                        }),
                      ]}
                    >
                      <Input.Password autoComplete="new-password" />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
              <Flex justify="end" gap={12}>
                <Link to="/login">
                  <Button>{t('common.cancel')}</Button>
                </Link>
                <Button type="primary" htmlType="submit" loading={busy} size="large">
                  {t('register.submit')}
                </Button>
              </Flex>
            </Form>
          </>
        )}
      </main>
    </div>
  );
}
