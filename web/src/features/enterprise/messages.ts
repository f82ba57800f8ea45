/**
 * The enterprise module's texts, Chinese first; English must have every key (the type checks it).
 * The enterprise types and credit statuses come from the contracts' name tables (the server uses the same names),
 * keyed `enterprise.<table>.<value>`.
 */
import { CREDIT_STATUS_NAMES, ENTERPRISE_TYPE_NAMES } from '../../../../src/contracts/enterprises';
import { namesIn } from '../projects/messages';

function contractNames(lang: 'zh' | 'en') {
  return {
    ...namesIn('enterprise.type', ENTERPRISE_TYPE_NAMES, lang),
    ...namesIn('enterprise.creditStatus', CREDIT_STATUS_NAMES, lang),
  };
}

export const enterpriseZh = {
  ...contractNames('zh'),
  'pool.intro':
    '数字化转型供给资源池的入池企业，以及企业的信用状况（经营异常名录、失信被执行人等，影响申报资格）。入池与信用状况在企业详情中维护。',
  'pool.members': '供给资源池入池企业',
  'pool.since': '入池日期',
  'pool.inPool': '入池企业',
  'pool.creditTitle': '信用状况需关注的企业',
  'pool.creditIntro': '信用状况为经营异常或失信的企业不能申报市级扶持项目；信用修复后请在企业详情中更新。',
  'pool.creditSource': '信息来源',
  'pool.creditAsOf': '信息日期',
  'pool.manage': '查看与维护',
} as const;

export const enterpriseEn: Record<keyof typeof enterpriseZh, string> = {
  ...contractNames('en'),
  'pool.intro':
    'The enterprises in the digital-transformation supply resource pool, and the credit standing of enterprises (abnormal operations list, dishonest judgement debtors), which decides eligibility. Both are kept on the enterprise page.',
  'pool.members': 'Resource pool members',
  'pool.since': 'In the pool since',
  'pool.inPool': 'In the pool',
  'pool.creditTitle': 'Enterprises whose credit needs attention',
  'pool.creditIntro':
    'Enterprises listed as abnormal or dishonest cannot apply to city programmes; update the standing on the enterprise page once restored.',
  'pool.creditSource': 'Source',
  'pool.creditAsOf': 'As of',
  'pool.manage': 'Open',
};
