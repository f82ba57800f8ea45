/** A small RFC 4180 CSV writer (quoted fields, doubled quotes, CRLF). Pure. Reading is done with csv-parse. */

function quote(v: string): string {
  return /[",\r\n]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * Writes records as CSV with CRLF line ends. With `guardFormulas`, a text field starting with = + - @
 * (and not a number) gets a leading single quote, so spreadsheets do not run it as a formula.
 */
export function toCsv(records: readonly (readonly string[])[], opts: { guardFormulas?: boolean } = {}): string {
  return records
    .map((r) =>
      r.map((v) => quote(opts.guardFormulas && /^[=+\-@]/.test(v) && !/^-?\d/.test(v) ? `'${v}` : v)).join(','),
    )
    .join('\r\n')
    .concat('\r\n');
}
