export * from './decide';
export * from './eligibility';
export * from './params';
export * from './period';
export * from './policy';
export * from './subsidy';
export * from './versions';
