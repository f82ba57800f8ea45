/**
 * The formal conditions of 江工信工业互联网〔2021〕4号 第九条 for an application: those the platform knows come from
 * its records (registration in Jiangmen and age ≥ 1 year from the enterprise record, credit standing over three
 * years from its history, SME status for 上云上平台); the rest are declared under the signed commitment (承诺书).
 * The resource-pool selection is open nationwide (申报指南 三（五） 面向全国), so 第九条 does not apply to it.
 */

import { citationLabel } from '../policies/core/citation';
import { type ConditionResult, conditionMessage } from '../policies/core/conditions';
import type { EnterpriseFacts } from '../policies/facts';
import { IIFUND_POLICIES } from '../policies/iifund/index';
import type { Direction } from './standards';

const FROM_RECORD = new Set(['IIF_REGISTERED', 'IIF_ESTABLISHED_1Y', 'IIF_CREDIT_3Y', 'IIF_CLOUD_SME']);

export interface CheckResult {
  readonly code: string;
  readonly status: 'pass' | 'fail' | 'declared';
  readonly source: 'record' | 'commitment';
  readonly message: string;
}

export interface ApplicantFacts {
  readonly registeredInJiangmen: boolean;
  readonly establishedOn: string;
  readonly creditGood3y: boolean;
  readonly isSme: boolean;
  readonly declarations: {
    readonly independentLegalEntity: boolean;
    readonly noOtherFiscalSupport: boolean;
    readonly fiscalRecordGood: boolean;
    readonly noMajorAccidents: boolean;
  };
}

const POLICY: Readonly<Record<Exclude<Direction, 'pool'>, string>> = {
  benchmark_app: 'iifund.benchmark',
  benchmark_platform: 'iifund.benchmark',
  cloud: 'iifund.cloud',
  cluster: 'iifund.cluster',
};

export function article9Checks(direction: Direction, f: ApplicantFacts, asOf: string): CheckResult[] {
  if (direction === 'pool') return [];
  const policy = IIFUND_POLICIES.find((p) => p.id === POLICY[direction])!;
  const facts: EnterpriseFacts = {
    enterprise: {
      registeredInJiangmen: f.registeredInJiangmen,
      establishedOn: f.establishedOn,
      creditGood3y: f.creditGood3y,
      isSme: f.isSme,
      independentLegalEntity: f.declarations.independentLegalEntity,
      projectOtherFiscalSupport: !f.declarations.noOtherFiscalSupport,
      fiscalRecordGood3y: f.declarations.fiscalRecordGood,
      noMajorAccidents3y: f.declarations.noMajorAccidents,
    },
  };
  return policy
    .evaluate(facts, asOf)
    .eligibility.conditions.filter((c: ConditionResult) => c.code.startsWith('IIF_'))
    .map((c) => {
      const record = FROM_RECORD.has(c.code);
      const message = `${conditionMessage(c)}（依据${citationLabel(c.citation)}${record ? '，据平台记录' : '，据承诺书'}）`;
      const status = c.status === 'pass' ? (record ? 'pass' : 'declared') : 'fail';
      return { code: c.code, status, source: record ? 'record' : 'commitment', message };
    });
}
