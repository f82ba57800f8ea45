/** The metrics module's public face: the figures a running server reports beside its request counts. */
export * from './readiness';
export * from './system-gauges';
