/** The header's bell: unread count, opening the notification centre. */
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useMe } from '../../auth/session';
import { useI18n } from '../../i18n';
import { useUnreadCount } from './api';

export function NotificationBell() {
  const { data: me } = useMe();
  const { t } = useI18n();
  const navigate = useNavigate();
  const { data } = useUnreadCount(!!me);
  return (
    <Badge count={data?.unread ?? 0} size="small" offset={[-4, 4]}>
      <Button
        type="text"
        icon={<BellOutlined />}
        aria-label={t('notifications.title')}
        onClick={() => navigate('/notifications')}
        data-testid="notification-bell"
      />
    </Badge>
  );
}
