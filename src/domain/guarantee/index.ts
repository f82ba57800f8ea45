export * from './fee-subsidy';
export * from './params';
export * from './risk-compensation';
export * from './risk-workflow';
