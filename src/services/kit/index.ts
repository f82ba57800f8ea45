/** The kit's public face: helpers shared by the service modules' use cases (refusals, steps, scoped lists). */
export * from './field-problems';
export * from './row-in-scope';
