/** Small form helpers shared by pages: dates kept as ISO strings, money typed as yuan strings, yes/no/unknown facts. */
import { Input, type InputProps, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../i18n';

/** Form.Item props so a DatePicker edits an ISO 'YYYY-MM-DD' string (what the API takes). */
export const dateProps = {
  getValueProps: (v: string | undefined | null) => ({ value: v ? dayjs(v) : undefined }),
  normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined),
};

/** A yuan amount typed as text ("50000.00"): never a floating-point number. */
export function MoneyInput(props: InputProps) {
  return <Input inputMode="decimal" suffix="元" placeholder="0.00" autoComplete="off" {...props} />;
}

export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}

type Tri = 'yes' | 'no' | 'unknown';
const toTri = (v: boolean | null | undefined): Tri => (v === true ? 'yes' : v === false ? 'no' : 'unknown');
const fromTri = (v: Tri): boolean | null => (v === 'yes' ? true : v === 'no' ? false : null);

/** 是 / 否 / 不确定 for a fact that may not be known yet (null). */
export function TriState({
  value,
  onChange,
  id,
}: {
  value?: boolean | null;
  onChange?: (v: boolean | null) => void;
  id?: string;
}) {
  const { t } = useI18n();
  return (
    <Radio.Group
      id={id}
      value={toTri(value)}
      onChange={(e) => onChange?.(fromTri(e.target.value as Tri))}
      optionType="button"
      buttonStyle="solid"
      size="small"
      options={[
        { value: 'yes', label: t('common.yes') },
        { value: 'no', label: t('common.no') },
        { value: 'unknown', label: t('common.unknown') },
      ]}
    />
  );
}
