/** Enterprises (applicants): manufacturers and digital service providers. */
import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { namedAct, primaryId, requiredRef, timestamps, version } from './columns';
import { districtRef } from './core';

export const enterprises = pgTable(
  'enterprises',
  {
    id: primaryId(),
    /** 统一社会信用代码 (GB 32100-2015), upper case. */
    uscc: text('uscc').notNull(),
    name: text('name').notNull(),
    registeredAddress: text('registered_address').notNull(),
    operatingAddress: text('operating_address').notNull(),
    /** One of the city's districts, or null when the enterprise is registered outside the city. */
    districtCode: districtRef(),
    /** Registered outside the city: may use the platform but is ineligible for city programmes. */
    outsideCity: boolean('outside_city').notNull().default(false),
    /** manufacturer | service_provider */
    type: text('type').notNull(),
    isSme: boolean('is_sme').notNull(),
    establishedOn: date('established_on').notNull(),
    /** Membership of 江门市制造业数字化转型产业生态供给资源池, kept by the city administrator. */
    inResourcePool: boolean('in_resource_pool').notNull().default(false),
    resourcePoolSince: date('resource_pool_since'),
    /** good | abnormal (经营异常名录) | dishonest (严重违法失信名单) */
    creditStatus: text('credit_status').notNull().default('good'),
    creditSource: text('credit_source'),
    creditAsOf: date('credit_as_of'),
    contactName: text('contact_name').notNull(),
    /** AES-256-GCM ciphertext of the contact phone; shown masked. */
    contactPhoneEnc: text('contact_phone_enc').notNull(),
    /** AES-256-GCM ciphertext of the legal representative's ID number; shown masked. */
    legalRepIdEnc: text('legal_rep_id_enc'),
    legalRepName: text('legal_rep_name'),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('enterprises_uscc_uq').on(t.uscc),
    index('enterprises_district_idx').on(t.districtCode),
    index('enterprises_name_trgm_idx').on(sql`lower(${t.name})`),
  ],
);

/** History of credit-standing changes (who, when, source, date), kept by the city administrator. */
export const enterpriseCreditChanges = pgTable(
  'enterprise_credit_changes',
  {
    id: primaryId(),
    enterpriseId: requiredRef('enterprise_id', () => enterprises.id),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    source: text('source').notNull(),
    asOf: date('as_of').notNull(),
    note: text('note'),
    ...namedAct('changed'),
  },
  (t) => [index('enterprise_credit_changes_enterprise_idx').on(t.enterpriseId, t.changedAt)],
);

/** History of resource-pool membership changes, kept by the city administrator. */
export const enterprisePoolChanges = pgTable(
  'enterprise_pool_changes',
  {
    id: primaryId(),
    enterpriseId: requiredRef('enterprise_id', () => enterprises.id),
    inResourcePool: boolean('in_resource_pool').notNull(),
    since: date('since'),
    note: text('note'),
    ...namedAct('changed'),
  },
  (t) => [index('enterprise_pool_changes_enterprise_idx').on(t.enterpriseId, t.changedAt)],
);
