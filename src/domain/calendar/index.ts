export * from './calendar';
export * from './china-time';
export * from './dates';
export * from './holidays';
export * from './windows';
