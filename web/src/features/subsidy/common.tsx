/** Shared bits of the subsidy pages: bilingual text, status tags, the explanation list. */
import { Tag, Typography } from 'antd';
import {
  APPLICATION_STATUS_ZH,
  type ApplicationStatus,
  CAMPAIGN_STATUS_ZH,
  type CampaignStatus,
  OBJECTION_OUTCOME_ZH,
  OBJECTION_STATUS_ZH,
  type ObjectionOutcome,
  type ObjectionStatus,
} from '../../../../src/domain/workflow/application';
import { useI18n } from '../../i18n';

/** Chinese first, English second: pick by the UI language. */
export function useL() {
  const { lang } = useI18n();
  return (zh: string, en: string) => (lang === 'en' ? en : zh);
}

const STATUS_EN: Record<ApplicationStatus, string> = {
  submitted: 'Submitted, awaiting district check',
  district_returned: 'Returned by the district',
  district_passed: 'Checked by the district, awaiting city',
  city_returned: 'Returned by the city',
  verified: 'Verified, awaiting allocation',
  awarded: 'Awarded',
  unfunded: 'Not funded',
};
const STATUS_COLOR: Record<ApplicationStatus, string> = {
  submitted: 'processing',
  district_returned: 'warning',
  district_passed: 'processing',
  city_returned: 'warning',
  verified: 'cyan',
  awarded: 'success',
  unfunded: 'default',
};

export function StatusTag({ status }: { status: string }) {
  const L = useL();
  const s = status as ApplicationStatus;
  return (
    <Tag color={STATUS_COLOR[s] ?? 'default'} data-testid="application-status">
      {L(APPLICATION_STATUS_ZH[s] ?? status, STATUS_EN[s] ?? status)}
    </Tag>
  );
}

const CAMPAIGN_EN: Record<CampaignStatus, string> = {
  open: 'Open',
  allocated: 'Allocated, notice pending',
  notice: 'Public notice',
  plan_issued: 'Funding plan issued',
};
export function CampaignTag({ status }: { status: string }) {
  const L = useL();
  const s = status as CampaignStatus;
  return (
    <Tag color={s === 'open' ? 'green' : s === 'plan_issued' ? 'blue' : 'gold'}>
      {L(CAMPAIGN_STATUS_ZH[s], CAMPAIGN_EN[s])}
    </Tag>
  );
}

const AWARD_ZH: Record<string, [string, string, string]> = {
  funded: ['足额安排', 'Funded', 'success'],
  partial: ['部分安排', 'Partly funded', 'gold'],
  unfunded: ['预算用完未安排', 'Budget used up', 'default'],
  skipped: ['余额不足跳过', 'Skipped', 'default'],
  stopped: ['余额不足停止', 'Stopped', 'default'],
  zero: ['核定为0', 'Zero', 'default'],
  revoked: ['已撤销', 'Revoked', 'red'],
  reduced: ['已核减', 'Reduced', 'volcano'],
};
export function AwardTag({ status }: { status: string }) {
  const L = useL();
  const a = AWARD_ZH[status];
  return <Tag color={a?.[2] ?? 'default'}>{a ? L(a[0], a[1]) : status}</Tag>;
}

/** Marks a 递补 award, run or notice (budget freed during the notice, 申报指南 六（四） order). */
export function SupplementaryTag({ notice = false }: { notice?: boolean }) {
  const { t } = useI18n();
  return (
    <Tag color="orange" data-testid="supplementary-tag">
      {notice ? t('subsidy.supplementaryNotice') : t('subsidy.supplementary')}
    </Tag>
  );
}

export function ObjectionTag({ status, outcome }: { status: string; outcome: string | null }) {
  const text = outcome
    ? OBJECTION_OUTCOME_ZH[outcome as ObjectionOutcome]
    : OBJECTION_STATUS_ZH[status as ObjectionStatus];
  return <Tag color={status === 'closed' ? 'default' : 'red'}>{text ?? status}</Tag>;
}

export function Explanation({ lines }: { lines: readonly string[] }) {
  return (
    <ol className="subsidy-explanation" style={{ paddingLeft: 20, margin: 0 }} data-testid="explanation">
      {lines.map((l, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines are static text in order
        <li key={i}>
          <Typography.Text>{l}</Typography.Text>
        </li>
      ))}
    </ol>
  );
}
