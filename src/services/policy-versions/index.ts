/** The policy-versions module's public face: record, correct and approve versions; list them; load them for decisions. */
export * from './approve-policy-version';
export * from './draft-policy-version';
export * from './read-policy-versions';
export { loadDraftZybVersion, loadZybVersions } from './records';
