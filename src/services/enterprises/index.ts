/** The enterprises module's public face: other modules, routes, the CLI and the seed import only from here. */
export * from './attachment-owner';
export * from './get-enterprise';
export * from './list-credit-history';
export * from './list-enterprises';
export * from './register-enterprise';
export * from './scope';
export * from './set-credit-standing';
export * from './set-resource-pool';
export { uniqueViolationOf } from './unique-violation';
export * from './update-enterprise';
