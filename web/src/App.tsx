import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router-dom';
import { ApiError, onUnauthorized } from './api/client';
import { forgetSession, ME_KEY } from './auth/session';
import { DemoBanner } from './components/DemoBanner';
import { I18nProvider, useI18n } from './i18n';
import { createRouter } from './routes';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

onUnauthorized(() => {
  // The session ended: forget the user; the signed-in layout then sends them to the login page.
  forgetSession();
  queryClient.setQueryData(ME_KEY, null);
});

const router = createRouter();

export const THEME = {
  token: {
    colorPrimary: '#1d4f91',
    colorLink: '#1d4f91',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'WenQuanYi Micro Hei', sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', bodyBg: '#f3f5f9' },
    Menu: { itemSelectedBg: '#e8f0fb', itemSelectedColor: '#1d4f91', itemActiveBg: '#f0f5fc' },
  },
};

function Localized() {
  const { lang } = useI18n();
  const [locale, setLocale] = useState(zhCN);
  useEffect(() => {
    dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    setLocale(lang === 'en' ? enUS : zhCN);
    document.title =
      lang === 'en'
        ? 'Huiqi · Jiangmen Manufacturing Digital Transformation Support'
        : '惠企 · 江门市制造业数字化转型扶持平台';
  }, [lang]);
  return (
    <ConfigProvider locale={locale} theme={THEME}>
      <AntApp>
        <DemoBanner />
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  );
}

export function Root() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Localized />
      </I18nProvider>
    </QueryClientProvider>
  );
}
