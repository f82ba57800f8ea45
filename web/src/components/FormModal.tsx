/**
 * The one way a form is submitted: fields validated first, then the action; the server's field errors go back onto
 * their fields and anything else into the form's error banner. `FormModal` and `FormDrawer` are built on it.
 */
import { Alert, Button, Drawer, Form, type FormInstance, Modal, Space, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { applyFieldErrors, errorMessage } from '../api/client';
import { useI18n } from '../i18n';
import { validFields } from './zodRule';

export function useFormSubmit<T>(form: FormInstance<T>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Validates the fields, then runs `act` with their values; an action that returns early leaves nothing shown. */
  const submit = async (act: (values: T) => Promise<unknown>) => {
    setError(null);
    const values = await validFields(form);
    if (!values) return;
    setBusy(true);
    try {
      await act(values);
    } catch (e) {
      const rest = applyFieldErrors(form, e);
      setError(rest.length ? rest.join('；') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, clearError: () => setError(null), submit };
}

/** The banner a form shows for what the server refused that belongs to no single field. */
export function FormError({ error }: { error: string | null }) {
  return error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null;
}

export function FormModal<T>({
  form,
  name,
  open,
  title,
  okText,
  danger,
  width = 520,
  hint,
  banner,
  initialValues,
  onSubmit,
  onClose,
  children,
}: {
  form: FormInstance<T>;
  /** The form's name (its fields' ids are `<name>_<field>`). */
  name?: string;
  open: boolean;
  title: ReactNode;
  /** The confirming button; 保存 unless given. */
  okText?: string;
  danger?: boolean;
  width?: number;
  /** A quiet line of guidance above the form. */
  hint?: ReactNode;
  /** A notice (e.g. an Alert) above the form. */
  banner?: ReactNode;
  initialValues?: Partial<T>;
  onSubmit(values: T): Promise<unknown>;
  onClose(): void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const { busy, error, clearError, submit } = useFormSubmit(form);
  return (
    <Modal
      open={open}
      title={title}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={danger ? { danger: true } : undefined}
      confirmLoading={busy}
      onOk={() => submit(onSubmit)}
      onCancel={() => {
        clearError();
        onClose();
      }}
      destroyOnHidden
      width={width}
    >
      {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
      {banner}
      <FormError error={error} />
      <Form
        form={form}
        {...(name ? { name } : {})}
        layout="vertical"
        autoComplete="off"
        preserve={false}
        {...(initialValues ? { initialValues } : {})}
      >
        {children}
      </Form>
    </Modal>
  );
}

/** A form in a side drawer, its buttons at the top right: close, and the primary action. */
export function FormDrawer<T>({
  form,
  open,
  title,
  okText,
  closeText,
  size = 560,
  name,
  submitTestId,
  banner,
  initialValues,
  onSubmit,
  onClose,
  children,
}: {
  form: FormInstance<T>;
  open: boolean;
  title: ReactNode;
  okText: string;
  /** A closing button beside the primary one, if given. */
  closeText?: string;
  /** The drawer's width in pixels; 560 unless given. */
  size?: number;
  /** The form's name (its fields' ids are `<name>_<field>`). */
  name?: string;
  /** The primary button's test id. */
  submitTestId?: string;
  banner?: ReactNode;
  initialValues?: Partial<T>;
  onSubmit(values: T): Promise<unknown>;
  onClose(): void;
  children: ReactNode;
}) {
  const { busy, error, submit } = useFormSubmit(form);
  return (
    <Drawer
      title={title}
      open={open}
      onClose={onClose}
      size={size}
      destroyOnHidden
      extra={
        <Space>
          {closeText && <Button onClick={onClose}>{closeText}</Button>}
          <Button type="primary" loading={busy} onClick={() => submit(onSubmit)} data-testid={submitTestId}>
            {okText}
          </Button>
        </Space>
      }
    >
      {banner}
      <FormError error={error} />
      <Form form={form} {...(name ? { name } : {})} layout="vertical" {...(initialValues ? { initialValues } : {})}>
        {children}
      </Form>
    </Drawer>
  );
}
