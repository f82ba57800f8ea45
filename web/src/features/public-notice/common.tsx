/**
 * What the public notices of every scheme share: the phase tag, the list of notices to open, and the objection
 * dialog (its fields differ by scheme; the API numbers the case and the dialog's caller shows the receipt).
 */
import { Button, Form, List, Modal, Space, Tag } from 'antd';
import type { ReactNode } from 'react';
import { FormError, useFormSubmit } from '../../components/FormModal';
import { type MessageKey, useI18n } from '../../i18n';

export function PhaseTag({ phase }: { phase: 'upcoming' | 'open' | 'ended' }) {
  const { t } = useI18n();
  return phase === 'open' ? (
    <Tag color="green">{t('notice.open')}</Tag>
  ) : phase === 'ended' ? (
    <Tag>{t('notice.ended')}</Tag>
  ) : (
    <Tag color="blue">{t('notice.upcoming')}</Tag>
  );
}

/** Notices by title with their tags and a line of dates and figures, each opened by its link. */
export function NoticeList<N>({
  notices,
  openText,
  openTestId,
  onOpen,
  title,
  tags,
  description,
}: {
  notices: N[];
  openText: string;
  openTestId: string;
  onOpen(n: N): void;
  title(n: N): ReactNode;
  tags(n: N): ReactNode;
  description(n: N): string;
}) {
  return (
    <List
      dataSource={notices}
      renderItem={(n) => (
        <List.Item
          actions={[
            <Button key="open" type="link" onClick={() => onOpen(n)} data-testid={openTestId}>
              {openText}
            </Button>,
          ]}
        >
          <List.Item.Meta
            title={
              <Space>
                {title(n)}
                {tags(n)}
              </Space>
            }
            description={description(n)}
          />
        </List.Item>
      )}
    />
  );
}

/** The objection dialog: the fields validated, then sent; refusals under their fields or above the form. */
export function ObjectionDialog<T>({
  scheme,
  onSubmit,
  onClose,
  children,
}: {
  /** The scheme's form name (its fields' ids are `<name>_<field>`), title and confirming button's test id. */
  scheme: { name: string; title: MessageKey; okTestId: string };
  onSubmit(values: T): Promise<unknown>;
  onClose(): void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<T>();
  const { busy, error, submit } = useFormSubmit(form);
  return (
    <Modal
      open
      onCancel={onClose}
      onOk={() => submit(onSubmit)}
      confirmLoading={busy}
      title={t(scheme.title)}
      okButtonProps={{ 'data-testid': scheme.okTestId } as never}
    >
      <FormError error={error} />
      <Form form={form} layout="vertical" name={scheme.name}>
        {children}
      </Form>
    </Modal>
  );
}
