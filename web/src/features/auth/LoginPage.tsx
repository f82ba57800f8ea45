import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Divider, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { type TLogin, ZLogin } from '../../../../src/contracts/auth';
import { ApiError, applyFieldErrors, errorMessage } from '../../api/client';
import { login, useMe } from '../../auth/session';
import { Brand } from '../../components/Brand';
import { LangSwitch } from '../../components/LangSwitch';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { zodRule } from '../../components/zodRule';
import { useI18n } from '../../i18n';
import { homeOf, PUBLIC_MENU } from '../../layout/menus';

/** Only same-site paths are followed after sign-in. */
function safeNext(next: string | null): string | null {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : null;
}

export default function LoginPage() {
  const { t, lang } = useI18n();
  useDocumentTitle(t('login.title'));
  const [form] = Form.useForm<TLogin>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Second step: the password was right and the account asks for its authenticator's code.
  const [secondStep, setSecondStep] = useState(false);

  if (me) return <Navigate to={safeNext(params.get('next')) ?? homeOf(me.role)} replace />;

  const onFinish = async (values: TLogin) => {
    setBusy(true);
    setError(null);
    try {
      const who = await login(qc, values);
      navigate(safeNext(params.get('next')) ?? homeOf(who.role), { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'SECOND_FACTOR_REQUIRED') {
        setSecondStep(true);
        return;
      }
      applyFieldErrors(form, e);
      setError(errorMessage(e));
      if (e instanceof ApiError && e.code === 'INVALID_SECOND_FACTOR') {
        form.setFieldValue('otp', '');
        return;
      }
      setSecondStep(false);
      form.setFieldValue('otp', undefined);
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <Flex justify="space-between" align="center" className="login-top">
        <Brand dark />
        <LangSwitch />
      </Flex>
      <Flex component="main" justify="center" align="center" className="login-main" gap={48} wrap>
        <div className="login-intro">
          <Typography.Title level={1} style={{ color: '#fff', marginBottom: 12 }}>
            {t('login.headline')}
          </Typography.Title>
          <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.85)', fontSize: 16, maxWidth: 460 }}>
            {t('login.intro')}
          </Typography.Paragraph>
        </div>
        <Card className="login-card" title={t('login.title')}>
          {params.get('registered') && (
            <Alert type="success" showIcon title={t('register.done')} style={{ marginBottom: 16 }} />
          )}
          {error && (
            <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />
          )}
          <Form
            form={form}
            layout="vertical"
            onFinish={onFinish}
            requiredMark={false}
            size="large"
            initialValues={{ username: params.get('username') ?? '' }}
          >
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[zodRule(ZLogin.shape.username, 'username', lang)]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[zodRule(ZLogin.shape.password, 'password', lang)]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            {secondStep && (
              <Form.Item
                name="otp"
                label={t('auth.login.otp')}
                extra={t('auth.login.otpHelp')}
                rules={[{ required: true, message: t('auth.login.otpHelp') }]}
              >
                <Input
                  prefix={<SafetyOutlined />}
                  autoComplete="one-time-code"
                  inputMode="numeric"
                  autoFocus
                  data-testid="login-otp"
                />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('login.submit')}
            </Button>
          </Form>
          <Flex justify="space-between" style={{ marginTop: 16 }}>
            <Typography.Text type="secondary">{t('login.noAccount')}</Typography.Text>
            <Link to="/register">{t('login.register')}</Link>
          </Flex>
          <Divider plain style={{ margin: '16px 0 12px' }}>
            {t('login.publicServices')}
          </Divider>
          <Flex wrap gap={8} justify="center">
            {PUBLIC_MENU.filter((m) => m.page !== 'placeholder').map((m) => (
              <Link key={m.path} to={m.path}>
                <Button size="small" icon={m.icon}>
                  {t(m.label)}
                </Button>
              </Link>
            ))}
          </Flex>
        </Card>
      </Flex>
      <div className="login-footer">{t('app.footer')}</div>
    </div>
  );
}
