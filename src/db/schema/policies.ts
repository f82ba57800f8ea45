/**
 * Versions of a policy's parameters recorded from renewal notices (src/domain/policies/zyb/versions.ts): a draft
 * by one city account, approved by another (maker–checker), then in force from its start date. An approved
 * version is never edited, only superseded by a later one. `params` holds the contract's `ZPolicyVersionParams`
 * (each changed value with the notice's article), validated on the way in and on the way out.
 */
import { sql } from 'drizzle-orm';
import { check, date, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { act, instant, pendingAct } from './columns';

export const policyVersions = pgTable(
  'policy_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The policy whose parameters this version sets, e.g. zyb.interest. */
    policyId: text('policy_id').notNull(),
    docNumber: text('doc_number').notNull(),
    title: text('title').notNull(),
    issuer: text('issuer').notNull(),
    issuedOn: date('issued_on').notNull(),
    validFrom: date('valid_from').notNull(),
    /** Last day in force (inclusive); null = no end date. */
    validTo: date('valid_to'),
    /** The notice's text as pasted; every cited article must be found in it. */
    sourceText: text('source_text').notNull(),
    params: jsonb('params').notNull(),
    /** draft → approved → superseded (a later approved version covers all of its validity). */
    status: text('status').notNull().default('draft'),
    ...act('drafted'),
    updatedAt: instant('updated_at').notNull(),
    ...pendingAct('approved'),
    supersededAt: instant('superseded_at'),
    supersededBy: uuid('superseded_by'),
  },
  (t) => [
    uniqueIndex('policy_versions_doc_uq').on(t.policyId, t.docNumber),
    index('policy_versions_policy_idx').on(t.policyId, t.status),
    check('policy_versions_status', sql`${t.status} in ('draft', 'approved', 'superseded')`),
    check('policy_versions_dates', sql`${t.validTo} is null or ${t.validFrom} <= ${t.validTo}`),
    check(
      'policy_versions_maker_checker',
      sql`(${t.status} = 'draft' and ${t.approvedBy} is null) or (${t.status} <> 'draft' and ${t.approvedBy} is not null and ${t.approvedBy} <> ${t.draftedBy})`,
    ),
  ],
);
