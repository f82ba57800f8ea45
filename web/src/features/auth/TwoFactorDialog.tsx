/**
 * Enrolling an authenticator (TOTP): the QR code of the otpauth:// address and the secret as text, then the first
 * code; the recovery codes are shown once. With `forced` (a role that must sign in with two factors) the dialog
 * cannot be dismissed except by signing out.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, Modal, QRCode, Typography } from 'antd';
import { useState } from 'react';
import type { TTwoFactorEnabled, TTwoFactorSetup } from '../../../../src/contracts/auth';
import { api, errorMessage } from '../../api/client';
import { ME_KEY, type Me } from '../../auth/session';
import { useI18n } from '../../i18n';

export function TwoFactorDialog({
  open,
  onClose,
  me,
  forced = false,
  onLogout,
}: {
  open: boolean;
  onClose(): void;
  me: Me;
  forced?: boolean;
  onLogout?(): void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [setup, setSetup] = useState<TTwoFactorSetup | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const start = () =>
    run(async () => {
      setSetup(await api.post<TTwoFactorSetup>('/api/v1/auth/two-factor/setup', {}));
    });
  const confirm = () =>
    run(async () => {
      const r = await api.post<TTwoFactorEnabled>('/api/v1/auth/two-factor/confirm', { code });
      setCodes(r.recoveryCodes);
      setSetup(null);
    });
  const finish = () => {
    qc.setQueryData<Me | null>(ME_KEY, (m) => (m ? { ...m, mustEnrolTwoFactor: false, twoFactorEnabled: true } : m));
    setCodes(null);
    setCode('');
    onClose();
  };

  const footer = codes ? (
    <Button type="primary" onClick={finish} data-testid="twofa-done">
      {t('auth.twoFactor.done')}
    </Button>
  ) : forced ? (
    <Button onClick={onLogout}>{t('auth.twoFactor.logout')}</Button>
  ) : (
    <Button onClick={onClose}>{t('auth.twoFactor.close')}</Button>
  );

  return (
    <Modal
      open={open}
      title={t('auth.twoFactor.title')}
      footer={footer}
      closable={!forced && !codes}
      mask={{ closable: false }}
      keyboard={!forced}
      onCancel={forced ? undefined : onClose}
      destroyOnHidden
    >
      {forced && <Alert type="warning" showIcon title={t('auth.twoFactor.forcedIntro')} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="twofa-error" />}
      {codes ? (
        <>
          <Typography.Paragraph strong>{t('auth.twoFactor.recoveryTitle')}</Typography.Paragraph>
          <pre data-testid="twofa-recovery-codes">{codes.join('\n')}</pre>
        </>
      ) : me.isDemo ? (
        <Typography.Paragraph>{t('auth.twoFactor.demoAccount')}</Typography.Paragraph>
      ) : me.twoFactorEnabled ? (
        <Typography.Paragraph>
          {t('auth.twoFactor.enrolled')} {t('auth.twoFactor.enrolledHelp')}
        </Typography.Paragraph>
      ) : setup ? (
        <Flex vertical gap={12}>
          <Typography.Paragraph>{t('auth.twoFactor.intro')}</Typography.Paragraph>
          <QRCode value={setup.otpauthUri} aria-label={t('auth.twoFactor.qr')} />
          <Typography.Text>
            {t('auth.twoFactor.secret')}：
            <Typography.Text code copyable data-testid="twofa-secret">
              {setup.secret}
            </Typography.Text>
          </Typography.Text>
          <Form layout="vertical" onFinish={() => void confirm()}>
            <Form.Item label={t('auth.login.otp')}>
              <Input
                value={code}
                onChange={(e) => setCode(e.target.value)}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                aria-label={t('auth.login.otp')}
                data-testid="twofa-code"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="twofa-confirm">
              {t('auth.twoFactor.confirm')}
            </Button>
          </Form>
        </Flex>
      ) : (
        <Flex vertical gap={12} align="start">
          <Typography.Paragraph>{t('auth.twoFactor.intro')}</Typography.Paragraph>
          <Button type="primary" onClick={() => void start()} loading={busy} data-testid="twofa-start">
            {t('auth.twoFactor.start')}
          </Button>
        </Flex>
      )}
    </Modal>
  );
}
