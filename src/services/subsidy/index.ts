/** The subsidy module's public face: other modules, routes, the CLI and the seed import only from here. */
export * from './attachment-owner';
export * from './campaigns';
export * from './dashboard';
export * from './funding-plan';
export * from './loan-claims';
export * from './objections';
export * from './other-reads';
export * from './public-notices';
export * from './publish-notice';
export * from './read-applications';
export * from './resubmit-application';
export * from './review-application';
export * from './run-allocation';
export * from './run-sandbox';
export * from './scope';
export * from './submit-application';
export * from './supplementary-allocation';
