/** The api-tokens module's public face: other modules, routes, the CLI and the seed import only from here. */
export * from './issue-api-token';
export * from './list-api-tokens';
export * from './revoke-api-token';
