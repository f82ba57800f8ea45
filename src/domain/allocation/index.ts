export * from './allocate';
export * from './rank-and-cap';
export * from './supplementary';
