export * from './calendar';
export * from './dates';
export * from './holidays';
export * from './windows';
