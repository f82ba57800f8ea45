export * from './csv';
export * from './import';
export * from './labels';
export * from './lifecycle';
export * from './params';
export * from './validate';
export * from './values';
