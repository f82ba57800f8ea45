/** The guarantee module's public face (fee subsidies, risk compensation): routes, the CLI and the seed import from here. */
export * from './allocate-fee-year';
export * from './calculate-compensation';
export * from './fee-years';
export * from './pools';
export * from './publish-fee-notice';
export * from './read-fee-claims';
export * from './read-risk-claims';
export * from './register-enhancement';
export * from './report-recovery';
export * from './review-fee-claim';
export * from './step-risk-claim';
export * from './submit-fee-claim';
export * from './submit-risk-claim';
