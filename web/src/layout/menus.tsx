/**
 * Which menu each role's workspace lists, which page each item opens, and the action (of the API's access tables)
 * that decides who may open it and see it. Unbuilt modules open a "建设中" page.
 */
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
import type { GuardAction } from '../../../src/domain/access/allows';
import { mayI } from '../auth/access';
import type { Me } from '../auth/session';
import type { MessageKey } from '../i18n';

/** Pages that exist; anything else is a placeholder until its module is built. */
export type PageId =
  | 'placeholder'
  | 'enterpriseProfile'
  | 'enterpriseList'
  | 'resourcePool'
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
  | 'policyVersions'
  | 'guarantee'
  | 'interpretations'
  | 'sandbox'
  | 'financingNeeds'
  | 'financingBank'
  | 'financingCity'
  | 'financingCatalogue'
  | 'creditProfile'
  | 'creditWarnings'
  | 'outreach'
  | 'outreachPublic'
  | 'fundCalls'
  | 'fundReviews'
  | 'fundMine';

/** A menu item: the path and the page it opens. */
export interface PageItem {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  page: PageId;
}

/** A workspace item, for signed-in users: also the action that decides who opens and who sees it. */
export interface NavItem extends PageItem {
  /** Who may open the page: the action its API performs (placeholders: the action their module will need). */
  action: GuardAction;
  /** Who sees the item in the menu, when narrower than who may open the page. */
  menuAction?: GuardAction;
}

export const ROLE_MENUS: Record<Role, NavItem[]> = {
  enterprise: [
    {
      path: '/enterprise/profile',
      label: 'menu.enterpriseProfile',
      icon: <IdcardOutlined />,
      page: 'enterpriseProfile',
      action: 'enterprise.read_own',
    },
    {
      path: '/enterprise/declarations',
      label: 'menu.declarations',
      icon: <ProjectOutlined />,
      page: 'declarations',
      action: 'project.declare',
    },
    {
      path: '/enterprise/projects',
      label: 'menu.projectTracking',
      icon: <ScheduleOutlined />,
      page: 'projects',
      action: 'project.read',
    },
    {
      path: '/enterprise/fund',
      label: 'menu.fundMine',
      icon: <FundOutlined />,
      page: 'fundMine',
      action: 'fund.application.submit',
    },
    {
      path: '/enterprise/subsidies',
      label: 'menu.subsidyApplications',
      icon: <AccountBookOutlined />,
      page: 'subsidyMine',
      action: 'subsidy.award.read_own',
    },
    {
      path: '/enterprise/guarantee',
      label: 'menu.guaranteeFee',
      icon: <SafetyCertificateOutlined />,
      page: 'guarantee',
      action: 'guarantee.fee.claim',
    },
    { path: '/enterprise/loans', label: 'menu.loans', icon: <BankOutlined />, page: 'loans', action: 'loan.read' },
    {
      path: '/enterprise/financing',
      label: 'menu.financingNeeds',
      icon: <FundOutlined />,
      page: 'financingNeeds',
      action: 'financing.need.post',
    },
    {
      path: '/enterprise/credit',
      label: 'menu.creditProfile',
      icon: <IdcardOutlined />,
      page: 'creditProfile',
      action: 'credit.profile.views',
    },
    {
      path: '/enterprise/outreach',
      label: 'menu.outreach',
      icon: <FundOutlined />,
      page: 'outreach',
      action: 'outreach.event.read',
    },
    {
      path: '/enterprise/policy-match',
      label: 'menu.policyMatch',
      icon: <FileSearchOutlined />,
      page: 'policyMatch',
      action: 'enterprise.read_own',
    },
    {
      path: '/enterprise/colleagues',
      label: 'menu.colleagues',
      icon: <TeamOutlined />,
      page: 'colleagues',
      // Any enterprise user may open it (the page explains the API's refusal); only its administrators see it listed.
      action: 'enterprise.read_own',
      menuAction: 'user.list',
    },
  ],
  district_reviewer: [
    {
      path: '/district/pool-verification',
      label: 'menu.poolVerification',
      icon: <CheckCircleOutlined />,
      page: 'declarationQueue',
      action: 'project.review_queue.district',
    },
    {
      path: '/district/subsidy-checks',
      label: 'menu.subsidyChecks',
      icon: <FileProtectOutlined />,
      page: 'subsidyReview',
      action: 'subsidy.application.read',
    },
    {
      path: '/district/guarantee',
      label: 'menu.guarantee',
      icon: <SafetyCertificateOutlined />,
      page: 'guarantee',
      action: 'guarantee.fee.read',
    },
    {
      path: '/district/credit',
      label: 'menu.creditProfile',
      icon: <IdcardOutlined />,
      page: 'creditProfile',
      action: 'credit.profile.read',
    },
    {
      path: '/district/credit/warnings',
      label: 'menu.creditWarnings',
      icon: <NotificationOutlined />,
      page: 'creditWarnings',
      action: 'credit.warning.read',
    },
    {
      path: '/district/enterprises',
      label: 'menu.enterprises',
      icon: <ApartmentOutlined />,
      page: 'enterpriseList',
      action: 'enterprise.list',
    },
    {
      path: '/district/projects',
      label: 'menu.projectTracking',
      icon: <ProjectOutlined />,
      page: 'projects',
      action: 'project.read',
    },
  ],
  city_reviewer: [
    {
      path: '/city/pool-review',
      label: 'menu.poolReview',
      icon: <CheckCircleOutlined />,
      page: 'declarationQueue',
      action: 'project.review_queue.city',
    },
    {
      path: '/city/projects',
      label: 'menu.projectTracking',
      icon: <ProjectOutlined />,
      page: 'projects',
      action: 'project.read',
    },
    {
      path: '/city/subsidy-verification',
      label: 'menu.subsidyVerification',
      icon: <FileProtectOutlined />,
      page: 'subsidyReview',
      action: 'subsidy.application.read',
    },
    {
      path: '/city/fund-allocation',
      label: 'menu.fundAllocation',
      icon: <DollarOutlined />,
      page: 'subsidyAllocation',
      action: 'subsidy.allocation.read',
    },
    {
      path: '/city/guarantee',
      label: 'menu.guarantee',
      icon: <SafetyCertificateOutlined />,
      page: 'guarantee',
      action: 'guarantee.risk.read',
    },
    {
      path: '/city/financing',
      label: 'menu.financingCity',
      icon: <FundOutlined />,
      page: 'financingCity',
      action: 'financing.product.review',
    },
    {
      path: '/city/credit',
      label: 'menu.creditProfile',
      icon: <IdcardOutlined />,
      page: 'creditProfile',
      action: 'credit.profile.read',
    },
    {
      path: '/city/credit/warnings',
      label: 'menu.creditWarnings',
      icon: <NotificationOutlined />,
      page: 'creditWarnings',
      action: 'credit.warning.read',
    },
    {
      path: '/city/outreach',
      label: 'menu.outreach',
      icon: <FundOutlined />,
      page: 'outreach',
      action: 'outreach.whitelist.read',
    },
    {
      path: '/city/fund',
      label: 'menu.fundCalls',
      icon: <FundOutlined />,
      page: 'fundCalls',
      action: 'fund.call.read',
    },
    {
      path: '/city/policy-versions',
      label: 'menu.policyVersions',
      icon: <ReadOutlined />,
      page: 'policyVersions',
      action: 'policy.version.read_drafts',
    },
    {
      path: '/city/interpretations',
      label: 'menu.interpretations',
      icon: <ReadOutlined />,
      page: 'interpretations',
      action: 'policy.ruling.read_drafts',
    },
  ],
  city_admin: [
    {
      path: '/admin/resource-pool',
      label: 'menu.resourcePool',
      icon: <SafetyCertificateOutlined />,
      page: 'resourcePool',
      action: 'enterprise.resource_pool.set',
    },
    {
      path: '/admin/batches',
      label: 'menu.batches',
      icon: <ScheduleOutlined />,
      page: 'subsidyCampaigns',
      action: 'subsidy.campaign.create',
    },
    {
      path: '/admin/budget',
      label: 'menu.budgetNotices',
      icon: <NotificationOutlined />,
      page: 'subsidyAllocation',
      action: 'subsidy.allocation.read',
    },
    {
      path: '/admin/sandbox',
      label: 'menu.sandbox',
      icon: <DollarOutlined />,
      page: 'sandbox',
      action: 'subsidy.sandbox.run',
    },
    {
      path: '/admin/fund-plans',
      label: 'menu.fundPlans',
      icon: <DollarOutlined />,
      page: 'fundPlans',
      action: 'subsidy.funding_plan.issue',
    },
    {
      path: '/admin/guarantee',
      label: 'menu.guarantee',
      icon: <SafetyCertificateOutlined />,
      page: 'guarantee',
      action: 'guarantee.pool.manage',
    },
    {
      path: '/admin/calendar',
      label: 'menu.calendarMaintenance',
      icon: <CalendarOutlined />,
      page: 'calendarAdmin',
      action: 'calendar.maintain',
    },
    {
      path: '/admin/enterprises',
      label: 'menu.enterprises',
      icon: <ApartmentOutlined />,
      page: 'enterpriseList',
      action: 'enterprise.list',
    },
    {
      path: '/admin/outbox',
      label: 'menu.outbox',
      icon: <MailOutlined />,
      page: 'outbox',
      action: 'notification.outbox.read',
    },
    {
      path: '/admin/financing',
      label: 'menu.financingCity',
      icon: <FundOutlined />,
      page: 'financingCity',
      action: 'financing.product.review',
    },
    {
      path: '/admin/credit',
      label: 'menu.creditProfile',
      icon: <IdcardOutlined />,
      page: 'creditProfile',
      action: 'credit.digital_level.record',
    },
    {
      path: '/admin/outreach',
      label: 'menu.outreach',
      icon: <FundOutlined />,
      page: 'outreach',
      action: 'outreach.whitelist.manage',
    },
    {
      path: '/admin/fund',
      label: 'menu.fundCalls',
      icon: <FundOutlined />,
      page: 'fundCalls',
      action: 'fund.call.read',
    },
    {
      path: '/admin/policy-versions',
      label: 'menu.policyVersions',
      icon: <ReadOutlined />,
      page: 'policyVersions',
      action: 'policy.version.read_drafts',
    },
    {
      path: '/admin/interpretations',
      label: 'menu.interpretations',
      icon: <ReadOutlined />,
      page: 'interpretations',
      action: 'policy.ruling.read_drafts',
    },
  ],
  security_admin: [
    { path: '/security/users', label: 'menu.users', icon: <TeamOutlined />, page: 'users', action: 'user.list' },
    {
      path: '/security/tokens',
      label: 'menu.apiTokens',
      icon: <KeyOutlined />,
      page: 'apiTokens',
      action: 'api_token.list',
    },
  ],
  audit_admin: [
    {
      path: '/audit/events',
      label: 'menu.auditLog',
      icon: <AuditOutlined />,
      page: 'auditEvents',
      action: 'audit.search',
    },
  ],
  bank_officer: [
    { path: '/bank/loans', label: 'menu.loans', icon: <BankOutlined />, page: 'loans', action: 'loan.read' },
    {
      path: '/bank/import',
      label: 'menu.bulkImport',
      icon: <CloudUploadOutlined />,
      page: 'loanImport',
      action: 'loan.import',
    },
    {
      path: '/bank/risk-compensation',
      label: 'menu.riskCompensation',
      icon: <SafetyCertificateOutlined />,
      page: 'guarantee',
      action: 'guarantee.risk.claim',
    },
    {
      path: '/bank/products',
      label: 'menu.financeProducts',
      icon: <SolutionOutlined />,
      page: 'financingBank',
      action: 'financing.product.manage',
    },
    {
      path: '/bank/credit',
      label: 'menu.creditProfile',
      icon: <IdcardOutlined />,
      page: 'creditProfile',
      action: 'credit.profile.read',
    },
    {
      path: '/bank/credit/warnings',
      label: 'menu.creditWarnings',
      icon: <NotificationOutlined />,
      page: 'creditWarnings',
      action: 'credit.warning.read',
    },
    {
      path: '/bank/outreach',
      label: 'menu.outreach',
      icon: <FundOutlined />,
      page: 'outreach',
      action: 'outreach.whitelist.read',
    },
  ],
  fund_operator: [
    {
      path: '/operator/fund',
      label: 'menu.fundCalls',
      icon: <FundOutlined />,
      page: 'fundCalls',
      action: 'fund.call.read',
    },
  ],
  expert: [
    {
      path: '/expert/reviews',
      label: 'menu.fundReviews',
      icon: <SolutionOutlined />,
      page: 'fundReviews',
      action: 'fund.review.score',
    },
  ],
  external_auditor: [
    {
      path: '/auditor/fund',
      label: 'menu.fundCalls',
      icon: <AuditOutlined />,
      page: 'fundCalls',
      action: 'fund.call.read',
    },
  ],
  insurer_officer: [
    {
      path: '/insurer/loans',
      label: 'menu.insuredLoans',
      icon: <SafetyCertificateOutlined />,
      page: 'loans',
      action: 'loan.read',
    },
    {
      path: '/insurer/guarantee',
      label: 'menu.guarantee',
      icon: <SafetyCertificateOutlined />,
      page: 'guarantee',
      action: 'guarantee.risk.claim',
    },
    {
      path: '/insurer/outreach',
      label: 'menu.outreach',
      icon: <FundOutlined />,
      page: 'outreach',
      action: 'outreach.event.read',
    },
  ],
};

/** Open to everyone, no sign-in. */
export const PUBLIC_MENU: PageItem[] = [
  { path: '/public/policies', label: 'menu.policyLibrary', icon: <ReadOutlined />, page: 'policies' },
  { path: '/public/calculator', label: 'menu.subsidyCalculator', icon: <CalculatorOutlined />, page: 'calculator' },
  { path: '/public/eligibility', label: 'menu.eligibility', icon: <CheckCircleOutlined />, page: 'eligibility' },
  { path: '/public/calendar', label: 'menu.filingCalendar', icon: <CalendarOutlined />, page: 'calendar' },
  { path: '/public/notices', label: 'menu.notices', icon: <NotificationOutlined />, page: 'publicNotices' },
  { path: '/public/financing', label: 'menu.financingCatalogue', icon: <FundOutlined />, page: 'financingCatalogue' },
  { path: '/public/financing-statistics', label: 'menu.outreachStats', icon: <FundOutlined />, page: 'outreachPublic' },
];

/** The menu a signed-in person sees: their workspace's items that the access tables allow them. */
export function menuOf(me: Me): NavItem[] {
  return ROLE_MENUS[me.role].filter((m) => mayI(me, m.menuAction ?? m.action));
}

export function homeOf(role: Role): string {
  return ROLE_MENUS[role][0]?.path ?? '/';
}

/** Every workspace path, with the item (page and action) it opens. */
export function itemsByPath(): Map<string, NavItem> {
  const m = new Map<string, NavItem>();
  for (const items of Object.values(ROLE_MENUS))
    for (const item of items) if (!m.has(item.path)) m.set(item.path, item);
  return m;
}
