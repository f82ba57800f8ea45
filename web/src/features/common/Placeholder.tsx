import { ToolOutlined } from '@ant-design/icons';
import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { type MessageKey, useI18n } from '../../i18n';

export default function Placeholder({ title }: { title?: MessageKey }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      icon={<ToolOutlined style={{ color: '#b71c1c' }} />}
      title={title ? `${t(title)} · ${t('placeholder.title')}` : t('placeholder.title')}
      subTitle={t('placeholder.subtitle')}
      extra={
        <Button type="primary" onClick={() => navigate(-1)}>
          {t('common.back')}
        </Button>
      }
    />
  );
}
