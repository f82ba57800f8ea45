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
import { useKeyboardScrollable } from './components/useKeyboardScrollable';
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

/**
 * Every text colour reaches 4.5:1 against its background (WCAG 2.x AA; the accessibility journey checks it with
 * axe-core): antd's grey of descriptions, hints, empty states and menu group titles (45% black), its placeholders
 * (25% black), an empty table's line, its red of danger links (#ff4d4f), its green and orange of success and warning
 * texts and its tag texts on their pale fills are darkened.
 */
export const THEME = {
  token: {
    colorPrimary: '#1d4f91',
    colorLink: '#1d4f91',
    borderRadius: 6,
    colorError: '#cf1322',
    colorSuccessText: '#237804',
    colorWarningText: '#ad4e00',
    colorTextTertiary: '#646464',
    colorTextDescription: '#646464',
    colorTextPlaceholder: '#6b6b6b',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'WenQuanYi Micro Hei', sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', bodyBg: '#f3f5f9' },
    Menu: {
      itemSelectedBg: '#e8f0fb',
      itemSelectedColor: '#1d4f91',
      itemActiveBg: '#f0f5fc',
      groupTitleColor: '#595959',
    },
    // An empty table's line ("暂无数据") is drawn in the disabled grey by default.
    // Selected rows keep the menu's pale blue (links and tags on them stay above 4.5:1).
    Table: { colorTextDisabled: '#646464', rowSelectedBg: '#e8f0fb', rowSelectedHoverBg: '#dbe7f7' },
    // A tag's text is the palette's 7th shade (the 8th or 9th here) on its 1st; status tags use the status colour.
    Tag: {
      green7: '#237804',
      gold7: '#874d00',
      orange7: '#ad4e00',
      red7: '#a8071a',
      volcano7: '#ad2102',
      lime7: '#3f6600',
      cyan7: '#006d75',
      yellow7: '#614700',
      colorSuccess: '#237804',
      colorWarning: '#ad4e00',
      colorError: '#a8071a',
      colorInfo: '#0958d9',
    },
  },
};

function Localized() {
  const { lang } = useI18n();
  const [locale, setLocale] = useState(zhCN);
  useKeyboardScrollable();
  useEffect(() => {
    dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    setLocale(lang === 'en' ? enUS : zhCN);
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
