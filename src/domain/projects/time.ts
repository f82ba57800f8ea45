/**
 * China time for the projects module: the names it has always used, for the one helper in `calendar/china-time`.
 */
export { chinaDateOf as shanghaiDate, chinaStartOf as shanghaiStartOf } from '../calendar/china-time';
