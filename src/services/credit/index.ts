/**
 * The credit module's public face (002 三（三）2, 三（四）2): the enterprise credit profile with its transparent
 * score and view log, digital-level assessments, and risk warnings — raised inside the transactions of the changes
 * that cause them (`warning-hooks`), by the sweep for the time-based causes, and acknowledged by their recipients.
 */
export * from './digital-levels';
export * from './read-profile';
export * from './record-digital-level';
export * from './sweep-warnings';
export * from './warning-hooks';
export * from './warnings';
