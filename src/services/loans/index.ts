/** The loans module's public face: other modules, routes, the CLI and the seed import only from here. */
export * from './cancel-loan';
export * from './claims';
export * from './correct-loan';
export * from './extend-loan';
export * from './get-loan';
export * from './import-loans';
export * from './import-template';
export * from './interest';
export * from './list-loans';
export * from './record-loan';
export * from './record-repayment';
export * from './scope';
export * from './shared';
