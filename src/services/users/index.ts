/** The users module's public face: other modules, routes, the CLI and the seed import only from here. */
export * from './create-user';
export * from './disable-user';
export * from './enable-user';
export * from './get-user';
export * from './list-users';
export * from './reset-two-factor';
export * from './reset-user-password';
export * from './unlock-user';
