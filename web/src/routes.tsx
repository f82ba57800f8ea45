/** The route table. Every page is its own chunk (React.lazy); each workspace page is guarded by its action. */
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router-dom';
import { RequireAction } from './auth/RequireAction';
import { useMe } from './auth/session';
import { projectRoutes } from './features/projects/routes';
import AppLayout, { PageLoading } from './layout/AppLayout';
import { homeOf, itemsByPath, type PageId, type PageItem, PUBLIC_MENU } from './layout/menus';
import PublicLayout from './layout/PublicLayout';

const LoginPage = lazy(() => import('./features/auth/LoginPage'));
const RegisterPage = lazy(() => import('./features/enterprise/RegisterPage'));
const EnterpriseDetailPage = lazy(() => import('./features/enterprise/EnterpriseDetailPage'));
const LoanDetailPage = lazy(() => import('./features/loans/LoanDetailPage'));
const Placeholder = lazy(() => import('./features/common/Placeholder'));
const NotFound = lazy(() => import('./features/common/NotFound'));

const PAGES: Record<Exclude<PageId, 'placeholder'>, LazyExoticComponent<ComponentType>> = {
  enterpriseProfile: lazy(() => import('./features/enterprise/ProfilePage')),
  enterpriseList: lazy(() => import('./features/enterprise/EnterpriseListPage')),
  users: lazy(() => import('./features/users/UsersPage')),
  auditEvents: lazy(() => import('./features/audit/AuditPage')),
  apiTokens: lazy(() => import('./features/users/ApiTokensPage')),
  policyMatch: lazy(() => import('./features/public/PolicyMatchPage')),
  policies: lazy(() => import('./features/public/PoliciesPage')),
  calculator: lazy(() => import('./features/public/CalculatorPage')),
  eligibility: lazy(() => import('./features/public/EligibilityPage')),
  calendar: lazy(() => import('./features/public/CalendarPage')),
  resourcePool: lazy(() => import('./features/enterprise/ResourcePoolPage')),
  loans: lazy(() => import('./features/loans/LoanListPage')),
  loanImport: lazy(() => import('./features/loans/LoanImportPage')),
  subsidyMine: lazy(() => import('./features/subsidy/EnterpriseSubsidyPage')),
  subsidyReview: lazy(() => import('./features/subsidy/ReviewPage')),
  subsidyCampaigns: lazy(() => import('./features/subsidy/CampaignsPage')),
  subsidyAllocation: lazy(() => import('./features/subsidy/AllocationPage')),
  fundPlans: lazy(() => import('./features/subsidy/FundPlanPage')),
  publicNotices: lazy(() => import('./features/public-notice/NoticesPage')),
  declarations: lazy(() => import('./features/projects/DeclarationsPage')),
  declarationQueue: lazy(() => import('./features/projects/ReviewQueuePage')),
  projects: lazy(() => import('./features/projects/ProjectsPage')),
  calendarAdmin: lazy(() => import('./features/projects/CalendarAdminPage')),
  colleagues: lazy(() => import('./features/colleagues/ColleaguesPage')),
  outbox: lazy(() => import('./features/notifications/OutboxPage')),
  policyVersions: lazy(() => import('./features/policy-versions/PolicyVersionsPage')),
  guarantee: lazy(() => import('./features/guarantee/GuaranteePage')),
  interpretations: lazy(() => import('./features/interpretations/InterpretationsPage')),
  sandbox: lazy(() => import('./features/sandbox/SandboxPage')),
  financingNeeds: lazy(() => import('./features/financing/NeedsPage')),
  financingBank: lazy(() => import('./features/financing/BankPage')),
  financingCity: lazy(() => import('./features/financing/CityPage')),
  financingCatalogue: lazy(() => import('./features/financing/CataloguePage')),
  creditProfile: lazy(() => import('./features/credit/ProfilePage')),
  creditWarnings: lazy(() => import('./features/credit/WarningsPage')),
  outreach: lazy(() => import('./features/outreach/OutreachPage')),
  outreachPublic: lazy(() => import('./features/outreach/PublicStatisticsPage')),
  fundCalls: lazy(() => import('./features/fund/FundCallsPage')),
  fundReviews: lazy(() => import('./features/fund/ExpertReviewsPage')),
  fundMine: lazy(() => import('./features/fund/EnterpriseFundPage')),
};

function pageOf(item: PageItem): ReactNode {
  if (item.page === 'placeholder') return <Placeholder title={item.label} />;
  const Page = PAGES[item.page];
  return <Page />;
}

function Home() {
  const { data: me, isLoading } = useMe();
  if (isLoading) return <PageLoading />;
  return <Navigate to={me ? homeOf(me.role) : '/login'} replace />;
}

function Standalone({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageLoading />}>{children}</Suspense>;
}

const roleRoutes: RouteObject[] = [...itemsByPath().entries()].map(([path, item]) => ({
  path,
  element: <RequireAction action={item.action}>{pageOf(item)}</RequireAction>,
}));

export const routes: RouteObject[] = [
  { path: '/', element: <Home /> },
  {
    path: '/login',
    element: (
      <Standalone>
        <LoginPage />
      </Standalone>
    ),
  },
  {
    path: '/register',
    element: (
      <Standalone>
        <RegisterPage />
      </Standalone>
    ),
  },
  { element: <PublicLayout />, children: PUBLIC_MENU.map((item) => ({ path: item.path, element: pageOf(item) })) },
  { path: '/public', element: <Navigate to={PUBLIC_MENU[0]!.path} replace /> },
  {
    element: <AppLayout />,
    children: [
      ...roleRoutes,
      ...projectRoutes,
      {
        path: '/enterprises/:id',
        element: (
          <RequireAction action="enterprise.read">
            <EnterpriseDetailPage />
          </RequireAction>
        ),
      },
      {
        path: '/loans/:id',
        element: (
          <RequireAction action="loan.read">
            <LoanDetailPage />
          </RequireAction>
        ),
      },
      { path: '*', element: <NotFound /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
