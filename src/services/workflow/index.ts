/** Helpers shared by the business modules' use cases (fund, guarantee, outreach, credit, financing). */

export * from './any-row';
export * from './audited-rows';
export * from './party-scope';
