export * from './capitals';
export * from './money';
