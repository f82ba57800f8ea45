/**
 * The enterprise credit profile (企业画像, 002 三（三）2): digital-level assessments (三（四）2, shared with banks free of
 * charge), the log of who viewed a profile, and risk warnings (风险预警) with their deliveries to the banks with
 * exposure and to the enterprise's district, each acknowledged with what was done.
 */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant, optionalRef, primaryId, requiredRef } from './columns';
import { institutions, users } from './core';
import { enterprises } from './enterprises';

/** 数字化水平评测 (《中小企业数字化水平评测指标》): one row per assessment result. */
export const creditDigitalLevels = pgTable(
  'credit_digital_levels',
  {
    id: primaryId(),
    enterpriseId: requiredRef('enterprise_id', () => enterprises.id),
    /** 1 一级 … 4 四级 */
    level: integer('level').notNull(),
    /** The assessment's score as printed, e.g. "72.5". */
    score: text('score').notNull(),
    assessedOn: date('assessed_on').notNull(),
    validTo: date('valid_to').notNull(),
    assessor: text('assessor').notNull(),
    evidence: text('evidence').notNull(),
    recordedBy: optionalRef('recorded_by', () => users.id),
    recordedByName: text('recorded_by_name').notNull(),
    recordedAt: instant('recorded_at').notNull(),
  },
  (t) => [
    index('credit_digital_levels_enterprise_idx').on(t.enterpriseId, t.assessedOn),
    check('credit_digital_levels_level', sql`${t.level} between 1 and 4`),
    check('credit_digital_levels_validity', sql`${t.validTo} >= ${t.assessedOn}`),
  ],
);

/** Every view of a profile by someone outside the enterprise: who, from which institution, when. */
export const creditProfileViews = pgTable(
  'credit_profile_views',
  {
    id: primaryId(),
    enterpriseId: requiredRef('enterprise_id', () => enterprises.id),
    viewerId: optionalRef('viewer_id', () => users.id),
    viewerName: text('viewer_name').notNull(),
    viewerRole: text('viewer_role').notNull(),
    institutionId: optionalRef('institution_id', () => institutions.id),
    /** The viewer's organisation as shown to the enterprise (bank name, district office, city bureau). */
    organisation: text('organisation').notNull(),
    viewedAt: instant('viewed_at').notNull(),
  },
  (t) => [index('credit_profile_views_enterprise_idx').on(t.enterpriseId, t.viewedAt)],
);

export const creditWarnings = pgTable(
  'credit_warnings',
  {
    id: primaryId(),
    enterpriseId: requiredRef('enterprise_id', () => enterprises.id),
    districtCode: text('district_code'),
    kind: text('kind').notNull(),
    /** high | medium | low */
    level: text('level').notNull(),
    /** Names the cause: one warning per cause, ever. */
    causeKey: text('cause_key').notNull(),
    subjectId: uuid('subject_id').notNull(),
    reason: text('reason').notNull(),
    raisedAt: instant('raised_at').notNull(),
    /** open | closed */
    status: text('status').notNull().default('open'),
    closedAt: instant('closed_at'),
    closeReason: text('close_reason'),
  },
  (t) => [
    uniqueIndex('credit_warnings_cause_uq').on(t.causeKey),
    index('credit_warnings_subject_idx').on(t.kind, t.subjectId, t.status),
    index('credit_warnings_enterprise_idx').on(t.enterpriseId, t.raisedAt),
    check('credit_warnings_level', sql`${t.level} in ('high', 'medium', 'low')`),
    check('credit_warnings_status', sql`${t.status} in ('open', 'closed')`),
  ],
);

/** Who a warning goes to: each bank with exposure when it was raised, and the enterprise's district. */
export const creditWarningDeliveries = pgTable(
  'credit_warning_deliveries',
  {
    id: primaryId(),
    warningId: requiredRef('warning_id', () => creditWarnings.id),
    /** bank | district */
    audience: text('audience').notNull(),
    institutionId: optionalRef('institution_id', () => institutions.id),
    districtCode: text('district_code'),
    /** loan | order (why the bank is told), null for the district. */
    exposure: text('exposure'),
    acknowledgedAt: instant('acknowledged_at'),
    acknowledgedBy: optionalRef('acknowledged_by', () => users.id),
    acknowledgedByName: text('acknowledged_by_name'),
    actionTaken: text('action_taken'),
  },
  (t) => [
    uniqueIndex('credit_warning_deliveries_bank_uq')
      .on(t.warningId, t.institutionId)
      .where(sql`${t.audience} = 'bank'`),
    uniqueIndex('credit_warning_deliveries_district_uq')
      .on(t.warningId, t.districtCode)
      .where(sql`${t.audience} = 'district'`),
    index('credit_warning_deliveries_institution_idx').on(t.institutionId),
    index('credit_warning_deliveries_district_idx').on(t.districtCode),
    check('credit_warning_deliveries_audience', sql`${t.audience} in ('bank', 'district')`),
    check(
      'credit_warning_deliveries_target',
      sql`(${t.audience} = 'bank' and ${t.institutionId} is not null) or (${t.audience} = 'district' and ${t.districtCode} is not null)`,
    ),
    check(
      'credit_warning_deliveries_ack',
      sql`${t.acknowledgedAt} is null or (${t.actionTaken} is not null and length(${t.actionTaken}) > 0)`,
    ),
  ],
);
