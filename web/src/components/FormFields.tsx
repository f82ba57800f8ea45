/**
 * Form items whose rules and length limit come from the field's contract schema, so a text field is written once:
 * `<TextField schema={S.source} name="source" label={t('credit.source')} />`.
 */
import { DatePicker, type DatePickerProps, Form, Input, type InputProps } from 'antd';
import type { ReactNode } from 'react';
import type { ZodType } from 'zod';
import { useI18n } from '../i18n';
import { dateProps } from './forms';
import { maxLengthOf, zodRule } from './zodRule';

type FieldName = string | (string | number)[];

export function TextField({
  schema,
  name,
  label,
  extra,
  rows,
  ...input
}: {
  schema: ZodType;
  /** The field's name; a path for a nested field (its contract path joins it with dots). */
  name: FieldName;
  label: ReactNode;
  extra?: ReactNode;
  /** A text area of this many rows instead of a one-line input. */
  rows?: number;
} & Omit<InputProps, 'name'>) {
  const { lang } = useI18n();
  const path = Array.isArray(name) ? name.join('.') : name;
  return (
    <Form.Item name={name} label={label} extra={extra} rules={[zodRule(schema, path, lang)]}>
      {rows ? (
        <Input.TextArea maxLength={maxLengthOf(schema)} rows={rows} />
      ) : (
        <Input maxLength={maxLengthOf(schema)} {...input} />
      )}
    </Form.Item>
  );
}

/** A date picked from a calendar and kept as the ISO 'YYYY-MM-DD' string the contract checks; full width unless styled. */
export function DateField({
  schema,
  name,
  label,
  extra,
  ...picker
}: {
  schema: ZodType;
  name: string;
  label: ReactNode;
  extra?: ReactNode;
} & Omit<DatePickerProps, 'name'>) {
  const { lang } = useI18n();
  return (
    <Form.Item name={name} label={label} extra={extra} rules={[zodRule(schema, name, lang)]} {...dateProps}>
      <DatePicker style={{ width: '100%' }} {...picker} />
    </Form.Item>
  );
}
