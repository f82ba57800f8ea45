/** The health module's public face. */
export * from './check-health';
