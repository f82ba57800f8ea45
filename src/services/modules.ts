/**
 * Start-up wiring between modules, done once when the application (or a CLI command, or the demo seed) starts —
 * never as a side effect of loading a route plugin. Each registration is idempotent (a named entry is replaced).
 *
 * - attachment owners: which records may carry files, who may attach, who may see them;
 * - loan claims: the subsidy module tells the loans module which applications freeze a loan;
 * - notice sources: the guarantee module's fee notices on the subsidy module's 公示, objections and plan.
 */
import { registerEnterpriseAttachmentOwner } from './enterprises';
import { registerFundAttachmentOwner } from './fund';
import { registerFeeNoticeSource, registerGuaranteeAttachmentOwners } from './guarantee';
import { registerLoanClaimCheck } from './loans';
import { registerProjectAttachmentOwners } from './projects';
import { applicationsClaimingLoan, registerSubsidyAttachmentOwner } from './subsidy';

export function registerModules(): void {
  registerEnterpriseAttachmentOwner();
  registerProjectAttachmentOwners();
  registerSubsidyAttachmentOwner();
  registerFundAttachmentOwner();
  registerLoanClaimCheck('subsidy-applications', applicationsClaimingLoan);
  registerGuaranteeAttachmentOwners();
  registerFeeNoticeSource();
}
