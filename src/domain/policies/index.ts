/**
 * The policy engine's public surface. Pure: no I/O, no clock, no environment. Callers pass dates, facts, the
 * working calendar and (for simulations) parameter overrides.
 */
export * from './catalogue';
export * from './core/citation';
export * from './core/conditions';
export * from './core/measure';
export * from './core/param';
export * from './core/policy';
export * from './core/trace';
export * from './facts';
export { IIFUND_POLICIES } from './iifund/index';
export { IP_PLEDGE_SUBSIDY, MEASURES_2023, ZJTX_CREDIT_LOAN_SUBSIDY } from './measures2023/index';
export { DOC_IDS, SOURCE_DOCS, type SourceDoc } from './sources/index';
export * from './zyb/index';
