/** The audit module's public face: other modules, routes, the CLI and the seed import only from here. */
export * from './chain-audit-events';
export * from './export-audit-events';
export * from './record-audit';
export * from './search-audit-events';
export * from './verify-audit-chain';
