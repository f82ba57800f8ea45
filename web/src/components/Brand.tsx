import { Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../i18n';

export function Brand({
  dark = false,
  compact = false,
  short = false,
}: {
  dark?: boolean;
  compact?: boolean;
  short?: boolean;
}) {
  const { t } = useI18n();
  return (
    // Named by its visible text; only the compact mark (hidden from assistive technology) needs a label.
    <Link to="/" className="brand" aria-label={compact ? t('app.name') : undefined}>
      <span className="brand-mark" aria-hidden="true">
        惠
      </span>
      {!compact && (
        <span className="brand-text">
          <Typography.Text strong style={{ color: dark ? '#fff' : undefined, fontSize: 16 }}>
            {t('app.name')}
          </Typography.Text>
          <Typography.Text style={{ color: dark ? 'rgba(255,255,255,0.75)' : '#667085', fontSize: 12 }}>
            {short ? t('app.shortSubtitle') : t('app.subtitle')}
          </Typography.Text>
        </span>
      )}
    </Link>
  );
}
