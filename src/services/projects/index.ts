/** The projects module's public face: other modules, routes, the CLI and the seed import only from here. */
export * from './attachment-owners';
export * from './check-declaration';
export * from './create-declaration';
export * from './get-declaration';
export * from './list-declarations';
export * from './progress-reports';
export * from './project-view';
export * from './review-city';
export * from './review-district';
export * from './review-queue';
export * from './review-queue-export';
export * from './spot-checks';
export * from './submit-declaration';
export * from './sweep';
export * from './update-declaration';
export * from './withdraw-declaration';
