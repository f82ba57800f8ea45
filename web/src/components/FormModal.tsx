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

/** What a form in a dialog or a drawer is given. */
interface FormShellProps<T> {
  form: FormInstance<T>;
  /** The form's name (its fields' ids are `<name>_<field>`). */
  name?: string;
  open: boolean;
  title: ReactNode;
  /** The confirming button. */
  okText?: string;
  /** A notice (e.g. an Alert) above the form. */
  banner?: ReactNode;
  initialValues?: Partial<T>;
  onSubmit(values: T): Promise<unknown>;
  onClose(): void;
  children: ReactNode;
}

/** The form's props: its name and starting values when given. */
function formProps<T>({ name, initialValues }: FormShellProps<T>) {
  return { ...(name ? { name } : {}), ...(initialValues ? { initialValues } : {}) };
}

export function FormModal<T>({
  danger,
  width = 520,
  hint,
  ...p
}: FormShellProps<T> & {
  /** The confirming button is 保存 unless `okText` is given; red when `danger`. */
  danger?: boolean;
  width?: number;
  /** A quiet line of guidance above the form. */
  hint?: ReactNode;
}) {
  const { t } = useI18n();
  const { busy, error, clearError, submit } = useFormSubmit(p.form);
  return (
    <Modal
      open={p.open}
      title={p.title}
      okText={p.okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={danger ? { danger: true } : undefined}
      confirmLoading={busy}
      onOk={() => submit(p.onSubmit)}
      onCancel={() => {
        clearError();
        p.onClose();
      }}
      destroyOnHidden
      width={width}
    >
      {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
      {p.banner}
      <FormError error={error} />
      <Form form={p.form} layout="vertical" autoComplete="off" preserve={false} {...formProps(p)}>
        {p.children}
      </Form>
    </Modal>
  );
}

/** A form in a side drawer, its buttons at the top right: close, and the primary action. */
export function FormDrawer<T>({
  closeText,
  size = 560,
  submitTestId,
  ...p
}: FormShellProps<T> & {
  okText: string;
  /** A closing button beside the primary one, if given. */
  closeText?: string;
  /** The drawer's width in pixels; 560 unless given. */
  size?: number;
  /** The primary button's test id. */
  submitTestId?: string;
}) {
  const { busy, error, submit } = useFormSubmit(p.form);
  return (
    <Drawer
      title={p.title}
      open={p.open}
      onClose={p.onClose}
      size={size}
      destroyOnHidden
      extra={
        <Space>
          {closeText && <Button onClick={p.onClose}>{closeText}</Button>}
          <Button type="primary" loading={busy} onClick={() => submit(p.onSubmit)} data-testid={submitTestId}>
            {p.okText}
          </Button>
        </Space>
      }
    >
      {p.banner}
      <FormError error={error} />
      <Form form={p.form} layout="vertical" {...formProps(p)}>
        {p.children}
      </Form>
    </Drawer>
  );
}
