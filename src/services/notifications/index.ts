/** The notifications module's public face: other modules, routes, the CLI and the seed import only from here. */
export * from './dispatcher';
export * from './list-notifications';
export * from './list-outbox';
export * from './notify';
export * from './recipients';
export * from './senders';
