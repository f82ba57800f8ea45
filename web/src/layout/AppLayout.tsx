/** The signed-in frame: a side menu that follows the role, and a header with the user, scope, language and account menu. */
import {
  DownOutlined,
  LockOutlined,
  LogoutOutlined,
  MenuOutlined,
  SafetyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Avatar, Button, Drawer, Dropdown, Flex, Grid, Layout, Menu, Spin, Tag, Typography } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { ROLE_NAMES } from '../../../src/domain/access/actor';
import { logout, type Me, useMe } from '../auth/session';
import { Brand } from '../components/Brand';
import { LangSwitch } from '../components/LangSwitch';
import { ChangePasswordDialog } from '../features/auth/ChangePasswordDialog';
import { TwoFactorDialog } from '../features/auth/TwoFactorDialog';
import { A } from '../features/auth/text';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { useI18n } from '../i18n';
import { districtName } from '../shared/districts';
import { menuOf, PUBLIC_MENU } from './menus';

const { Header, Sider, Content, Footer } = Layout;

export function scopeLabel(me: Me, lang: 'zh' | 'en', t: ReturnType<typeof useI18n>['t']): string {
  if (me.districtCode) return districtName(me.districtCode, lang);
  if (me.enterpriseId) return t('scope.ownEnterprise');
  if (me.institutionId) return t('scope.ownInstitution');
  return districtName('440700', lang);
}

export function PageLoading() {
  return (
    <Flex justify="center" align="center" style={{ minHeight: 240 }}>
      <Spin size="large" />
    </Flex>
  );
}

export default function AppLayout() {
  const { data: me, isLoading } = useMe();
  const { t, lang, pick } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [pwOpen, setPwOpen] = useState(false);
  const [twofaOpen, setTwofaOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const screens = Grid.useBreakpoint();

  const items = useMemo(() => {
    if (!me) return [];
    const own = menuOf(me).map((m) => ({ key: m.path, icon: m.icon, label: t(m.label) }));
    return [
      { type: 'group' as const, key: 'own', label: t('menu.group.work'), children: own },
      {
        type: 'group' as const,
        key: 'public',
        label: t('menu.group.public'),
        children: PUBLIC_MENU.map((m) => ({ key: m.path, icon: m.icon, label: t(m.label) })),
      },
    ];
  }, [me, t]);

  if (isLoading) return <PageLoading />;
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }

  const selected = [...menuOf(me), ...PUBLIC_MENU]
    .map((m) => m.path)
    .filter((p) => location.pathname === p || location.pathname.startsWith(`${p}/`));

  const doLogout = async () => {
    await logout(qc);
    navigate('/login', { replace: true });
  };

  const narrow = !screens.md;
  // A password set by an administrator: nothing but the password change until it is done (the API refuses the rest).
  const forced = me.mustChangePassword;
  // A role that must sign in with two factors and has no authenticator yet: enrolment first (the API refuses the rest).
  const enrolForced = !forced && me.mustEnrolTwoFactor;

  const nav = (
    <nav aria-label={t('menu.navigation')}>
      <Menu
        mode="inline"
        selectedKeys={selected}
        items={items}
        onClick={({ key }) => {
          navigate(key);
          setDrawerOpen(false);
        }}
      />
    </nav>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {narrow ? (
        // Phones: the menu opens from a button in the header instead of taking screen width.
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          size={260}
          title={<Brand short />}
          styles={{ body: { padding: 0 } }}
        >
          {nav}
        </Drawer>
      ) : (
        <Sider
          breakpoint="lg"
          collapsedWidth={72}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={232}
          theme="light"
          className="app-sider"
        >
          <div className="sider-brand">
            <Brand compact={collapsed} short />
          </div>
          {nav}
        </Sider>
      )}
      <Layout>
        <Header className="app-header">
          <Flex justify="space-between" align="center" style={{ height: '100%' }} gap={12}>
            {narrow ? (
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={t('menu.navigation')}
                onClick={() => setDrawerOpen(true)}
              />
            ) : (
              <Typography.Text className="header-title" ellipsis>
                {t('app.fullName')}
              </Typography.Text>
            )}
            <Flex align="center" gap={12} wrap={false}>
              {!forced && !enrolForced && <NotificationBell />}
              <LangSwitch />
              <Dropdown
                trigger={['click']}
                menu={{
                  items: [
                    { key: 'password', icon: <LockOutlined />, label: t('header.changePassword') },
                    { key: 'two-factor', icon: <SafetyOutlined />, label: pick(A.enrolMenu) },
                    { type: 'divider' },
                    { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), danger: true },
                  ],
                  onClick: ({ key }) => {
                    if (key === 'password') setPwOpen(true);
                    if (key === 'two-factor') setTwofaOpen(true);
                    if (key === 'logout') void doLogout();
                  },
                }}
              >
                {/* Named by what it shows (who is signed in), then what it is: the visible label is part of the name. */}
                <Button type="text" className="user-button" data-testid="user-menu">
                  <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#b71c1c' }} />
                  <span className="user-name">{me.displayName}</span>
                  {!narrow && <Tag color="red">{pick(ROLE_NAMES[me.role])}</Tag>}
                  {!narrow && <Tag>{scopeLabel(me, lang, t)}</Tag>}
                  <DownOutlined style={{ fontSize: 10 }} />
                  <span className="visually-hidden">{t('header.account')}</span>
                </Button>
              </Dropdown>
            </Flex>
          </Flex>
        </Header>
        <Content className="app-content">
          {/* Layout.Content is the page's one <main>. */}
          <div className="page-body">
            <Suspense fallback={<PageLoading />}>{!forced && !enrolForced && <Outlet />}</Suspense>
          </div>
        </Content>
        <Footer className="app-footer">{t('app.footer')}</Footer>
      </Layout>
      <ChangePasswordDialog
        open={pwOpen || forced}
        forced={forced}
        onLogout={() => void doLogout()}
        onClose={() => setPwOpen(false)}
        username={me.username}
      />
      <TwoFactorDialog
        open={twofaOpen || enrolForced}
        forced={enrolForced}
        me={me}
        onLogout={() => void doLogout()}
        onClose={() => setTwofaOpen(false)}
      />
    </Layout>
  );
}
