/** The frame of public pages (no sign-in): policy library, calculators, filing calendar. */
import { Button, Flex, Layout, Menu } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useMe } from '../auth/session';
import { Brand } from '../components/Brand';
import { LangSwitch } from '../components/LangSwitch';
import { useI18n } from '../i18n';
import { PageLoading } from './AppLayout';
import { homeOf, PUBLIC_MENU } from './menus';

export default function PublicLayout() {
  const { t } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="public-header">
        <Flex align="center" gap={24} style={{ height: '100%' }}>
          <Brand />
          <nav aria-label={t('menu.navigation')} style={{ flex: 1, minWidth: 0 }}>
            <Menu
              mode="horizontal"
              selectedKeys={PUBLIC_MENU.map((m) => m.path).filter((p) => location.pathname.startsWith(p))}
              items={PUBLIC_MENU.map((m) => ({ key: m.path, icon: m.icon, label: t(m.label) }))}
              onClick={({ key }) => navigate(key)}
              style={{ borderBottom: 'none', background: 'transparent' }}
            />
          </nav>
          <LangSwitch />
          {me ? (
            <Link to={homeOf(me.role)}>
              <Button type="primary">{t('public.workbench')}</Button>
            </Link>
          ) : (
            <Link to="/login">
              <Button type="primary">{t('login.submit')}</Button>
            </Link>
          )}
        </Flex>
      </Layout.Header>
      <Layout.Content className="public-content">
        {/* Layout.Content is the page's one <main>. */}
        <div className="page-body">
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </div>
      </Layout.Content>
      <Layout.Footer className="app-footer">{t('app.footer')}</Layout.Footer>
    </Layout>
  );
}
