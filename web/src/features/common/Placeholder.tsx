import { ToolOutlined } from '@ant-design/icons';
import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { type MessageKey, useI18n } from '../../i18n';

export default function Placeholder({ title }: { title?: MessageKey }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const heading = title ? `${t(title)} · ${t('placeholder.title')}` : t('placeholder.title');
  useDocumentTitle(heading);
  return (
    <Result
      icon={<ToolOutlined style={{ color: '#b71c1c' }} />}
      title={<h1 className="result-title">{heading}</h1>}
      subTitle={t('placeholder.subtitle')}
      extra={
        <Button type="primary" onClick={() => navigate(-1)}>
          {t('common.back')}
        </Button>
      }
    />
  );
}
