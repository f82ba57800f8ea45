/** The reference module's public face: districts and cooperating institutions. */
export * from './list-reference';
