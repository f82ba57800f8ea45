/** The calendar module's public face: other modules, routes, the CLI and the seed import only from here. */
export * from './load-calendar';
export * from './maintain-calendar';
export * from './policy-windows';
export * from './read-calendar';
