export * from './allocate';
export * from './supplementary';
