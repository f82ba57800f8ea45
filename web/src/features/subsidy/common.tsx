/**
 * Shared bits of the subsidy pages: status tags (named through the message table), the explanation list, the
 * campaign a page works on (the first one unless chosen) with its picker and its card title.
 */
import { Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { TCampaign } from '../../../../src/contracts/subsidy';
import type { ApplicationStatus, CampaignStatus } from '../../../../src/domain/workflow/application';
import { useI18n } from '../../i18n';
import { useCampaigns } from './api';
import { subsidyZh } from './messages';

const STATUS_COLOR: Record<ApplicationStatus, string> = {
  submitted: 'processing',
  district_returned: 'warning',
  district_passed: 'processing',
  city_returned: 'warning',
  verified: 'cyan',
  awarded: 'success',
  unfunded: 'default',
};

/** The name of a status in the UI language, or the status itself when it has none. */
function useName() {
  const { t } = useI18n();
  return (key: string, fallback: string) => (key in subsidyZh ? t(key as keyof typeof subsidyZh) : fallback);
}

export function StatusTag({ status }: { status: string }) {
  const name = useName();
  return (
    <Tag color={STATUS_COLOR[status as ApplicationStatus] ?? 'default'} data-testid="application-status">
      {name(`subsidy.applicationStatus.${status}`, status)}
    </Tag>
  );
}

export function CampaignTag({ status }: { status: string }) {
  const name = useName();
  const s = status as CampaignStatus;
  return (
    <Tag color={s === 'open' ? 'green' : s === 'plan_issued' ? 'blue' : 'gold'}>
      {name(`subsidy.campaignStatus.${status}`, status)}
    </Tag>
  );
}

const AWARD_COLOR: Record<string, string> = {
  funded: 'success',
  partial: 'gold',
  revoked: 'red',
  reduced: 'volcano',
};
export function AwardTag({ status }: { status: string }) {
  const name = useName();
  return <Tag color={AWARD_COLOR[status] ?? 'default'}>{name(`subsidy.award.${status}`, status)}</Tag>;
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
  const name = useName();
  const text = outcome
    ? name(`subsidy.objectionOutcome.${outcome}`, outcome)
    : name(`subsidy.objectionStatus.${status}`, status);
  return <Tag color={status === 'closed' ? 'default' : 'red'}>{text}</Tag>;
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

/** The campaigns and the one the page works on: the first until another is chosen. */
export function useCampaignChoice() {
  const { data: campaigns = [] } = useCampaigns();
  const [campaignId, setCampaignId] = useState<string | undefined>();
  useEffect(() => {
    if (!campaignId && campaigns[0]) setCampaignId(campaigns[0].id);
  }, [campaigns, campaignId]);
  const campaign = campaigns.find((c) => c.id === campaignId);
  return { campaigns, campaignId, setCampaignId, campaign };
}

/** The page header's campaign picker. */
export function CampaignSelect({
  campaigns,
  value,
  onChange,
  testId,
}: {
  campaigns: TCampaign[];
  value: string | undefined;
  onChange(id: string): void;
  testId?: string;
}) {
  const { t } = useI18n();
  return (
    <Select
      aria-label={t('subsidy.campaign2')}
      style={{ width: 320 }}
      value={value}
      onChange={onChange}
      options={campaigns.map((c) => ({ value: c.id, label: c.title }))}
      data-testid={testId}
    />
  );
}

/** A campaign card's title: its name and its status. */
export function CampaignTitle({ campaign }: { campaign: TCampaign }) {
  return (
    <Space>
      {campaign.title}
      <CampaignTag status={campaign.status} />
    </Space>
  );
}
