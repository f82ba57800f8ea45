export * from './decide';
export * from './eligibility';
export * from './params';
export * from './policy';
export * from './subsidy';
