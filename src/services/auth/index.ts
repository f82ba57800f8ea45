/** The auth module's public face: other modules, routes, the CLI and the seed import only from here. */
export * from './change-password';
export * from './current-user';
export * from './demo-accounts';
export * from './enrol-two-factor';
export * from './login';
export * from './password-hash';
export * from './second-factor';
export * from './sessions';
export * from './tokens';
