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
} as const;

export const enterpriseEn: Record<keyof typeof enterpriseZh, string> = {
  ...contractNames('en'),
};
