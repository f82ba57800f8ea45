/**
 * The outreach module's public face (002 三（一） and 二): white lists pushed to the cooperating banks with their
 * visits and coverage, match-making events with the one-to-one scheduler, and the financing statistics.
 */
export * from './event-use-cases';
export * from './read-statistics';
export * from './record-visit';
export * from './spreadsheets';
export * from './whitelist-use-cases';
