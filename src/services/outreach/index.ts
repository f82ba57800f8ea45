/**
 * The outreach module's public face (002 三（一） and 二): white lists pushed to the cooperating banks with their
 * visits and coverage, match-making events with the one-to-one scheduler, and the financing statistics.
 */
export * from './add-whitelist-entry';
export * from './check-in-registration';
export * from './create-event';
export * from './create-whitelist';
export * from './list-events';
export * from './list-whitelists';
export * from './preview-whitelist-filters';
export * from './publish-whitelist';
export * from './read-event';
export * from './read-public-statistics';
export * from './read-statistics';
export * from './read-timetable';
export * from './read-whitelist';
export * from './record-meeting-outcome';
export * from './record-visit';
export * from './register-for-event';
export * from './remove-whitelist-entry';
export * from './schedule-event';
export * from './spreadsheets';
