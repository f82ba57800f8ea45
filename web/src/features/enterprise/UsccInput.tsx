/** The USCC field's live feedback: what the code says, or which character is wrong, as the user types. */
import { Typography } from 'antd';
import {
  describeUsccProblems,
  USCC_CHARSET,
  usccCheckChar,
  validateUscc,
} from '../../../../src/domain/enterprise/uscc';
import { useI18n } from '../../i18n';
import { districtName } from '../../shared/districts';

export function UsccHint({ value }: { value: string | undefined }) {
  const { t, lang } = useI18n();
  const v = (value ?? '').trim();
  if (!v) return <Typography.Text type="secondary">{t('uscc.hint')}</Typography.Text>;
  const r = validateUscc(v);
  if (r.ok) {
    const area = districtName(r.divisionCode, lang);
    return (
      <Typography.Text type="success" data-testid="uscc-ok">
        {t('uscc.ok', { authority: r.authorityName, category: r.categoryName, division: area || r.divisionCode })}
      </Typography.Text>
    );
  }
  if (r.code.length === 17 && [...r.code].every((c) => USCC_CHARSET.includes(c))) {
    return (
      <Typography.Text type="secondary" data-testid="uscc-next">
        {t('uscc.expectCheck', { char: usccCheckChar(r.code) })}
      </Typography.Text>
    );
  }
  if (r.code.length < 18 && r.problems.every((p) => p.code === 'USCC_LENGTH')) {
    return <Typography.Text type="secondary">{t('uscc.typing', { n: r.code.length })}</Typography.Text>;
  }
  return (
    <Typography.Text type="danger" data-testid="uscc-problem">
      {describeUsccProblems(r.problems, lang)}
    </Typography.Text>
  );
}
