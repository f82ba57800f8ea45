/** The interpretations module's public face: record and approve rulings; read the register; load it for decisions. */
export * from './approve-ruling';
export * from './read-interpretations';
export * from './record-ruling';
export { loadRulings } from './records';
