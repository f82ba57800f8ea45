/** The competitive-programmes module's public face (the special fund 003 and the 资源池 selection). */
export * from './acceptance';
export { registerFundAttachmentOwner } from './attachment-owner';
export * from './call-steps';
export * from './create-call';
export * from './dashboard';
export * from './deliberate';
export * from './expert-review';
export * from './experts';
export * from './exports';
export { formalReview, resubmitFundApplication } from './formal-review';
export {
  closeFundObjection,
  isFundCaseNo,
  listFundObjections,
  listPublicFundNotices,
  lookupFundObjection,
  publishFundNotice,
  readPublicFundNotice,
  submitFundObjection,
} from './notice';
export { fileFundPlan, issueFundPlan, readFundPlan } from './plan';
export { proposeFundAwards, readProposal } from './propose-awards';
export * from './read-applications';
export * from './read-calls';
export * from './renewals';
export * from './spot-checks';
export { submitFundApplication } from './submit-application';
export { readTraining, recordTrainingEvent } from './training';
