/** The enterprise's facts as its registration and its later edits both ask for them. */
import { Col, Form, type InputProps, Radio, Row } from 'antd';
import type { ReactNode } from 'react';
import type { ZodType } from 'zod';
import { ENTERPRISE_TYPES } from '../../../../src/contracts/enterprises';
import { TextField } from '../../components/FormFields';
import { zodRule } from '../../components/zodRule';
import { type MessageKey, useI18n } from '../../i18n';

type Shape = Record<'type' | 'isSme', ZodType>;
type ContactShape = Record<'contactName' | 'contactPhone' | 'legalRepName' | 'legalRepIdNumber', ZodType>;

/** 企业类型 and 是否中小企业, two half-width columns inside a Row. */
export function EnterpriseKindFields({ shape }: { shape: Shape }) {
  const { t, lang } = useI18n();
  return (
    <>
      <Col xs={24} md={12}>
        <Form.Item name="type" label={t('field.enterpriseType')} rules={[zodRule(shape.type, 'type', lang)]}>
          <Radio.Group options={ENTERPRISE_TYPES.map((v) => ({ value: v, label: t(`enterprise.type.${v}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="isSme" label={t('field.isSme')} rules={[zodRule(shape.isSme, 'isSme', lang)]}>
          <Radio.Group
            options={[
              { value: true, label: t('common.yes') },
              { value: false, label: t('common.no') },
            ]}
          />
        </Form.Item>
      </Col>
    </>
  );
}

/** The contact and the legal representative; `phoneExtra` / `idExtra` explain masked values or privacy. */
export function EnterpriseContactFields({
  shape,
  phoneExtra,
  phonePlaceholder,
  idExtra,
}: {
  shape: ContactShape;
  phoneExtra?: ReactNode;
  phonePlaceholder?: string;
  idExtra?: ReactNode;
}) {
  const { t } = useI18n();
  const fields: { name: keyof ContactShape; label: MessageKey; extra?: ReactNode; input?: InputProps }[] = [
    { name: 'contactName', label: 'field.contactName' },
    { name: 'contactPhone', label: 'field.contactPhone', extra: phoneExtra, input: { placeholder: phonePlaceholder } },
    { name: 'legalRepName', label: 'field.legalRepName' },
    { name: 'legalRepIdNumber', label: 'field.legalRepIdNumber', extra: idExtra, input: { autoComplete: 'off' } },
  ];
  return (
    <Row gutter={16}>
      {fields.map((f) => (
        <Col key={f.name} xs={24} md={12}>
          <TextField schema={shape[f.name]} name={f.name} label={t(f.label)} extra={f.extra} {...f.input} />
        </Col>
      ))}
    </Row>
  );
}
