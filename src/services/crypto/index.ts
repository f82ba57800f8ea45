/** The crypto module's public face: other modules, routes, the CLI and the seed import only from here. */
export * from './data-cipher';
export * from './sm3';
