/** Which menu each role sees, and which page each menu item opens. Unbuilt modules open a "建设中" page. */
import {
  AccountBookOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CalculatorOutlined,
  CalendarOutlined,
  CheckCircleOutlined,
  CloudUploadOutlined,
  DollarOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FundOutlined,
  IdcardOutlined,
  KeyOutlined,
  MailOutlined,
  NotificationOutlined,
  ProjectOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from '../../../src/domain/access/actor';
import type { MessageKey } from '../i18n';

/** Pages that exist; anything else is a placeholder until its module is built. */
export type PageId =
  | 'placeholder'
  | 'enterpriseProfile'
  | 'enterpriseList'
  | 'users'
  | 'auditEvents'
  | 'apiTokens'
  | 'policyMatch'
  | 'policies'
  | 'calculator'
  | 'eligibility'
  | 'calendar'
  | 'loans'
  | 'loanImport'
  | 'subsidyMine'
  | 'subsidyReview'
  | 'subsidyCampaigns'
  | 'subsidyAllocation'
  | 'fundPlans'
  | 'publicNotices'
  | 'declarations'
  | 'declarationQueue'
  | 'projects'
  | 'calendarAdmin'
  | 'colleagues'
  | 'outbox'
  | 'policyVersions';

export interface NavItem {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  page: PageId;
  /** Shown only to an enterprise's administrator (`isEnterpriseAdmin` in GET /api/v1/auth/me). */
  enterpriseAdminOnly?: boolean;
}

export const ROLE_MENUS: Record<Role, NavItem[]> = {
  enterprise: [
    {
      path: '/enterprise/profile',
      label: 'menu.enterpriseProfile',
      icon: <IdcardOutlined />,
      page: 'enterpriseProfile',
    },
    { path: '/enterprise/declarations', label: 'menu.declarations', icon: <ProjectOutlined />, page: 'declarations' },
    { path: '/enterprise/projects', label: 'menu.projectTracking', icon: <ScheduleOutlined />, page: 'projects' },
    {
      path: '/enterprise/subsidies',
      label: 'menu.subsidyApplications',
      icon: <AccountBookOutlined />,
      page: 'subsidyMine',
    },
    { path: '/enterprise/loans', label: 'menu.loans', icon: <BankOutlined />, page: 'loans' },
    { path: '/enterprise/financing', label: 'menu.financingNeeds', icon: <FundOutlined />, page: 'placeholder' },
    { path: '/enterprise/policy-match', label: 'menu.policyMatch', icon: <FileSearchOutlined />, page: 'policyMatch' },
    {
      path: '/enterprise/colleagues',
      label: 'menu.colleagues',
      icon: <TeamOutlined />,
      page: 'colleagues',
      enterpriseAdminOnly: true,
    },
  ],
  district_reviewer: [
    {
      path: '/district/pool-verification',
      label: 'menu.poolVerification',
      icon: <CheckCircleOutlined />,
      page: 'declarationQueue',
    },
    {
      path: '/district/subsidy-checks',
      label: 'menu.subsidyChecks',
      icon: <FileProtectOutlined />,
      page: 'subsidyReview',
    },
    { path: '/district/enterprises', label: 'menu.enterprises', icon: <ApartmentOutlined />, page: 'enterpriseList' },
    { path: '/district/projects', label: 'menu.projectTracking', icon: <ProjectOutlined />, page: 'projects' },
  ],
  city_reviewer: [
    { path: '/city/pool-review', label: 'menu.poolReview', icon: <CheckCircleOutlined />, page: 'declarationQueue' },
    { path: '/city/projects', label: 'menu.projectTracking', icon: <ProjectOutlined />, page: 'projects' },
    {
      path: '/city/subsidy-verification',
      label: 'menu.subsidyVerification',
      icon: <FileProtectOutlined />,
      page: 'subsidyReview',
    },
    {
      path: '/city/fund-allocation',
      label: 'menu.fundAllocation',
      icon: <DollarOutlined />,
      page: 'subsidyAllocation',
    },
    { path: '/city/policy-versions', label: 'menu.policyVersions', icon: <ReadOutlined />, page: 'policyVersions' },
  ],
  city_admin: [
    {
      path: '/admin/resource-pool',
      label: 'menu.resourcePool',
      icon: <SafetyCertificateOutlined />,
      page: 'placeholder',
    },
    { path: '/admin/batches', label: 'menu.batches', icon: <ScheduleOutlined />, page: 'subsidyCampaigns' },
    { path: '/admin/budget', label: 'menu.budgetNotices', icon: <NotificationOutlined />, page: 'subsidyAllocation' },
    { path: '/admin/fund-plans', label: 'menu.fundPlans', icon: <DollarOutlined />, page: 'fundPlans' },
    { path: '/admin/calendar', label: 'menu.calendarMaintenance', icon: <CalendarOutlined />, page: 'calendarAdmin' },
    { path: '/admin/policy-versions', label: 'menu.policyVersions', icon: <ReadOutlined />, page: 'policyVersions' },
    { path: '/admin/enterprises', label: 'menu.enterprises', icon: <ApartmentOutlined />, page: 'enterpriseList' },
    { path: '/admin/outbox', label: 'menu.outbox', icon: <MailOutlined />, page: 'outbox' },
  ],
  security_admin: [
    { path: '/security/users', label: 'menu.users', icon: <TeamOutlined />, page: 'users' },
    { path: '/security/tokens', label: 'menu.apiTokens', icon: <KeyOutlined />, page: 'apiTokens' },
  ],
  audit_admin: [{ path: '/audit/events', label: 'menu.auditLog', icon: <AuditOutlined />, page: 'auditEvents' }],
  bank_officer: [
    { path: '/bank/loans', label: 'menu.loans', icon: <BankOutlined />, page: 'loans' },
    { path: '/bank/import', label: 'menu.bulkImport', icon: <CloudUploadOutlined />, page: 'loanImport' },
    { path: '/bank/products', label: 'menu.financeProducts', icon: <SolutionOutlined />, page: 'placeholder' },
  ],
  insurer_officer: [
    { path: '/insurer/loans', label: 'menu.insuredLoans', icon: <SafetyCertificateOutlined />, page: 'loans' },
  ],
};

/** Open to everyone, no sign-in. */
export const PUBLIC_MENU: NavItem[] = [
  { path: '/public/policies', label: 'menu.policyLibrary', icon: <ReadOutlined />, page: 'policies' },
  { path: '/public/calculator', label: 'menu.subsidyCalculator', icon: <CalculatorOutlined />, page: 'calculator' },
  { path: '/public/eligibility', label: 'menu.eligibility', icon: <CheckCircleOutlined />, page: 'eligibility' },
  { path: '/public/calendar', label: 'menu.filingCalendar', icon: <CalendarOutlined />, page: 'calendar' },
  { path: '/public/notices', label: 'menu.notices', icon: <NotificationOutlined />, page: 'publicNotices' },
];

/**
 * The menu a signed-in person sees: their role's items, without the ones reserved for an enterprise's
 * administrator when they are not one (the page itself still explains the API's 403 to anyone who opens it).
 */
export function menuOf(me: { role: Role; isEnterpriseAdmin: boolean }): NavItem[] {
  return ROLE_MENUS[me.role].filter((m) => !m.enterpriseAdminOnly || me.isEnterpriseAdmin);
}

export function homeOf(role: Role): string {
  return ROLE_MENUS[role][0]?.path ?? '/';
}

/** Every role-owned path, with the roles that may open it. */
export function rolesByPath(): Map<string, { item: NavItem; roles: Role[] }> {
  const m = new Map<string, { item: NavItem; roles: Role[] }>();
  for (const [role, items] of Object.entries(ROLE_MENUS) as [Role, NavItem[]][]) {
    for (const item of items) {
      const e = m.get(item.path);
      if (e) e.roles.push(role);
      else m.set(item.path, { item, roles: [role] });
    }
  }
  return m;
}
