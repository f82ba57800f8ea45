/**
 * The calculators module's public face: the policy engine's contract adapters (the same code behind the public
 * calculators, the CLI and the bench) and the policy library's source texts.
 */
export * from './api';
export * from './read-policy-source';
